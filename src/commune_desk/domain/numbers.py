"""Numbers the Vietnamese way: 1.234,5 on screen, and whole-number parsing of typed text."""

from __future__ import annotations

import math
import re
from decimal import Decimal

Number = int | float

# The Vietnamese way: dot (or space) between thousands, comma before decimals.
_VIETNAMESE = re.compile(r"^(?P<whole>\d{1,3}(?:[. ]\d{3})+|\d+)(?:,(?P<fraction>\d+))?$")
# A dot that cannot be a thousands separator (not followed by exactly three digits): 1.5, 2.25.
_DOT_FRACTION = re.compile(r"^(?P<whole>\d+)\.(?P<fraction>\d{1,2}|\d{4,})$")


class NumberError(ValueError):
    """Text that is not a whole number >= 0; the message is Vietnamese."""


def format_number(value: Number | None, decimals: int | None = None, empty: str = "") -> str:
    """Format as Vietnamese: thousands with '.', decimals with ','.

    With `decimals` None, whole numbers show no decimals and others one decimal.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return empty
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_percent(value: Number | None, empty: str = "") -> str:
    """A percentage with one decimal: 89,2."""
    return format_number(value, 1, empty)


def format_decimal(value: Number | None, empty: str = "") -> str:
    """A value as the user typed it, the Vietnamese way: 1.234,5 and 0,25 (no rounding)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return empty
    text = plain_decimal(value)
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"


def parse_number(raw: object, percent: bool = False) -> Number:
    """The one number rule, the Vietnamese one, for every number typed or read from a file.

    A dot (or a space) groups thousands and a comma starts the decimals: "1.500" is 1500,
    "1.234,5" is 1234.5, "1 234" is 1234. A plain "1.5" (or "2.25", "0.12345") is a decimal
    only because a dot before other than three digits cannot group thousands; "1.234.5" or
    "1.23,4" are refused. Text without decimals gives an int, with them a float; a
    spreadsheet cell's own number comes back as it is. `percent`: a trailing "%" is allowed
    ("12 %" is 12). NumberError, in Vietnamese, for anything else.
    """
    if isinstance(raw, bool):
        raise NumberError("giá trị phải là số")
    if isinstance(raw, int | float):
        if not math.isfinite(raw):
            raise NumberError("giá trị phải là số")
        return raw
    text = " ".join(str(raw).replace("\u00a0", " ").split())
    if percent and text.endswith("%"):
        text = text[:-1].rstrip()
    if not text:
        raise NumberError("chưa nhập giá trị")
    if text.startswith("="):
        raise NumberError(f"«{text[:40]}» là công thức, cần nhập số")
    body = text[1:].lstrip() if text[0] in "+-" else text
    match = _VIETNAMESE.match(body) or _DOT_FRACTION.match(body)
    if match is None:
        raise NumberError(
            f"«{text[:40]}» không phải là số (viết kiểu Việt Nam: 1.234,5 — dấu chấm ngăn "
            "hàng nghìn, dấu phẩy trước phần thập phân)"
        )
    whole = match["whole"].replace(".", "").replace(" ", "")
    fraction = match["fraction"]
    value: Number = int(whole) if fraction is None else float(f"{whole}.{fraction}")
    return -value if text[0] == "-" else value


def parse_decimal(raw: object) -> float:
    """A number from typed text or a spreadsheet cell (`parse_number`), as a float."""
    return float(parse_number(raw))


def plain_decimal(value: Number | None) -> str:
    """Plain decimal text with a dot and no grouping (files other programs read)."""
    if value is None:
        return ""
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        text = repr(value)
        if "e" in text or "E" in text:  # 1e-05: written out, never in scientific notation
            text = format(Decimal(text), "f")
        return text
    return str(value)


def parse_whole_number(raw: object) -> int:
    """A whole number >= 0 from typed text or a spreadsheet cell (`parse_number`).

    Accepts "1234", "1.234" and "1 234" (Vietnamese grouping), 1234.0; refuses decimals,
    negatives, text and empty input with a Vietnamese message.
    """
    if isinstance(raw, bool):
        raise NumberError("giá trị phải là số nguyên không âm")
    value = parse_number(raw)
    if isinstance(value, float):
        if not value.is_integer():
            shown = raw.strip() if isinstance(raw, str) else format_number(value)
            raise NumberError(f"«{shown}» không phải là số nguyên (không nhập số thập phân)")
        value = int(value)
    if value < 0:
        raise NumberError(f"số âm ({value}) không được chấp nhận; giá trị phải ≥ 0")
    return value


def parse_typed_number(raw: object) -> Number:
    """A number typed into a province's form (`parse_number`, a trailing "%" allowed):
    1.234, 1.234,5, 1 234, 12 % (12); a cell's own number as it is."""
    return parse_number(raw, percent=True)
