"""Queries of the record kinds (villages, staff, trainings...), driven by their descriptions.

Rows travel as plain dicts keyed by the kind's field names (references as codes) plus "id".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Select, delete, false, func, insert, or_, select, update
from sqlalchemy.orm import Session, aliased

from commune_desk.data.bulk import insert_many
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
from commune_desk.domain.records import KINDS, FieldType, derived_keys, search_fields, sort_fields
from commune_desk.domain.text import fold as fold_text

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


VERSION = "_version"  # the row's stamp in rows read `stamps=True`


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


def select_rows(
    kind: str, commune_id: int, keys: bool = False, stamps: bool = False
) -> Select[Any]:
    """A select of every field of the kind, references as codes, plus the id (and with
    `keys` the stored search key as "_search" and sort keys as "_sort_<field>"; with `stamps`
    the row's version as "_version")."""
    model = MODELS[kind]
    columns: list[Any] = [model.id.label("id")]  # type: ignore[attr-defined]
    if stamps and hasattr(model, "version"):
        columns.append(model.version.label(VERSION))  # type: ignore[attr-defined]
    if keys and search_fields(KINDS[kind]):
        columns.append(model.search_key.label("_search"))  # type: ignore[attr-defined]
        for name in sort_fields(KINDS[kind]):
            columns.append(getattr(model, f"{name}_sort").label(f"_sort_{name}"))
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


@dataclass(frozen=True)
class ListFilter:
    """A list's filters and sort, as the window asks for them: the same for a page of rows
    and for where one record stands in it."""

    search: str = ""
    searchable: Sequence[str] = ()
    equals: Mapping[str, Any] = field(default_factory=dict)
    date_field: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: str = ""
    descending: bool = False


def page_rows(
    session: Session,
    kind: str,
    commune_id: int,
    where: ListFilter,
    offset: int = 0,
    limit: int | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """One page of rows filtered and sorted in SQL, and the number of rows that match.

    `where.search` matches, case-folded, inside the `searchable` fields only (none: nothing
    matches).
    """
    inner = select_rows(kind, commune_id, keys=True, stamps=True).subquery()
    conditions = _conditions(session, kind, inner, where)
    total = session.execute(select(func.count()).select_from(inner).where(*conditions)).scalar_one()
    shown = [c for c in inner.c if not c.key.startswith("_") or c.key == VERSION]
    stmt = select(*shown).where(*conditions).order_by(*_order(inner, where))
    stmt = stmt.offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    rows = [dict(r._mapping) for r in session.execute(stmt)]
    if kind == "trainings" and rows:
        topics = course_topics(session, [r["id"] for r in rows])
        for row in rows:
            row["topics"] = topics.get(row["id"], ())
    return rows, total


def _conditions(session: Session, kind: str, inner: Any, where: ListFilter) -> list[Any]:
    """The filters of a list as SQL conditions on `inner` (a `select_rows(keys=True)`)."""
    spec = KINDS[kind]
    conditions: list[Any] = []
    search, searchable = where.search, where.searchable
    date_field, date_from, date_to = where.date_field, where.date_from, where.date_to
    needle = search.strip().casefold()
    if needle:
        # Text fields through the stored accent-free key ("khanh" finds "Khánh"); codes of
        # references and personal fields (phones) as they are, case-folded.
        stored = set(search_fields(spec))
        keyed = [inner.c._search.contains(fold_text(search), autoescape=True)] if stored else []
        conditions.append(
            or_(
                false(),
                *(keyed if stored & set(searchable) else ()),
                *(
                    fold(session, inner.c[name]).contains(needle, autoescape=True)
                    for name in searchable
                    if name not in stored
                ),
            )
        )
    for name, value in where.equals.items():
        conditions.append(inner.c[name] == value)
    if date_field and date_from is not None:
        conditions.append(inner.c[date_field] >= date_from)
    if date_field and date_to is not None:
        conditions.append(inner.c[date_field] <= date_to)
    return conditions


def _order(inner: Any, where: ListFilter) -> list[Any]:
    """The order of a list: the sorted column (text by its Vietnamese sort key), then entry."""
    sort = where.sort
    if sort and sort in inner.c:
        column = inner.c.get(f"_sort_{sort}", inner.c[sort])
        return [column.desc() if where.descending else column.asc(), inner.c.id]
    return [inner.c.id]


def row_position(
    session: Session,
    kind: str,
    commune_id: int,
    record_id: int,
    where: ListFilter,
) -> int | None:
    """Where the record stands (from 0) in the list `page_rows` gives for the same filters
    and sort, or None when the filters leave it out."""
    inner = select_rows(kind, commune_id, keys=True).subquery()
    conditions = _conditions(session, kind, inner, where)
    place = func.row_number().over(order_by=_order(inner, where)).label("place")
    numbered = select(inner.c.id, place).where(*conditions).subquery()
    found = session.execute(select(numbered.c.place).where(numbered.c.id == record_id))
    place_of = found.scalar_one_or_none()
    return None if place_of is None else int(place_of) - 1


def load_rows(
    session: Session,
    kind: str,
    commune_id: int,
    ids: Iterable[int] | None = None,
    stamps: bool = False,
) -> list[dict[str, Any]]:
    model = MODELS[kind]
    stmt = select_rows(kind, commune_id, stamps=stamps).order_by(model.id)  # type: ignore[attr-defined]
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


@cache
def _column_plan(kind: str) -> tuple[tuple[str, str, bool], ...]:
    """(field, column, is a reference) of every stored field of the kind."""
    return tuple(
        (spec.name, attr_name(kind, spec.name), spec.type is FieldType.REF)
        for spec in KINDS[kind].fields
        if spec.type is not FieldType.CHOICES
    )


def to_columns(kind: str, values: Mapping[str, Any], refs: Mapping[str, int | None]) -> dict:
    """Model column values from field values; `refs` holds the resolved reference ids."""
    columns: dict[str, Any] = {}
    for name, column, is_ref in _column_plan(kind):
        if name not in values:
            continue
        columns[column] = refs.get(name) if is_ref else values[name]
    # Rows carry every field (a missing text field is its default, blank), so the keys hold.
    texts = search_fields(KINDS[kind])
    if texts and any(name in values for name in texts):
        columns.update(derived_keys(KINDS[kind], values))
    return columns


def insert_rows(
    session: Session,
    kind: str,
    commune_id: int,
    rows: Sequence[Mapping[str, Any]],
    returning: bool = True,
) -> list[int]:
    """Insert column dicts in bulk; returns the new ids in order (none without `returning`:
    then one plain executemany, the fast way for a large import)."""
    model = MODELS[kind]
    if not rows:
        return []
    payload = [dict(r) for r in rows]
    if kind not in PARENT:
        for r in payload:
            r["commune_id"] = commune_id
    if search_fields(KINDS[kind]):  # every row keeps its search and sort keys
        for r in payload:
            if "search_key" not in r:
                r.update(derived_keys(KINDS[kind], r))
    if not returning:
        insert_many(session, model.__table__, payload)  # type: ignore[attr-defined]
        return []
    result = session.execute(
        insert(model).returning(model.id, sort_by_parameter_order=True), payload
    )  # type: ignore[attr-defined]
    return [row[0] for row in result]


def update_row(session: Session, kind: str, row_id: int, columns: Mapping[str, Any]) -> None:
    """Change one row; its version goes up (a save made against the old one is stale)."""
    model = MODELS[kind]
    obj = session.get(model, row_id)
    for name, value in columns.items():
        setattr(obj, name, value)
    if hasattr(obj, "version"):
        obj.version = (obj.version or 0) + 1  # type: ignore[union-attr]
    session.flush()


def stamp(
    session: Session, kind: str, row_id: int, lock: bool = False
) -> tuple[int, str | None, dt.datetime | None] | None:
    """A row's version, who changed it last and when (None: no such row, or a kind without
    stamps); with `lock`, the row is held until the transaction ends."""
    model = MODELS[kind]
    if not hasattr(model, "version"):
        return None
    stmt = select(model.version, model.updated_by, model.updated_at).where(  # type: ignore[attr-defined]
        model.id == row_id  # type: ignore[attr-defined]
    )
    if lock:
        stmt = stmt.with_for_update()
    row = session.execute(stmt).first()
    return None if row is None else (row[0], row[1], row[2])


def delete_row(session: Session, kind: str, row_id: int) -> None:
    model = MODELS[kind]
    session.execute(delete(model).where(model.id == row_id))  # type: ignore[attr-defined]


def village_has_team(session: Session, village_id: int, other_than: int | None = None) -> bool:
    """Whether a team other than `other_than` already serves the village (one team each)."""
    query = select(Team.id).where(Team.village_id == village_id)
    if other_than is not None:
        query = query.where(Team.id != other_than)
    return session.execute(query.limit(1)).first() is not None


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
    """Bulk update by primary key: each dict holds "id" and the columns to change; every
    changed row's version goes up."""
    if rows:
        model = MODELS[kind]
        session.execute(update(model), [dict(r) for r in rows])
        if hasattr(model, "version"):
            ids = [r["id"] for r in rows]
            for start in range(0, len(ids), 500):
                session.execute(
                    update(model)
                    .where(model.id.in_(ids[start : start + 500]))  # type: ignore[attr-defined]
                    .values(version=model.version + 1),  # type: ignore[attr-defined]
                    execution_options={"synchronize_session": False},
                )
