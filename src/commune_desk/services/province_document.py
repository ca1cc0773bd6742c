"""The consolidated workbook as an official document of the province's agency: who issues it,
its number, place and date, who signs it and where it goes (Decree 30/2020).

Set from the window or the command line's --agency/--signer options and remembered in a small
settings file of the user data folder, so the next consolidation carries them.
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
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=1) + "\n", "utf-8")


def official(settings: DocumentSettings, province: str, today: dt.date) -> Official:
    """The document's official parts from the settings, with the Decree 30 defaults."""
    committee = doc.province_agency_lines(province)
    agency = (f"UBND {committee[1]}", settings.agency.upper()) if settings.agency else committee
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
