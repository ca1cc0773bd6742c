"""Numbers the Vietnamese way: 1.234,5 on screen, and whole-number parsing of typed text."""

from __future__ import annotations

import math
import re
from decimal import Decimal

Number = int | float

_GROUPED = re.compile(r"^\d{1,3}([. ]\d{3})+$")


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
    """A whole number >= 0 from typed text or a spreadsheet cell.

    Accepts "1234", "1.234" and "1 234" (Vietnamese grouping), 1234.0; refuses decimals,
    negatives, text and empty input with a Vietnamese message.
    """
    if isinstance(raw, bool):
        raise NumberError("giá trị phải là số nguyên không âm")
    if isinstance(raw, int):
        value = raw
    elif isinstance(raw, float):
        if not math.isfinite(raw) or not raw.is_integer():
            raise NumberError(f"«{format_number(raw)}» không phải là số nguyên")
        value = int(raw)
    else:
        text = str(raw).strip().replace("\u00a0", " ")
        if not text:
            raise NumberError("chưa nhập giá trị")
        if text.startswith("="):
            raise NumberError(f"«{text[:40]}» là công thức, cần nhập số")
        if re.fullmatch(r"[+-]?\d+", text):
            value = int(text)
        elif _GROUPED.match(text):
            value = int(text.replace(".", "").replace(" ", ""))
        elif re.fullmatch(r"[+-]?\d+[.,]\d+", text):
            raise NumberError(f"«{text}» không phải là số nguyên (không nhập số thập phân)")
        else:
            raise NumberError(f"«{text[:40]}» không phải là số")
    if value < 0:
        raise NumberError(f"số âm ({value}) không được chấp nhận; giá trị phải ≥ 0")
    return value


_VI_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:[. ]\d{3})+(?:,\d+)?$")  # 1.234 · 1.234,5 · 1 234
_VI_DECIMAL = re.compile(r"^[+-]?\d+(?:,\d+)?$")  # 1234 · 1234,5
_DOT_DECIMAL = re.compile(r"^[+-]?\d+\.\d+$")  # 12.5, as a spreadsheet in English shows it


def parse_typed_number(raw: object) -> Number:
    """A number typed into a spreadsheet the Vietnamese way: 1.234, 1.234,5, 1 234, 12 % (12);
    a cell's own number as it is. NumberError (Vietnamese) for anything else ("5 tổ").

    A dot between groups of three digits groups thousands (1.234 is 1234); a lone dot with
    other than three digits after it ("12.5") is a decimal point.
    """
    if isinstance(raw, bool):
        raise NumberError("giá trị phải là số")
    if isinstance(raw, int | float):
        if not math.isfinite(raw):
            raise NumberError("giá trị phải là số")
        return raw
    text = str(raw).replace("\u00a0", " ").strip()
    if text.endswith("%"):
        text = text[:-1].rstrip()
    if not text:
        raise NumberError("chưa nhập giá trị")
    if text.startswith("="):
        raise NumberError(f"«{text[:40]}» là công thức, cần nhập số")
    if _VI_GROUPED.match(text):
        number = text.replace(".", "").replace(" ", "").replace(",", ".")
    elif _VI_DECIMAL.match(text):
        number = text.replace(",", ".")
    elif _DOT_DECIMAL.match(text):
        number = text
    else:
        raise NumberError(f"«{text[:40]}» không phải là số")
    value = float(number)
    return int(value) if value.is_integer() and "." not in number else value
