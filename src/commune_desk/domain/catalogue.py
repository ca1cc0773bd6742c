"""The indicator catalogue: data elements, computed indicators, sections, rules and vocabularies.

Everything the program knows about the figures of the movement is loaded from a TOML file
(``resources/catalogue/default.toml`` or a province's own file) by
:mod:`commune_desk.domain.catalogue_loader`. Pure Python, stdlib only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar

# What a catalogue code looks like: dotted words, e.g. "tthc.received_online".
CODE_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*")
_OPS = ("<=", ">=")


class Agg(StrEnum):
    SUM = "sum"
    LAST = "last"


class Source(StrEnum):
    ENTRY = "entry"
    RECORDS = "records"
    COMPUTED = "computed"


class CatalogueError(ValueError):
    """A catalogue that cannot be used: ``source`` (file name), ``line`` and ``problem``."""

    def __init__(self, source: str, line: int | None, problem: str) -> None:
        self.source, self.line, self.problem = source, line, problem
        where = source if line is None else f"{source}, dòng {line}"
        super().__init__(f"{where}: {problem}")


class _FrozenMap(Mapping[Any, Any]):
    """A read-only, hashable mapping: catalogue objects stay immutable and hashable."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[Any, Any] | Iterable[tuple[Any, Any]] = ()) -> None:
        self._data = dict(data)

    def __getitem__(self, key: Any) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        return hash(frozenset(self._data.items()))

    def __repr__(self) -> str:
        return repr(self._data)


def _freeze_targets(targets: Mapping[int, float]) -> _FrozenMap:
    return _FrozenMap(sorted((int(y), float(v)) for y, v in targets.items()))


@dataclass(frozen=True)
class Section:
    key: str
    numeral: str
    title: str


@dataclass(frozen=True)
class Formula:
    """A sum of element codes, e.g. ``tthc.received_online + tthc.received_direct``."""

    codes: tuple[str, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "codes", tuple(self.codes))
        if not self.codes:
            raise ValueError("biểu thức rỗng")

    def __str__(self) -> str:
        return " + ".join(self.codes)

    @classmethod
    def parse(cls, text: str) -> Formula:
        if not isinstance(text, str) or not text.strip():
            raise ValueError("biểu thức rỗng")
        parts = [part.strip() for part in text.split("+")]
        for part in parts:
            if not CODE_RE.fullmatch(part):
                where = f' trong "{text.strip()}"' if part != text.strip() else ""
                raise ValueError(f'"{part or "(trống)"}"{where} không phải là mã chỉ tiêu')
        return cls(tuple(parts))


@dataclass(frozen=True)
class Element:
    """A data element: a figure entered each month or counted from the record tables."""

    kind: ClassVar[str] = "element"
    code: str
    label: str
    unit: str
    section: str
    agg: Agg
    source: Source
    required: bool = True
    parent: str | None = None
    description: str = ""
    targets: Mapping[int, float] = field(default_factory=_FrozenMap)
    whole: bool = True  # a count (whole, >= 0); false for a measure such as hours
    short_label: str = ""  # the name in a chart's legend, when the label is too long

    def __post_init__(self) -> None:
        object.__setattr__(self, "agg", Agg(self.agg))
        object.__setattr__(self, "source", Source(self.source))
        object.__setattr__(self, "targets", _freeze_targets(self.targets))


@dataclass(frozen=True)
class Indicator:
    """A computed indicator: numerator / denominator × factor (sums taken after aggregation)."""

    kind: ClassVar[str] = "indicator"
    code: str
    label: str
    unit: str
    section: str
    numerator: Formula
    denominator: Formula
    factor: float = 1.0
    targets: Mapping[int, float] = field(default_factory=_FrozenMap)
    short_label: str = ""  # the name in a chart's legend, when the label is too long

    def __post_init__(self) -> None:
        object.__setattr__(self, "targets", _freeze_targets(self.targets))

    @property
    def source(self) -> Source:
        return Source.COMPUTED

    @property
    def codes(self) -> tuple[str, ...]:
        """Element codes used by the numerator and the denominator, without duplicates."""
        return tuple(dict.fromkeys(self.numerator.codes + self.denominator.codes))


@dataclass(frozen=True)
class Rule:
    """An error rule comparing two sums of elements, e.g. ``a + b <= c``."""

    id: str
    left: Formula
    op: str
    right: Formula
    message: str
    message_en: str = ""

    def __post_init__(self) -> None:
        if self.op not in _OPS:
            raise ValueError(f'phép so sánh "{self.op}" không được hỗ trợ (chỉ nhận <= hoặc >=)')

    def __str__(self) -> str:
        return f"{self.left} {self.op} {self.right}"

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.left.codes + self.right.codes))

    def holds(self, left_value: float, right_value: float) -> bool:
        return left_value <= right_value if self.op == "<=" else left_value >= right_value

    @staticmethod
    def parse_check(text: str) -> tuple[Formula, str, Formula]:
        """Split ``"a + b <= c"`` into (left, op, right); ValueError if it is not such a check."""
        if not isinstance(text, str):
            raise ValueError("biểu thức kiểm tra phải là chuỗi ký tự")
        normalized = text.replace("≤", "<=").replace("≥", ">=")
        found = re.findall(r"<=|>=|==|!=|<|>|=", normalized)
        if len(found) != 1 or found[0] not in _OPS:
            raise ValueError("cần đúng một phép so sánh <= hoặc >=")
        left, right = normalized.split(found[0])
        return Formula.parse(left), found[0], Formula.parse(right)


@dataclass(frozen=True)
class Checks:
    """Parameters of the warning rules (outliers of monthly flows)."""

    outlier_factor: float = 3
    outlier_window: int = 6
    outlier_min_months: int = 3


@dataclass(frozen=True)
class ChartFigures:
    """Which figures the overview's charts show (the catalogue's [charts] table)."""

    indicators: tuple[str, ...] = ()  # offered in the per-indicator chart, in this order
    support_total: str | None = None  # people supported per month…
    support: tuple[str, ...] = ()  # …and one line per kind of support
    online: str | None = None  # an indicator: its numerator's channels over its denominator's
    coverage_total: str | None = None  # all villages…
    coverage: tuple[str, ...] = ()  # …and one bar per kind of coverage
    training_total: str | None = None  # the staff count…
    training: tuple[str, ...] = ()  # …and one line per training figure (flows cumulated)

    def __post_init__(self) -> None:
        for name in ("indicators", "support", "coverage", "training"):
            object.__setattr__(self, name, tuple(getattr(self, name)))

    def codes(self) -> tuple[str, ...]:
        """Every code the charts name."""
        singles = (self.support_total, self.online, self.coverage_total, self.training_total)
        lists = (*self.indicators, *self.support, *self.coverage, *self.training)
        return tuple(dict.fromkeys(c for c in (*lists, *singles) if c is not None))


Item = Element | Indicator
_LOOKUP = field(init=False, repr=False, compare=False, hash=False)


@dataclass(frozen=True)
class Catalogue:
    version: str
    title: str
    sections: tuple[Section, ...]
    elements: tuple[Element, ...]
    indicators: tuple[Indicator, ...]
    rules: tuple[Rule, ...]
    checks: Checks = field(default_factory=Checks)
    vocab: Mapping[str, Mapping[str, str]] = field(default_factory=_FrozenMap)
    charts: ChartFigures = field(default_factory=ChartFigures)
    # Lookup tables, built once in __post_init__.
    _by_code: Mapping[str, Item] = _LOOKUP
    _sections: Mapping[str, Section] = _LOOKUP
    _order: tuple[Item, ...] = _LOOKUP
    _rules_by_code: Mapping[str, tuple[Rule, ...]] = _LOOKUP

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        for name in ("sections", "elements", "indicators", "rules"):
            set_(self, name, tuple(getattr(self, name)))
        set_(self, "vocab", _FrozenMap((k, _FrozenMap(v)) for k, v in self.vocab.items()))
        set_(self, "_sections", _FrozenMap((s.key, s) for s in self.sections))
        set_(self, "_by_code", _FrozenMap((i.code, i) for i in (*self.elements, *self.indicators)))
        if len(self._by_code) != len(self.elements) + len(self.indicators):
            raise ValueError("danh mục có mã bị trùng")
        items = (*self.elements, *self.indicators)  # per section: its elements, its indicators
        set_(self, "_order", tuple(i for key in self._sections for i in items if i.section == key))
        if len(self._order) != len(items):
            raise ValueError("danh mục có mã thuộc một phần chưa khai báo")
        rules_by_code: dict[str, tuple[Rule, ...]] = {}
        for rule in self.rules:
            for code in rule.codes:
                rules_by_code[code] = (*rules_by_code.get(code, ()), rule)
        set_(self, "_rules_by_code", _FrozenMap(rules_by_code))

    def get(self, code: str) -> Item:
        return self._by_code[code]

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def codes(self) -> tuple[str, ...]:
        return tuple(item.code for item in self._order)

    def items(self) -> tuple[Item, ...]:
        return self._order

    def section(self, key: str) -> Section:
        return self._sections[key]

    def section_items(self, key: str) -> tuple[Item, ...]:
        self.section(key)  # KeyError for an unknown section
        return tuple(item for item in self._order if item.section == key)

    def entry_elements(self) -> tuple[Element, ...]:
        return tuple(e for e in self._order if isinstance(e, Element) and e.source == "entry")

    def records_elements(self) -> tuple[Element, ...]:
        return tuple(e for e in self._order if isinstance(e, Element) and e.source == "records")

    def default_target(self, code: str, year: int) -> float | None:
        """The target of the latest year <= ``year`` that has one; None before the first."""
        targets = self.get(code).targets
        usable = [y for y in targets if y <= year]
        return targets[max(usable)] if usable else None

    def rules_for(self, code: str) -> tuple[Rule, ...]:
        return self._rules_by_code.get(code, ())

    def short_label(self, code: str) -> str:
        """The name of a figure in a chart's legend: its short label, else its label."""
        item = self.get(code)
        return item.short_label or item.label
