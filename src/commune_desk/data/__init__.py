"""Persistence: SQLAlchemy models, repositories, migrations and backups."""
