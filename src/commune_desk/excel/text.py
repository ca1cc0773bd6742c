"""Text that goes into a workbook: safe for XML, never taken for a formula."""

from __future__ import annotations

import re

# Text from users that starts like this is written as text, never as a formula.
FORMULA_START = ("=", "+", "-", "@")
# Characters XML 1.0 cannot carry; a pasted control character must not break the file.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def clean_text(text: str) -> str:
    """The text without the control characters a workbook cannot hold."""
    return _ILLEGAL.sub("", text)


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_START)


def sheet_title(title: str, default: str = "Danh sách") -> str:
    """A valid sheet name: no []:*?/\\ and at most 31 characters."""
    cleaned = re.sub(r"[\[\]:*?/\\]", " ", title).strip() or default
    return cleaned[:31]
