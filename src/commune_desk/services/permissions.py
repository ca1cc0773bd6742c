"""Who may do what: one table of actions and the roles allowed each, and one `require`.

Every service that changes data calls `require(ctx, Action.X)` before its transaction; the
window asks `allowed(role, Action.X)` to hide or disable what the account cannot do.
"""

from __future__ import annotations

from enum import StrEnum

from commune_desk.domain.records import RecordKind
from commune_desk.services.context import Actor, ServiceContext
from commune_desk.services.errors import NotAllowed

CLERK, OFFICER, SUPERVISOR, SYSTEM = "clerk", "officer", "supervisor", "system"
ROLES = (CLERK, OFFICER, SUPERVISOR)  # the roles an account can have (system is the OS user)
# A province account (no commune) acts as this in the window: it may read, never change.
PROVINCE = "province"
ROLE_LABELS = {
    PROVINCE: "cán bộ tỉnh (chỉ xem)",
    CLERK: "cán bộ nhập liệu",
    OFFICER: "cán bộ báo cáo",
    SUPERVISOR: "lãnh đạo",
    SYSTEM: "quản trị máy",
}


class Action(StrEnum):
    EDIT_DATA = "edit_data"  # records and monthly figures (in unlocked periods)
    IMPORT = "import"  # lists and monthly figures from a file
    SUBMIT = "submit"  # the official report (locks the period)
    EDIT_SETTINGS = "edit_settings"  # commune profile, cut-off, signer, recipients, targets
    UNLOCK = "unlock"  # a submitted period, with a reason
    MANAGE_ACCOUNTS = "manage_accounts"
    READ_AUDIT = "read_audit"
    RESTORE = "restore"  # put a backup in place of the database
    SEE_PERSONAL = "see_personal"  # phone numbers of staff and team members


_DATA = frozenset({CLERK, OFFICER, SYSTEM})
_REPORTING = frozenset({OFFICER, SYSTEM})
_LEADING = frozenset({SUPERVISOR, SYSTEM})

ALLOWED: dict[Action, frozenset[str]] = {
    Action.EDIT_DATA: _DATA,
    Action.IMPORT: _REPORTING,
    Action.SUBMIT: _REPORTING,
    Action.EDIT_SETTINGS: _REPORTING,
    Action.UNLOCK: _LEADING,
    Action.MANAGE_ACCOUNTS: _LEADING,
    Action.READ_AUDIT: _LEADING,
    Action.RESTORE: _LEADING,
    Action.SEE_PERSONAL: frozenset({OFFICER, SUPERVISOR, SYSTEM}),
}

# What the refusal names: "Tài khoản «lan» (cán bộ nhập liệu) không được <what>."
_WHAT = {
    Action.EDIT_DATA: "nhập hoặc sửa số liệu, danh sách",
    Action.IMPORT: "nhập danh sách, số liệu từ tệp",
    Action.SUBMIT: "nộp báo cáo",
    Action.EDIT_SETTINGS: "sửa thông tin xã, cài đặt báo cáo, chỉ tiêu kế hoạch",
    Action.UNLOCK: "mở khóa kỳ báo cáo",
    Action.MANAGE_ACCOUNTS: "quản lý tài khoản",
    Action.READ_AUDIT: "xem nhật ký thay đổi",
    Action.RESTORE: "khôi phục cơ sở dữ liệu từ bản sao lưu",
    Action.SEE_PERSONAL: "xem số điện thoại",
}


def allowed(role: str, action: Action) -> bool:
    return role in ALLOWED[action]


def require(ctx: ServiceContext | Actor, action: Action) -> None:
    """Raise NotAllowed (naming the account and the action) unless the actor may do it."""
    actor = ctx.actor if isinstance(ctx, ServiceContext) else ctx
    if not allowed(actor.role, action):
        role = ROLE_LABELS.get(actor.role, actor.role)
        raise NotAllowed(f"Tài khoản «{actor.username}» ({role}) không được {_WHAT[action]}.")


def hidden_fields(ctx: ServiceContext, kind: RecordKind) -> frozenset[str]:
    """The fields of `kind` this account may not see (phone numbers, for a clerk)."""
    if allowed(ctx.actor.role, Action.SEE_PERSONAL):
        return frozenset()
    return frozenset(f.name for f in kind.fields if f.personal)
