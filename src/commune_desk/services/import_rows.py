"""The rows of an import file read a column at a time (large imports at the disk's speed).

A list repeats its dates, codes, choices and notes, so each distinct cell of a column is
parsed once, each distinct code resolved once, and a row costs a few lookups. The result is
the same as `RowParser.parse` row by row: values, reference ids, errors by field (in the
same order) and the notes of codes read with their lost leading zeros.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from commune_desk.domain.codes import padded_note
from commune_desk.domain.records import Field, FieldError, FieldType, parse_field
from commune_desk.domain.text import match_key
from commune_desk.services.records import RowParser

_MEMO_SIZE = 50_000  # distinct cells remembered per column
_BAD = object()  # a cell its field refuses (the message is in the column's errors)
_UNAMBIGUOUS = {str}


@dataclass
class ParsedRows:
    """The rows (in file order) as columns: values by field (references as stored codes),
    reference ids, each row's key, and what went wrong, by row index."""

    columns: dict[str, list[Any]]  # field -> each row's value (_BAD where refused)
    ids: dict[str, list[int | None]]  # reference field -> each row's record id
    keys: list[tuple[Any, ...]]  # each row's key as records are matched (RowParser.match)
    errors: dict[int, dict[str, str]] = field(default_factory=dict)  # row -> by field
    notes: dict[int, list[str]] = field(default_factory=dict)  # row -> notes

    def values(self, index: int) -> dict[str, Any]:
        """The row's values by field, as `RowParser.parse` gives them (no refused field)."""
        row = {name: column[index] for name, column in self.columns.items()}
        if index in self.errors:
            row = {k: v for k, v in row.items() if v is not _BAD}
        return row

    def refs(self, index: int) -> dict[str, int | None]:
        """The row's reference ids, as `RowParser.parse` gives them (no refused field)."""
        wrong = self.errors.get(index, {})
        return {name: ids[index] for name, ids in self.ids.items() if name not in wrong}

    def column(self, name: str, rows: Sequence[int] | None = None) -> list[Any]:
        """The values of field `name` (reference ids for "<field>#id") in `rows` (all)."""
        column = self.ids[name[:-3]] if name.endswith("#id") else self.columns[name]
        if rows is None or len(rows) == len(column):  # every row, in order
            return column
        return [column[i] for i in rows]


class _Column(dict[Any, Any]):
    """Cell (as a hashable key) -> the field's value, parsed on first sight."""

    def __init__(self, spec: Field, vocabs: Mapping[str, Mapping[str, str]]) -> None:
        super().__init__()
        self._spec = spec
        self._vocabs = vocabs
        self.errors: dict[Any, str] = {}

    def __missing__(self, key: Any) -> Any:
        raw = key if key.__class__ is str else key[1]
        try:
            value = parse_field(self._spec, raw, self._vocabs)
        except FieldError as exc:
            self.errors[key] = str(exc)
            value = _BAD
        if len(self) < _MEMO_SIZE:
            self[key] = value
        return value


class _Codes(dict[Any, tuple[Any, int | None]]):
    """Code as parsed -> (the stored code, its record's id); a refused cell stays refused,
    a blank one is None; an unknown code stays as typed and is named in `unknown`, one found only
    by its lost leading zeros in `padded` (with the stored code)."""

    def __init__(self, parser: RowParser, name: str) -> None:
        super().__init__()
        self._parser = parser
        self._name = name
        self.unknown: set[str] = set()
        self.padded: dict[str, str] = {}

    def __missing__(self, code: Any) -> tuple[Any, int | None]:
        if code is _BAD:
            found: tuple[Any, int | None] = (_BAD, None)
        elif code is None or code == "":
            found = (None, None)
        else:
            stored, padded, ref_id = self._parser.resolve(self._name, code)
            if stored is None:
                self.unknown.add(code)
                found = (code, None)  # kept as typed, as RowParser.parse keeps it
            else:
                found = (stored, ref_id)
                if padded:
                    self.padded[code] = stored
        self[code] = found
        return found


class _Folded(dict[Any, Any]):
    def __missing__(self, value: Any) -> Any:
        folded = match_key(value) if isinstance(value, str) or value is None else None
        self[value] = folded
        return folded


def _key(cell: object) -> Any:
    """A cell as a memo key: 1, 1.0 and True are equal in Python but not as cells."""
    return cell if cell.__class__ is str else (cell.__class__, cell)


def parse_rows(
    parser: RowParser, columns: Mapping[str, Sequence[object]], count: int
) -> ParsedRows:
    """Parse `count` rows given as columns (field name -> cells; a field without a column
    is blank in every row)."""
    kind = parser.kind
    names = [spec.name for spec in kind.fields]
    cols: list[list[Any]] = []
    errors: dict[int, dict[str, str]] = {}
    for spec in kind.fields:
        memo = _Column(spec, parser.vocabs)
        cells = columns.get(spec.name)
        if cells is None:
            cols.append([memo[_key(None)]] * count)
        else:
            cols.append(_looked_up(memo, cells))
        if memo.errors:  # (kept whole, even past the memo's size)
            for i, value in enumerate(cols[-1]):
                if value is _BAD:
                    cell = None if cells is None else cells[i]
                    errors.setdefault(i, {})[spec.name] = memo.errors[_key(cell)]
    notes: dict[int, list[str]] = {}
    ref_names = [spec.name for spec in kind.fields if spec.type is FieldType.REF]
    ref_cols: list[list[int | None]] = []
    for name in ref_names:
        column = cols[names.index(name)]
        codes = _Codes(parser, name)
        found = list(map(codes.__getitem__, column))
        stored_codes, ids = zip(*found, strict=True) if found else ((), ())
        ref_cols.append(list(ids))
        if codes.unknown or codes.padded:  # the rows that name them
            label = kind.field(name).label
            for i, code in enumerate(column):
                if code in codes.unknown:
                    errors.setdefault(i, {})[name] = parser.unknown(name, code)
                elif code in codes.padded:
                    notes.setdefault(i, []).append(padded_note(label, code, codes.padded[code]))
        column[:] = stored_codes
    parsed = ParsedRows(
        dict(zip(names, cols, strict=True)),
        dict(zip(ref_names, ref_cols, strict=True)),
        [],
        errors,
        notes,
    )
    if parser.cross_checked:
        for i in range(count):
            wrong = errors.get(i, {})
            parser.cross_check(parsed.values(i), wrong)
            if wrong:
                errors[i] = wrong
    key_cols = []
    for name in kind.key:
        column = cols[names.index(name)]
        if name in parser.typed_keys:  # names and codes whatever their case and spaces
            folded = _Folded()
            column = [folded[v] for v in column]
        key_cols.append(column)
    parsed.keys = list(zip(*key_cols, strict=True))
    return parsed


class _Texts(dict[Any, str]):
    """Value (as a memo key) -> its text, made on first sight."""

    def __init__(self, make: Callable[[Any], str]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, key: Any) -> str:
        text = self._make(key if key.__class__ is str else key[1])
        if len(self) < _MEMO_SIZE:
            self[key] = text
        return text


def _texts(column: Sequence[Any], make: Callable[[Any], str]) -> list[str]:
    return _looked_up(_Texts(make), column)


def _looked_up(memo: dict[Any, Any], column: Sequence[Any]) -> list[Any]:
    """`memo` of each cell of `column`, keyed by the cell (with its type where that matters)."""
    if set(map(type, column)) <= _UNAMBIGUOUS:  # text and blanks: the cell is its own key
        return list(map(memo.__getitem__, column))
    return [memo[c] if c.__class__ is str else memo[(c.__class__, c)] for c in column]


def audit_texts(columns: Mapping[str, Sequence[Any]], encode: Callable[[Any], str]) -> list[str]:
    """Each row (field -> its column) as the audit trail stores it: `encode` of the row as a
    dict, keys sorted; made from each distinct value's text once, the same text."""
    ordered = sorted(columns)
    template = "{" + ", ".join(f"{json.dumps(n)}: %s" for n in ordered) + "}"
    cols = [_texts(columns[n], encode) for n in ordered]
    return [template % parts for parts in zip(*cols, strict=True)]
