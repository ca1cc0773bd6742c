"""effective dates of villages, figure snapshots and identities of submissions

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05

Every new column is nullable and added in place (no table is copied), so no row changes:
a village without dates counts in every period as before, and a submission made before this
revision gets its snapshot from the figures at the first opening after the upgrade (the upgrade
keeps every period's figures as they were).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("villages", sa.Column("established_on", sa.Date(), nullable=True))
    op.add_column("villages", sa.Column("dissolved_on", sa.Date(), nullable=True))
    if op.get_bind().dialect.name == "sqlite":
        # SQLite adds a column with its reference in place; a batch copy of `villages` would
        # drop the table others refer to.
        op.execute(
            "ALTER TABLE villages ADD COLUMN merged_into_id INTEGER "
            "CONSTRAINT fk_villages_merged_into_id_villages "
            "REFERENCES villages (id)"
        )
    else:
        op.add_column("villages", sa.Column("merged_into_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            "fk_villages_merged_into_id_villages",
            "villages",
            "villages",
            ["merged_into_id"],
            ["id"],
        )
    op.add_column("submissions", sa.Column("uid", sa.String(length=32), nullable=True))
    op.add_column("submissions", sa.Column("snapshot", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("submissions") as batch:
        batch.drop_column("snapshot")
        batch.drop_column("uid")
    with op.batch_alter_table("villages") as batch:
        batch.drop_column("merged_into_id")
        batch.drop_column("dissolved_on")
        batch.drop_column("established_on")
