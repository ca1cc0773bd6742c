"""An import of a list in the audit trail: one entry per import, holding every row it wrote.

The entry (`audit.import_entry`) is keyed by the file's name; its new value is
{"added": [record, ...], "changed": [record, ...], "file": name, "sha256": hex} and its old
value, when the import changed records, {"changed": [the same records before, in order]}.
The page reads it as one line (how many records of which list from which file); the export
adds a line for each record. Service text, like every service message: not translated.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from commune_desk.domain.numbers import format_number
from commune_desk.domain.records import KINDS
from commune_desk.services.audit_text import ACTIONS, SHORT_HASH, EntryText, Wording, changes

# The stored new value of an import begins so (its keys sorted); no record has a field "added".
IMPORT_PREFIX = '{"added": ['
ADDED = "Nhập từ tệp: thêm"
CHANGED = "Nhập từ tệp: sửa"


@dataclass(frozen=True)
class ImportedRow:
    """One record of an import entry: in words, and its values as stored (before, after)."""

    text: EntryText
    old: Any
    new: Any


def is_import(action: str, entity: str, new: str | None) -> bool:
    """Whether an entry is a whole import's (told without reading its rows)."""
    if action != "import" or entity not in KINDS or new is None:
        return False
    return new.startswith(IMPORT_PREFIX)


def describe(
    wording: Wording,
    action: str,
    entity: str,
    key: str,
    period: str | None,
    old: str | None,
    new: str | None,
) -> EntryText:
    """An entry in words: an import on one line, any other entry as `Wording.describe`."""
    if not is_import(action, entity, new):
        return wording.describe(action, entity, key, period, old, new)
    value = _load(new)
    added, changed = len(value.get("added", [])), len(value.get("changed", []))
    label = KINDS[entity].label
    what = label[:1].lower() + label[1:]
    subject = f"Nhập {format_number(added + changed)} {what} từ tệp {value.get('file', key)}"
    parts = []
    if added:
        parts.append(f"Thêm {format_number(added)} bản ghi")
    if changed:
        parts.append(f"{'sửa' if parts else 'Sửa'} {format_number(changed)} bản ghi")
    sha = str(value.get("sha256", ""))
    if sha:
        parts.append(f"mã kiểm tra SHA-256 của tệp: {sha[:SHORT_HASH]}…")
    old_text = f"{format_number(changed)} bản ghi trước khi sửa" if changed and old else ""
    return EntryText(ACTIONS["import"], subject, "", old_text, "; ".join(parts))


def imported(
    wording: Wording, entity: str, old: str | None, new: str | None
) -> Iterator[ImportedRow]:
    """Each record an import entry added or changed, in words and as stored."""
    old_value, new_value = _load(old), _load(new)
    kind = KINDS[entity]
    show = wording.record_shower(kind.fields)

    def subject(row: Any) -> str:
        values = row if isinstance(row, dict) else {}
        return f"{kind.label}: " + "/".join(str(values.get(k) or "") for k in kind.key)

    for row in new_value.get("added", []):
        yield ImportedRow(EntryText(ADDED, subject(row), "", "", show(row)), None, row)
    for before, after in zip(
        old_value.get("changed", []), new_value.get("changed", []), strict=False
    ):
        shown_old, shown_new = before, after
        if isinstance(before, dict) and isinstance(after, dict):
            shown_old, shown_new = changes(before, after)
        yield ImportedRow(
            EntryText(CHANGED, subject(after), "", show(shown_old), show(shown_new)), before, after
        )


def head(text: str | None) -> str | None:
    """An import's stored value without its rows: the file, and how many were added or changed."""
    value = _load(text)
    if not value:
        return text
    return json.dumps(
        {k: len(v) if isinstance(v, list) else v for k, v in value.items()},
        ensure_ascii=False,
        sort_keys=True,
    )


def _load(text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
