"""The narrative of a period's report: Đánh giá chung, Khó khăn vướng mắc, Đề xuất kiến nghị.

Saved per period (an audit entry for each part changed) and locked with the submission: a
submitted period's narrative is what the province received.
"""

from __future__ import annotations

from collections.abc import Mapping

from commune_desk.data.repositories import audit as audit_repo
from commune_desk.data.repositories import narratives as repo
from commune_desk.data.repositories import submissions as submissions_repo
from commune_desk.domain.documents import NARRATIVE, NARRATIVE_LIMIT
from commune_desk.domain.periods import Period
from commune_desk.services import audit
from commune_desk.services.commune import require_commune
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import PeriodLocked, ServiceError
from commune_desk.services.permissions import Action, require

KEYS = tuple(key for key, _ in NARRATIVE)
HEADINGS = dict(NARRATIVE)


class NarrativeService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def get(self, period: Period) -> dict[str, str]:
        """Every part of the period's narrative ("" when not written)."""
        with self._ctx.read_session() as session:
            stored = repo.narrative(session, require_commune(session).id, period.key)
        return {key: stored.get(key, "") for key in KEYS}

    def save(self, period: Period, texts: Mapping[str, str]) -> dict[str, str]:
        """Save the parts given; refused while the period is submitted (locked)."""
        require(self._ctx, Action.EDIT_DATA)
        cleaned = {}
        for key, text in texts.items():
            if key not in HEADINGS:
                raise ServiceError(f"Phần «{key}» không thuộc phần nhận định của báo cáo.")
            text = "\n".join(line.rstrip() for line in str(text).strip().splitlines())
            if len(text) > NARRATIVE_LIMIT:
                raise ServiceError(
                    f"Phần «{HEADINGS[key]}» dài {len(text)} ký tự; tối đa {NARRATIVE_LIMIT}."
                )
            cleaned[key] = text
        with self._ctx.sessions.begin() as session:
            commune = require_commune(session)
            if submissions_repo.active_lock(session, commune.id, period.key) is not None:
                raise PeriodLocked(
                    f"{period.label()} đã nộp báo cáo: phần nhận định đã khóa cùng số liệu; "
                    "cần lãnh đạo mở khóa để sửa."
                )
            entries = []
            for key, text in cleaned.items():
                old = repo.put_part(
                    session,
                    commune.id,
                    period.key,
                    key,
                    text,
                    self._ctx.now(),
                    self._ctx.actor.username,
                )
                if old != text:
                    entries.append(
                        audit.entry(
                            self._ctx,
                            "update",
                            "narrative",
                            f"{key}@{period.key}",
                            old or None,
                            text,
                            period.key,
                        )
                    )
            audit_repo.add_entries(session, entries)
            stored = repo.narrative(session, commune.id, period.key)
        return {key: stored.get(key, "") for key in KEYS}
