"""The catalogue's validation rules: errors refuse a value or a submission, warnings inform.

Every problem names its rule, the code(s) and the period, with a Vietnamese message (and an
English one for the English interface).
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from commune_desk.domain.catalogue import Agg, Catalogue, Formula, Rule, Source
from commune_desk.domain.indicators import formula_value
from commune_desk.domain.numbers import Number, format_number
from commune_desk.domain.periods import Period

# Rule ids of the checks built into the code (the cross-figure rules carry their own ids).
WHOLE_NUMBER = "value.whole_number"
UNKNOWN_CODE = "value.unknown_code"
NOT_ENTERED = "value.not_entered"
BAD_MONTH = "value.month"
OUTLIER = "warning.outlier"
STOCK_DECREASE = "warning.stock_decrease"
MISSING = "warning.missing"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    severity: Severity
    rule: str
    codes: tuple[str, ...]
    period: str
    message: str
    message_en: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def text(self, lang: str = "vi") -> str:
        return self.message_en if lang == "en" and self.message_en else self.message

    def __str__(self) -> str:
        return f"{self.period} [{', '.join(self.codes)}] {self.message}"


def _n(value: Number | None) -> str:
    return format_number(value, empty="—")


def _named(formula: Formula, labels: Mapping[str, str]) -> str:
    """A sum of figures by their labels (the codes are the program's, never the user's)."""
    return " + ".join(f"«{labels.get(code, code)}»" for code in formula.codes)


def check_rule(
    rule: Rule,
    month: Period,
    values: Mapping[str, Number | None],
    labels: Mapping[str, str] | None = None,
) -> Problem | None:
    """A cross-figure rule over one month's values; skipped while a side has no value.

    The message names the figures by `labels` (code -> label)."""
    left = formula_value(rule.left, values)
    right = formula_value(rule.right, values)
    if left is None or right is None or rule.holds(left, right):
        return None
    names = labels or {}
    detail = f"{_named(rule.left, names)} = {_n(left)}, {_named(rule.right, names)} = {_n(right)}"
    return Problem(
        Severity.ERROR,
        rule.id,
        rule.codes,
        month.key,
        f"{month.label()}: {rule.message} ({detail}).",
        f"{month.label('en')}: {rule.message_en} ({detail}).",
    )


def check_rules(
    catalogue: Catalogue, month: Period, values: Mapping[str, Number | None]
) -> list[Problem]:
    """Every cross-figure rule of the catalogue over one month's values."""
    labels = {item.code: item.label for item in catalogue.elements}
    found = (check_rule(rule, month, values, labels) for rule in catalogue.rules)
    return [p for p in found if p is not None]


def check_warnings(
    catalogue: Catalogue,
    month: Period,
    history: Mapping[str, Mapping[str, Number]],
    required_from: Period | None = None,
) -> list[Problem]:
    """The warnings of one month for the entered elements.

    `history` holds each entered code's values by month key, including earlier months.
    A required value counts as missing only from `required_from` on (when the commune
    started recording), so empty months before it do not flood the list.
    """
    checks = catalogue.checks
    problems: list[Problem] = []
    previous_key = month.previous().key
    for element in catalogue.entry_elements():
        series = history.get(element.code, {})
        value = series.get(month.key)
        label = element.label
        if value is None:
            if element.required and (required_from is None or month >= required_from):
                problems.append(
                    Problem(
                        Severity.WARNING,
                        MISSING,
                        (element.code,),
                        month.key,
                        f"{month.label()}: chưa nhập «{label}».",
                        f"{month.label('en')}: no value for «{label}».",
                    )
                )
            continue
        if element.agg is Agg.LAST:
            before = series.get(previous_key)
            if before is not None and value < before:
                problems.append(
                    Problem(
                        Severity.WARNING,
                        STOCK_DECREASE,
                        (element.code,),
                        month.key,
                        f"{month.label()}: «{label}» giảm từ {_n(before)} xuống {_n(value)} "
                        "so với tháng trước.",
                        f"{month.label('en')}: «{label}» fell from {before} to {value} "
                        "since the previous month.",
                    )
                )
            continue
        earlier = [series[k] for k in sorted(series) if k < month.key][-checks.outlier_window :]
        if len(earlier) < checks.outlier_min_months:
            continue
        median = statistics.median(earlier)
        factor = checks.outlier_factor
        if value > factor * median or value < median / factor:
            problems.append(
                Problem(
                    Severity.WARNING,
                    OUTLIER,
                    (element.code,),
                    month.key,
                    f"{month.label()}: «{label}» = {_n(value)} khác thường so với trung vị "
                    f"{_n(median)} của {len(earlier)} tháng trước (gấp hơn {_n(factor)} lần "
                    f"hoặc dưới 1/{_n(factor)}).",
                    f"{month.label('en')}: «{label}» = {value} is unusual against the "
                    f"median {median} of the previous {len(earlier)} months.",
                )
            )
    return problems


def entered_codes(catalogue: Catalogue) -> frozenset[str]:
    return frozenset(e.code for e in catalogue.elements if e.source is Source.ENTRY)


def unknown_code_problem(code: str, month: str) -> Problem:
    return Problem(
        Severity.ERROR,
        UNKNOWN_CODE,
        (code,),
        month,
        f"mã chỉ tiêu «{code}» không có trong danh mục",
        f"code {code!r} is not in the catalogue",
    )


def not_entered_problem(code: str, month: str, label: str = "") -> Problem:
    """`label`: the figure's name, which people read (the code when none is given)."""
    return Problem(
        Severity.ERROR,
        NOT_ENTERED,
        (code,),
        month,
        f"«{label or code}» được tính từ sổ sách (danh sách), không nhập trực tiếp",
        f"{code} is counted from the records, not entered",
    )


def whole_number_problem(code: str, month: str, reason: str, label: str = "") -> Problem:
    """`label`: the figure's name, which people read (the code when none is given)."""
    return Problem(
        Severity.ERROR,
        WHOLE_NUMBER,
        (code,),
        month,
        f"«{label or code}»: {reason}",
        f"{code}: the value must be a whole number ≥ 0",
    )


def errors_of(problems: Sequence[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]


def bad_month_problem(code: str, month: str, reason: str) -> Problem:
    return Problem(
        Severity.ERROR,
        BAD_MONTH,
        (code,),
        month,
        reason,
        f"{month!r} is not a month key (YYYY-MM)",
    )
