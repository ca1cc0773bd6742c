"""`check`: validate every month that has data, from the first recorded month to now."""

from __future__ import annotations

from dataclasses import dataclass

from commune_desk.data.repositories import values as values_repo
from commune_desk.domain.periods import Mode, current_month, months_between, parse_month
from commune_desk.domain.validation import Problem
from commune_desk.services.commune import require_commune
from commune_desk.services.context import ServiceContext
from commune_desk.services.values import month_problems


@dataclass(frozen=True)
class CheckReport:
    months: int
    problems: list[Problem]

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.is_error)

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if not p.is_error)


class CheckService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def check_all(self) -> CheckReport:
        with self._ctx.read_session() as session:
            commune = require_commune(session)
            mode = Mode(commune.cutoff_mode)
            first = values_repo.first_month(session, commune.id)
            if first is None:
                return CheckReport(0, [])
            stored = values_repo.months_with_values(session, commune.id)
            last = max(parse_month(stored[-1]), current_month(self._ctx.today(), mode))
            months = months_between(parse_month(first), last)
            problems = month_problems(session, self._ctx, commune.id, mode, months)
            return CheckReport(len(months), problems)
