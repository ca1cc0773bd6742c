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


# -- one number rule, the Vietnamese one ------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1.500", 1500.0),
        ("1.234,5", 1234.5),
        ("1,5", 1.5),
        ("1.5", 1.5),
        ("2.25", 2.25),
        ("0,25", 0.25),
        ("12.345.678", 12345678.0),
        ("1 234,5", 1234.5),
        ("1\u00a0234", 1234.0),
        ("-3,5", -3.5),
        ("40", 40.0),
        (1.5, 1.5),
        (12, 12.0),
    ],
)
def test_parse_decimal_reads_the_vietnamese_way(typed, value):
    from commune_desk.domain.numbers import parse_decimal

    assert parse_decimal(typed) == value


@pytest.mark.parametrize("typed", ["1.234.5", "1,234,5", "abc", "", "=A1", "1.23,4", True])
def test_parse_decimal_refuses_what_is_not_a_number(typed):
    from commune_desk.domain.numbers import NumberError, parse_decimal

    with pytest.raises(NumberError):
        parse_decimal(typed)


@pytest.mark.parametrize(
    ("value", "shown"),
    [(1234.5, "1.234,5"), (1500.0, "1.500"), (0.25, "0,25"), (1.5, "1,5"), (None, "")],
)
def test_format_decimal_shows_back_what_was_typed(value, shown):
    from commune_desk.domain.numbers import format_decimal, parse_decimal

    assert format_decimal(value) == shown
    if value is not None:
        assert parse_decimal(shown) == value


def test_training_hours_read_as_counts_do():
    from commune_desk.domain.records import KINDS, parse_field

    hours = KINDS["trainings"].field("hours")
    assert parse_field(hours, "1.500", {}) == 1500.0
    assert parse_field(hours, "1,5", {}) == 1.5
    assert parse_field(hours, "1.234,5", {}) == 1234.5


@pytest.mark.parametrize(
    "typed",
    ["1.500", "1.234,5", "1 234", "1\u00a0234,25", "12.5", "2.25", "0,25", "-3,5", "+7", " 40 "],
)
def test_one_rule_for_province_forms_imports_and_counts(typed):
    from commune_desk.domain.numbers import parse_decimal, parse_number, parse_typed_number

    value = parse_number(typed)
    assert parse_typed_number(typed) == value == parse_decimal(typed)
    assert isinstance(parse_decimal(typed), float)
    if float(value).is_integer() and value >= 0:
        assert parse_whole_number(typed) == value


@pytest.mark.parametrize("typed", ["1234.567", "1.234.5", "1.23,4", "1,2,3", "--5", "12%"])
def test_what_one_reader_refuses_every_reader_refuses(typed):
    from commune_desk.domain.numbers import parse_decimal, parse_number

    for parse in (parse_number, parse_decimal, parse_whole_number):
        with pytest.raises(NumberError, match="không phải là số"):
            parse(typed)


def test_whole_text_reads_as_a_whole_number_and_a_percent_only_on_forms():
    from commune_desk.domain.numbers import parse_number, parse_typed_number

    assert parse_number("1.320") == 1320 and isinstance(parse_number("1.320"), int)
    assert parse_number("12.345.678.901.234.567") == 12_345_678_901_234_567  # exact
    assert parse_typed_number("12,5 %") == 12.5
    with pytest.raises(NumberError):
        parse_number("12,5 %")
