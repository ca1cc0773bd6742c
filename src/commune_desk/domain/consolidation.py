"""The arithmetic of a province's consolidation: pure functions over the communes' figures.

Figures are summed across communes (flows and stocks alike: the province's stock is the sum
of its communes'); every indicator of the total is recomputed from the summed numerators and
denominators, never averaged from the communes' percentages.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from commune_desk.domain.catalogue import Catalogue
from commune_desk.domain.indicators import Values, formula_value, with_indicators
from commune_desk.domain.numbers import Number


class IssueKind(StrEnum):
    """Why a file was not used (or was used with a reservation)."""

    MISSING_FILE = "missing_file"
    NOT_WORKBOOK = "not_workbook"
    UNREADABLE = "unreadable"
    REFUSED = "refused"  # a zip bomb, XML entities: refused for safety
    NO_DATA = "no_data"
    CHECKSUM = "checksum"
    MISMATCH = "mismatch"
    OTHER_PERIOD = "other_period"
    UNKNOWN_COMMUNE = "unknown_commune"
    DUPLICATE = "duplicate"
    STALE = "stale"  # an earlier submission of a commune that has sent a newer one
    VALIDATION = "validation"
    FIGURES = "figures"  # a figure of the wrong type (negative, fractional count)
    DRAFT = "draft"  # a draft left out of the official totals
    UNREAD_VALUE = "unread_value"  # a hand-filled value that could not be read (left blank)
    SIGNATURE = "signature"  # a bad signature, or none where the province knows the key
    KEY_MISMATCH = "key_mismatch"  # signed by another key than the province knows
    KEY_CHANGED = "key_changed"  # the commune's key differs between its reports
    NAME_MISMATCH = "name_mismatch"  # the commune's name differs from the units list
    NAME_DIFFERS = "name_differs"  # so does a report signed by the list's key: used, flagged


ISSUE_LABELS: Mapping[IssueKind, str] = {
    IssueKind.MISSING_FILE: "Không tìm thấy tệp",
    IssueKind.NOT_WORKBOOK: "Không phải tệp Excel",
    IssueKind.UNREADABLE: "Tệp hỏng, không đọc được",
    IssueKind.REFUSED: "Tệp bị từ chối (không an toàn)",
    IssueKind.NO_DATA: "Không có trang _data",
    IssueKind.CHECKSUM: "Sai mã kiểm tra (bị sửa sau khi xuất)",
    IssueKind.MISMATCH: "Trang báo cáo khác trang _data",
    IssueKind.OTHER_PERIOD: "Khác kỳ báo cáo",
    IssueKind.UNKNOWN_COMMUNE: "Xã không có trong danh sách",
    IssueKind.DUPLICATE: "Trùng xã",
    IssueKind.STALE: "Bản nộp cũ (đã có bản nộp mới hơn)",
    IssueKind.VALIDATION: "Số liệu vi phạm quy tắc kiểm tra",
    IssueKind.FIGURES: "Số liệu sai kiểu (âm, lẻ, không khớp)",
    IssueKind.DRAFT: "Bản nháp, không tổng hợp",
    IssueKind.UNREAD_VALUE: "Ô số liệu không đọc được",
    IssueKind.SIGNATURE: "Chữ ký không hợp lệ",
    IssueKind.KEY_MISMATCH: "Khóa ký không khớp",
    IssueKind.KEY_CHANGED: "Khóa ký thay đổi",
    IssueKind.NAME_MISMATCH: "Tên xã khác danh sách",
    IssueKind.NAME_DIFFERS: "Tên xã khác danh sách (khóa ký khớp)",
}

# Kinds after which the file's figures are still consolidated.
USED_DESPITE = frozenset({IssueKind.UNREAD_VALUE, IssueKind.KEY_CHANGED, IssueKind.NAME_DIFFERS})


@dataclass(frozen=True)
class Issue:
    """One problem with one file; `detail` is Vietnamese and says what and where."""

    file: str
    kind: IssueKind
    detail: str
    commune_code: str = ""
    period: str = ""

    @property
    def label(self) -> str:
        return ISSUE_LABELS[self.kind]

    @property
    def used(self) -> bool:
        return self.kind in USED_DESPITE


@dataclass(frozen=True)
class Totals:
    """The province's totals and, for each code, how many communes each total covers."""

    values: Mapping[str, Number | None]
    counted: Mapping[str, int]


def consolidate_totals(catalogue: Catalogue, communes: Iterable[Values]) -> Totals:
    """Every catalogue code for the sum of the communes, honestly.

    An element is the sum of the communes that have a value (None when none has). An indicator
    is recomputed from the numerators and denominators of only the communes that reported
    both: a commune that sends the adults confirmed without the number of adults would
    otherwise raise the province's ratio. `counted` says how many communes each total covers.
    """
    elements = [e.code for e in catalogue.elements]
    values: dict[str, Number | None] = dict.fromkeys(elements)
    counted: dict[str, int] = dict.fromkeys(catalogue.codes(), 0)
    parts: dict[str, list[Number]] = {i.code: [0, 0] for i in catalogue.indicators}
    for commune in communes:
        for code in elements:
            value = commune.get(code)
            if value is not None:
                current = values[code]
                values[code] = value if current is None else current + value
                counted[code] += 1
        for indicator in catalogue.indicators:
            numerator = formula_value(indicator.numerator, commune)
            denominator = formula_value(indicator.denominator, commune)
            if numerator is not None and denominator is not None:
                sums = parts[indicator.code]
                sums[0] += numerator
                sums[1] += denominator
                counted[indicator.code] += 1
    for indicator in catalogue.indicators:
        numerator, denominator = parts[indicator.code]
        covered = counted[indicator.code] and denominator
        values[indicator.code] = numerator / denominator * indicator.factor if covered else None
    return Totals(values, counted)


def sum_figures(catalogue: Catalogue, communes: Iterable[Values]) -> dict[str, Number | None]:
    """The values of `consolidate_totals`."""
    return dict(consolidate_totals(catalogue, communes).values)


def figure_problems(catalogue: Catalogue, values: Values) -> list[str]:
    """What makes one commune's figures unfit to be summed, each naming its code (Vietnamese).

    Every element must be a number >= 0, whole when the catalogue says it is a count; every
    indicator the report states must be the one its own figures give.
    """
    problems = []
    for element in catalogue.elements:
        value = values.get(element.code)
        if value is None:
            continue
        if isinstance(value, bool) or not math.isfinite(value):
            problems.append(f"{element.code} = «{value}» không phải là số")
        elif value < 0:
            problems.append(f"{element.code} = {value:g} là số âm ({element.label})")
        elif element.whole and not float(value).is_integer():
            problems.append(f"{element.code} = {value:g} không phải số nguyên ({element.label})")
    if problems:
        return problems
    recomputed = with_indicators(catalogue, values)
    for indicator in catalogue.indicators:
        stated, computed = values.get(indicator.code), recomputed[indicator.code]
        if stated is None and computed is None:
            continue
        if (
            stated is None
            or computed is None
            or abs(stated - computed) > 1e-6 * max(1.0, abs(computed))
        ):
            shown = "(trống)" if stated is None else f"{stated:g}"
            right = "(trống)" if computed is None else f"{computed:g}"
            problems.append(
                f"{indicator.code} ghi {shown} nhưng tính từ số liệu của báo cáo được {right}"
            )
    return problems


def indicator_targets(catalogue: Catalogue, year: int) -> dict[str, float]:
    """The year's default target of every indicator that has one."""
    targets = {}
    for indicator in catalogue.indicators:
        target = catalogue.default_target(indicator.code, year)
        if target is not None:
            targets[indicator.code] = target
    return targets


def meets(value: Number | None, target: Number | None) -> bool:
    """Whether a value reaches its target (a missing value does not)."""
    return value is not None and target is not None and value >= target - 1e-9


def communes_meeting(communes: Iterable[Values], targets: Mapping[str, float]) -> dict[str, int]:
    """For each targeted code, how many communes reach the target."""
    counts = dict.fromkeys(targets, 0)
    for values in communes:
        for code, target in targets.items():
            if meets(values.get(code), target):
                counts[code] += 1
    return counts


def most_common_period(periods: Iterable[str]) -> str | None:
    """The period most reports are for (ties: the latest); None without any."""
    counts = Counter(p for p in periods if p)
    if not counts:
        return None
    return max(counts, key=lambda p: (counts[p], p))


def ranking(
    named_values: Sequence[tuple[str, Number | None]],
) -> list[tuple[int, str, Number]]:
    """(rank, name, value) from the highest value down; communes without a value left out.

    Equal values share a rank (1, 2, 2, 4).
    """
    present = sorted(
        ((name, value) for name, value in named_values if value is not None),
        key=lambda item: (-item[1], item[0]),
    )
    ranked: list[tuple[int, str, Number]] = []
    for position, (name, value) in enumerate(present, start=1):
        rank = ranked[-1][0] if ranked and ranked[-1][2] == value else position
        ranked.append((rank, name, value))
    return ranked
