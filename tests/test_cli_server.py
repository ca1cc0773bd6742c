"""`server grant`: a commune's PostgreSQL role reads and writes only its commune's rows, even in
a plain session outside the program, and never changes the audit trail (issue 19)."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import make_url

from commune_desk.services.commune import CommuneService
from commune_desk.services.records import RecordService
from commune_desk.services.values import ValuesService
from tests.support.common import run_cli
from tests.support.communes import A_CODE, B_CODE, open_as, two_communes

psycopg = pytest.importorskip("psycopg")
RLS_REFUSED = "42501"  # insufficient_privilege: a policy's or a grant's refusal


@pytest.fixture
def server_db(postgres_db: str) -> Iterator[str]:
    """A server database holding communes A and B, each with a village, a team and a value."""
    both = two_communes(postgres_db)
    try:
        for ctx, name in ((both.a, "A"), (both.b, "B")):
            records = RecordService(ctx)
            records.create("villages", {"code": "T01", "name": f"Thôn Đông {name}"})
            records.create(
                "teams",
                {
                    "code": "TO1",
                    "name": f"Tổ công nghệ số {name}",
                    "level": "commune",
                    "established_on": "01/01/2025",
                },
            )
            records.create(
                "members",
                {"team_code": "TO1", "full_name": f"Thành viên {name}", "joined_on": "01/02/2025"},
            )
            ValuesService(ctx).set_value("pop.population", "2026-09", 5000 if name == "A" else 7000)
    finally:
        both.close()
    return postgres_db


def _grant(capsys, monkeypatch, db: str, login: str, *whose: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{login}-matkhau\n"))
    status, out, err = run_cli(
        capsys, "server", "grant", *whose, "--login", login, "--password-stdin", "--db", db
    )
    assert status == 0, err
    assert login in out


def _connect(db: str, login: str):
    url = make_url(db)
    return psycopg.connect(
        host=url.host, port=url.port, dbname=url.database, user=login, password=f"{login}-matkhau"
    )


def _refused(conn, statement: str) -> str:
    with pytest.raises(psycopg.Error) as err:
        conn.execute(statement)
    conn.rollback()
    return err.value.sqlstate


def test_a_commune_role_sees_and_changes_only_its_own_rows(server_db, capsys, monkeypatch):
    _grant(capsys, monkeypatch, server_db, "xa_thieu_trung", "--commune", A_CODE)
    with _connect(server_db, "xa_thieu_trung") as conn:
        assert conn.execute("SELECT code FROM communes").fetchall() == [(A_CODE,)]
        assert conn.execute("SELECT name FROM villages").fetchall() == [("Thôn Đông A",)]
        assert conn.execute("SELECT full_name FROM team_members").fetchall() == [("Thành viên A",)]
        assert conn.execute("SELECT value FROM monthly_values").fetchall() == [(5000,)]
        commune_b = conn.execute(
            "SELECT count(*) FROM audit_entries WHERE commune_id <> 1"
        ).fetchone()
        assert commune_b == (0,)
        # Another commune's rows can be neither changed nor deleted: none is even seen.
        assert conn.execute("UPDATE villages SET name = 'x' WHERE name LIKE '%B'").rowcount == 0
        assert conn.execute("DELETE FROM monthly_values WHERE value = 7000").rowcount == 0
        assert (
            conn.execute("UPDATE villages SET name = 'Thôn Đông' WHERE code = 'T01'").rowcount == 1
        )
        conn.commit()
        # Nor written into: the policy's check refuses a row of another commune.
        b_id = 2
        assert (
            _refused(
                conn,
                "INSERT INTO villages (commune_id, code, name, kind, active, search_key,"
                f" name_sort, version) VALUES ({b_id}, 'T99', 'Lạ', 'thon', true, '', '', 1)",
            )
            == RLS_REFUSED
        )
        assert _refused(conn, "UPDATE villages SET commune_id = 2") == RLS_REFUSED
        # The audit trail: added to, never changed or deleted.
        assert _refused(conn, "UPDATE audit_entries SET actor = 'x'") == RLS_REFUSED
        assert _refused(conn, "DELETE FROM audit_entries") == RLS_REFUSED
        # Nor what it submitted: the register of submissions is added to, never rewritten.
        assert _refused(conn, "UPDATE submissions SET snapshot = '{}'") == RLS_REFUSED
        assert _refused(conn, "DELETE FROM submissions") == RLS_REFUSED
        assert _refused(conn, "DROP TABLE staff") == RLS_REFUSED  # not the owner


def test_the_program_runs_as_a_commune_role_without_choosing(server_db, capsys, monkeypatch):
    _grant(capsys, monkeypatch, server_db, "xa_thieu_van", "--commune", B_CODE)
    url = make_url(server_db).set(username="xa_thieu_van", password="xa_thieu_van-matkhau")
    db = open_as(url.render_as_string(hide_password=False), None)
    try:
        assert CommuneService(db.context).communes() == [(B_CODE, "Xã Thiệu Vận")]
        assert CommuneService(db.context).profile().code == B_CODE
        ValuesService(db.context).set_value("pop.population", "2026-10", 7100)
        assert [r["name"] for r in RecordService(db.context).list("villages")] == ["Thôn Đông B"]
    finally:
        db.close()


def test_a_province_role_reads_every_commune_and_writes_nothing(server_db, capsys, monkeypatch):
    for args in (("lan", "--role", "clerk", "--commune", A_CODE), ("tinh.thanhhoa", "--province")):
        monkeypatch.setattr("sys.stdin", io.StringIO("mat-khau-dai-1\n"))
        status, _, err = run_cli(
            capsys, "user", "add", args[0], *args[1:], "--password-stdin", "--db", server_db
        )
        assert status == 0, err
    _grant(capsys, monkeypatch, server_db, "tinh_thanh_hoa", "--province")
    with _connect(server_db, "tinh_thanh_hoa") as conn:
        assert len(conn.execute("SELECT * FROM communes").fetchall()) == 2
        assert sorted(conn.execute("SELECT value FROM monthly_values").fetchall()) == [
            (5000,),
            (7000,),
        ]
        assert _refused(conn, "UPDATE monthly_values SET value = 1") == RLS_REFUSED
        assert _refused(conn, "DELETE FROM villages") == RLS_REFUSED
        # The communes' accounts (their password hashes) stay out of its sight.
        assert (
            conn.execute("SELECT username FROM users WHERE commune_id IS NOT NULL").fetchall() == []
        )


def test_granting_again_updates_the_role_and_a_file_or_unknown_commune_is_refused(
    server_db, capsys, monkeypatch, tmp_path
):
    _grant(capsys, monkeypatch, server_db, "xa_a", "--commune", A_CODE)
    _grant(capsys, monkeypatch, server_db, "xa_a", "--commune", A_CODE)  # again: replaced
    monkeypatch.setattr("sys.stdin", io.StringIO("matkhau-123\n"))
    status, _, err = run_cli(
        capsys, "server", "grant", "--commune", "99999", "--login", "xa_z", "--password-stdin",
        "--db", server_db,
    )  # fmt: skip
    assert status == 1 and "99999" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("matkhau-123\n"))
    status, _, err = run_cli(
        capsys, "server", "grant", "--province", "--login", "tinh", "--password-stdin",
        "--db", str(tmp_path / "xa.sqlite3"),
    )  # fmt: skip
    assert status == 1 and "PostgreSQL" in err
    status, _, err = run_cli(
        capsys, "server", "grant", "--login", "x", "--password-stdin", "--db", server_db
    )
    assert status == 2
