from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commune_desk.domain.numbers import (
    NumberError,
    format_number,
    parse_whole_number,
    plain_decimal,
)
from commune_desk.domain.records import KINDS, FieldError, parse_date, parse_field


@pytest.mark.parametrize(
    ("value", "text"),
    [(1234, "1.234"), (1234.5, "1.234,5"), (0, "0"), (89.16, "89,2"), (1_000_000, "1.000.000")],
)
def test_vietnamese_number_format(value, text):
    assert format_number(value) == text


def test_plain_decimal_for_files():
    assert plain_decimal(1234) == "1234"
    assert plain_decimal(89.25) == "89.25"
    assert plain_decimal(12.0) == "12"
    assert plain_decimal(None) == ""


@pytest.mark.parametrize("raw", ["1234", " 1234 ", "1.234", "1 234", 1234, 1234.0])
def test_whole_numbers_accepted(raw):
    assert parse_whole_number(raw) == 1234


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("-5", "âm"),
        ("12,5", "số nguyên"),
        ("12.5", "số nguyên"),
        (2.5, "số nguyên"),
        ("abc", "không phải là số"),
        ("", "chưa nhập"),
        ("=A1+1", "công thức"),
        (True, "số nguyên"),
    ],
)
def test_bad_numbers_refused_with_vietnamese_reason(raw, fragment):
    with pytest.raises(NumberError, match=fragment):
        parse_whole_number(raw)


@given(st.integers(min_value=0, max_value=10**12))
def test_formatted_numbers_parse_back(n):
    assert parse_whole_number(format_number(n)) == n


@pytest.mark.parametrize(
    "raw",
    [
        "21/11/2026",
        "21-11-2026",
        "2026-11-21",
        dt.date(2026, 11, 21),
        dt.datetime(2026, 11, 21, 0, 0),
    ],
)
def test_dates(raw):
    assert parse_date(raw) == dt.date(2026, 11, 21)


@pytest.mark.parametrize("raw", ["31/02/2026", "tomorrow", "11/21"])
def test_bad_dates(raw):
    with pytest.raises(FieldError):
        parse_date(raw)


def test_choice_accepts_code_or_vietnamese_label():
    spec = KINDS["staff"].field("group")
    vocab = {"staff_group": {"cong_chuc": "Công chức", "can_bo": "Cán bộ"}}
    assert parse_field(spec, "Công chức", vocab) == "cong_chuc"
    assert parse_field(spec, "CAN_BO", vocab) == "can_bo"
    with pytest.raises(FieldError, match="chọn một trong"):
        parse_field(spec, "giám đốc", vocab)


def test_required_field_refuses_blank_and_optional_gives_default():
    assert parse_field(KINDS["villages"].field("kind"), "", {}) == "thon"
    with pytest.raises(FieldError, match="bắt buộc"):
        parse_field(KINDS["villages"].field("name"), "  ", {})


def test_topics_list():
    spec = KINDS["trainings"].field("topics")
    vocab = {"course_topic": {"dx": "Chuyển đổi số", "ai": "Trí tuệ nhân tạo"}}
    assert parse_field(spec, "dx; Trí tuệ nhân tạo; dx", vocab) == ("ai", "dx")


def test_numeric_code_cell_reads_as_text():
    assert parse_field(KINDS["villages"].field("code"), 12.0, {}) == "12"


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("1.234", 1234),
        ("1.234,5", 1234.5),
        ("1 234", 1234),
        ("1.320", 1320),
        ("12 %", 12),
        ("12,5%", 12.5),
        ("31,5", 31.5),
        ("12.5", 12.5),
        (" 7 ", 7),
        (1320.0, 1320.0),
    ],
)
def test_numbers_typed_the_vietnamese_way_are_read(typed, number):
    from commune_desk.domain.numbers import parse_typed_number

    assert parse_typed_number(typed) == number


@pytest.mark.parametrize("typed", ["5 tổ", "1,2,3", "=A1", "", "khoảng 50", True])
def test_anything_else_is_refused_in_words(typed):
    from commune_desk.domain.numbers import NumberError, parse_typed_number

    with pytest.raises(NumberError):
        parse_typed_number(typed)
