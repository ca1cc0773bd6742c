"""The demo's monthly values: believable trends toward the plan's targets that satisfy every
validation rule without needless warnings."""

from __future__ import annotations

import math
import random
import statistics
from collections.abc import Callable

from commune_desk.demo.names import HORIZON, SEASON
from commune_desk.domain.catalogue import Agg, Catalogue, Element
from commune_desk.domain.periods import Period
from commune_desk.domain.validation import check_rule


class Series:
    """Monthly values with believable trends: stocks never fall, flows stay within the
    catalogue's outlier factor of their recent median, and every rule holds."""

    def __init__(self, catalogue: Catalogue, rng: random.Random, villages: int) -> None:
        self.catalogue = catalogue
        self.rng = rng
        self.villages = villages
        self.history: dict[str, list[int]] = {}
        self.current: dict[str, int] = {}

    # -- helpers -----------------------------------------------------------------------
    def _agg(self, code: str, default: Agg) -> Agg:
        if code in self.catalogue:
            item = self.catalogue.get(code)
            if isinstance(item, Element):
                return item.agg
        return default

    def _stock(self, code: str, raw: float, cap: float | None = None) -> int:
        value = max(0, math.floor(raw))
        past = self.history.get(code)
        if past and self._agg(code, Agg.LAST) is Agg.LAST:
            value = max(value, past[-1])  # a stock does not fall
        if cap is not None:
            value = min(value, math.floor(cap))
        self.current[code] = value
        return value

    def _flow(self, code: str, raw: float, cap: float | None = None) -> int:
        value = max(0, round(raw))
        checks = self.catalogue.checks
        earlier = self.history.get(code, [])[-checks.outlier_window :]
        if self._agg(code, Agg.SUM) is Agg.SUM and len(earlier) >= checks.outlier_min_months:
            median = statistics.median(earlier)
            low = math.ceil(median / checks.outlier_factor)
            high = math.floor(median * checks.outlier_factor)
            value = min(max(value, low), high)
        if cap is not None:
            value = min(value, math.floor(cap))
        self.current[code] = value
        return value

    def _noise(self, spread: float) -> float:
        return 1 + self.rng.uniform(-spread, spread)

    def _last(self, code: str, default: float) -> float:
        past = self.history.get(code)
        return past[-1] if past else default

    # -- one month ---------------------------------------------------------------------
    def month(self, i: int, month: Period) -> dict[str, int]:
        """Every entered element's value for month number `i` (0 = January 2025)."""
        self.current = {}
        for model in self._models():
            model(i, month)
        result: dict[str, int] = {}
        for element in self.catalogue.entry_elements():
            code = element.code
            if code not in self.current:
                self._generic(element, i, month)
            result[code] = self.current[code]
        self._repair(month, result)
        for code, value in result.items():
            self.history.setdefault(code, []).append(value)
        return result

    def _generic(self, element: Element, i: int, month: Period) -> None:
        """An element this demo does not model: a slow stock or a steady flow."""
        if element.agg is Agg.LAST:
            self._stock(element.code, self._last(element.code, 100) + self.rng.randint(0, 2))
        else:
            self._flow(element.code, 60 * SEASON[month.index] * self._noise(0.1))

    def _repair(self, month: Period, values: dict[str, int]) -> None:
        """Lower the left side of any rule that still breaks (safety net for other catalogues)."""
        known: dict[str, float | None] = {"commune.villages": self.villages, **values}
        for rule in self.catalogue.rules:
            if check_rule(rule, month, known) is None:
                continue
            smaller, larger = (
                (rule.left, rule.right) if rule.op == "<=" else (rule.right, rule.left)
            )
            small = sum(values.get(c, 0) for c in smaller.codes)
            large = sum(known.get(c) or 0 for c in larger.codes)
            for code in smaller.codes:
                if code in values and small:
                    values[code] = math.floor(values[code] * large / small)
                    known[code] = values[code]

    def _models(self) -> tuple[Callable[[int, Period], None], ...]:
        return (self._profile, self._people, self._procedures, self._records, self._infra)

    @staticmethod
    def _progress(i: int) -> float:
        return min(i / HORIZON, 1.0)

    def _profile(self, i: int, month: Period) -> None:
        rng = self.rng
        population = self._stock(
            "pop.population",
            self._last("pop.population", 11_940 + rng.randint(0, 80))
            + (rng.randint(2, 12) if i else 0),
        )
        self._stock(
            "pop.households",
            self._last("pop.households", 3_160 + rng.randint(0, 60))
            + (rng.randint(0, 4) if i else 0),
        )
        self._stock("pop.adults", population * 0.705, cap=population)
        students = self._last("pop.students", 2_260 + rng.randint(0, 60))
        if i and month.index == 9:
            students += rng.randint(20, 45)  # the new school year
        elif i and rng.random() < 0.3:
            students += 1
        self._stock("pop.students", students)
        self._stock(
            "pop.enterprise_workers",
            self._last("pop.enterprise_workers", 870 + rng.randint(0, 40))
            + (rng.randint(0, 6) if i else 0),
        )

    def _people(self, i: int, month: Period) -> None:
        x = self._progress(i)
        cur = self.current
        adults = cur["pop.adults"]
        self._stock(
            "pop.adults_confirmed",
            adults * (0.24 + 0.58 * x**0.85) * self._noise(0.004),
            cap=adults,
        )
        self._stock(
            "pop.vneid_level2",
            adults * (0.62 + 0.30 * x**0.7) * self._noise(0.003),
            cap=cur["pop.population"],
        )
        students = cur["pop.students"]
        share = min(1.0, 0.72 + 0.28 * min(i / 20, 1.0) ** 0.8)
        self._stock("pop.students_equipped", students * share, cap=students)
        workers = cur["pop.enterprise_workers"]
        self._stock(
            "pop.workers_skilled",
            workers * (0.45 + 0.50 * x**0.8) * self._noise(0.005),
            cap=workers,
        )
        self._stock("pop.digital_signatures", adults * (0.07 + 0.25 * x) * self._noise(0.01))

    def _procedures(self, i: int, month: Period) -> None:
        x = self._progress(i)
        # More procedures came to the commune with the two-level local government (7/2025).
        procedures = self._stock(
            "tthc.procedures", 352 if (month.year, month.index) < (2025, 7) else 399
        )
        full = self._stock(
            "tthc.procedures_full_online", procedures * (0.42 + 0.50 * x**0.7), cap=procedures
        )
        self._stock("tthc.procedures_partial_online", 18 + 12 * x, cap=procedures - full)

    def _records(self, i: int, month: Period) -> None:
        x = self._progress(i)
        season = SEASON[month.index]
        total = 440 * season * (1 + 0.004 * i) * self._noise(0.07)
        offline = 0.08 + 0.32 * math.exp(-i / 8)
        online = self._flow("tthc.received_online", total * (1 - offline) * self._noise(0.01))
        postal = self._flow("tthc.received_postal", max(4.0, total * 0.025 * self._noise(0.2)))
        direct = self._flow("tthc.received_direct", max(1.0, total - online - postal))
        received = online + direct + postal
        resolved = received * self.rng.uniform(0.95, 1.0)
        late_share = 0.005 + 0.035 * math.exp(-i / 7)
        late = self._flow("tthc.resolved_late", max(1.0, resolved * late_share * self._noise(0.2)))
        self._flow("tthc.resolved_on_time", resolved - late)
        fees = self._flow("tthc.fee_records", received * self.rng.uniform(0.33, 0.38))
        self._flow(
            "tthc.fee_paid_online",
            fees * (0.40 + 0.15 * x + self.rng.uniform(-0.02, 0.02)),
            cap=fees,
        )
        self._flow(
            "tthc.digitized", received * (0.70 + 0.28 * x**0.8) * self._noise(0.01), cap=received
        )
        docs = self._flow("tthc.docs_total", 380 * season * self._noise(0.1))
        share = min(1.0, 0.96 + 0.04 * i / 6)
        self._flow("tthc.docs_electronic", docs * share if share < 1 else docs, cap=docs)

    def _infra(self, i: int, month: Period) -> None:
        x = self._progress(i)
        cur = self.current
        n = self.villages
        bts = 9 + sum(1 for j in (7, 15, 21) if i >= j)
        self._stock("infra.bts", bts)
        self._stock("infra.villages_mobile", max(0, n - 3 + i // 2), cap=n)
        self._stock("infra.villages_fiber", max(0, n - 8 + i // 3), cap=max(0, n - 2))
        households = cur["pop.households"]
        fiber = self._stock(
            "infra.households_fiber",
            households * (0.62 + 0.22 * x) * self._noise(0.004),
            cap=households,
        )
        self._stock("infra.fixed_subscribers", fiber + 110 + 2 * i)
        self._stock(
            "infra.mobile_subscribers",
            cur["pop.population"] * (0.84 + 0.13 * x) * self._noise(0.004),
        )
        adults = cur["pop.adults"]
        self._stock(
            "infra.adults_smartphone", adults * (0.80 + 0.13 * x) * self._noise(0.004), cap=adults
        )
        self._stock("infra.wifi_points", 4 + i // 3)
