"""signing keys (each commune's Ed25519 key pair and the province's key it trusts) and the
province's replies, and the narrative of each period's report

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05

Existing communes get their key pair on first need (the first report written after this).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "signing_keys",
        sa.Column("commune_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("public_key", sa.String(length=60), nullable=False),
        sa.Column("private_key", sa.String(length=60), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.CheckConstraint("kind IN ('own', 'province')", name=op.f("ck_signing_keys_kind")),
        sa.ForeignKeyConstraint(
            ["commune_id"],
            ["communes.id"],
            name=op.f("fk_signing_keys_commune_id_communes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("commune_id", "kind", name=op.f("pk_signing_keys")),
    )
    op.create_table(
        "province_replies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("commune_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("issued_at", sa.String(length=32), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("received_by", sa.String(length=80), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.CheckConstraint(
            "decision IN ('accept', 'return')", name=op.f("ck_province_replies_decision")
        ),
        sa.ForeignKeyConstraint(
            ["commune_id"],
            ["communes.id"],
            name=op.f("fk_province_replies_commune_id_communes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_province_replies")),
        sa.UniqueConstraint(
            "commune_id",
            "period",
            "version",
            "issued_at",
            name=op.f("uq_province_replies_commune_id_period_version_issued_at"),
        ),
    )
    op.create_table(
        "period_narratives",
        sa.Column("commune_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("key", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["commune_id"],
            ["communes.id"],
            name=op.f("fk_period_narratives_commune_id_communes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("commune_id", "period", "key", name=op.f("pk_period_narratives")),
    )


def downgrade() -> None:
    op.drop_table("period_narratives")
    op.drop_table("province_replies")
    op.drop_table("signing_keys")
