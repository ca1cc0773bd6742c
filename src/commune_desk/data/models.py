"""SQLAlchemy 2 models. The schema enforces what it can: keys, uniqueness, values >= 0.

Indicators are never stored: they are computed from monthly values and records.
Changing a model needs an Alembic migration in ``data/migrations/versions``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Versioned:
    """A record row's stamp: raised by every change, so a save made against a row someone
    else changed since it was shown is refused (with who changed it, and when)."""

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str | None] = mapped_column(String(80))
    updated_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Province(Base):
    __tablename__ = "provinces"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str | None] = mapped_column(String(10), unique=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)


class Commune(Base):
    __tablename__ = "communes"
    __table_args__ = (
        CheckConstraint("cutoff_mode IN ('calendar', 'decree09')", name="cutoff_mode"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(10), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    province_id: Mapped[int] = mapped_column(ForeignKey("provinces.id", ondelete="RESTRICT"))
    cutoff_mode: Mapped[str] = mapped_column(String(10), default="calendar")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    province: Mapped[Province] = relationship()


class CommuneSetting(Base):
    """Business settings of a commune (report signer, recipients...), as key/value text."""

    __tablename__ = "commune_settings"
    commune_id: Mapped[int] = mapped_column(
        ForeignKey("communes.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Village(Versioned, Base):
    __tablename__ = "villages"
    __table_args__ = (
        UniqueConstraint("commune_id", "code"),
        CheckConstraint("kind IN ('thon', 'to_dan_pho')", name="kind"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    commune_id: Mapped[int] = mapped_column(ForeignKey("communes.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(12), default="thon")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Counted in a period when established by its end and not dissolved (or merged) by then;
    # no date: since before the program kept records (every village of schema 1).
    established_on: Mapped[dt.date | None] = mapped_column(Date)
    dissolved_on: Mapped[dt.date | None] = mapped_column(Date)
    # A plain reference (no ON DELETE clause): SQLite adds it with the column, in place.
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("villages.id"))
    # Derived from the fields above (domain.text): accent-free search, Vietnamese order.
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")
    name_sort: Mapped[str] = mapped_column(Text, default="", server_default="")


class Staff(Versioned, Base):
    __tablename__ = "staff"
    __table_args__ = (
        UniqueConstraint("commune_id", "code"),
        CheckConstraint(
            "staff_group IN ('can_bo', 'cong_chuc', 'vien_chuc', 'nguoi_lao_dong')",
            name="staff_group",
        ),
        CheckConstraint("gender IS NULL OR gender IN ('nam', 'nu')", name="gender"),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    commune_id: Mapped[int] = mapped_column(ForeignKey("communes.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(20))
    full_name: Mapped[str] = mapped_column(String(120))
    gender: Mapped[str | None] = mapped_column(String(3))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    position: Mapped[str] = mapped_column(String(120), default="")
    staff_group: Mapped[str] = mapped_column(String(20))
    steering_member: Mapped[bool] = mapped_column(Boolean, default=False)
    phone: Mapped[str] = mapped_column(String(20), default="")
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    # Derived from the fields above (domain.text): accent-free search, Vietnamese order.
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")
    full_name_sort: Mapped[str] = mapped_column(Text, default="", server_default="")
    position_sort: Mapped[str] = mapped_column(Text, default="", server_default="")


class Course(Versioned, Base):
    __tablename__ = "courses"
    __table_args__ = (
        UniqueConstraint("commune_id", "code"),
        CheckConstraint("hours >= 0", name="hours"),
        CheckConstraint("end_date >= start_date", name="dates"),
        CheckConstraint("mode IN ('truc_tiep', 'truc_tuyen', 'ket_hop')", name="mode"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    commune_id: Mapped[int] = mapped_column(ForeignKey("communes.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(250))
    organizer: Mapped[str] = mapped_column(String(200), default="")
    mode: Mapped[str] = mapped_column(String(12), default="truc_tiep")
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date, index=True)
    hours: Mapped[float] = mapped_column(Float, default=0)
    # Derived from the fields above (domain.text): accent-free search, Vietnamese order.
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")
    title_sort: Mapped[str] = mapped_column(Text, default="", server_default="")
    organizer_sort: Mapped[str] = mapped_column(Text, default="", server_default="")
    topics: Mapped[list[CourseTopic]] = relationship(
        cascade="all, delete-orphan", order_by="CourseTopic.topic"
    )


class CourseTopic(Base):
    __tablename__ = "course_topics"
    __table_args__ = (
        CheckConstraint(
            "topic IN ('dx', 'digital_skills', 'ai', 'infosec', 'online_services', 'vneid')",
            name="topic",
        ),
    )
    course_id: Mapped[int] = mapped_column(
        ForeignKey("courses.id", ondelete="CASCADE"), primary_key=True
    )
    topic: Mapped[str] = mapped_column(String(20), primary_key=True)


class Participation(Base):
    __tablename__ = "participations"
    __table_args__ = (UniqueConstraint("course_id", "staff_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"), index=True)
    completed: Mapped[bool] = mapped_column(Boolean, default=True)


class Team(Versioned, Base):
    __tablename__ = "teams"
    __table_args__ = (
        UniqueConstraint("commune_id", "code"),
        CheckConstraint("level IN ('commune', 'village')", name="level"),
        CheckConstraint(
            "(level = 'village' AND village_id IS NOT NULL)"
            " OR (level = 'commune' AND village_id IS NULL)",
            name="village_level",
        ),
        CheckConstraint("dissolved_on IS NULL OR dissolved_on >= established_on", name="dates"),
        # One team per village at most (guidance 793/BTTTT-THH).
        Index(
            "uq_teams_village",
            "village_id",
            unique=True,
            sqlite_where=text("village_id IS NOT NULL"),
            postgresql_where=text("village_id IS NOT NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    commune_id: Mapped[int] = mapped_column(ForeignKey("communes.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(10))
    village_id: Mapped[int | None] = mapped_column(ForeignKey("villages.id", ondelete="RESTRICT"))
    established_on: Mapped[dt.date] = mapped_column(Date)
    dissolved_on: Mapped[dt.date | None] = mapped_column(Date)
    # Derived from the fields above (domain.text): accent-free search, Vietnamese order.
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")
    name_sort: Mapped[str] = mapped_column(Text, default="", server_default="")


class TeamMember(Versioned, Base):
    __tablename__ = "team_members"
    __table_args__ = (
        UniqueConstraint("team_id", "full_name"),
        CheckConstraint("role IN ('to_truong', 'to_pho', 'thanh_vien')", name="role"),
        CheckConstraint("gender IS NULL OR gender IN ('nam', 'nu')", name="gender"),
        CheckConstraint("left_on IS NULL OR left_on >= joined_on", name="dates"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    full_name: Mapped[str] = mapped_column(String(120))
    gender: Mapped[str | None] = mapped_column(String(3))
    role: Mapped[str] = mapped_column(String(12), default="thanh_vien")
    affiliation: Mapped[str] = mapped_column(String(30), default="khac")
    phone: Mapped[str] = mapped_column(String(20), default="")
    joined_on: Mapped[dt.date] = mapped_column(Date)
    left_on: Mapped[dt.date | None] = mapped_column(Date)
    # Derived from the fields above (domain.text): accent-free search, Vietnamese order.
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")
    full_name_sort: Mapped[str] = mapped_column(Text, default="", server_default="")


class TeamActivity(Versioned, Base):
    __tablename__ = "team_activities"
    __table_args__ = (
        CheckConstraint("people_supported >= 0", name="people_supported"),
        CheckConstraint(
            "type IN ('vneid', 'online_services', 'cashless', 'ecommerce', 'cybersafety', 'other')",
            name="type",
        ),
        Index("ix_team_activities_date_type", "date", "type"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="RESTRICT"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    type: Mapped[str] = mapped_column(String(20))
    village_id: Mapped[int | None] = mapped_column(ForeignKey("villages.id", ondelete="RESTRICT"))
    people_supported: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(String(500), default="")
    # Derived from the fields above (domain.text): accent-free search, Vietnamese order.
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")
    note_sort: Mapped[str] = mapped_column(Text, default="", server_default="")


class CommunityClass(Versioned, Base):
    __tablename__ = "community_classes"
    __table_args__ = (
        UniqueConstraint("commune_id", "code"),
        CheckConstraint("participants >= 0", name="participants"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    commune_id: Mapped[int] = mapped_column(ForeignKey("communes.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(20))
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    village_id: Mapped[int | None] = mapped_column(ForeignKey("villages.id", ondelete="RESTRICT"))
    topic: Mapped[str] = mapped_column(String(250))
    participants: Mapped[int] = mapped_column(Integer)
    instructor: Mapped[str] = mapped_column(String(120), default="")
    # Derived from the fields above (domain.text): accent-free search, Vietnamese order.
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")
    topic_sort: Mapped[str] = mapped_column(Text, default="", server_default="")
    instructor_sort: Mapped[str] = mapped_column(Text, default="", server_default="")


class MonthlyValue(Base):
    """One entered figure: commune, element code, month (and optionally a village's share)."""

    __tablename__ = "monthly_values"
    __table_args__ = (
        CheckConstraint("value >= 0", name="value"),
        CheckConstraint(
            "length(month) = 7 AND substr(month, 5, 1) = '-'"
            " AND CAST(substr(month, 6, 2) AS INTEGER) BETWEEN 1 AND 12",
            name="month",
        ),
        Index(
            "uq_monthly_values_commune",
            "commune_id",
            "code",
            "month",
            unique=True,
            sqlite_where=text("village_id IS NULL"),
            postgresql_where=text("village_id IS NULL"),
        ),
        Index(
            "uq_monthly_values_village",
            "commune_id",
            "code",
            "month",
            "village_id",
            unique=True,
            sqlite_where=text("village_id IS NOT NULL"),
            postgresql_where=text("village_id IS NOT NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    commune_id: Mapped[int] = mapped_column(ForeignKey("communes.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(60))
    month: Mapped[str] = mapped_column(String(7))
    village_id: Mapped[int | None] = mapped_column(ForeignKey("villages.id", ondelete="RESTRICT"))
    value: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    updated_by: Mapped[str] = mapped_column(String(80))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class YearlyTarget(Base):
    __tablename__ = "yearly_targets"
    __table_args__ = (
        UniqueConstraint("commune_id", "code", "year"),
        CheckConstraint("value >= 0", name="value"),
        CheckConstraint("year BETWEEN 2000 AND 2100", name="year"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    commune_id: Mapped[int] = mapped_column(ForeignKey("communes.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(60))
    year: Mapped[int] = mapped_column(Integer)
    value: Mapped[float] = mapped_column(Float)


class User(Base):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("role IN ('clerk', 'officer', 'supervisor')", name="role"),
        CheckConstraint("failed_attempts >= 0", name="failed_attempts"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    full_name: Mapped[str] = mapped_column(String(120), default="")
    role: Mapped[str] = mapped_column(String(12))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # The commune the account works for; none: a province account (reads every commune).
    commune_id: Mapped[int | None] = mapped_column(ForeignKey("communes.id"), index=True)


class AuditEntry(Base):
    """Append-only: triggers created by the migrations refuse UPDATE and DELETE."""

    __tablename__ = "audit_entries"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str] = mapped_column(String(80), index=True)
    action: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(30), index=True)
    entity_key: Mapped[str] = mapped_column(String(200), default="")
    period: Mapped[str | None] = mapped_column(String(7))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")
    # The commune whose trail this is; none: the province's, or the database's own.
    commune_id: Mapped[int | None] = mapped_column(ForeignKey("communes.id"), index=True)


class Submission(Base):
    __tablename__ = "submissions"
    __table_args__ = (
        UniqueConstraint("commune_id", "period", "version"),
        CheckConstraint("version >= 1", name="version"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    commune_id: Mapped[int] = mapped_column(ForeignKey("communes.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(7))
    version: Mapped[int] = mapped_column(Integer)
    file_name: Mapped[str] = mapped_column(String(260))
    sha256: Mapped[str] = mapped_column(String(64))
    submitted_by: Mapped[str] = mapped_column(String(80))
    submitted_at: Mapped[dt.datetime] = mapped_column(DateTime)
    warnings: Mapped[str] = mapped_column(Text, default="[]")
    uid: Mapped[str | None] = mapped_column(String(32))  # random: the identity with the time
    # JSON: every catalogue code's value, year to date, last year, target (services/snapshots)
    snapshot: Mapped[str | None] = mapped_column(Text)


class PeriodLock(Base):
    __tablename__ = "period_locks"
    __table_args__ = (
        Index(
            "uq_period_locks_active",
            "commune_id",
            "period",
            unique=True,
            sqlite_where=text("unlocked_at IS NULL"),
            postgresql_where=text("unlocked_at IS NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    commune_id: Mapped[int] = mapped_column(ForeignKey("communes.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(7))
    submission_id: Mapped[int | None] = mapped_column(
        ForeignKey("submissions.id", ondelete="RESTRICT")
    )
    locked_at: Mapped[dt.datetime] = mapped_column(DateTime)
    locked_by: Mapped[str] = mapped_column(String(80))
    unlocked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    unlocked_by: Mapped[str | None] = mapped_column(String(80))
    unlock_reason: Mapped[str] = mapped_column(Text, default="")


class SigningKey(Base):
    """A commune's Ed25519 key pair (kind "own") and the province's public key it trusts
    (kind "province"), as base64 text; kept in the database so backups carry them."""

    __tablename__ = "signing_keys"
    __table_args__ = (CheckConstraint("kind IN ('own', 'province')", name="kind"),)
    commune_id: Mapped[int] = mapped_column(
        ForeignKey("communes.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(10), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(60))
    private_key: Mapped[str] = mapped_column(String(60), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(80))


class ProvinceReply(Base):
    """A signed reply of the province to one submitted version: accepted, or returned with a
    reason (the returned period was unlocked when the reply was received)."""

    __tablename__ = "province_replies"
    __table_args__ = (
        UniqueConstraint("commune_id", "period", "version", "issued_at"),
        CheckConstraint("decision IN ('accept', 'return')", name="decision"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    commune_id: Mapped[int] = mapped_column(ForeignKey("communes.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(7))
    version: Mapped[int] = mapped_column(Integer)
    decision: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(Text, default="")
    issued_at: Mapped[str] = mapped_column(String(32))
    received_at: Mapped[dt.datetime] = mapped_column(DateTime)
    received_by: Mapped[str] = mapped_column(String(80))
    sha256: Mapped[str] = mapped_column(String(64))


class PeriodNarrative(Base):
    """The narrative of a period's report (Đánh giá chung, Khó khăn, Đề xuất), one row a part;
    locked with the period's submission."""

    __tablename__ = "period_narratives"
    commune_id: Mapped[int] = mapped_column(
        ForeignKey("communes.id", ondelete="CASCADE"), primary_key=True
    )
    period: Mapped[str] = mapped_column(String(7), primary_key=True)
    key: Mapped[str] = mapped_column(String(20), primary_key=True)
    text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(80))
