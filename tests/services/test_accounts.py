"""Accounts: password rules, argon2id hashes, log-in with lock-out and its expiry, management."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from argon2 import PasswordHasher

from commune_desk.data.models import User
from commune_desk.data.repositories import users as users_repo
from commune_desk.services.accounts import (
    UNKNOWN_ACCOUNT,
    AccountService,
    LoginFailed,
    LoginRefusal,
)
from commune_desk.services.audit import AuditService
from commune_desk.services.context import Actor, system_actor
from commune_desk.services.errors import NotAllowed, ServiceError

START = dt.datetime(2026, 11, 21, 9, 30)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock(ctx) -> Clock:
    clock = Clock()
    ctx.clock = clock
    return clock


@pytest.fixture
def admin(ctx, clock):
    """The command line's context (the operating-system user)."""
    return replace(ctx, actor=system_actor())


@pytest.fixture
def accounts(admin) -> AccountService:
    service = AccountService(admin)
    service.add("lanhdao", "supervisor", "lanh-dao-2026", "Nguyễn Văn Lãnh")
    service.add("lan", "clerk", "mat-khau-lan", "Trần Thị Lan")
    return service


def trail(admin, **kwargs):
    return [(r.actor, r.action, r.key) for r in AuditService(admin).list(**kwargs)]


def test_login_returns_the_account_and_is_audited(accounts, admin):
    account = accounts.login("  LAN ", "mat-khau-lan")
    assert (account.username, account.role, account.full_name) == ("lan", "clerk", "Trần Thị Lan")
    assert account.actor() == Actor("lan", "clerk", "Trần Thị Lan")
    assert trail(admin, entity="account")[-1] == ("lan", "login", "lan")


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("ngan", "ít nhất 8 ký tự"),
        ("1234567", "ít nhất 8 ký tự"),
        ("          ", "chỉ gồm dấu cách"),
        ("x" * 257, "dài quá"),
    ],
)
def test_password_rules(accounts, password, message):
    with pytest.raises(ServiceError, match=message):
        accounts.add("moi", "clerk", password)
    with pytest.raises(ServiceError, match=message):
        accounts.reset_password("lan", password)
    assert accounts.login("lan", "mat-khau-lan").username == "lan"  # nothing changed


def test_eight_characters_are_enough(accounts):
    accounts.add("hoa", "officer", "12345678")
    assert accounts.login("hoa", "12345678").role == "officer"


@pytest.mark.parametrize("name", ["ab", "Lê Hoa", "os:root", "-lan", "a" * 61])
def test_usernames_are_checked(accounts, name):
    with pytest.raises(ServiceError, match="Tên đăng nhập"):
        accounts.add(name, "clerk", "mat-khau-tot")


def test_duplicate_username_and_unknown_role_are_refused(accounts):
    with pytest.raises(ServiceError, match="đã có"):
        accounts.add("Lan", "officer", "mat-khau-tot")
    with pytest.raises(ServiceError, match="Vai trò"):
        accounts.add("hung", "admin", "mat-khau-tot")


def test_only_an_argon2id_hash_is_stored(accounts, admin):
    with admin.read_session() as session:
        stored = users_repo.by_username(session, "lan").password_hash
    assert stored.startswith("$argon2id$")
    assert "mat-khau-lan" not in stored


def test_five_wrong_passwords_lock_for_five_minutes_then_the_lock_expires(accounts, clock, admin):
    remaining = []
    for _ in range(4):
        with pytest.raises(LoginFailed) as err:
            accounts.login("lan", "sai-mat-khau")
        assert err.value.refusal is LoginRefusal.WRONG
        remaining.append(err.value.remaining)
        clock.advance(seconds=20)
    assert remaining == [4, 3, 2, 1]
    with pytest.raises(LoginFailed) as err:
        accounts.login("lan", "sai-mat-khau")
    until = clock.now + dt.timedelta(minutes=5)
    assert (err.value.refusal, err.value.locked_until) == (LoginRefusal.LOCKED, until)
    assert "đến 09:36" in str(err.value)

    clock.advance(minutes=4, seconds=59)  # still locked: even the right password is refused
    with pytest.raises(LoginFailed) as err:
        accounts.login("lan", "mat-khau-lan")
    assert err.value.refusal is LoginRefusal.LOCKED

    clock.advance(seconds=1)  # five minutes after the last failure
    assert accounts.login("lan", "mat-khau-lan").username == "lan"
    actions = [a for _, a, k in trail(admin, entity="account") if k == "lan"]
    assert actions[-8:] == ["login_failed"] * 5 + ["lockout", "login_failed", "login"]


def test_after_the_lock_expires_the_count_starts_again(accounts, clock):
    for _ in range(5):
        with pytest.raises(LoginFailed):
            accounts.login("lan", "sai")
    clock.advance(minutes=5)
    with pytest.raises(LoginFailed) as err:
        accounts.login("lan", "sai")
    assert (err.value.refusal, err.value.remaining) == (LoginRefusal.WRONG, 4)


def test_a_successful_login_resets_the_count(accounts):
    for _ in range(4):
        with pytest.raises(LoginFailed):
            accounts.login("lan", "sai")
    accounts.login("lan", "mat-khau-lan")
    with pytest.raises(LoginFailed) as err:
        accounts.login("lan", "sai")
    assert err.value.remaining == 4


def test_an_unknown_name_is_refused_like_a_wrong_password_and_not_recorded(accounts, admin):
    # Someone may type their password into the name box: the trail must not keep it.
    with pytest.raises(LoginFailed) as err:
        accounts.login("mat-khau-bi-go-nham", "x")
    assert err.value.refusal is LoginRefusal.WRONG and err.value.remaining is None
    last = AuditService(admin).list(entity="account")[-1]
    assert (last.actor, last.action, last.key) == (UNKNOWN_ACCOUNT, "login_failed", "?")
    assert "mat-khau-bi-go-nham" not in repr(AuditService(admin).list())


def test_a_disabled_account_cannot_log_in_until_enabled(accounts, admin):
    accounts.set_active("lan", False)
    with pytest.raises(LoginFailed) as err:
        accounts.login("lan", "mat-khau-lan")
    assert err.value.refusal is LoginRefusal.DISABLED
    assert "vô hiệu hóa" in str(err.value)
    accounts.set_active("lan", True)
    assert accounts.login("lan", "mat-khau-lan").active
    assert [a for _, a, k in trail(admin) if k == "lan"][-4:] == [
        "disable",
        "login_failed",
        "enable",
        "login",
    ]


def test_accounts_are_never_deleted_and_keep_their_name(accounts):
    accounts.set_active("lan", False)
    (lan,) = [a for a in accounts.accounts() if a.username == "lan"]
    assert (lan.full_name, lan.active) == ("Trần Thị Lan", False)


def test_a_user_changes_their_own_password(accounts, admin):
    lan = AccountService(replace(admin, actor=Actor("lan", "clerk")))
    with pytest.raises(ServiceError, match="hiện tại không đúng"):
        lan.change_own_password("doan-sai-roi", "mat-khau-moi-1")
    with pytest.raises(ServiceError, match="ít nhất 8"):
        lan.change_own_password("mat-khau-lan", "ngan")
    lan.change_own_password("mat-khau-lan", "mat-khau-moi-1")
    with pytest.raises(LoginFailed):
        accounts.login("lan", "mat-khau-lan")
    assert accounts.login("lan", "mat-khau-moi-1").username == "lan"
    assert ("lan", "password", "lan") in trail(admin)


def test_a_supervisor_resets_a_password_and_lifts_the_lock(accounts, admin):
    for _ in range(5):
        with pytest.raises(LoginFailed):
            accounts.login("lan", "sai")
    boss = AccountService(replace(admin, actor=Actor("lanhdao", "supervisor")))
    boss.reset_password("lan", "mat-khau-cap-lai")
    assert accounts.login("lan", "mat-khau-cap-lai").username == "lan"
    assert ("lanhdao", "reset_password", "lan") in trail(admin)


@pytest.mark.parametrize("role", ["clerk", "officer"])
def test_only_a_supervisor_manages_accounts(accounts, admin, role):
    other = AccountService(replace(admin, actor=Actor("hoa", role)))
    calls = [
        lambda: other.accounts(),
        lambda: other.add("moi", "clerk", "mat-khau-tot"),
        lambda: other.reset_password("lan", "mat-khau-tot"),
        lambda: other.set_active("lan", False),
    ]
    for call in calls:
        with pytest.raises(NotAllowed, match=r"«hoa».*quản lý tài khoản"):
            call()
    assert accounts.login("lan", "mat-khau-lan").active


def test_the_last_supervisor_and_oneself_cannot_be_disabled(accounts, admin):
    boss = AccountService(replace(admin, actor=Actor("lanhdao", "supervisor")))
    with pytest.raises(ServiceError, match="đang đăng nhập"):
        boss.set_active("lanhdao", False)
    with pytest.raises(ServiceError, match="lãnh đạo cuối cùng"):
        accounts.set_active("lanhdao", False)
    accounts.add("pho", "supervisor", "pho-chu-tich", "Phó Chủ tịch")
    assert not accounts.set_active("lanhdao", False).active


def test_the_first_supervisor_is_created_once(admin):
    service = AccountService(admin)
    assert not service.has_active_supervisor()
    service.create_first_supervisor("chutich", "Lê Văn Chủ", "mat-khau-chu-tich")
    assert service.has_active_supervisor()
    with pytest.raises(ServiceError, match="Đã có tài khoản lãnh đạo"):
        service.create_first_supervisor("khac", "", "mat-khau-khac-1")


def test_a_hash_with_old_parameters_is_renewed_at_login(accounts, admin):
    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)
    with admin.sessions.begin() as session:
        user: User = users_repo.by_username(session, "lan")
        user.password_hash = weak.hash("mat-khau-lan")
        old = user.password_hash
    accounts.login("lan", "mat-khau-lan")
    with admin.read_session() as session:
        renewed = users_repo.by_username(session, "lan").password_hash
    assert renewed != old and not PasswordHasher().check_needs_rehash(renewed)


def test_logout_is_audited(accounts, admin):
    AccountService(replace(admin, actor=Actor("lan", "clerk"))).logout()
    assert trail(admin)[-1] == ("lan", "logout", "lan")
