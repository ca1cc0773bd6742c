"""Queries behind the report's appendices: the period's trainings, the teams, village figures.

Rows travel as plain dicts; the services turn them into appendix tables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from commune_desk.data.models import (
    Course,
    MonthlyValue,
    Participation,
    Staff,
    Team,
    TeamActivity,
    TeamMember,
    Village,
)
from commune_desk.data.repositories.records import course_topics


def courses_ending(session: Session, commune_id: int, start: dt.date, end: dt.date) -> list[dict]:
    """The courses that end inside [start, end], with their topics, by end date."""
    stmt = (
        select(
            Course.id,
            Course.code,
            Course.title,
            Course.start_date,
            Course.end_date,
            Course.hours,
            Course.mode,
            Course.organizer,
        )
        .where(Course.commune_id == commune_id, Course.end_date.between(start, end))
        .order_by(Course.end_date, Course.code)
    )
    rows = [dict(r._mapping) for r in session.execute(stmt)]
    topics = course_topics(session, [r["id"] for r in rows])
    for row in rows:
        row["topics"] = topics.get(row["id"], ())
    return rows


def participants(session: Session, course_ids: Sequence[int]) -> dict[int, list[dict]]:
    """Course id -> its participants (name, position, group, completed), by name."""
    result: dict[int, list[dict]] = {}
    if not course_ids:
        return result
    stmt = (
        select(
            Participation.course_id,
            Staff.code,
            Staff.full_name,
            Staff.position,
            Staff.staff_group,
            Participation.completed,
        )
        .join(Staff, Staff.id == Participation.staff_id)
        .where(Participation.course_id.in_(list(course_ids)))
        .order_by(Participation.course_id, Staff.code)
    )
    for row in session.execute(stmt):
        result.setdefault(row.course_id, []).append(dict(row._mapping))
    return result


def active_teams(session: Session, commune_id: int, end: dt.date) -> list[dict]:
    """The teams active on `end`: commune-level first, then in the order of the villages."""
    stmt = (
        select(
            Team.id,
            Team.code,
            Team.name,
            Team.level,
            Team.established_on,
            Village.name.label("village"),
        )
        .outerjoin(Village, Village.id == Team.village_id)
        .where(
            Team.commune_id == commune_id,
            Team.established_on <= end,
            or_(Team.dissolved_on.is_(None), Team.dissolved_on > end),
        )
        .order_by(Team.level, Village.code, Team.code)
    )
    return [dict(r._mapping) for r in session.execute(stmt)]


def members(session: Session, team_ids: Sequence[int], end: dt.date) -> dict[int, list[dict]]:
    """Team id -> its members on `end` (leader, deputies, then members, by name)."""
    result: dict[int, list[dict]] = {}
    if not team_ids:
        return result
    order = {"to_truong": 0, "to_pho": 1, "thanh_vien": 2}
    stmt = select(
        TeamMember.team_id,
        TeamMember.full_name,
        TeamMember.role,
        TeamMember.affiliation,
        TeamMember.joined_on,
    ).where(
        TeamMember.team_id.in_(list(team_ids)),
        TeamMember.joined_on <= end,
        or_(TeamMember.left_on.is_(None), TeamMember.left_on > end),
    )
    for row in session.execute(stmt):
        result.setdefault(row.team_id, []).append(dict(row._mapping))
    for rows in result.values():
        rows.sort(key=lambda r: (order.get(r["role"], 9), r["full_name"]))
    return result


def activity_counts(
    session: Session, team_ids: Sequence[int], start: dt.date, end: dt.date
) -> dict[int, dict[str, tuple[int, int]]]:
    """Team id -> activity type -> (sessions, people supported) inside [start, end]."""
    result: dict[int, dict[str, tuple[int, int]]] = {}
    if not team_ids:
        return result
    stmt = (
        select(
            TeamActivity.team_id,
            TeamActivity.type,
            func.count(),
            func.coalesce(func.sum(TeamActivity.people_supported), 0),
        )
        .where(TeamActivity.team_id.in_(list(team_ids)), TeamActivity.date.between(start, end))
        .group_by(TeamActivity.team_id, TeamActivity.type)
    )
    for team_id, kind, sessions, people in session.execute(stmt):
        result.setdefault(team_id, {})[kind] = (sessions, people)
    return result


def village_values(
    session: Session, commune_id: int, codes: Sequence[str], first: str, last: str
) -> dict[str, dict[str, dict[str, int]]]:
    """Village name -> code -> month -> value, for villages' shares recorded in the months."""
    stmt = (
        select(Village.name, MonthlyValue.code, MonthlyValue.month, MonthlyValue.value)
        .join(Village, Village.id == MonthlyValue.village_id)
        .where(
            MonthlyValue.commune_id == commune_id,
            MonthlyValue.code.in_(list(codes)),
            MonthlyValue.month.between(first, last),
        )
        .order_by(Village.code, MonthlyValue.month)
    )
    result: dict[str, dict[str, dict[str, int]]] = {}
    for village, code, month, value in session.execute(stmt):
        result.setdefault(village, {}).setdefault(code, {})[month] = value
    return result
