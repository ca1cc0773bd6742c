"""The consolidated workbook as an official document of the province's agency: who issues it,
its number, place and date, who signs it and where it goes (Decree 30/2020).

Set from the window or the command line's --agency/--signer options and remembered in a small
settings file of the user data folder, so the next consolidation carries them. The same file
remembers the deadline of each period's reports (a deadline belongs to its period: the next
period's is set anew).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from commune_desk.domain import documents as doc
from commune_desk.excel.consolidation_document import Official


@dataclass(frozen=True)
class DocumentSettings:
    parent_agency: str = ""  # the agency's first line; default "UBND TỈNH …"
    agency: str = ""  # the issuing agency under the province's committee: "SỞ KHOA HỌC VÀ …"
    number_prefix: str = ""  # "BC-SKHCN"; default BC-UBND
    place: str = ""  # of the date line; default the province's name
    signer_title: str = ""  # "GIÁM ĐỐC", "CHỦ TỊCH"
    signer_capacity: str = ""  # "KT. GIÁM ĐỐC"; default from the title
    signer_name: str = ""
    recipients: str = ""  # one a line (or separated by ';')

    def but(self, **changes: str | None) -> DocumentSettings:
        """These settings with the options given (None: not given) put in."""
        return replace(self, **{k: v.strip() for k, v in changes.items() if v is not None})


def load_settings(path: Path) -> DocumentSettings:
    """The remembered settings ({} when none, or when the file is unreadable)."""
    try:
        stored = json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError):
        return DocumentSettings()
    known = {f.name for f in fields(DocumentSettings)}
    if not isinstance(stored, dict):
        return DocumentSettings()
    return DocumentSettings(**{k: str(v) for k, v in stored.items() if k in known})


def save_settings(path: Path, settings: DocumentSettings) -> None:
    _write(Path(path), {**_stored(Path(path)), **asdict(settings)})


def load_deadlines(path: Path) -> dict[str, dt.date]:
    """The remembered deadline of each period ("2025-Q3" -> its date); {} when none."""
    found = _stored(Path(path)).get(_DEADLINES)
    deadlines: dict[str, dt.date] = {}
    for key, text in (found if isinstance(found, dict) else {}).items():
        try:
            deadlines[str(key)] = dt.date.fromisoformat(str(text))
        except ValueError:
            continue  # an unreadable date is as good as none
    return deadlines


def remember_deadline(path: Path, period_key: str, deadline: dt.date) -> None:
    stored = _stored(Path(path))
    known = stored.get(_DEADLINES)
    deadlines = dict(known) if isinstance(known, dict) else {}
    deadlines[period_key] = deadline.isoformat()
    _write(Path(path), {**stored, _DEADLINES: deadlines})


_DEADLINES = "deadlines"


def _stored(path: Path) -> dict[str, object]:
    try:
        stored = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return stored if isinstance(stored, dict) else {}


def _write(path: Path, stored: dict[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(stored, ensure_ascii=False, indent=1) + "\n"
    temp = path.with_name(path.name + ".tmp")
    temp.write_text(text, "utf-8")
    temp.replace(path)  # never half a settings file


def official(settings: DocumentSettings, province: str, today: dt.date) -> Official:
    """The document's official parts from the settings, with the Decree 30 defaults; `today`
    is the document's date."""
    committee = doc.province_agency_lines(province)
    parent = settings.parent_agency.upper() or f"UBND {committee[1]}"
    agency = (parent, settings.agency.upper()) if settings.agency else committee
    place = settings.place or province.strip() or "…"
    title = settings.signer_title.upper()
    recipients = settings.recipients.replace(";", "\n")
    return Official(
        agency=agency,
        number_line=doc.document_number(settings.number_prefix),
        date_line=doc.date_line(place, today),
        signer_capacity=settings.signer_capacity.upper() or _capacity(title),
        signer_title=title,
        signer_name=settings.signer_name,
        recipients=doc.recipients_block(recipients) if (recipients or title) else (),
    )


def _capacity(title: str) -> str:
    """The capacity line above a title: TM. for the committee's chairman, KT. for a deputy."""
    if title in doc.CAPACITY_FOR_TITLE:
        return doc.CAPACITY_FOR_TITLE[title]
    return f"KT. {title.removeprefix('PHÓ ')}" if title.startswith("PHÓ ") else ""
