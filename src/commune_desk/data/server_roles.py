"""PostgreSQL only: login roles a province's server gives its communes, with row-level security.

`server grant` (cli/server.py) runs `commune_role_sql` or `province_role_sql`: a commune's role
reads and writes only the rows of its commune — the tables that carry `commune_id` by that
column, the tables that hang under a record (course topics, participations, team members and
activities) through their parent — and may add to the audit trail but never change or delete
it; a province role reads every commune and writes nothing (of the accounts it sees only the
province's own, never a commune account's password hash). The policies are named after the
role (`cd_<login>`), so granting again replaces them. The database's owner, who runs the
migrations and this command, is not subject to row-level security.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Connection

LOGIN = re.compile(r"^[a-z][a-z0-9_]{2,40}$")

# Tables whose rows belong to a commune by their own column.
BY_COMMUNE = (
    "commune_settings",
    "villages",
    "staff",
    "courses",
    "teams",
    "community_classes",
    "monthly_values",
    "yearly_targets",
    "submissions",
    "period_locks",
    "signing_keys",
    "province_replies",
    "period_narratives",
    "users",
)
# Tables whose rows belong to a commune through a parent row: (table, column, parent).
BY_PARENT = (
    ("course_topics", "course_id", "courses"),
    ("participations", "course_id", "courses"),
    ("team_members", "team_id", "teams"),
    ("team_activities", "team_id", "teams"),
)
# Added to, never changed: the audit trail and the register of submissions (with the figures
# each submission reported), so a commune's role cannot rewrite what it submitted.
APPEND_ONLY = ("audit_entries", "submissions")
SHARED = ("provinces", "alembic_version")  # read by every role: no commune's data
WRITES = "SELECT, INSERT, UPDATE, DELETE"


class RoleError(ValueError):
    """A login name or target the command refuses; the message is for the user."""


@dataclass(frozen=True)
class Grant:
    login: str
    commune_id: int | None  # None: the province's read-only role


def check_login(login: str) -> str:
    if not LOGIN.match(login):
        raise RoleError(
            f"Tên vai trò «{login}» không hợp lệ: 3–41 ký tự, chữ thường không dấu, chữ số "
            "hoặc gạch dưới, bắt đầu bằng chữ."
        )
    return login


def _policies(grant: Grant) -> Iterator[str]:
    role, name = grant.login, f"cd_{grant.login}"
    mine = "true" if grant.commune_id is None else f"commune_id = {int(grant.commune_id)}"
    own_commune = "true" if grant.commune_id is None else f"id = {int(grant.commune_id)}"
    reads_only = grant.commune_id is None
    tables = [
        ("communes", own_commune),
        *((t, mine) for t in BY_COMMUNE),
        *(
            (t, f"{column} IN (SELECT id FROM {parent} WHERE {mine})")
            for t, column, parent in BY_PARENT
        ),
    ]
    if reads_only:  # the province reads figures, never the communes' password hashes
        tables = [(t, "commune_id IS NULL" if t == "users" else c) for t, c in tables]
    for table, condition in [*tables, ("audit_entries", mine)]:
        append_only = table in APPEND_ONLY
        yield f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"
        yield f"DROP POLICY IF EXISTS {name} ON {table}"
        yield f"DROP POLICY IF EXISTS {name}_add ON {table}"
        if reads_only or append_only:
            yield f"CREATE POLICY {name} ON {table} FOR SELECT TO {role} USING ({condition})"
        else:
            yield (
                f"CREATE POLICY {name} ON {table} FOR ALL TO {role} "
                f"USING ({condition}) WITH CHECK ({condition})"
            )
        if append_only and not reads_only:
            yield (
                f"CREATE POLICY {name}_add ON {table} FOR INSERT TO {role} WITH CHECK ({condition})"
            )


def role_sql(grant: Grant, database: str, password: str = "…") -> list[str]:
    """Every statement `server grant` runs, in order (the password as a quoted literal)."""
    role = check_login(grant.login)
    secret = "'" + password.replace("'", "''") + "'"
    tables = ["communes", *BY_COMMUNE, *(t for t, _, _ in BY_PARENT)]
    statements = [
        f"DO $$ BEGIN CREATE ROLE {role}; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
        f"ALTER ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD {secret}",
        f'GRANT CONNECT ON DATABASE "{database}" TO {role}',
        f"GRANT USAGE ON SCHEMA public TO {role}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role}",
        f"GRANT SELECT ON {', '.join(SHARED)} TO {role}",
    ]
    if grant.commune_id is None:
        statements.append(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
    else:
        writable = [t for t in tables[1:] if t not in APPEND_ONLY]
        statements += [
            f"GRANT SELECT, UPDATE ON communes TO {role}",
            f"GRANT {WRITES} ON {', '.join(writable)} TO {role}",
            f"GRANT SELECT, INSERT ON {', '.join(APPEND_ONLY)} TO {role}",  # never UPDATE/DELETE
            f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {role}",
        ]
    return statements + list(_policies(grant))


def apply(connection: Connection, statements: list[str]) -> None:
    """Run the statements in the caller's transaction (all of them or none)."""
    for statement in statements:
        connection.exec_driver_sql(statement.replace("%", "%%"))
