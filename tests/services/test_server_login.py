"""The server's details, its URL, and the password kept in the keyring (or nowhere)."""

from __future__ import annotations

from commune_desk.services.server_login import (
    KEYRING_SERVICE,
    PasswordStore,
    ServerLogin,
    login_of,
    shown,
    with_kept_password,
)

LOGIN = ServerLogin("may-chu.xa.vn", 5433, "commune_desk", "van_thu", "p@ss:/word")


def test_the_url_quotes_the_password_and_reads_back() -> None:
    url = LOGIN.url()
    assert url.startswith("postgresql+psycopg://van_thu:")
    assert login_of(url) == LOGIN
    assert login_of("postgresql://van_thu@may-chu.xa.vn/commune_desk").port == 5432
    assert login_of("/home/van-thu/commune.sqlite3") is None
    assert "p@ss" not in LOGIN.url(with_password=False)


def test_a_location_is_shown_without_its_password() -> None:
    assert "p@ss" not in shown(LOGIN.url()) and "***" in shown(LOGIN.url())
    assert shown("/tmp/x.sqlite3") == "/tmp/x.sqlite3"


def test_what_is_missing_is_said_before_connecting() -> None:
    assert LOGIN.problem() == ""
    assert "máy chủ" in ServerLogin("", 5432, "db", "u").problem()
    assert "cơ sở dữ liệu" in ServerLogin("h", 5432, "", "u").problem()
    assert "tên đăng nhập" in ServerLogin("h", 5432, "db", "").problem()


def test_the_kept_password_completes_a_location(keyring_in_memory) -> None:
    passwords = PasswordStore()
    bare = LOGIN.url(with_password=False)
    assert with_kept_password(bare) == bare  # nothing kept: asked in the window
    assert passwords.remember(LOGIN)
    assert keyring_in_memory.passwords[(KEYRING_SERVICE, LOGIN.account)] == "p@ss:/word"
    assert login_of(with_kept_password(bare)).password == "p@ss:/word"
    passwords.forget(LOGIN)
    passwords.forget(LOGIN)  # forgetting twice is no error
    assert passwords.get(LOGIN) is None


def test_a_keyring_that_fails_is_no_keyring() -> None:
    class Broken:
        def get_password(self, service: str, username: str) -> str | None:
            raise RuntimeError("no keyring daemon")

        def set_password(self, service: str, username: str, password: str) -> None:
            raise RuntimeError("locked")

        def delete_password(self, service: str, username: str) -> None:
            raise RuntimeError("locked")

    passwords = PasswordStore(Broken())
    assert passwords.get(LOGIN) is None
    assert passwords.remember(LOGIN) is False
    passwords.forget(LOGIN)
