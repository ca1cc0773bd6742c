"""Damaged files, made on purpose."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def corrupt(path: Path) -> None:
    """Overwrite the pages after the schema with garbage, keeping SQLite's header."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    page = 4096
    data[page : len(data)] = b"\x0d\xff" * ((len(data) - page) // 2)
    path.write_bytes(bytes(data))
