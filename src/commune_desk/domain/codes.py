"""Codes as clerks type them: any case, and with the leading zeros Excel drops from numbers."""

from __future__ import annotations

from collections.abc import Iterable

from commune_desk.domain.text import match_key


class CodeIndex:
    """Known codes found as typed, whatever their case, or with the zeros Excel dropped."""

    def __init__(self, codes: Iterable[str]) -> None:
        codes = list(codes)
        self._by_key = {match_key(c): c for c in codes}
        self._by_number: dict[int, list[str]] = {}
        for code in codes:
            if code.isdigit():
                self._by_number.setdefault(int(code), []).append(code)

    def find(self, code: str) -> tuple[str | None, bool]:
        """(the stored code, whether it was found only by its lost leading zeros)."""
        stored = self._by_key.get(match_key(code))
        if stored is not None:
            return stored, False
        if code.isdigit():
            padded = [c for c in self._by_number.get(int(code), ()) if len(c) > len(code)]
            if len(padded) == 1:
                return padded[0], True
        return None, False


def padded_note(field_label: str, typed: str, stored: str) -> str:
    return (
        f"{field_label}: mã «{typed}» được hiểu là «{stored}» (Excel đã bỏ số 0 ở đầu mã khi "
        "coi nó là số)"
    )
