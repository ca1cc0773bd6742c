"""The report's appendix sheets ("Biểu 01" …), built from the records and the figures.

Biểu 01 the trainings of the period and their participants; Biểu 02 the community technology
teams, their members and their support activities by type; Biểu 03 the online services month
by month; Biểu 04 the digital infrastructure month by month and per village where recorded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy.orm import Session

from commune_desk.data.repositories import appendices as repo
from commune_desk.domain.catalogue import Catalogue, Element, Indicator
from commune_desk.domain.indicators import aggregate
from commune_desk.domain.periods import DateWindow, Period
from commune_desk.domain.records import VOCABS
from commune_desk.excel.report_document import Appendix, AppendixRow, AppendixTable, RowKind
from commune_desk.services.indicators import PeriodFigures

ONLINE_SECTION = "online"  # the catalogue sections shown month by month
INFRA_SECTION = "infra"
_YES, _NO = "Có", "Không"


def build_appendices(
    session: Session,
    catalogue: Catalogue,
    commune_id: int,
    window: DateWindow,
    period_figures: PeriodFigures,
    month_figures: Sequence[PeriodFigures],
    subtitle: str,
) -> tuple[Appendix, ...]:
    appendices = [
        _trainings(session, catalogue, commune_id, window, subtitle),
        _teams(session, catalogue, commune_id, window, subtitle),
    ]
    sections = {s.key for s in catalogue.sections}
    if ONLINE_SECTION in sections:
        appendices.append(
            Appendix(
                _name(len(appendices)),
                "DỊCH VỤ CÔNG TRỰC TUYẾN, SỐ LIỆU TỪNG THÁNG",
                subtitle,
                _monthly_widths(month_figures),
                (_monthly(catalogue, ONLINE_SECTION, period_figures, month_figures, ""),),
            )
        )
    if INFRA_SECTION in sections:
        appendices.append(
            _infrastructure(
                session,
                catalogue,
                commune_id,
                period_figures,
                month_figures,
                subtitle,
                len(appendices),
            )
        )
    return tuple(appendices)


def _name(index: int) -> str:
    return f"Biểu {index + 1:02d}"


def _label(vocab: Mapping[str, str], code: str) -> str:
    return vocab.get(code, code)


def _trainings(
    session: Session, catalogue: Catalogue, commune_id: int, window: DateWindow, subtitle: str
) -> Appendix:
    topics = catalogue.vocab.get("course_topic", {})
    groups = catalogue.vocab.get("staff_group", {})
    modes = VOCABS["course_mode"]
    courses = repo.courses_ending(session, commune_id, window.start, window.end)
    people = repo.participants(session, [c["id"] for c in courses])
    summary, listing = [], []
    for number, course in enumerate(courses, start=1):
        attended = people.get(course["id"], [])
        completed = sum(1 for p in attended if p["completed"])
        summary.append(
            AppendixRow(
                (
                    number,
                    f"{course['title']} ({course['code']})",
                    ", ".join(_label(topics, t) for t in course["topics"]),
                    course["start_date"],
                    course["end_date"],
                    course["hours"],
                    _label(modes, course["mode"]),
                    course["organizer"] or None,
                    len(attended),
                    completed,
                )
            )
        )
        caption = f"{number}. {course['title']} ({course['end_date']:%d/%m/%Y})"
        listing.append(AppendixRow((caption,), RowKind.GROUP))
        for index, person in enumerate(attended, start=1):
            listing.append(
                AppendixRow(
                    (
                        index,
                        person["full_name"],
                        person["position"] or None,
                        _label(groups, person["staff_group"]),
                        _YES if person["completed"] else _NO,
                    )
                )
            )
    if summary:
        total = sum(int(r.cells[8] or 0) for r in summary)
        done = sum(int(r.cells[9] or 0) for r in summary)
        summary.append(
            AppendixRow(
                ("", "Cộng", None, None, None, None, None, None, total, done), RowKind.TOTAL
            )
        )
    return Appendix(
        _name(0),
        "CÁC KHÓA BỒI DƯỠNG CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC, NGƯỜI LAO ĐỘNG KẾT THÚC TRONG KỲ",
        subtitle,
        (5.5, 40, 30, 11.5, 11.5, 7, 11, 22, 9, 10),
        (
            AppendixTable(
                "1. Các khóa bồi dưỡng",
                (
                    "STT",
                    "Khóa bồi dưỡng (mã)",
                    "Chủ đề",
                    "Từ ngày",
                    "Đến ngày",
                    "Số giờ",
                    "Hình thức",
                    "Đơn vị tổ chức",
                    "Số học viên",
                    "Hoàn thành",
                ),
                tuple(summary),
                "Không có khóa bồi dưỡng nào kết thúc trong kỳ báo cáo.",
            ),
            AppendixTable(
                "2. Danh sách học viên",
                ("STT", "Họ và tên", "Chức vụ", "Nhóm", "Hoàn thành"),
                tuple(listing),
                "Không có học viên.",
            ),
        ),
    )


def _teams(
    session: Session, catalogue: Catalogue, commune_id: int, window: DateWindow, subtitle: str
) -> Appendix:
    types = dict(catalogue.vocab.get("activity_type", {}))
    roles = catalogue.vocab.get("member_role", {})
    affiliations = catalogue.vocab.get("affiliation", {})
    levels = VOCABS["team_level"]
    teams = repo.active_teams(session, commune_id, window.end)
    ids = [t["id"] for t in teams]
    members = repo.members(session, ids, window.end)
    activity = repo.activity_counts(session, ids, window.start, window.end)
    summary, listing = [], []
    totals = [0] * (len(types) + 3)
    for number, team in enumerate(teams, start=1):
        crew = members.get(team["id"], [])
        counts = activity.get(team["id"], {})
        leader = next((m["full_name"] for m in crew if m["role"] == "to_truong"), None)
        people = [counts.get(t, (0, 0))[1] for t in types]
        numbers = [len(crew), sum(s for s, _ in counts.values()), *people, sum(people)]
        totals = [a + b for a, b in zip(totals, numbers, strict=True)]
        place = team["village"] or _label(levels, team["level"])
        summary.append(AppendixRow((number, team["name"], place, leader, *numbers)))
        caption = team["name"] if place in team["name"] else f"{team['name']} ({place})"
        listing.append(AppendixRow((f"{number}. {caption}",), RowKind.GROUP))
        for index, member in enumerate(crew, start=1):
            listing.append(
                AppendixRow(
                    (
                        index,
                        member["full_name"],
                        _label(roles, member["role"]),
                        _label(affiliations, member["affiliation"]),
                        member["joined_on"],
                    )
                )
            )
    if summary:
        summary.append(AppendixRow(("", "Cộng", None, None, *totals), RowKind.TOTAL))
    headers = (
        "STT",
        "Tổ công nghệ số cộng đồng",
        "Thôn, tổ dân phố",
        "Tổ trưởng",
        "Số thành viên",
        "Số buổi hoạt động",
        *types.values(),
        "Tổng số lượt hỗ trợ",
    )
    return Appendix(
        _name(1),
        "TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG: THÀNH VIÊN VÀ HOẠT ĐỘNG HỖ TRỢ NGƯỜI DÂN TRONG KỲ",
        subtitle,
        (5.5, 34, 20, 22, 11.5, 10, *(13 for _ in types), 11),
        (
            AppendixTable(
                "1. Các tổ và hoạt động hỗ trợ người dân (số lượt người dân theo nội dung)",
                headers,
                tuple(summary),
                "Chưa có Tổ công nghệ số cộng đồng nào hoạt động.",
            ),
            AppendixTable(
                "2. Danh sách thành viên",
                ("STT", "Họ và tên", "Vai trò", "Thành phần", "Ngày tham gia"),
                tuple(listing),
                "Chưa có thành viên.",
            ),
        ),
    )


def _monthly_widths(month_figures: Sequence[PeriodFigures], at_least: int = 0) -> tuple:
    months = len(month_figures)
    widths = (5.5, 62, 11, *(10 for _ in range(months)), *((11,) if months > 1 else ()))
    return widths + (10,) * max(0, at_least - len(widths))


def _monthly(
    catalogue: Catalogue,
    section: str,
    period_figures: PeriodFigures,
    month_figures: Sequence[PeriodFigures],
    caption: str,
) -> AppendixTable:
    """The section's figures and indicators month by month, and over the period."""
    several = len(month_figures) > 1
    headers = (
        "STT",
        "Chỉ tiêu",
        "Đơn vị tính",
        *(f.period.label() for f in month_figures),
        *(("Cả kỳ báo cáo",) if several else ()),
    )
    rows = []
    number = 0
    for item in catalogue.section_items(section):
        detail = isinstance(item, Element) and item.parent is not None
        number += 0 if detail else 1
        values = [f.figures[item.code].value for f in month_figures]
        if several:
            values.append(period_figures.figures[item.code].value)
        rows.append(
            AppendixRow(
                ("" if detail else number, item.label, item.unit, *values),
                decimals=isinstance(item, Indicator),
            )
        )
    return AppendixTable(caption, headers, tuple(rows))


def _infrastructure(
    session: Session,
    catalogue: Catalogue,
    commune_id: int,
    period_figures: PeriodFigures,
    month_figures: Sequence[PeriodFigures],
    subtitle: str,
    index: int,
) -> Appendix:
    elements = [i for i in catalogue.section_items(INFRA_SECTION) if isinstance(i, Element)]
    period = period_figures.period
    months = period.months()
    shares = repo.village_values(
        session, commune_id, [e.code for e in elements], months[0].key, months[-1].key
    )
    rows = []
    for number, (village, by_code) in enumerate(shares.items(), start=1):
        values = [_over(e, by_code.get(e.code, {}), months) for e in elements]
        rows.append(AppendixRow((number, village, *values)))
    villages = AppendixTable(
        "2. Theo thôn, tổ dân phố (nơi có ghi nhận số liệu của thôn)",
        ("STT", "Thôn, tổ dân phố", *(f"{e.label} ({e.unit})" for e in elements)),
        tuple(rows),
        "Chưa ghi nhận số liệu hạ tầng số theo thôn, tổ dân phố trong kỳ.",
        header_when_empty=False,
    )
    return Appendix(
        _name(index),
        "HẠ TẦNG SỐ",
        subtitle,
        _monthly_widths(month_figures, at_least=2 + len(elements)),
        (
            _monthly(
                catalogue, INFRA_SECTION, period_figures, month_figures, "1. Toàn xã, từng tháng"
            ),
            villages,
        ),
    )


def _over(element: Element, by_month: Mapping[str, int], months: Sequence[Period]) -> object:
    return aggregate(element.agg, by_month, months)
