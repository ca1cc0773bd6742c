"""The words of the charts, defined once (Vietnamese, the program's source language).

Each chart takes its texts as one of these dataclasses; ``{year}``, ``{value}``, ``{label}``
and ``{period}`` are filled in when drawing. The defaults are the texts: the window passes
them through Qt's translation (context :data:`CONTEXT`), and
``packaging/update_translations.py`` lists :func:`all_texts` in the translation file, so no
chart text is written anywhere else. A figure's name in a legend is the catalogue's
``short_label``, not a chart text.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

CONTEXT = "ChartTexts"

MONTH = "Tháng"
EMPTY = "Chưa có số liệu"
TARGET = "Chỉ tiêu năm {year}: {value}"


@dataclass(frozen=True)
class IndicatorTexts:
    title: str = "{label} — năm {year}"  # {label}: the indicator's label
    month_axis: str = MONTH
    quarter_axis: str = "Quý"
    target: str = TARGET
    projection: str = "Dự báo tháng 12: {value}"
    empty: str = EMPTY


@dataclass(frozen=True)
class SupportTexts:
    title: str = "Lượt người dân được Tổ công nghệ số cộng đồng hỗ trợ, năm {year}"
    month_axis: str = MONTH
    value_axis: str = "lượt"
    empty: str = EMPTY


@dataclass(frozen=True)
class OnlineTexts:
    title: str = "Hồ sơ tiếp nhận theo hình thức và tỷ lệ hồ sơ trực tuyến, năm {year}"
    month_axis: str = MONTH
    count_axis: str = "hồ sơ"
    share_axis: str = "Tỷ lệ hồ sơ trực tuyến"
    share: str = "Tỷ lệ trực tuyến {year}"
    target: str = TARGET
    empty: str = EMPTY


@dataclass(frozen=True)
class CoverageTexts:
    title: str = "Thôn, tổ dân phố có hạ tầng số và Tổ công nghệ số cộng đồng — {period}"
    count_axis: str = "thôn, tổ dân phố"
    total: str = "tổng số: {value}"  # after the total's label and a dash
    previous: str = "Cùng kỳ năm trước"
    empty: str = EMPTY


@dataclass(frozen=True)
class TrainingTexts:
    title: str = "Cán bộ, công chức, viên chức, người lao động được bồi dưỡng, năm {year}"
    month_axis: str = MONTH
    value_axis: str = "người, lượt"
    empty: str = EMPTY


Texts = TypeVar("Texts", IndicatorTexts, SupportTexts, OnlineTexts, CoverageTexts, TrainingTexts)
ALL = (IndicatorTexts, SupportTexts, OnlineTexts, CoverageTexts, TrainingTexts)


def translated(texts: Texts, translate: Callable[[str], str]) -> Texts:
    """The same texts passed through `translate` (the window's Qt translation)."""
    fields = dataclasses.fields(texts)
    return dataclasses.replace(texts, **{f.name: translate(getattr(texts, f.name)) for f in fields})


def all_texts() -> list[str]:
    """Every chart text once, for the translation file."""
    texts = (getattr(kind(), f.name) for kind in ALL for f in dataclasses.fields(kind))
    return list(dict.fromkeys(texts))
