"""The catalogue's `records` figures, counted from the record tables over a date window.

Stocks are counted as of the window's last day; flows over the whole window.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Select, and_, distinct, func, or_, select
from sqlalchemy.orm import Session

from commune_desk.data.models import (
    CommunityClass,
    Course,
    CourseTopic,
    Participation,
    Staff,
    Team,
    TeamActivity,
    TeamMember,
    Village,
)
from commune_desk.domain.numbers import Number

DX_TOPICS = ("dx", "digital_skills")
STEERING_TOPICS = ("dx", "infosec")
ACTIVITY_PREFIX = "team.supported_"

# Every records code this module counts; a catalogue naming another one is refused at start.
COUNTED = frozenset(
    {
        "commune.villages",
        "class.count",
        "class.participants",
        "staff.total",
        "staff.trained_dx",
        "staff.trained_ai",
        "staff.trained_infosec",
        "staff.steering_trained",
        "staff.training_hours",
        "team.count",
        "team.villages_covered",
        "team.members",
        "team.sessions",
        "team.supported",
    }
)


def counts(code: str, activity_types: frozenset[str]) -> bool:
    """Whether this module can count `code`."""
    if code.startswith(ACTIVITY_PREFIX):
        return code.removeprefix(ACTIVITY_PREFIX) in activity_types
    return code in COUNTED


def _active_staff(commune_id: int, end: dt.date) -> Select:
    return select(Staff.id).where(
        Staff.commune_id == commune_id,
        Staff.start_date <= end,
        or_(Staff.end_date.is_(None), Staff.end_date >= end),
    )


def _trained(commune_id: int, end: dt.date, topics: tuple[str, ...]) -> Select:
    """Distinct active staff with a completed course on one of `topics` ending by `end`."""
    return (
        select(func.count(distinct(Participation.staff_id)))
        .join(Course, Course.id == Participation.course_id)
        .where(
            Participation.completed.is_(True),
            Course.commune_id == commune_id,
            Course.end_date <= end,
            Participation.staff_id.in_(_active_staff(commune_id, end)),
            Course.id.in_(select(CourseTopic.course_id).where(CourseTopic.topic.in_(topics))),
        )
    )


def _active_teams(commune_id: int, end: dt.date) -> Select:
    return select(Team.id).where(
        Team.commune_id == commune_id,
        Team.established_on <= end,
        or_(Team.dissolved_on.is_(None), Team.dissolved_on > end),
    )


def active_villages(commune_id: int, end: dt.date) -> Select:
    """Villages on the period's last day: established by then, not yet dissolved or merged."""
    return select(Village.id).where(
        Village.commune_id == commune_id,
        Village.active.is_(True),
        or_(Village.established_on.is_(None), Village.established_on <= end),
        or_(Village.dissolved_on.is_(None), Village.dissolved_on > end),
    )


def record_figures(
    session: Session, commune_id: int, start: dt.date, end: dt.date
) -> dict[str, Number]:
    """Every counted records figure over the window [start, end]."""
    values: dict[str, Number] = {}
    scalar = session.execute
    values["commune.villages"] = scalar(
        select(func.count()).select_from(active_villages(commune_id, end).subquery())
    ).scalar_one()

    values["staff.total"] = scalar(
        select(func.count()).select_from(_active_staff(commune_id, end).subquery())
    ).scalar_one()
    values["staff.trained_dx"] = scalar(_trained(commune_id, end, DX_TOPICS)).scalar_one()
    steering = _trained(commune_id, end, STEERING_TOPICS).where(
        Participation.staff_id.in_(select(Staff.id).where(Staff.steering_member.is_(True)))
    )
    values["staff.steering_trained"] = scalar(steering).scalar_one()

    in_window = and_(
        Participation.completed.is_(True),
        Course.commune_id == commune_id,
        Course.end_date >= start,
        Course.end_date <= end,
    )
    topic_rows = scalar(
        select(CourseTopic.topic, func.count())
        .select_from(Participation)
        .join(Course, Course.id == Participation.course_id)
        .join(CourseTopic, CourseTopic.course_id == Course.id)
        .where(in_window, CourseTopic.topic.in_(("ai", "infosec")))
        .group_by(CourseTopic.topic)
    ).all()
    by_topic = dict(topic_rows)
    values["staff.trained_ai"] = by_topic.get("ai", 0)
    values["staff.trained_infosec"] = by_topic.get("infosec", 0)
    values["staff.training_hours"] = scalar(
        select(func.coalesce(func.sum(Course.hours), 0))
        .select_from(Participation)
        .join(Course, Course.id == Participation.course_id)
        .where(in_window)
    ).scalar_one()

    active_teams = _active_teams(commune_id, end)
    values["team.count"] = scalar(
        select(func.count()).select_from(active_teams.subquery())
    ).scalar_one()
    values["team.villages_covered"] = scalar(
        select(func.count(distinct(Team.village_id))).where(
            Team.id.in_(active_teams),
            Team.level == "village",
            # a village merged or dissolved is no longer one of the villages covered
            Team.village_id.in_(active_villages(commune_id, end)),
        )
    ).scalar_one()
    values["team.members"] = scalar(
        select(func.count()).where(
            TeamMember.team_id.in_(active_teams),
            TeamMember.joined_on <= end,
            or_(TeamMember.left_on.is_(None), TeamMember.left_on > end),
        )
    ).scalar_one()

    activity_rows = scalar(
        select(TeamActivity.type, func.count(), func.sum(TeamActivity.people_supported))
        .join(Team, Team.id == TeamActivity.team_id)
        .where(Team.commune_id == commune_id, TeamActivity.date.between(start, end))
        .group_by(TeamActivity.type)
    ).all()
    values["team.sessions"] = sum(n for _, n, _ in activity_rows)
    values["team.supported"] = sum(people or 0 for _, _, people in activity_rows)
    for activity_type, _, people in activity_rows:
        values[ACTIVITY_PREFIX + activity_type] = people or 0

    class_count, class_people = scalar(
        select(func.count(), func.coalesce(func.sum(CommunityClass.participants), 0)).where(
            CommunityClass.commune_id == commune_id, CommunityClass.date.between(start, end)
        )
    ).one()
    values["class.count"] = class_count
    values["class.participants"] = class_people
    return values
