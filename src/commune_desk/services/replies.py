"""The province's reply to a commune report, and the commune receiving it.

The province (no database) reviews a report file: accepted, or returned with a reason; the
reply is a small signed workbook (excel.reply) made with the province office's own key pair,
kept in a file of its user data folder. The commune opens the reply: it must be signed by the
province's key (recorded the first time, after its fingerprint was shown and confirmed), name
this commune and one of its submitted versions; a returned period is unlocked with the
province's reason in the audit trail.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from commune_desk.data.models import ProvinceReply
from commune_desk.data.repositories import audit as audit_repo
from commune_desk.data.repositories import keys as keys_repo
from commune_desk.data.repositories import replies as replies_repo
from commune_desk.data.repositories import submissions as submissions_repo
from commune_desk.domain import documents as doc
from commune_desk.domain.periods import Period, PeriodError
from commune_desk.domain.signing import KeyPair, fingerprint, new_key_pair, sign
from commune_desk.excel.atomic import WorkbookWriteError
from commune_desk.excel.data_sheet import DataSheetError, read_data_sheet, signed_text
from commune_desk.excel.reply import (
    ACCEPT,
    REPLY_FORMAT,
    RETURN,
    ReplyDocument,
    read_reply,
    write_reply,
)
from commune_desk.services import audit
from commune_desk.services.commune import require_commune
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import ServiceError
from commune_desk.services.permissions import Action, require

DECISION_TEXT = {ACCEPT: "tỉnh đã tiếp nhận", RETURN: "tỉnh trả lại"}


class UntrustedProvinceKey(ServiceError):
    """The first reply: its key is not recorded yet; the fingerprint must be confirmed."""

    def __init__(self, key_fingerprint: str, province: str) -> None:
        self.fingerprint = key_fingerprint
        self.province = province
        super().__init__(
            f"Chưa ghi nhận khóa ký của tỉnh. Phản hồi này được ký bằng khóa có dấu vân tay "
            f"{key_fingerprint} ({province or 'tỉnh'}). Hãy đối chiếu dấu vân tay với tỉnh "
            "(điện thoại, công văn) rồi xác nhận để ghi nhận khóa (dòng lệnh: "
            "--trust-province-key)."
        )


@dataclass(frozen=True)
class ReviewResult:
    out: Path
    commune_code: str
    commune_name: str
    period: str
    version: str
    decision: str
    fingerprint: str  # of the province's key: the commune compares it the first time

    @property
    def summary(self) -> str:
        what = "tiếp nhận" if self.decision == ACCEPT else "trả lại"
        return (
            f"Đã {what} báo cáo {_label(self.period)} phiên bản {self.version} của "
            f"{self.commune_name} ({self.commune_code}): {self.out} "
            f"(khóa của tỉnh {self.fingerprint})."
        )


@dataclass(frozen=True)
class ReceivedReply:
    period: str
    version: int
    decision: str
    reason: str
    unlocked: bool

    @property
    def status(self) -> str:
        """ "tỉnh đã tiếp nhận" or "tỉnh trả lại: <lý do>"."""
        text = DECISION_TEXT[self.decision]
        return f"{text}: {self.reason}" if self.decision == RETURN else text


def province_key(key_file: Path) -> KeyPair:
    """The province office's key pair, made and saved in `key_file` on first use."""
    key_file = Path(key_file)
    if key_file.is_file():
        try:
            stored = json.loads(key_file.read_text("utf-8"))
            return KeyPair(stored["private_key"], stored["public_key"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ServiceError(f"Tệp khóa của tỉnh {key_file.name} bị hỏng ({exc}).") from exc
    pair = new_key_pair()
    key_file.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"public_key": pair.public_key, "private_key": pair.private_key})
    key_file.write_text(text + "\n", "utf-8")
    return pair


class ReviewService:
    """The province's side: one signed reply per report (no database)."""

    def __init__(self, key_file: Path, now: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        self._key_file = Path(key_file)
        self._now = now

    def review(self, report: Path, accept: bool, reason: str, out: Path) -> ReviewResult:
        """Write the reply to `report` into `out`; ServiceError when the report is not genuine."""
        report, out = Path(report), Path(out)
        reason = " ".join(reason.split())
        if not accept and not reason:
            raise ServiceError("Trả lại báo cáo cần ghi lý do (--reason).")
        if _same(report, out):
            raise ServiceError(
                f"{out.name}: tệp phản hồi trùng với tệp báo cáo; chọn tên tệp khác."
            )
        try:
            data = read_data_sheet(report)
        except DataSheetError as exc:
            raise ServiceError(str(exc)) from exc
        if not data.intact or (data.signature and not data.signature_valid()):
            raise ServiceError(
                f"{report.name}: trang _data đã bị sửa hoặc chữ ký không hợp lệ; "
                "không phản hồi một báo cáo không nguyên vẹn."
            )
        found = data.values
        if found.get("draft") == "1" or not found.get("version"):
            raise ServiceError(f"{report.name}: bản nháp không phải báo cáo đã nộp.")
        pair = province_key(self._key_file)
        now = self._now()
        decision = ACCEPT if accept else RETURN
        rows = (
            ("format", REPLY_FORMAT),
            ("province", found.get("province", "")),
            ("commune_code", found.get("commune_code", "")),
            ("commune_name", found.get("commune_name", "")),
            ("period", found.get("period", "")),
            ("version", found.get("version", "")),
            ("report_sha256", data.stored_sha256),
            ("report_public_key", data.public_key),
            ("decision", decision),
            ("reason", reason),
            ("issued_at", now.isoformat(timespec="seconds")),
            ("public_key", pair.public_key),
        )
        province = found.get("province", "")
        document = ReplyDocument(
            province=province,
            commune_name=found.get("commune_name", ""),
            period_label=_label(found.get("period", "")),
            version=found.get("version", ""),
            report_file=report.name,
            decision=decision,
            reason=reason,
            date_line=doc.date_line(province or "", now.date()),
            fingerprint=fingerprint(pair.public_key),
            data=rows,
            signature=sign(pair.private_key, signed_text(rows)),
        )
        try:
            write_reply(out, document)
        except WorkbookWriteError as exc:
            raise ServiceError(str(exc)) from exc
        return ReviewResult(
            out,
            found.get("commune_code", ""),
            found.get("commune_name", ""),
            found.get("period", ""),
            found.get("version", ""),
            decision,
            fingerprint(pair.public_key),
        )


class ReplyService:
    """The commune's side: receive the province's reply to one of its submissions."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def receive(self, path: Path, trust_province_key: bool = False) -> ReceivedReply:
        """Record the reply; a return unlocks the period. UntrustedProvinceKey the first time
        unless `trust_province_key` (after the user compared the fingerprint)."""
        path = Path(path)
        require(self._ctx, Action.SUBMIT)
        try:
            data = read_reply(path)
        except DataSheetError as exc:
            raise ServiceError(str(exc)) from exc
        found = data.values
        if found.get("format") != REPLY_FORMAT:
            raise ServiceError(f"{path.name}: không phải phiếu phản hồi của tỉnh.")
        if not data.intact or not data.signature_valid():
            raise ServiceError(
                f"{path.name}: phiếu phản hồi giả hoặc đã bị sửa (chữ ký không hợp lệ); không nhận."
            )
        decision, key = found.get("decision", ""), data.public_key
        try:
            period = Period.parse(found.get("period", ""))
            version = int(found.get("version", ""))
        except (PeriodError, ValueError) as exc:
            raise ServiceError(f"{path.name}: phiếu phản hồi không ghi rõ kỳ, phiên bản.") from exc
        if decision not in DECISION_TEXT:
            raise ServiceError(f"{path.name}: phiếu phản hồi không ghi tiếp nhận hay trả lại.")
        with self._ctx.sessions.begin() as session:
            commune = require_commune(session)
            if found.get("commune_code") != commune.code:
                raise ServiceError(
                    f"{path.name}: phản hồi này gửi {found.get('commune_name', '')} "
                    f"(mã {found.get('commune_code', '')}), không phải {commune.name} "
                    f"(mã {commune.code}); không nhận."
                )
            self._check_key(session, commune.id, key, found.get("province", ""), trust_province_key)
            submission = replies_repo.submission_version(session, commune.id, period.key, version)
            if submission is None:
                raise ServiceError(
                    f"{path.name}: xã chưa nộp báo cáo {period.label()} phiên bản {version}."
                )
            issued = found.get("issued_at", "")
            if replies_repo.reply_received(session, commune.id, period.key, version, issued):
                raise ServiceError(f"{path.name}: phản hồi này đã được nhận trước đây.")
            reason = found.get("reason", "")
            session.add(
                ProvinceReply(
                    commune_id=commune.id,
                    period=period.key,
                    version=version,
                    decision=decision,
                    reason=reason,
                    issued_at=found.get("issued_at", ""),
                    received_at=self._ctx.now(),
                    received_by=self._ctx.actor.username,
                    sha256=data.stored_sha256,
                )
            )
            new = {"decision": DECISION_TEXT[decision], "reason": reason, "version": version}
            entries = [audit.entry(self._ctx, "reply", "report", period.key, None, new, period.key)]
            unlocked = False
            lock = submissions_repo.active_lock(session, commune.id, period.key)
            if decision == RETURN and lock is not None and lock.submission_id == submission.id:
                lock.unlocked_at = self._ctx.now()
                lock.unlocked_by = self._ctx.actor.username
                lock.unlock_reason = f"Tỉnh trả lại: {reason}"
                entries.append(
                    audit.entry(
                        self._ctx,
                        "unlock",
                        "report",
                        period.key,
                        {"locked": True, "version": version},
                        {"locked": False},
                        period.key,
                        f"Tỉnh trả lại: {reason}",
                    )
                )
                unlocked = True
            audit_repo.add_entries(session, entries)
            return ReceivedReply(period.key, version, decision, reason, unlocked)

    def _check_key(
        self, session: Session, commune_id: int, key: str, province: str, trust: bool
    ) -> None:
        stored = keys_repo.get_key(session, commune_id, keys_repo.PROVINCE)
        if stored is not None:
            if stored.public_key != key:
                raise ServiceError(
                    f"Phản hồi được ký bằng khóa {fingerprint(key)}, không phải khóa của tỉnh "
                    f"đã ghi nhận ({fingerprint(stored.public_key)}); không nhận."
                )
            return
        if not trust:
            raise UntrustedProvinceKey(fingerprint(key), province)
        keys_repo.add_key(
            session,
            commune_id,
            keys_repo.PROVINCE,
            key,
            "",
            self._ctx.now(),
            self._ctx.actor.username,
        )
        new = {"fingerprint": fingerprint(key)}
        audit_repo.add_entries(
            session,
            [audit.entry(self._ctx, "trust_key", "key", keys_repo.PROVINCE, new=new)],
        )


def _label(key: str) -> str:
    try:
        return Period.parse(key).label()
    except PeriodError:
        return key


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a.absolute() == b.absolute()
