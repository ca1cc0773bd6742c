"""A demonstration commune with believable, invented data (`commune-desk demo`).

Everything comes from `random.Random` generators seeded from `seed`, walked in a fixed order,
so the same seed and the same `today` always give the same database. The people are invented;
the commune, its villages and its organisations are generic. The data run from January 2025 to
the month of `today`:

* villages, staff, training courses and their participants, community digital technology
  teams with their members, support activities and community classes, written in bulk;
* a monthly value of every entered element of the catalogue, believable against the plan's
  targets and satisfying every validation rule without needless warnings (stocks never
  decrease; flows stay within the outlier factor of their recent median), written through the
  same validation as a clerk's entry.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import random
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy.orm import Session

from commune_desk.data.repositories import audit as audit_repo
from commune_desk.data.repositories import records as records_repo
from commune_desk.domain.catalogue import Agg, Catalogue, Element
from commune_desk.domain.numbers import format_number
from commune_desk.domain.periods import Mode, Period, months_between
from commune_desk.domain.validation import check_rule
from commune_desk.services import audit
from commune_desk.services.commune import CommuneService, require_commune
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import ServiceError
from commune_desk.services.values import ValueChange, apply_changes

COMMUNE_CODE = "16024"
COMMUNE_NAME = "Xã Đông Phong"
PROVINCE = "Thanh Hóa"
FIRST_DAY = dt.date(2025, 1, 1)
FIRST_MONTH = Period.month(2025, 1)
# The month by which the modelled trends reach their level (November 2026).
HORIZON = 22

# The tables below are data; they keep one record per line.
# fmt: off

# ------------------------------------------------------------------------------- place names

VILLAGES: tuple[tuple[str, str], ...] = (
    ("Thôn Đông 1", "thon"), ("Thôn Đông 2", "thon"), ("Thôn Đông 3", "thon"),
    ("Thôn Tây 1", "thon"), ("Thôn Tây 2", "thon"), ("Thôn Nam Thượng", "thon"),
    ("Thôn Nam Hạ", "thon"), ("Thôn Bắc Sơn", "thon"), ("Thôn Phong Lạc", "thon"),
    ("Thôn Phong Mỹ", "thon"), ("Thôn Yên Lộc", "thon"), ("Thôn Yên Trung", "thon"),
    ("Thôn Hòa Bình", "thon"), ("Thôn Tân Lập", "thon"), ("Thôn Thành Công", "thon"),
    ("Thôn Quang Trung", "thon"), ("Thôn Đồng Tâm", "thon"), ("Thôn Kim Sơn", "thon"),
    ("Thôn Hưng Đạo", "thon"), ("Thôn Liên Minh", "thon"), ("Thôn Vĩnh An", "thon"),
    ("Tổ dân phố Chợ Đông", "to_dan_pho"), ("Tổ dân phố Ga", "to_dan_pho"),
    ("Tổ dân phố Trung Tâm", "to_dan_pho"), ("Tổ dân phố Bến Sông", "to_dan_pho"),
)

# ------------------------------------------------------------------------------- people

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý")
FAMILY_WEIGHTS = (30, 10, 16, 8, 5, 5, 4, 4, 4, 3, 3, 2, 2)
MIDDLE = {
    "nam": ("Văn", "Văn", "Đức", "Minh", "Hữu", "Quang", "Xuân", "Đình", "Ngọc", "Thanh",
            "Công", "Trọng"),
    "nu": ("Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Phương", "Minh", "Hồng", "Kim",
           "Thùy", "Hải"),
}
GIVEN = {
    "nam": ("Anh", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy",
            "Khánh", "Kiên", "Long", "Mạnh", "Nam", "Phong", "Phúc", "Quân", "Sơn", "Thắng",
            "Thành", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Lâm", "Toàn"),
    "nu": ("An", "Chi", "Dung", "Giang", "Hà", "Hằng", "Hạnh", "Hiền", "Hoa", "Huyền",
           "Hương", "Lan", "Liên", "Linh", "Loan", "Mai", "Nga", "Ngân", "Nhung", "Oanh",
           "Quỳnh", "Thảo", "Trang", "Tuyết", "Vân", "Yến", "Thủy", "Lụa"),
}

# (position, group, steering committee, gender or "", birth years)
STAFF_POSITIONS: tuple[tuple[str, str, bool, str, tuple[int, int]], ...] = (
    ("Bí thư Đảng ủy", "can_bo", True, "", (1968, 1978)),
    ("Phó Bí thư Thường trực Đảng ủy", "can_bo", True, "", (1970, 1982)),
    ("Chủ tịch HĐND xã", "can_bo", False, "", (1968, 1980)),
    ("Phó Chủ tịch HĐND xã", "can_bo", False, "", (1972, 1985)),
    ("Chủ tịch UBND xã", "can_bo", True, "", (1970, 1982)),
    ("Phó Chủ tịch UBND xã", "can_bo", True, "", (1975, 1988)),
    ("Phó Chủ tịch UBND xã", "can_bo", True, "", (1978, 1990)),
    ("Chủ tịch Ủy ban MTTQ Việt Nam xã", "can_bo", True, "", (1968, 1980)),
    ("Bí thư Đoàn Thanh niên", "can_bo", True, "", (1992, 1998)),
    ("Chủ tịch Hội Liên hiệp Phụ nữ", "can_bo", False, "nu", (1975, 1988)),
    ("Chủ tịch Hội Nông dân", "can_bo", False, "", (1968, 1980)),
    ("Chủ tịch Hội Cựu chiến binh", "can_bo", False, "nam", (1960, 1968)),
    ("Chánh Văn phòng HĐND và UBND", "cong_chuc", True, "", (1978, 1990)),
    ("Công chức Văn phòng - Thống kê", "cong_chuc", True, "", (1985, 1996)),
    ("Công chức Văn phòng - Thống kê", "cong_chuc", False, "", (1985, 1998)),
    ("Công chức Tư pháp - Hộ tịch", "cong_chuc", False, "", (1982, 1996)),
    ("Công chức Tư pháp - Hộ tịch", "cong_chuc", False, "", (1985, 1998)),
    ("Công chức Địa chính - Xây dựng", "cong_chuc", False, "", (1978, 1994)),
    ("Công chức Địa chính - Xây dựng", "cong_chuc", False, "", (1985, 1998)),
    ("Công chức Tài chính - Kế toán", "cong_chuc", False, "", (1980, 1994)),
    ("Công chức Tài chính - Kế toán", "cong_chuc", False, "", (1988, 1998)),
    ("Công chức Văn hóa - Xã hội", "cong_chuc", False, "", (1982, 1996)),
    ("Công chức Văn hóa - Xã hội", "cong_chuc", False, "", (1988, 1999)),
    ("Trưởng phòng Kinh tế", "cong_chuc", False, "", (1975, 1988)),
    ("Trưởng phòng Văn hóa - Xã hội", "cong_chuc", False, "", (1975, 1988)),
    ("Chuyên viên phòng Kinh tế", "cong_chuc", False, "", (1988, 1999)),
    ("Chuyên viên phòng Văn hóa - Xã hội", "cong_chuc", False, "", (1988, 1999)),
    ("Chỉ huy trưởng Ban Chỉ huy Quân sự", "cong_chuc", False, "nam", (1978, 1990)),
    ("Giám đốc Trung tâm Phục vụ hành chính công", "vien_chuc", True, "", (1978, 1988)),
    ("Viên chức Trung tâm Phục vụ hành chính công", "vien_chuc", False, "", (1988, 1999)),
    ("Viên chức Trung tâm Phục vụ hành chính công", "vien_chuc", False, "", (1990, 2000)),
    ("Viên chức Trung tâm Phục vụ hành chính công", "vien_chuc", False, "", (1990, 2000)),
    ("Trưởng Trạm Y tế", "vien_chuc", False, "", (1975, 1985)),
    ("Viên chức Trạm Y tế", "vien_chuc", False, "nu", (1985, 1998)),
    ("Viên chức Trung tâm Văn hóa - Thể thao", "vien_chuc", False, "", (1985, 1998)),
    ("Viên chức Trung tâm Văn hóa - Thể thao", "vien_chuc", False, "", (1990, 2000)),
    ("Nhân viên kỹ thuật công nghệ thông tin", "nguoi_lao_dong", False, "", (1992, 2002)),
    ("Nhân viên văn thư - lưu trữ", "nguoi_lao_dong", False, "nu", (1985, 1998)),
    ("Lái xe", "nguoi_lao_dong", False, "nam", (1972, 1988)),
    ("Bảo vệ", "nguoi_lao_dong", False, "nam", (1965, 1978)),
    ("Tạp vụ", "nguoi_lao_dong", False, "nu", (1970, 1985)),
)
# Newcomers of 2026: (start date, position, group, birth years).
STAFF_JOINERS: tuple[tuple[dt.date, str, str, tuple[int, int]], ...] = (
    (dt.date(2026, 1, 5), "Công chức Tư pháp - Hộ tịch", "cong_chuc", (1996, 2002)),
    (dt.date(2026, 3, 2), "Viên chức Trung tâm Phục vụ hành chính công", "vien_chuc",
     (1997, 2003)),
    (dt.date(2026, 8, 17), "Chuyên viên phòng Kinh tế", "cong_chuc", (1996, 2002)),
    (dt.date(2026, 11, 2), "Nhân viên văn thư - lưu trữ", "nguoi_lao_dong", (1998, 2004)),
)
# Staff who leave (three non-members of the steering committee, drawn at random).
STAFF_LEAVING = (dt.date(2025, 6, 30), dt.date(2025, 12, 31), dt.date(2026, 5, 31))

# ------------------------------------------------------------------------------- courses

SO_KHCN = "Sở Khoa học và Công nghệ tỉnh Thanh Hóa"
VP_UBND_TINH = "Văn phòng UBND tỉnh Thanh Hóa"
TRUONG_CT = "Trường Chính trị tỉnh Thanh Hóa"
CONG_AN = "Công an tỉnh Thanh Hóa"
UBND = "UBND xã Đông Phong"
# (year, month, topics, title, hours, mode, organizer, participants (min, max))
COURSES: tuple[tuple[int, int, tuple[str, ...], str, int, str, str, tuple[int, int]], ...] = (
    (2025, 3, ("dx",), "Bồi dưỡng kiến thức chuyển đổi số cho Ban Chỉ đạo và cán bộ chủ chốt",
     16, "truc_tiep", TRUONG_CT, (12, 14)),
    (2025, 3, ("vneid",), "Tập huấn hướng dẫn cài đặt, kích hoạt tài khoản VNeID mức độ 2",
     4, "truc_tiep", CONG_AN, (15, 22)),
    (2025, 4, ("digital_skills",), "Kỹ năng số cơ bản cho cán bộ, công chức (nền tảng MOOCs)",
     24, "truc_tuyen", SO_KHCN, (8, 12)),
    (2025, 4, ("online_services",),
     "Tiếp nhận, giải quyết hồ sơ trên Hệ thống thông tin giải quyết TTHC tỉnh",
     8, "truc_tiep", VP_UBND_TINH, (10, 16)),
    (2025, 5, ("dx", "digital_skills"), "Bồi dưỡng chuyển đổi số cho cán bộ, công chức đợt 1",
     16, "ket_hop", SO_KHCN, (10, 16)),
    (2025, 5, ("infosec",), "An toàn thông tin và phòng chống mã độc trong cơ quan nhà nước",
     8, "truc_tiep", SO_KHCN, (12, 20)),
    (2025, 6, ("ai",), "Ứng dụng trí tuệ nhân tạo (AI) trong công tác văn phòng",
     8, "truc_tiep", "Viettel Thanh Hóa", (10, 18)),
    (2025, 6, ("digital_skills",), "Kỹ năng số cơ bản cho cán bộ, công chức đợt 2",
     24, "truc_tuyen", SO_KHCN, (6, 10)),
    (2025, 7, ("dx", "online_services"),
     "Vận hành chính quyền địa phương hai cấp trên môi trường số",
     12, "ket_hop", VP_UBND_TINH, (14, 20)),
    (2025, 8, ("infosec",), "An toàn thông tin khi sử dụng thư điện tử công vụ",
     4, "truc_tuyen", SO_KHCN, (15, 25)),
    (2025, 8, ("dx",), "Chuyển đổi số trong quản lý nhà nước cấp xã",
     16, "truc_tiep", TRUONG_CT, (8, 12)),
    (2025, 9, ("ai",), "Khai thác trợ lý ảo AI hỗ trợ soạn thảo văn bản",
     8, "truc_tiep", "VNPT Thanh Hóa", (10, 18)),
    (2025, 10, ("digital_skills", "online_services"),
     "Sử dụng chữ ký số và quy trình văn bản điện tử", 8, "truc_tiep", UBND, (10, 16)),
    (2025, 10, ("vneid",), "Khai thác ứng dụng VNeID trong giải quyết thủ tục hành chính",
     4, "truc_tiep", CONG_AN, (12, 20)),
    (2025, 11, ("dx",), "Bồi dưỡng chuyển đổi số cho cán bộ, công chức đợt 2",
     16, "ket_hop", SO_KHCN, (8, 12)),
    (2025, 11, ("infosec",), "Nhận diện và phòng chống lừa đảo trực tuyến",
     4, "truc_tiep", CONG_AN, (15, 25)),
    (2025, 12, ("ai", "dx"), "Trí tuệ nhân tạo và chuyển đổi số: cơ hội cho chính quyền cấp xã",
     12, "truc_tiep", SO_KHCN, (10, 16)),
    (2026, 1, ("digital_skills",), "Kỹ năng số cơ bản cho cán bộ mới (nền tảng MOOCs)",
     24, "truc_tuyen", SO_KHCN, (4, 8)),
    (2026, 3, ("infosec",), "An toàn thông tin năm 2026 cho cán bộ, công chức",
     8, "truc_tiep", SO_KHCN, (15, 24)),
    (2026, 3, ("ai",), "Ứng dụng AI trong công tác tham mưu, tổng hợp",
     16, "ket_hop", TRUONG_CT, (10, 16)),
    (2026, 4, ("online_services",), "Nâng cao tỷ lệ hồ sơ trực tuyến toàn trình",
     8, "truc_tiep", VP_UBND_TINH, (10, 16)),
    (2026, 4, ("dx",), "Bồi dưỡng chuyển đổi số năm 2026 đợt 1",
     16, "ket_hop", SO_KHCN, (8, 14)),
    (2026, 5, ("ai",), "Sử dụng trí tuệ nhân tạo an toàn, có trách nhiệm",
     8, "truc_tuyen", SO_KHCN, (12, 20)),
    (2026, 6, ("digital_skills", "vneid"), "Kỹ năng số và định danh điện tử cho cán bộ",
     8, "truc_tiep", UBND, (8, 14)),
    (2026, 7, ("infosec",), "Diễn tập ứng cứu sự cố an toàn thông tin mạng",
     16, "truc_tiep", SO_KHCN, (8, 12)),
    (2026, 8, ("dx",), "Dữ liệu số và khai thác Cơ sở dữ liệu quốc gia về dân cư",
     12, "truc_tiep", CONG_AN, (10, 16)),
    (2026, 9, ("ai",), "AI tạo sinh trong công việc văn phòng",
     8, "truc_tuyen", "VNPT Thanh Hóa", (12, 20)),
    (2026, 9, ("online_services",), "Thanh toán trực tuyến nghĩa vụ tài chính trong TTHC",
     4, "truc_tiep", VP_UBND_TINH, (8, 14)),
    (2026, 10, ("dx", "digital_skills"), "Bồi dưỡng chuyển đổi số năm 2026 đợt 2 (bổ sung)",
     16, "ket_hop", SO_KHCN, (6, 12)),
    (2026, 11, ("infosec", "ai"), "An toàn thông tin khi sử dụng trí tuệ nhân tạo",
     8, "truc_tiep", SO_KHCN, (12, 20)),
)
DX_TOPICS = ("dx", "digital_skills")
# Share of the active staff with a completed dx/digital_skills course the plan aims at.
COVERAGE_PLAN = (
    (dt.date(2025, 1, 1), 0.0), (dt.date(2025, 3, 31), 0.27), (dt.date(2025, 6, 30), 0.55),
    (dt.date(2025, 9, 30), 0.76), (dt.date(2025, 12, 31), 0.88), (dt.date(2026, 6, 30), 0.95),
    (dt.date(2026, 10, 1), 1.0),
)

# ------------------------------------------------------------------------------- teams

LEADER_AFFILIATIONS = ("truong_thon", "truong_thon", "bi_thu_chi_bo")
DEPUTY_AFFILIATIONS = ("doan_thanh_nien", "doan_thanh_nien", "cong_an", "hoi_phu_nu")
MEMBER_AFFILIATIONS = ("doan_thanh_nien", "doan_thanh_nien", "hoi_phu_nu", "hoi_phu_nu",
                       "hoi_cuu_chien_binh", "hoi_nong_dan", "giao_vien", "cong_an",
                       "doanh_nghiep_vien_thong", "khac")
# Share of support sessions by activity type, early 2025 and late 2026 (other types: 1).
TYPE_WEIGHTS_EARLY = {"vneid": 40, "online_services": 25, "cashless": 12, "ecommerce": 6,
                      "cybersafety": 10, "other": 7}
TYPE_WEIGHTS_LATE = {"vneid": 25, "online_services": 35, "cashless": 14, "ecommerce": 9,
                     "cybersafety": 12, "other": 5}
# People supported in an ordinary session: (low, high, most likely); other types (1, 12, 4).
PEOPLE_RANGE = {"vneid": (2, 20, 7), "online_services": (1, 16, 5)}
# A peak day of a campaign (VNeID, online services): share of sessions and people supported.
PEAK_SHARE, PEAK_PEOPLE = 0.08, (20, 40)
PEAK_NOTE = "Ngày cao điểm của chiến dịch"
ACTIVITY_NOTES = ("", "", "", "", "Hỗ trợ tại nhà văn hóa thôn", "Hỗ trợ người cao tuổi tại nhà",
                  "Kết hợp buổi họp thôn", "Hỗ trợ tại điểm giao dịch bưu điện")
CLASS_TOPICS = (
    "Cài đặt, kích hoạt và sử dụng ứng dụng VNeID",
    "Nộp hồ sơ dịch vụ công trực tuyến trên Cổng dịch vụ công quốc gia",
    "Thanh toán không dùng tiền mặt, ví điện tử",
    "Nhận diện và phòng chống lừa đảo trên không gian mạng",
    "Sử dụng điện thoại thông minh cho người cao tuổi",
    "Bán hàng nông sản trên sàn thương mại điện tử",
    "Kỹ năng số cơ bản trên nền tảng Bình dân học vụ số",
    "Ứng dụng trí tuệ nhân tạo trong đời sống hằng ngày",
    "Tra cứu thông tin, đăng ký khám chữa bệnh trực tuyến",
)
# Monthly level of activity (Tết in February, the year-end rush in December).
SEASON = {1: 1.05, 2: 0.75, 3: 1.0, 4: 1.0, 5: 1.02, 6: 0.98, 7: 1.05, 8: 1.0, 9: 1.0,
          10: 1.02, 11: 1.03, 12: 1.08}

# fmt: on


@dataclass(frozen=True)
class DemoSummary:
    villages: int
    staff: int
    trainings: int
    participants: int
    teams: int
    members: int
    activities: int
    classes: int
    values: int

    def __str__(self) -> str:
        n = format_number
        return (
            f"{n(self.villages)} thôn, {n(self.staff)} cán bộ, "
            f"{n(self.trainings)} khóa bồi dưỡng, {n(self.participants)} lượt học viên, "
            f"{n(self.teams)} tổ công nghệ số cộng đồng, {n(self.members)} thành viên tổ, "
            f"{n(self.activities)} hoạt động hỗ trợ, {n(self.classes)} lớp phổ cập kỹ năng số, "
            f"{n(self.values)} số liệu hằng tháng"
        )

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def build_demo(ctx: ServiceContext, seed: int = 2025, today: dt.date | None = None) -> DemoSummary:
    """Create the demonstration commune in an empty database; refused when a commune exists."""
    today = today or ctx.today()
    if today < FIRST_DAY:
        raise ServiceError(
            f"Dữ liệu mẫu bắt đầu từ tháng 1/2025; ngày hiện tại ({today:%d/%m/%Y}) còn sớm hơn."
        )
    communes = CommuneService(ctx)
    if communes.exists():
        profile = communes.profile()
        raise ServiceError(
            f"Cơ sở dữ liệu đã có dữ liệu của {profile.name} (mã {profile.code}); chỉ tạo được "
            "dữ liệu mẫu trong một cơ sở dữ liệu mới, trống."
        )
    plan = _Plan(ctx.catalogue, seed, today)
    communes.init(COMMUNE_CODE, COMMUNE_NAME, PROVINCE)
    with ctx.sessions.begin() as session:
        commune = require_commune(session)
        _write_records(session, commune.id, plan)
        changes = plan.value_changes(sum(1 for v in plan.villages if v["active"]))
        apply_changes(session, ctx, commune.id, Mode(commune.cutoff_mode), changes)
        summary = DemoSummary(
            villages=len(plan.villages),
            staff=len(plan.staff),
            trainings=len(plan.trainings),
            participants=len(plan.participants),
            teams=len(plan.teams),
            members=len(plan.members),
            activities=len(plan.activities),
            classes=len(plan.classes),
            values=len(changes),
        )
        audit_repo.add_entries(
            session,
            [
                audit.entry(
                    ctx,
                    "demo",
                    "commune",
                    COMMUNE_CODE,
                    None,
                    {"seed": seed, "today": today.isoformat(), **summary.as_dict()},
                )
            ],
        )
    return summary


# ------------------------------------------------------------------------------- writing


def _write_records(session: Session, commune_id: int, plan: _Plan) -> None:
    """Insert the planned records in bulk, references resolved through the new ids."""
    ids: dict[str, dict[str, int]] = {}

    def insert(kind: str, rows: Sequence[dict[str, Any]]) -> list[int]:
        columns = []
        for row in rows:
            refs = {}
            for name, (_, ref_kind) in records_repo.REFS.items():
                if name in row:
                    code = row[name]
                    refs[name] = None if code is None else ids[ref_kind][code]
            columns.append(records_repo.to_columns(kind, row, refs))
        new_ids = records_repo.insert_rows(session, kind, commune_id, columns)
        if rows and "code" in rows[0]:
            ids[kind] = {row["code"]: new_id for row, new_id in zip(rows, new_ids, strict=True)}
        return new_ids

    insert("villages", plan.villages)
    insert("staff", plan.staff)
    course_ids = insert("trainings", plan.trainings)
    for row, course_id in zip(plan.trainings, course_ids, strict=True):
        records_repo.set_topics(session, course_id, row["topics"])
    insert("participants", plan.participants)
    insert("teams", plan.teams)
    insert("members", plan.members)
    insert("activities", plan.activities)
    insert("classes", plan.classes)


# ------------------------------------------------------------------------------- planning


def _rng(seed: int, part: str) -> random.Random:
    """An independent generator per part, so that one part's draws do not shift another's."""
    return random.Random(f"commune-desk-demo:{seed}:{part}")


def _day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, max((end - start).days, 0)))


class _Names:
    """Invented Vietnamese names, never twice the same."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._used: set[str] = set()

    def gender(self) -> str:
        return self._rng.choice(("nam", "nu"))

    def person(self, gender: str) -> str:
        rng = self._rng
        for _ in range(1000):
            family = rng.choices(FAMILY, FAMILY_WEIGHTS)[0]
            middle = rng.choice(MIDDLE[gender])
            given = rng.choice(GIVEN[gender])
            if given == middle:
                continue
            name = f"{family} {middle} {given}"
            if name not in self._used:
                self._used.add(name)
                return name
        raise RuntimeError("không tạo được tên mới")  # pragma: no cover - 13×12×28 names

    def phone(self) -> str:
        return "09" + "".join(str(self._rng.randint(0, 9)) for _ in range(8))


def _coverage_target(day: dt.date) -> float:
    """The planned share of trained staff on `day`, linear between the plan's points."""
    points = COVERAGE_PLAN
    if day >= points[-1][0]:
        return points[-1][1]
    for (d0, v0), (d1, v1) in itertools.pairwise(points):
        if d0 <= day <= d1:
            return v0 + (v1 - v0) * (day - d0).days / (d1 - d0).days
    return 0.0


def _active(person: dict[str, Any], start: dt.date, end: dt.date) -> bool:
    return person["start_date"] <= start and (
        person["end_date"] is None or person["end_date"] >= end
    )


class _Plan:
    """Every record and monthly value of the demo, built in memory before anything is written."""

    def __init__(self, catalogue: Catalogue, seed: int, today: dt.date) -> None:
        self.catalogue = catalogue
        self.seed = seed
        self.today = today
        self.months = months_between(FIRST_MONTH, Period.month(today.year, today.month))
        self.names = _Names(_rng(seed, "names"))
        self.villages = self._villages()
        self.staff = self._staff(_rng(seed, "staff"))
        self.trainings, self.participants = self._courses(_rng(seed, "courses"))
        self.teams, self.members = self._teams(_rng(seed, "teams"))
        self.activities = self._activities(_rng(seed, "activities"))
        self.classes = self._classes(_rng(seed, "classes"))

    # -- records -------------------------------------------------------------------------
    def _villages(self) -> list[dict[str, Any]]:
        return [
            {"code": f"T{i:02d}", "name": name, "kind": kind, "active": True}
            for i, (name, kind) in enumerate(VILLAGES, start=1)
        ]

    def _staff(self, rng: random.Random) -> list[dict[str, Any]]:
        people: list[dict[str, Any]] = []

        def add(
            position: str,
            group: str,
            steering: bool,
            gender: str,
            years: tuple[int, int],
            start: dt.date | None,
        ) -> None:
            gender = gender or self.names.gender()
            birth = rng.randint(*years)
            if start is None:
                first = min(birth + 22, 2024)
                start = dt.date(rng.randint(first, 2024), rng.randint(1, 12), 1)
            people.append(
                {
                    "code": f"CB{len(people) + 1:02d}",
                    "full_name": self.names.person(gender),
                    "gender": gender,
                    "birth_year": birth,
                    "position": position,
                    "group": group,
                    "steering_member": steering,
                    "phone": self.names.phone(),
                    "start_date": start,
                    "end_date": None,
                }
            )

        for position, group, steering, gender, years in STAFF_POSITIONS:
            add(position, group, steering, gender, years, None)
        leaving = rng.sample([p for p in people if not p["steering_member"]], len(STAFF_LEAVING))
        for person, end in zip(leaving, STAFF_LEAVING, strict=True):
            if end <= self.today:
                person["end_date"] = end
        for start, position, group, years in STAFF_JOINERS:
            if start <= self.today:
                add(position, group, False, "", years, start)
        return people

    def _courses(self, rng: random.Random) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        courses: list[dict[str, Any]] = []
        participants: list[dict[str, Any]] = []
        trained: set[str] = set()  # staff codes with a completed dx/digital_skills course
        per_year: dict[int, int] = {}
        for year, month, topics, title, hours, mode, organizer, size in COURSES:
            start = dt.date(year, month, rng.randint(3, 12))
            days = 1 if hours <= 8 else 2 if hours <= 16 else 14
            end = start + dt.timedelta(days=days - 1)
            if end > self.today:
                continue
            per_year[year] = per_year.get(year, 0) + 1
            code = f"BD{year % 100:02d}-{per_year[year]:02d}"
            courses.append(
                {
                    "code": code,
                    "title": title,
                    "topics": topics,
                    "start_date": start,
                    "end_date": end,
                    "hours": float(hours),
                    "organizer": organizer,
                    "mode": mode,
                }
            )
            eligible = [p for p in self.staff if _active(p, start, end)]
            k = rng.randint(*size)
            chosen: list[tuple[dict[str, Any], bool]] = []
            if len(courses) == 1:  # the first course: the steering committee
                chosen = [(p, True) for p in eligible if p["steering_member"]]
            if any(t in DX_TOPICS for t in topics):
                active_now = [p for p in self.staff if _active(p, end, end)]
                done = sum(1 for p in active_now if p["code"] in trained)
                wanted = math.ceil(_coverage_target(end) * len(active_now))
                taken = {p["code"] for p, _ in chosen}
                fresh = [p for p in eligible if p["code"] not in trained and p["code"] not in taken]
                rng.shuffle(fresh)
                new = fresh[: max(0, wanted - done - len(chosen))]
                chosen += [(p, True) for p in new]
            taken = {p["code"] for p, _ in chosen}
            others = [p for p in eligible if p["code"] not in taken]
            if any(t in DX_TOPICS for t in topics):  # refreshers: already trained people
                others = [p for p in others if p["code"] in trained]
            extra = rng.sample(others, min(len(others), max(0, k - len(chosen))))
            chosen += [(p, rng.random() < 0.92) for p in extra]
            chosen.sort(key=lambda item: item[0]["code"])
            for person, completed in chosen:
                participants.append(
                    {"training_code": code, "staff_code": person["code"], "completed": completed}
                )
                if completed and any(t in DX_TOPICS for t in topics):
                    trained.add(person["code"])
        return courses, participants

    def _teams(self, rng: random.Random) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        teams: list[dict[str, Any]] = []
        members: list[dict[str, Any]] = []
        leader = next(
            (p for p in self.staff if p["position"].startswith("Phó Chủ tịch UBND")), None
        )
        commune_team = {
            "code": "TCN-XA",
            "name": f"Tổ công nghệ số cộng đồng {COMMUNE_NAME.lower()}",
            "level": "commune",
            "village_code": None,
            "established_on": dt.date(2024, rng.randint(3, 9), rng.randint(1, 28)),
            "dissolved_on": None,
        }
        plans = [(commune_team, None)]
        late = set(rng.sample(range(len(self.villages)), 5))  # teams founded in 2025
        for index, village in enumerate(self.villages):
            if index in late:
                established = dt.date(2025, rng.randint(1, 5), rng.randint(1, 28))
            else:
                established = dt.date(2024, rng.randint(2, 12), rng.randint(1, 28))
            team = {
                "code": f"TCN-{village['code']}",
                "name": f"Tổ công nghệ số cộng đồng {village['name']}",
                "level": "village",
                "village_code": village["code"],
                "established_on": established,
                "dissolved_on": None,
            }
            plans.append((team, village))
        for team, village in plans:
            if team["established_on"] > self.today:
                continue
            teams.append(team)
            size = rng.randint(7, 9) if village is None else rng.randint(5, 9)
            deputies = rng.choice((1, 1, 2))
            for position in range(size):
                if position == 0:
                    role = "to_truong"
                    affiliation = "khac" if village is None else rng.choice(LEADER_AFFILIATIONS)
                elif position <= deputies:
                    role, affiliation = "to_pho", rng.choice(DEPUTY_AFFILIATIONS)
                else:
                    role, affiliation = "thanh_vien", rng.choice(MEMBER_AFFILIATIONS)
                gender = (
                    "nu"
                    if affiliation == "hoi_phu_nu"
                    else ("nam" if affiliation == "hoi_cuu_chien_binh" else self.names.gender())
                )
                if village is None and position == 0 and leader is not None:
                    name, gender, phone = leader["full_name"], leader["gender"], leader["phone"]
                else:
                    name, phone = self.names.person(gender), self.names.phone()
                joined = team["established_on"]
                if position > 2 and rng.random() < 0.15:
                    joined = _day(rng, max(joined, FIRST_DAY), self.today)
                left = None
                if position > 2 and rng.random() < 0.07:
                    earliest = max(joined + dt.timedelta(days=90), FIRST_DAY)
                    if earliest < self.today:
                        left = _day(rng, earliest, self.today)
                members.append(
                    {
                        "team_code": team["code"],
                        "full_name": name,
                        "role": role,
                        "affiliation": affiliation,
                        "gender": gender,
                        "phone": phone,
                        "joined_on": joined,
                        "left_on": left,
                    }
                )
        return teams, members

    def _activities(self, rng: random.Random) -> list[dict[str, Any]]:
        vocab = self.catalogue.vocab.get("activity_type") or {t: t for t in TYPE_WEIGHTS_LATE}
        types = tuple(vocab)
        village_codes = [v["code"] for v in self.villages]
        rows: list[dict[str, Any]] = []
        for team in self.teams:
            for month in self.months:
                window = month.window(Mode.CALENDAR)
                start = max(window.start, team["established_on"], FIRST_DAY)
                end = min(window.end, self.today)
                if end < start:
                    continue
                share = (end - start).days + 1
                base = rng.randint(10, 14) if team["level"] == "commune" else rng.randint(4, 9)
                count = max(1, round(base * SEASON[month.index] * share / window.days))
                progress = min(self.months.index(month) / HORIZON, 1.0)
                weights = [
                    TYPE_WEIGHTS_EARLY.get(t, 1) * (1 - progress)
                    + TYPE_WEIGHTS_LATE.get(t, 1) * progress
                    for t in types
                ]
                seen: set[tuple[dt.date, str, str]] = set()
                for _ in range(count):
                    for _attempt in range(20):
                        day = _day(rng, start, end)
                        if day.weekday() == 6 and rng.random() < 0.7:
                            continue  # fewer sessions on Sundays
                        kind = rng.choices(types, weights)[0]
                        village = team["village_code"] or rng.choice(village_codes)
                        if (day, kind, village) not in seen:
                            break
                    else:
                        continue
                    seen.add((day, kind, village))
                    low, high, mode = PEOPLE_RANGE.get(kind, (1, 12, 4))
                    people = round(rng.triangular(low, high, mode))
                    note = rng.choice(ACTIVITY_NOTES)
                    if kind in PEOPLE_RANGE and rng.random() < PEAK_SHARE:
                        people, note = rng.randint(*PEAK_PEOPLE), PEAK_NOTE
                    rows.append(
                        {
                            "team_code": team["code"],
                            "date": day,
                            "type": kind,
                            "people_supported": people,
                            "village_code": village,
                            "note": note,
                        }
                    )
        rows.sort(key=lambda r: (r["date"], r["team_code"], r["type"]))
        return rows

    def _classes(self, rng: random.Random) -> list[dict[str, Any]]:
        leaders = {m["team_code"]: m["full_name"] for m in self.members if m["role"] == "to_truong"}
        teachers = [p["full_name"] for p in self.staff if p["group"] in ("cong_chuc", "vien_chuc")]
        rows: list[dict[str, Any]] = []
        per_year: dict[int, int] = {}
        for month in self.months:
            window = month.window(Mode.CALENDAR)
            end = min(window.end, self.today)
            count = rng.randint(1, 2) if month.index == 2 else rng.randint(3, 5)
            count = round(count * ((end - window.start).days + 1) / window.days)
            days = sorted(_day(rng, window.start, end) for _ in range(count))
            for day in days:
                per_year[day.year] = per_year.get(day.year, 0) + 1
                village = rng.choice(self.villages)["code"]
                instructor = leaders.get(f"TCN-{village}") if rng.random() < 0.6 else None
                rows.append(
                    {
                        "code": f"L{day.year}-{per_year[day.year]:03d}",
                        "date": day,
                        "topic": rng.choice(CLASS_TOPICS),
                        "participants": rng.randint(15, 60),
                        "village_code": village,
                        "instructor": instructor or rng.choice(teachers),
                    }
                )
        return rows

    # -- monthly values --------------------------------------------------------------------
    def value_changes(self, villages: int) -> list[ValueChange]:
        """A value of every entered element for every month, in month and catalogue order."""
        series = _Series(self.catalogue, _rng(self.seed, "values"), villages)
        changes = []
        for i, month in enumerate(self.months):
            values = series.month(i, month)
            changes += [
                ValueChange(e.code, month.key, values[e.code])
                for e in self.catalogue.entry_elements()
            ]
        return changes


class _Series:
    """Monthly values with believable trends: stocks never fall, flows stay within the
    catalogue's outlier factor of their recent median, and every rule holds."""

    def __init__(self, catalogue: Catalogue, rng: random.Random, villages: int) -> None:
        self.catalogue = catalogue
        self.rng = rng
        self.villages = villages
        self.history: dict[str, list[int]] = {}
        self.current: dict[str, int] = {}

    # -- helpers -----------------------------------------------------------------------
    def _agg(self, code: str, default: Agg) -> Agg:
        if code in self.catalogue:
            item = self.catalogue.get(code)
            if isinstance(item, Element):
                return item.agg
        return default

    def _stock(self, code: str, raw: float, cap: float | None = None) -> int:
        value = max(0, math.floor(raw))
        past = self.history.get(code)
        if past and self._agg(code, Agg.LAST) is Agg.LAST:
            value = max(value, past[-1])  # a stock does not fall
        if cap is not None:
            value = min(value, math.floor(cap))
        self.current[code] = value
        return value

    def _flow(self, code: str, raw: float, cap: float | None = None) -> int:
        value = max(0, round(raw))
        checks = self.catalogue.checks
        earlier = self.history.get(code, [])[-checks.outlier_window :]
        if self._agg(code, Agg.SUM) is Agg.SUM and len(earlier) >= checks.outlier_min_months:
            median = statistics.median(earlier)
            low = math.ceil(median / checks.outlier_factor)
            high = math.floor(median * checks.outlier_factor)
            value = min(max(value, low), high)
        if cap is not None:
            value = min(value, math.floor(cap))
        self.current[code] = value
        return value

    def _noise(self, spread: float) -> float:
        return 1 + self.rng.uniform(-spread, spread)

    def _last(self, code: str, default: float) -> float:
        past = self.history.get(code)
        return past[-1] if past else default

    # -- one month ---------------------------------------------------------------------
    def month(self, i: int, month: Period) -> dict[str, int]:
        """Every entered element's value for month number `i` (0 = January 2025)."""
        self.current = {}
        for model in self._models():
            model(i, month)
        result: dict[str, int] = {}
        for element in self.catalogue.entry_elements():
            code = element.code
            if code not in self.current:
                self._generic(element, i, month)
            result[code] = self.current[code]
        self._repair(month, result)
        for code, value in result.items():
            self.history.setdefault(code, []).append(value)
        return result

    def _generic(self, element: Element, i: int, month: Period) -> None:
        """An element this demo does not model: a slow stock or a steady flow."""
        if element.agg is Agg.LAST:
            self._stock(element.code, self._last(element.code, 100) + self.rng.randint(0, 2))
        else:
            self._flow(element.code, 60 * SEASON[month.index] * self._noise(0.1))

    def _repair(self, month: Period, values: dict[str, int]) -> None:
        """Lower the left side of any rule that still breaks (safety net for other catalogues)."""
        known: dict[str, float | None] = {"commune.villages": self.villages, **values}
        for rule in self.catalogue.rules:
            if check_rule(rule, month, known) is None:
                continue
            smaller, larger = (
                (rule.left, rule.right) if rule.op == "<=" else (rule.right, rule.left)
            )
            small = sum(values.get(c, 0) for c in smaller.codes)
            large = sum(known.get(c) or 0 for c in larger.codes)
            for code in smaller.codes:
                if code in values and small:
                    values[code] = math.floor(values[code] * large / small)
                    known[code] = values[code]

    def _models(self) -> tuple[Callable[[int, Period], None], ...]:
        return (self._profile, self._people, self._procedures, self._records, self._infra)

    @staticmethod
    def _progress(i: int) -> float:
        return min(i / HORIZON, 1.0)

    def _profile(self, i: int, month: Period) -> None:
        rng = self.rng
        population = self._stock(
            "pop.population",
            self._last("pop.population", 11_940 + rng.randint(0, 80))
            + (rng.randint(2, 12) if i else 0),
        )
        self._stock(
            "pop.households",
            self._last("pop.households", 3_160 + rng.randint(0, 60))
            + (rng.randint(0, 4) if i else 0),
        )
        self._stock("pop.adults", population * 0.705, cap=population)
        students = self._last("pop.students", 2_260 + rng.randint(0, 60))
        if i and month.index == 9:
            students += rng.randint(20, 45)  # the new school year
        elif i and rng.random() < 0.3:
            students += 1
        self._stock("pop.students", students)
        self._stock(
            "pop.enterprise_workers",
            self._last("pop.enterprise_workers", 870 + rng.randint(0, 40))
            + (rng.randint(0, 6) if i else 0),
        )

    def _people(self, i: int, month: Period) -> None:
        x = self._progress(i)
        cur = self.current
        adults = cur["pop.adults"]
        self._stock(
            "pop.adults_confirmed",
            adults * (0.24 + 0.58 * x**0.85) * self._noise(0.004),
            cap=adults,
        )
        self._stock(
            "pop.vneid_level2",
            adults * (0.62 + 0.30 * x**0.7) * self._noise(0.003),
            cap=cur["pop.population"],
        )
        students = cur["pop.students"]
        share = min(1.0, 0.72 + 0.28 * min(i / 20, 1.0) ** 0.8)
        self._stock("pop.students_equipped", students * share, cap=students)
        workers = cur["pop.enterprise_workers"]
        self._stock(
            "pop.workers_skilled",
            workers * (0.45 + 0.50 * x**0.8) * self._noise(0.005),
            cap=workers,
        )
        self._stock("pop.digital_signatures", adults * (0.07 + 0.25 * x) * self._noise(0.01))

    def _procedures(self, i: int, month: Period) -> None:
        x = self._progress(i)
        # More procedures came to the commune with the two-level local government (7/2025).
        procedures = self._stock(
            "tthc.procedures", 352 if (month.year, month.index) < (2025, 7) else 399
        )
        full = self._stock(
            "tthc.procedures_full_online", procedures * (0.42 + 0.50 * x**0.7), cap=procedures
        )
        self._stock("tthc.procedures_partial_online", 18 + 12 * x, cap=procedures - full)

    def _records(self, i: int, month: Period) -> None:
        x = self._progress(i)
        season = SEASON[month.index]
        total = 440 * season * (1 + 0.004 * i) * self._noise(0.07)
        offline = 0.08 + 0.32 * math.exp(-i / 8)
        online = self._flow("tthc.received_online", total * (1 - offline) * self._noise(0.01))
        postal = self._flow("tthc.received_postal", max(4.0, total * 0.025 * self._noise(0.2)))
        direct = self._flow("tthc.received_direct", max(1.0, total - online - postal))
        received = online + direct + postal
        resolved = received * self.rng.uniform(0.95, 1.0)
        late_share = 0.005 + 0.035 * math.exp(-i / 7)
        late = self._flow("tthc.resolved_late", max(1.0, resolved * late_share * self._noise(0.2)))
        self._flow("tthc.resolved_on_time", resolved - late)
        fees = self._flow("tthc.fee_records", received * self.rng.uniform(0.33, 0.38))
        self._flow(
            "tthc.fee_paid_online",
            fees * (0.40 + 0.15 * x + self.rng.uniform(-0.02, 0.02)),
            cap=fees,
        )
        self._flow(
            "tthc.digitized", received * (0.70 + 0.28 * x**0.8) * self._noise(0.01), cap=received
        )
        docs = self._flow("tthc.docs_total", 380 * season * self._noise(0.1))
        share = min(1.0, 0.96 + 0.04 * i / 6)
        self._flow("tthc.docs_electronic", docs * share if share < 1 else docs, cap=docs)

    def _infra(self, i: int, month: Period) -> None:
        x = self._progress(i)
        cur = self.current
        n = self.villages
        bts = 9 + sum(1 for j in (7, 15, 21) if i >= j)
        self._stock("infra.bts", bts)
        self._stock("infra.villages_mobile", max(0, n - 3 + i // 2), cap=n)
        self._stock("infra.villages_fiber", max(0, n - 8 + i // 3), cap=max(0, n - 2))
        households = cur["pop.households"]
        fiber = self._stock(
            "infra.households_fiber",
            households * (0.62 + 0.22 * x) * self._noise(0.004),
            cap=households,
        )
        self._stock("infra.fixed_subscribers", fiber + 110 + 2 * i)
        self._stock(
            "infra.mobile_subscribers",
            cur["pop.population"] * (0.84 + 0.13 * x) * self._noise(0.004),
        )
        adults = cur["pop.adults"]
        self._stock(
            "infra.adults_smartphone", adults * (0.80 + 0.13 * x) * self._noise(0.004), cap=adults
        )
        self._stock("infra.wifi_points", 4 + i // 3)
