"""Accounts: log in (with lock-out), passwords, and a supervisor's management of accounts.

Passwords are stored only as argon2id hashes (argon2-cffi); a plain password is never stored,
logged or written to the audit trail. Five wrong passwords in a row lock the account for five
minutes from the last one (the context's clock decides, so tests control time).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from commune_desk.data.models import User
from commune_desk.data.repositories import audit as audit_repo
from commune_desk.data.repositories import users as repo
from commune_desk.data.repositories.commune import commune_code, commune_id_of
from commune_desk.domain.text import clean
from commune_desk.services import audit
from commune_desk.services.audit_text import UNKNOWN_ACCOUNT
from commune_desk.services.context import Actor, ServiceContext
from commune_desk.services.errors import NotFound, ServiceError
from commune_desk.services.login import MAX_ATTEMPTS, LoginFailed, LoginRefusal
from commune_desk.services.permissions import (
    PROVINCE,
    ROLE_LABELS,
    ROLES,
    SUPERVISOR,
    Action,
    require,
)

MIN_PASSWORD = 8
MAX_PASSWORD = 256
LOCK_TIME = dt.timedelta(minutes=5)
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,59}$")

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters


@dataclass(frozen=True)
class Account:
    username: str
    full_name: str
    role: str
    active: bool
    locked_until: dt.datetime | None
    created_at: dt.datetime
    province: bool = False  # of no commune: reads every commune, changes nothing

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[PROVINCE if self.province else self.role]

    def actor(self) -> Actor:
        """Who acts for this account; a province account acts read only (role PROVINCE)."""
        return Actor(self.username, PROVINCE if self.province else self.role, self.full_name)


def check_password(password: str) -> None:
    """Refuse a password that is too short or only spaces (the message says which)."""
    if len(password) < MIN_PASSWORD:
        raise ServiceError(f"Mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự.")
    if len(password) > MAX_PASSWORD:
        raise ServiceError(f"Mật khẩu dài quá {MAX_PASSWORD} ký tự.")
    if not password.strip():
        raise ServiceError("Mật khẩu không được chỉ gồm dấu cách.")


def hash_password(password: str) -> str:
    check_password(password)
    return _hasher.hash(password)


def normalise_username(username: str) -> str:
    name = username.strip().lower()
    if not USERNAME.match(name):
        raise ServiceError(
            f"Tên đăng nhập «{username.strip()}» không hợp lệ: 3–60 ký tự, chữ thường không dấu, "
            "chữ số, dấu chấm, gạch dưới hoặc gạch ngang, bắt đầu bằng chữ hoặc số."
        )
    return name


def add_user(
    session: Session,
    ctx: ServiceContext,
    username: str,
    role: str,
    password: str,
    full_name: str,
    province: bool = False,
) -> User:
    """Insert an account with its audit entry (callers check who may do it); a `province`
    account belongs to no commune and reads every commune of the database, changing none."""
    name = normalise_username(username)
    if role not in ROLES:
        raise ServiceError(f"Vai trò «{role}» không có; chọn clerk, officer hoặc supervisor.")
    if repo.by_username(session, name) is not None:
        raise ServiceError(f"Tên đăng nhập «{name}» đã có.")
    user = User(
        username=name,
        full_name=clean(full_name)[:120],
        role=role,
        password_hash=hash_password(password),
        active=True,
        failed_attempts=0,
        created_at=ctx.now(),
        commune_id=None if province else commune_id_of(session, strict=False),
    )
    session.add(user)
    session.flush()
    new = {"role": role, "full_name": user.full_name} | ({"province": True} if province else {})
    audit_repo.add_entries(session, [audit.entry(ctx, "create", "account", name, None, new)])
    return user


class AccountService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # -- logging in ----------------------------------------------------------------------
    def login(self, username: str, password: str) -> Account:
        """The account when the password is right; LoginFailed (recorded) otherwise."""
        name = username.strip().lower()
        now = self._ctx.now()
        with self._ctx.sessions.begin() as session:
            user = repo.by_username(session, name)
            failure = self._attempt(session, user, name, password, now)
            if failure is None:
                assert user is not None
                return _account(user)
        raise failure  # after the commit: the failed attempt stays recorded

    def _attempt(
        self, session: Session, user: User | None, name: str, password: str, now: dt.datetime
    ) -> LoginFailed | None:
        def record(action: str, key: str, new: object = None) -> None:
            entry = audit.entry(self._ctx, action, "account", key, None, new, actor=key)
            if user is not None:  # the account's commune, whichever the session's is
                entry = {**entry, "commune_id": user.commune_id}
            audit_repo.add_entries(session, [entry])

        if user is None:
            record("login_failed", UNKNOWN_ACCOUNT, {"reason": "unknown"})
            return LoginFailed(LoginRefusal.WRONG)
        if not user.active:
            record("login_failed", user.username, {"reason": "disabled"})
            return LoginFailed(LoginRefusal.DISABLED)
        if user.locked_until is not None:
            if now < user.locked_until:
                record("login_failed", user.username, {"reason": "locked"})
                return LoginFailed(LoginRefusal.LOCKED, locked_until=user.locked_until)
            user.locked_until, user.failed_attempts = None, 0  # the lock has run out
        if not _verify(user.password_hash, password):
            user.failed_attempts += 1
            remaining = MAX_ATTEMPTS - user.failed_attempts
            record(
                "login_failed", user.username, {"reason": "wrong", "attempt": user.failed_attempts}
            )
            if remaining <= 0:
                user.locked_until = now + LOCK_TIME
                record("lockout", user.username, {"until": user.locked_until})
                return LoginFailed(LoginRefusal.LOCKED, locked_until=user.locked_until)
            return LoginFailed(LoginRefusal.WRONG, remaining=remaining)
        user.failed_attempts = 0
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = _hasher.hash(password)
        record("login", user.username)
        return None

    def commune_of(self, username: str) -> str | None:
        """The code of the commune the account works for; None for a province account (or
        an unknown name): the window opens that commune after the log-in."""
        with self._ctx.read_session() as session:
            user = repo.by_username(session, username.strip().lower())
            if user is None or user.commune_id is None:
                return None
            return commune_code(session, user.commune_id)

    def logout(self) -> None:
        """Record that the context's account left the program."""
        with self._ctx.sessions.begin() as session:
            key = self._ctx.actor.username
            audit_repo.add_entries(session, [audit.entry(self._ctx, "logout", "account", key)])

    # -- one's own password --------------------------------------------------------------
    def change_own_password(self, old: str, new: str) -> None:
        """The logged-in account changes its password, proving it knows the old one."""
        check_password(new)
        with self._ctx.sessions.begin() as session:
            user = self._user(session, self._ctx.actor.username)
            if not _verify(user.password_hash, old):
                raise ServiceError("Mật khẩu hiện tại không đúng; mật khẩu chưa đổi.")
            user.password_hash = hash_password(new)
            self._record(session, "password", user.username)

    # -- a supervisor's management -------------------------------------------------------
    def accounts(self) -> list[Account]:
        require(self._ctx, Action.MANAGE_ACCOUNTS)
        with self._ctx.read_session() as session:
            return [_account(u) for u in repo.all_users(session)]

    def has_active_supervisor(self) -> bool:
        with self._ctx.read_session() as session:
            return repo.active_count(session, SUPERVISOR) > 0

    def add(
        self, username: str, role: str, password: str, full_name: str = "", province: bool = False
    ) -> Account:
        require(self._ctx, Action.MANAGE_ACCOUNTS)
        with self._ctx.sessions.begin() as session:
            user = add_user(session, self._ctx, username, role, password, full_name, province)
            return _account(user)

    def create_first_supervisor(self, username: str, full_name: str, password: str) -> Account:
        """The set-up's supervisor account; refused once an active supervisor exists."""
        with self._ctx.sessions.begin() as session:
            if repo.active_count(session, SUPERVISOR):
                raise ServiceError("Đã có tài khoản lãnh đạo; hãy đăng nhập bằng tài khoản đó.")
            user = add_user(session, self._ctx, username, SUPERVISOR, password, full_name)
            return _account(user)

    def reset_password(self, username: str, password: str) -> None:
        """Set another account's password (and lift its lock-out)."""
        require(self._ctx, Action.MANAGE_ACCOUNTS)
        check_password(password)
        with self._ctx.sessions.begin() as session:
            user = self._user(session, username)
            user.password_hash = hash_password(password)
            user.failed_attempts, user.locked_until = 0, None
            self._record(session, "reset_password", user.username)

    def set_active(self, username: str, active: bool) -> Account:
        """Disable or enable an account (never deleted: the trail keeps its name)."""
        require(self._ctx, Action.MANAGE_ACCOUNTS)
        with self._ctx.sessions.begin() as session:
            user = self._user(session, username)
            if user.active == active:
                return _account(user)
            if not active and user.username == self._ctx.actor.username:
                raise ServiceError("Không tự vô hiệu hóa tài khoản đang đăng nhập.")
            if (
                not active
                and user.role == SUPERVISOR
                and repo.active_count(session, SUPERVISOR) < 2
            ):
                raise ServiceError(
                    f"Không vô hiệu hóa được «{user.username}»: đó là tài khoản lãnh đạo cuối "
                    "cùng còn hoạt động."
                )
            user.active = active
            if active:
                user.failed_attempts, user.locked_until = 0, None
            self._record(session, "enable" if active else "disable", user.username)
            return _account(user)

    # -- helpers -------------------------------------------------------------------------
    @staticmethod
    def _user(session: Session, username: str) -> User:
        user = repo.by_username(session, username.strip().lower())
        if user is None or not repo.in_scope(session, user):
            raise NotFound(f"Không có tài khoản «{username.strip()}».")
        return user

    def _record(self, session: Session, action: str, key: str) -> None:
        audit_repo.add_entries(session, [audit.entry(self._ctx, action, "account", key)])


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _account(user: User) -> Account:
    return Account(
        user.username,
        user.full_name,
        user.role,
        user.active,
        user.locked_until,
        user.created_at,
        user.commune_id is None,
    )
