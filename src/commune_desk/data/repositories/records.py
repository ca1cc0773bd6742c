"""Queries of the record kinds (villages, staff, trainings...), driven by their descriptions.

Rows travel as plain dicts keyed by the kind's field names (references as codes) plus "id".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, delete, false, func, insert, or_, select, update
from sqlalchemy.orm import Session, aliased

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
from commune_desk.domain.records import KINDS, FieldType

MODELS: dict[str, type] = {
    "villages": Village,
    "staff": Staff,
    "trainings": Course,
    "participants": Participation,
    "teams": Team,
    "members": TeamMember,
    "activities": TeamActivity,
    "classes": CommunityClass,
}
# Field name -> model attribute, where they differ.
ATTRS: dict[tuple[str, str], str] = {("staff", "group"): "staff_group"}
# Reference field -> (foreign-key attribute, referred kind).
REFS: dict[str, tuple[str, str]] = {
    "village_code": ("village_id", "villages"),
    "merged_into": ("merged_into_id", "villages"),
    "team_code": ("team_id", "teams"),
    "training_code": ("course_id", "trainings"),
    "staff_code": ("staff_id", "staff"),
}
# Kinds that hang under another record instead of carrying the commune themselves.
PARENT: dict[str, tuple[str, str]] = {
    "participants": ("course_id", "trainings"),
    "members": ("team_id", "teams"),
    "activities": ("team_id", "teams"),
}


def attr_name(kind: str, field: str) -> str:
    if field in REFS:
        return REFS[field][0]
    return ATTRS.get((kind, field), field)


def _commune_filter(kind: str, commune_id: int) -> ColumnElement[bool]:
    model = MODELS[kind]
    if kind in PARENT:
        fk, parent_kind = PARENT[kind]
        parent = MODELS[parent_kind]
        return getattr(model, fk).in_(
            select(parent.id).where(parent.commune_id == commune_id)  # type: ignore[attr-defined]
        )
    return model.commune_id == commune_id  # type: ignore[attr-defined]


def code_map(session: Session, commune_id: int, kind: str) -> dict[str, int]:
    """Code -> id for a kind that has codes (villages, staff, trainings, teams)."""
    model = MODELS[kind]
    rows = session.execute(
        select(model.code, model.id).where(model.commune_id == commune_id)  # type: ignore[attr-defined]
    )
    return {code: id_ for code, id_ in rows}


def village_dates(
    session: Session, commune_id: int
) -> dict[str, tuple[dt.date | None, dt.date | None]]:
    """Village code -> (established on, dissolved or merged on)."""
    rows = session.execute(
        select(Village.code, Village.established_on, Village.dissolved_on).where(
            Village.commune_id == commune_id
        )
    )
    return {code: (established, dissolved) for code, established, dissolved in rows}


def select_rows(kind: str, commune_id: int) -> Select[Any]:
    """A select of every field of the kind, references as codes, plus the id."""
    model = MODELS[kind]
    columns: list[Any] = [model.id.label("id")]  # type: ignore[attr-defined]
    joins: list[tuple[Any, Any]] = []
    for spec in KINDS[kind].fields:
        if spec.type is FieldType.CHOICES:
            continue  # topics: loaded separately
        if spec.type is FieldType.REF:
            fk, ref_kind = REFS[spec.name]
            target = aliased(MODELS[ref_kind])
            joins.append((target, getattr(model, fk) == target.id))
            columns.append(target.code.label(spec.name))
        else:
            columns.append(getattr(model, attr_name(kind, spec.name)).label(spec.name))
    stmt = select(*columns).select_from(model)
    for target, on in joins:
        stmt = stmt.outerjoin(target, on)
    return stmt.where(_commune_filter(kind, commune_id))


def fold(session: Session, column: Any) -> Any:
    """Case-folded text for searching (Vietnamese letters included on SQLite)."""
    if session.get_bind().dialect.name == "sqlite":
        return func.cd_fold(column)
    return func.lower(column)


def page_rows(
    session: Session,
    kind: str,
    commune_id: int,
    search: str = "",
    searchable: Sequence[str] = (),
    equals: Mapping[str, Any] | None = None,
    date_field: str = "",
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    sort: str = "",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """One page of rows filtered and sorted in SQL, and the number of rows that match.

    `search` matches, case-folded, inside the `searchable` fields only (none: nothing matches).
    """
    inner = select_rows(kind, commune_id).subquery()
    conditions: list[Any] = []
    needle = search.strip().casefold()
    if needle:
        conditions.append(
            or_(
                false(),
                *(
                    fold(session, inner.c[name]).contains(needle, autoescape=True)
                    for name in searchable
                ),
            )
        )
    for name, value in (equals or {}).items():
        conditions.append(inner.c[name] == value)
    if date_field and date_from is not None:
        conditions.append(inner.c[date_field] >= date_from)
    if date_field and date_to is not None:
        conditions.append(inner.c[date_field] <= date_to)
    total = session.execute(select(func.count()).select_from(inner).where(*conditions)).scalar_one()
    stmt = select(inner).where(*conditions)
    if sort and sort in inner.c:
        column = inner.c[sort]
        stmt = stmt.order_by(column.desc() if descending else column.asc(), inner.c.id)
    else:
        stmt = stmt.order_by(inner.c.id)
    stmt = stmt.offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    rows = [dict(r._mapping) for r in session.execute(stmt)]
    if kind == "trainings" and rows:
        topics = course_topics(session, [r["id"] for r in rows])
        for row in rows:
            row["topics"] = topics.get(row["id"], ())
    return rows, total


def load_rows(
    session: Session, kind: str, commune_id: int, ids: Iterable[int] | None = None
) -> list[dict[str, Any]]:
    model = MODELS[kind]
    stmt = select_rows(kind, commune_id).order_by(model.id)  # type: ignore[attr-defined]
    if ids is not None:
        stmt = stmt.where(model.id.in_(list(ids)))  # type: ignore[attr-defined]
    rows = [dict(r._mapping) for r in session.execute(stmt)]
    if kind == "trainings" and rows:
        topics = course_topics(session, [r["id"] for r in rows])
        for row in rows:
            row["topics"] = topics.get(row["id"], ())
    return rows


def course_topics(session: Session, course_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    result: dict[int, list[str]] = {}
    for start in range(0, len(course_ids), 900):
        chunk = course_ids[start : start + 900]
        stmt = (
            select(CourseTopic.course_id, CourseTopic.topic)
            .where(CourseTopic.course_id.in_(chunk))
            .order_by(CourseTopic.topic)
        )
        for course_id, topic in session.execute(stmt):
            result.setdefault(course_id, []).append(topic)
    return {k: tuple(v) for k, v in result.items()}


def to_columns(kind: str, values: Mapping[str, Any], refs: Mapping[str, int | None]) -> dict:
    """Model column values from field values; `refs` holds the resolved reference ids."""
    columns: dict[str, Any] = {}
    for spec in KINDS[kind].fields:
        if spec.type is FieldType.CHOICES or spec.name not in values:
            continue
        if spec.type is FieldType.REF:
            columns[REFS[spec.name][0]] = refs.get(spec.name)
        else:
            columns[attr_name(kind, spec.name)] = values[spec.name]
    return columns


def insert_rows(
    session: Session, kind: str, commune_id: int, rows: Sequence[Mapping[str, Any]]
) -> list[int]:
    """Insert column dicts in bulk; returns the new ids in order."""
    model = MODELS[kind]
    if not rows:
        return []
    payload = [dict(r) for r in rows]
    if kind not in PARENT:
        for r in payload:
            r["commune_id"] = commune_id
    result = session.execute(
        insert(model).returning(model.id, sort_by_parameter_order=True), payload
    )  # type: ignore[attr-defined]
    return [row[0] for row in result]


def update_row(session: Session, kind: str, row_id: int, columns: Mapping[str, Any]) -> None:
    model = MODELS[kind]
    obj = session.get(model, row_id)
    for name, value in columns.items():
        setattr(obj, name, value)
    session.flush()


def delete_row(session: Session, kind: str, row_id: int) -> None:
    model = MODELS[kind]
    session.execute(delete(model).where(model.id == row_id))  # type: ignore[attr-defined]


def set_topics(session: Session, course_id: int, topics: Iterable[str]) -> None:
    session.execute(delete(CourseTopic).where(CourseTopic.course_id == course_id))
    rows = [{"course_id": course_id, "topic": t} for t in topics]
    if rows:
        session.execute(insert(CourseTopic), rows)


def count_rows(session: Session, kind: str, commune_id: int) -> int:
    model = MODELS[kind]
    stmt = select(func.count()).select_from(model).where(_commune_filter(kind, commune_id))
    return session.execute(stmt).scalar_one()


def references_to(session: Session, kind: str, row_id: int) -> dict[str, int]:
    """How many records of other kinds refer to this one (a delete would orphan them)."""
    counts: dict[str, int] = {}
    for other, model in MODELS.items():
        for spec in KINDS[other].fields:
            if spec.type is FieldType.REF and REFS[spec.name][1] == kind:
                column = getattr(model, REFS[spec.name][0])
                n = session.execute(
                    select(func.count()).select_from(model).where(column == row_id)
                ).scalar_one()
                if n:
                    counts[other] = counts.get(other, 0) + n
    return counts


def course_end_dates(session: Session, ids: Iterable[int]) -> dict[int, dt.date]:
    stmt = select(Course.id, Course.end_date).where(Course.id.in_(list(ids)))
    return {k: v for k, v in session.execute(stmt)}


def update_rows(session: Session, kind: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """Bulk update by primary key: each dict holds "id" and the columns to change."""
    if rows:
        session.execute(update(MODELS[kind]), [dict(r) for r in rows])
