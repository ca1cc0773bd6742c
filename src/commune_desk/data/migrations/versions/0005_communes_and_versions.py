"""many communes in one database, and version stamps against lost updates

Accounts and audit entries belong to a commune (`commune_id`; none for a province account,
which may read every commune). Monthly values and the record tables get a `version`, raised
by every change, so a save made against a value someone else changed since is refused; the
record tables also remember who changed a row last and when (`updated_by`, `updated_at`).

Every new column is added in place. A database of this revision's predecessors holds one
commune: its accounts and its audit trail are given that commune (the audit trail's
append-only triggers are lifted for this one statement only).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RECORD_TABLES = (
    "villages",
    "staff",
    "courses",
    "teams",
    "team_members",
    "team_activities",
    "community_classes",
)
_NO_UPDATE = (
    "CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries "
    "BEGIN SELECT RAISE(ABORT, 'audit entries cannot be changed'); END"
)


def _add_commune_reference(table: str) -> None:
    name = f"fk_{table}_commune_id_communes"
    if op.get_bind().dialect.name == "sqlite":
        # In place, with its reference: a batch copy would drop a table others refer to.
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN commune_id INTEGER "
            f"CONSTRAINT {name} REFERENCES communes (id)"
        )
    else:
        op.add_column(table, sa.Column("commune_id", sa.Integer(), nullable=True))
        op.create_foreign_key(name, table, "communes", ["commune_id"], ["id"])
    op.create_index(f"ix_{table}_commune_id", table, ["commune_id"])


def upgrade() -> None:
    bind = op.get_bind()
    _add_commune_reference("users")
    _add_commune_reference("audit_entries")
    op.add_column(
        "monthly_values",
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
    )
    for table in RECORD_TABLES:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        op.add_column(table, sa.Column("updated_by", sa.String(length=80), nullable=True))
        op.add_column(table, sa.Column("updated_at", sa.DateTime(), nullable=True))
    communes = bind.execute(sa.text("SELECT id FROM communes ORDER BY id")).scalars().all()
    if len(communes) != 1:
        return  # a new database (or, never before this revision, several communes)
    only = {"commune": communes[0]}
    bind.execute(sa.text("UPDATE users SET commune_id = :commune"), only)
    if bind.dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_entries_no_update")
        bind.execute(sa.text("UPDATE audit_entries SET commune_id = :commune"), only)
        op.execute(_NO_UPDATE)
    else:
        op.execute("ALTER TABLE audit_entries DISABLE TRIGGER USER")
        bind.execute(sa.text("UPDATE audit_entries SET commune_id = :commune"), only)
        op.execute("ALTER TABLE audit_entries ENABLE TRIGGER USER")


def downgrade() -> None:
    for table in RECORD_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("updated_at")
            batch.drop_column("updated_by")
            batch.drop_column("version")
    with op.batch_alter_table("monthly_values") as batch:
        batch.drop_column("version")
    for table in ("audit_entries", "users"):
        op.drop_index(f"ix_{table}_commune_id", table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column("commune_id")
