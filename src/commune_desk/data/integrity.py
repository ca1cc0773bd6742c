"""`check` on a PostgreSQL server: what SQLite's integrity and foreign-key checks do on a file.

A server keeps its pages sound itself; what can still go wrong is what an administrator (or a
tool) can do behind the program's back: a constraint added NOT VALID or a foreign key whose
rows were loaded with triggers off, an index left invalid by a failed rebuild, the audit
trail's triggers dropped or disabled. Each problem is a sentence for the user.
"""

from __future__ import annotations

from sqlalchemy import and_, func, select, text
from sqlalchemy.orm import Session, aliased

from commune_desk.data.models import Base

# UPDATE and DELETE are tried for real by the audit repository's probe; TRUNCATE cannot be
# tried without locking the whole table, so its trigger is looked up instead.
AUDIT_TRIGGERS = ("audit_entries_no_truncate",)


def server_problems(session: Session) -> list[str]:
    """The server database's integrity problems (empty for SQLite, checked apart)."""
    if session.get_bind().dialect.name != "postgresql":
        return []
    return [*_unchecked(session), *_orphans(session), *_audit_triggers(session)]


def _unchecked(session: Session) -> list[str]:
    constraints = session.execute(
        text(
            "SELECT conrelid::regclass::text, conname FROM pg_constraint "
            "WHERE NOT convalidated AND connamespace = 'public'::regnamespace ORDER BY 1, 2"
        )
    ).all()
    indexes = session.execute(
        text(
            "SELECT indrelid::regclass::text, indexrelid::regclass::text FROM pg_index "
            "JOIN pg_class ON pg_class.oid = indexrelid "
            "WHERE NOT (indisvalid AND indisready) "
            "AND pg_class.relnamespace = 'public'::regnamespace ORDER BY 1, 2"
        )
    ).all()
    return [
        *(f"ràng buộc {name} của bảng {table} chưa được kiểm chứng" for table, name in constraints),
        *(f"chỉ mục {name} của bảng {table} không dùng được" for table, name in indexes),
    ]


def _orphans(session: Session) -> list[str]:
    """Rows whose reference points to no row (a foreign key bypassed)."""
    found = []
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_key_constraints:
            parent = aliased(fk.referred_table)
            pairs = list(zip(fk.columns, fk.elements, strict=True))
            joined = and_(*(parent.c[e.column.name] == c for c, e in pairs))
            missing = (
                select(func.count())
                .select_from(table.outerjoin(parent, joined))
                .where(and_(*(c.isnot(None) for c, _ in pairs)))
                .where(parent.c[pairs[0][1].column.name].is_(None))
            )
            count = session.execute(missing).scalar_one()
            if count:
                columns = ", ".join(c.name for c, _ in pairs)
                found.append(
                    f"{count} dòng của bảng {table.name} trỏ tới {fk.referred_table.name} "
                    f"không còn tồn tại ({columns})"
                )
    return found


def _audit_triggers(session: Session) -> list[str]:
    present = dict(
        session.execute(
            text(
                "SELECT tgname, tgenabled FROM pg_trigger "
                "WHERE tgrelid = 'audit_entries'::regclass AND NOT tgisinternal"
            )
        ).all()
    )
    problems = []
    for name in AUDIT_TRIGGERS:
        if name not in present:
            problems.append("nhật ký thay đổi không còn chặn việc xóa sạch cả bảng")
        elif present[name] == "D":
            problems.append("nhật ký thay đổi không còn chặn việc xóa sạch cả bảng (đã tắt)")
    return problems
