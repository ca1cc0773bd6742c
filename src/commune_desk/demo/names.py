"""The demo's fixed data: the commune, its villages, names, staff positions, the course
schedule, team make-up and activity mix; and a generator of invented Vietnamese names."""

from __future__ import annotations

import datetime as dt
import random

from commune_desk.domain.periods import Period

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


class Names:
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
