"""The arithmetic of a province's consolidation: pure functions over the communes' figures.

Figures are summed across communes (flows and stocks alike: the province's stock is the sum
of its communes'); every indicator of the total is recomputed from the summed numerators and
denominators, never averaged from the communes' percentages.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from commune_desk.domain.catalogue import Catalogue
from commune_desk.domain.indicators import Values, with_indicators
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
}

# Kinds after which the file's figures are still consolidated.
USED_DESPITE = frozenset({IssueKind.VALIDATION})


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


def sum_figures(catalogue: Catalogue, communes: Iterable[Values]) -> dict[str, Number | None]:
    """Every catalogue code for the sum of the communes.

    An element is the sum of the communes that have a value (None when none has); each
    indicator is recomputed from the summed elements.
    """
    totals: dict[str, Number | None] = {e.code: None for e in catalogue.elements}
    for values in communes:
        for code in totals:
            value = values.get(code)
            if value is not None:
                current = totals[code]
                totals[code] = value if current is None else current + value
    return with_indicators(catalogue, totals)


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
