"""Building the demo commune: refuse a non-empty database, plan, write in one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy.orm import Session

from commune_desk.data.repositories import audit as audit_repo
from commune_desk.data.repositories import records as records_repo
from commune_desk.demo.names import COMMUNE_CODE, COMMUNE_NAME, FIRST_DAY, PROVINCE
from commune_desk.demo.records import Plan
from commune_desk.domain import documents
from commune_desk.domain.numbers import format_number
from commune_desk.domain.periods import Mode
from commune_desk.services import audit
from commune_desk.services.accounts import add_user
from commune_desk.services.commune import CommuneService, require_commune
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import ServiceError
from commune_desk.services.values import apply_changes

# One account per role: (username, role, password, the position of the staff member it belongs
# to). The passwords are written in the README; a real commune creates its own accounts.
DEMO_ACCOUNTS = (
    ("lanhdao", "supervisor", "lanhdao@2025", "Chủ tịch UBND xã"),
    ("baocao", "officer", "baocao@2025", "Công chức Văn phòng - Thống kê"),
    ("nhaplieu", "clerk", "nhaplieu@2025", "Công chức Tư pháp - Hộ tịch"),
)


@dataclass(frozen=True)
class DemoSummary:
    villages: int
    staff: int
    trainings: int
    participants: int
    teams: int
    members: int
    activities: int
    classes: int
    values: int

    def __str__(self) -> str:
        n = format_number
        return (
            f"{n(self.villages)} thôn, {n(self.staff)} cán bộ, "
            f"{n(self.trainings)} khóa bồi dưỡng, {n(self.participants)} lượt học viên, "
            f"{n(self.teams)} tổ công nghệ số cộng đồng, {n(self.members)} thành viên tổ, "
            f"{n(self.activities)} hoạt động hỗ trợ, {n(self.classes)} lớp phổ cập kỹ năng số, "
            f"{n(self.values)} số liệu hằng tháng"
        )

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def build_demo(ctx: ServiceContext, seed: int = 2025, today: dt.date | None = None) -> DemoSummary:
    """Create the demonstration commune in an empty database; refused when a commune exists."""
    today = today or ctx.today()
    if today < FIRST_DAY:
        raise ServiceError(
            f"Dữ liệu mẫu bắt đầu từ tháng 1/2025; ngày hiện tại ({today:%d/%m/%Y}) còn sớm hơn."
        )
    communes = CommuneService(ctx)
    if communes.exists():
        profile = communes.profile()
        raise ServiceError(
            f"Cơ sở dữ liệu đã có dữ liệu của {profile.name} (mã {profile.code}); chỉ tạo được "
            "dữ liệu mẫu trong một cơ sở dữ liệu mới, trống."
        )
    plan = Plan(ctx.catalogue, seed, today)
    communes.init(COMMUNE_CODE, COMMUNE_NAME, PROVINCE)
    communes.set_settings(_report_settings(plan))
    with ctx.sessions.begin() as session:
        commune = require_commune(session)
        _write_records(session, commune.id, plan)
        for username, role, password, position in DEMO_ACCOUNTS:
            add_user(session, ctx, username, role, password, _holder(plan, position))
        changes = plan.value_changes(sum(1 for v in plan.villages if v["active"]))
        apply_changes(session, ctx, commune.id, Mode(commune.cutoff_mode), changes)
        summary = DemoSummary(
            villages=len(plan.villages),
            staff=len(plan.staff),
            trainings=len(plan.trainings),
            participants=len(plan.participants),
            teams=len(plan.teams),
            members=len(plan.members),
            activities=len(plan.activities),
            classes=len(plan.classes),
            values=len(changes),
        )
        audit_repo.add_entries(
            session,
            [
                audit.entry(
                    ctx,
                    "demo",
                    "commune",
                    COMMUNE_CODE,
                    None,
                    {"seed": seed, "today": today.isoformat(), **summary.as_dict()},
                )
            ],
        )
    return summary


# ------------------------------------------------------------------------------- writing


def _report_settings(plan: Plan) -> dict[str, str]:
    """Who signs and prepares the demo's reports, and to whom they go (Cài đặt)."""

    return {
        documents.SIGNER_CAPACITY: "TM. ỦY BAN NHÂN DÂN",
        documents.SIGNER_TITLE: "CHỦ TỊCH",
        documents.SIGNER_NAME: _holder(plan, "Chủ tịch UBND xã"),
        documents.PREPARER_NAME: _holder(plan, "Công chức Văn phòng - Thống kê"),
        documents.REPORT_PLACE: documents.place_name(COMMUNE_NAME),
        documents.REPORT_NUMBER_PREFIX: documents.DEFAULT_NUMBER_PREFIX,
        documents.RECIPIENTS: "\n".join(
            (
                f"UBND tỉnh {PROVINCE}",
                f"Sở Khoa học và Công nghệ tỉnh {PROVINCE}",
                "Thường trực Đảng ủy, HĐND xã",
                "Chủ tịch, các Phó Chủ tịch UBND xã",
            )
        ),
    }


def _holder(plan: Plan, position: str) -> str:
    """The full name of the (first) staff member holding `position`."""
    return next((p["full_name"] for p in plan.staff if p["position"] == position), "")


def _write_records(session: Session, commune_id: int, plan: Plan) -> None:
    """Insert the planned records in bulk, references resolved through the new ids."""
    ids: dict[str, dict[str, int]] = {}

    def insert(kind: str, rows: Sequence[dict[str, Any]]) -> list[int]:
        columns = []
        for row in rows:
            refs = {}
            for name, (_, ref_kind) in records_repo.REFS.items():
                if name in row:
                    code = row[name]
                    refs[name] = None if code is None else ids[ref_kind][code]
            columns.append(records_repo.to_columns(kind, row, refs))
        new_ids = records_repo.insert_rows(session, kind, commune_id, columns)
        if rows and "code" in rows[0]:
            ids[kind] = {row["code"]: new_id for row, new_id in zip(rows, new_ids, strict=True)}
        return new_ids

    insert("villages", plan.villages)
    insert("staff", plan.staff)
    course_ids = insert("trainings", plan.trainings)
    for row, course_id in zip(plan.trainings, course_ids, strict=True):
        records_repo.set_topics(session, course_id, row["topics"])
    insert("participants", plan.participants)
    insert("teams", plan.teams)
    insert("members", plan.members)
    insert("activities", plan.activities)
    insert("classes", plan.classes)
