"""search and sort keys of the record tables

Each record table gets `search_key` (its text fields folded: no case, no diacritics, đ as d)
and `<field>_sort` (Vietnamese dictionary order as plain ASCII) per text field, so lists
search and sort in SQL the same way on every engine. Existing rows are filled in.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from commune_desk.domain.text import fold, sort_key

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# table -> (text fields in the search key, fields with a sort key); frozen at this revision.
TABLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "villages": (("code", "name"), ("name",)),
    "staff": (("code", "full_name", "position"), ("full_name", "position")),
    "courses": (("code", "title", "organizer"), ("title", "organizer")),
    "teams": (("code", "name"), ("name",)),
    "team_members": (("full_name",), ("full_name",)),
    "team_activities": (("note",), ("note",)),
    "community_classes": (("code", "topic", "instructor"), ("topic", "instructor")),
}


def upgrade() -> None:
    bind = op.get_bind()
    for table, (texts, sorted_fields) in TABLES.items():
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("search_key", sa.Text(), nullable=False, server_default=""))
            for name in sorted_fields:
                batch.add_column(
                    sa.Column(f"{name}_sort", sa.Text(), nullable=False, server_default="")
                )
        columns = ", ".join(("id", *texts))
        rows = bind.execute(sa.text(f"SELECT {columns} FROM {table}")).mappings().all()
        updates = [
            {
                "id": row["id"],
                "search_key": "\n".join(fold(row[n]) for n in texts if row[n]),
                **{f"{n}_sort": sort_key(row[n] or "") for n in sorted_fields},
            }
            for row in rows
        ]
        if updates:
            assignments = ", ".join(
                f"{c} = :{c}" for c in ("search_key", *(f"{n}_sort" for n in sorted_fields))
            )
            bind.execute(sa.text(f"UPDATE {table} SET {assignments} WHERE id = :id"), updates)


def downgrade() -> None:
    for table, (_, sorted_fields) in TABLES.items():
        with op.batch_alter_table(table) as batch:
            for name in sorted_fields:
                batch.drop_column(f"{name}_sort")
            batch.drop_column("search_key")
