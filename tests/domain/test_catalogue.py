"""Tests of the indicator catalogue: the default file and the loader's refusal of broken files."""

from __future__ import annotations

import dataclasses
import pickle
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commune_desk.domain.catalogue import (
    Agg,
    Catalogue,
    CatalogueError,
    Checks,
    Element,
    Formula,
    Indicator,
    Rule,
    Section,
    Source,
)
from commune_desk.domain.catalogue_loader import load_catalogue, parse_catalogue

DEFAULT = Path(__file__).parents[2] / "resources" / "catalogue" / "default.toml"
TEXT = DEFAULT.read_text(encoding="utf-8")

# Every code of shared/domain/catalogue.md, in the order written there.
PROFILE = [
    "pop.population",
    "pop.households",
    "pop.adults",
    "pop.students",
    "pop.enterprise_workers",
    "commune.villages",
]
PEOPLE = [
    "pop.adults_confirmed",
    "pop.vneid_level2",
    "pop.students_equipped",
    "pop.workers_skilled",
    "pop.digital_signatures",
    "class.count",
    "class.participants",
]
STAFF = [
    "staff.total",
    "staff.trained_dx",
    "staff.trained_ai",
    "staff.trained_infosec",
    "staff.steering_trained",
    "staff.training_hours",
]
TEAMS = [
    "team.count",
    "team.villages_covered",
    "team.members",
    "team.sessions",
    "team.supported",
    "team.supported_vneid",
    "team.supported_online_services",
    "team.supported_cashless",
    "team.supported_ecommerce",
    "team.supported_cybersafety",
    "team.supported_other",
]
ONLINE = [
    "tthc.procedures",
    "tthc.procedures_full_online",
    "tthc.procedures_partial_online",
    "tthc.received_online",
    "tthc.received_direct",
    "tthc.received_postal",
    "tthc.resolved_on_time",
    "tthc.resolved_late",
    "tthc.fee_records",
    "tthc.fee_paid_online",
    "tthc.digitized",
    "tthc.docs_total",
    "tthc.docs_electronic",
]
INFRA = [
    "infra.bts",
    "infra.villages_mobile",
    "infra.villages_fiber",
    "infra.households_fiber",
    "infra.fixed_subscribers",
    "infra.mobile_subscribers",
    "infra.adults_smartphone",
    "infra.wifi_points",
]
INDICATORS = [
    "ind.staff_dx_pct",
    "ind.adults_confirmed_pct",
    "ind.vneid_level2_pct",
    "ind.students_pct",
    "ind.workers_pct",
    "ind.villages_team_pct",
    "ind.members_per_100",
    "ind.online_records_pct",
    "ind.on_time_pct",
    "ind.full_online_pct",
    "ind.online_payment_pct",
    "ind.digitized_pct",
    "ind.electronic_docs_pct",
    "ind.villages_mobile_pct",
    "ind.villages_fiber_pct",
    "ind.households_fiber_pct",
    "ind.fixed_per_100",
    "ind.mobile_per_100",
    "ind.smartphone_pct",
]
ELEMENTS = PROFILE + PEOPLE + STAFF + TEAMS + ONLINE + INFRA
RECEIVED = ("tthc.received_online", "tthc.received_direct", "tthc.received_postal")


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return load_catalogue(DEFAULT)


def line_no(text: str, needle: str, after: int = 0) -> int:
    """1-based number of the first line after line ``after`` that contains ``needle``."""
    for number, line in enumerate(text.splitlines(), 1):
        if number > after and needle in line:
            return number
    raise AssertionError(f"{needle!r} not in text")


def edit(text: str, owner: str, key: str, new: str | None) -> tuple[str, int]:
    """Replace (or delete, when new is None) the ``key = ...`` line of the table declaring owner.

    ``owner`` is the value of the table's code/id/key. Returns the new text and the line number.
    """
    lines = text.splitlines()
    start = next(
        i
        for i, line in enumerate(lines)
        if re.fullmatch(rf'(code|id|key) = "{re.escape(owner)}"', line)
    )
    while not lines[start].startswith("[["):
        start -= 1
    index = next(
        i for i in range(start + 1, len(lines)) if re.match(rf"{re.escape(key)}\s*=", lines[i])
    )
    if new is None:
        del lines[index]
    else:
        lines[index] = new
    return "\n".join(lines) + "\n", index + 1


def header_line(text: str, owner: str) -> int:
    """Line of the [[...]] header of the table declaring owner."""
    lines = text.splitlines()
    index = next(
        i for i, line in enumerate(lines) if re.fullmatch(rf'(code|id|key) = "{owner}"', line)
    )
    while not lines[index].startswith("[["):
        index -= 1
    return index + 1


def refuse(text: str, source: str = "default.toml") -> CatalogueError:
    with pytest.raises(CatalogueError) as info:
        parse_catalogue(text, source)
    err = info.value
    assert str(err).startswith(f"{source}, dòng {err.line}: " if err.line else f"{source}: ")
    assert str(err).endswith(err.problem)
    return err


# ----------------------------------------------------------------------------- default file


def test_default_file_loads(cat: Catalogue) -> None:
    assert cat.version == "2025.1"
    assert cat.title == 'Danh mục chỉ tiêu mặc định phong trào "Bình dân học vụ số"'
    assert cat.checks == Checks(outlier_factor=3, outlier_window=6, outlier_min_months=3)


def test_default_file_has_every_code_of_the_reference(cat: Catalogue) -> None:
    assert len(PROFILE + PEOPLE + STAFF + TEAMS + ONLINE + INFRA) == 51
    assert [e.code for e in cat.elements] == ELEMENTS
    assert [i.code for i in cat.indicators] == INDICATORS
    assert sorted(cat.codes()) == sorted(ELEMENTS + INDICATORS)
    assert len(set(cat.codes())) == 70


def test_sections_in_order(cat: Catalogue) -> None:
    assert [(s.key, s.numeral) for s in cat.sections] == [
        ("profile", "0"),
        ("people", "I"),
        ("staff", "II"),
        ("teams", "III"),
        ("online", "IV"),
        ("infra", "V"),
    ]
    assert cat.section("profile").title == "Thông tin chung của xã"
    assert cat.section("people").title == "Phổ cập kỹ năng số cho người dân"
    assert cat.section("staff").title == "Bồi dưỡng cán bộ, công chức, viên chức, người lao động"
    assert cat.section("teams").title == "Tổ công nghệ số cộng đồng"
    assert cat.section("online").title == "Dịch vụ công trực tuyến"
    assert cat.section("infra").title == "Hạ tầng số"


@pytest.mark.parametrize(
    ("key", "codes"),
    [
        ("profile", PROFILE),
        ("people", PEOPLE),
        ("staff", STAFF),
        ("teams", TEAMS),
        ("online", ONLINE),
        ("infra", INFRA),
    ],
)
def test_elements_are_in_their_section(cat: Catalogue, key: str, codes: list[str]) -> None:
    assert [e.code for e in cat.elements if e.section == key] == codes


def test_element_spot_checks(cat: Catalogue) -> None:
    pop = cat.get("pop.population")
    assert isinstance(pop, Element)
    assert (pop.label, pop.unit, pop.section) == ("Dân số trên địa bàn", "người", "profile")
    assert (pop.agg, pop.source, pop.required, pop.parent) == (Agg.LAST, Source.ENTRY, True, None)
    assert pop.kind == "element"

    villages = cat.get("commune.villages")
    assert (villages.section, villages.unit) == ("profile", "thôn")
    assert (villages.agg, villages.source, villages.required) == (Agg.LAST, Source.RECORDS, False)
    assert villages.description

    confirmed = cat.get("pop.adults_confirmed")
    assert confirmed.label == (
        "Số người trưởng thành được xác nhận phổ cập kỹ năng số trên nền tảng VNeID"
    )
    assert (confirmed.agg, confirmed.source) == (Agg.LAST, Source.ENTRY)
    for code in ("class.count", "class.participants"):
        assert (cat.get(code).agg, cat.get(code).source) == (Agg.SUM, Source.RECORDS)
    assert cat.get("class.participants").unit == "lượt"

    received = cat.get("tthc.received_postal")
    assert received.label == "Số hồ sơ tiếp nhận qua dịch vụ bưu chính công ích"
    assert (received.unit, received.agg, received.source) == ("hồ sơ", Agg.SUM, Source.ENTRY)
    assert cat.get("tthc.procedures").agg == Agg.LAST
    assert cat.get("tthc.procedures").unit == "thủ tục"
    assert cat.get("infra.villages_mobile").label == (
        "Số thôn, tổ dân phố được phủ sóng di động băng rộng (4G/5G)"
    )
    assert cat.get("infra.wifi_points").unit == "điểm"


def test_staff_and_team_aggregation(cat: Catalogue) -> None:
    stocks = {"staff.total", "staff.trained_dx", "staff.steering_trained"}
    stocks |= {"team.count", "team.villages_covered", "team.members"}
    for code in STAFF + TEAMS:
        element = cat.get(code)
        assert element.source == Source.RECORDS, code
        assert element.agg == (Agg.LAST if code in stocks else Agg.SUM), code
    assert "`digital_skills`" in cat.get("staff.trained_dx").description
    assert cat.get("staff.training_hours").unit == "giờ"


def test_team_sub_rows(cat: Catalogue) -> None:
    subs = [e for e in cat.elements if e.parent is not None]
    assert [e.code for e in subs] == TEAMS[5:]
    assert {e.parent for e in subs} == {"team.supported"}
    assert cat.get("team.supported_vneid").label == "— trong đó: cài đặt, kích hoạt VNeID"
    assert cat.get("team.supported_cybersafety").label == (
        "— trong đó: an toàn trên không gian mạng, phòng chống lừa đảo"
    )


def test_indicator_spot_checks(cat: Catalogue) -> None:
    online = cat.get("ind.online_records_pct")
    assert isinstance(online, Indicator)
    assert online.label == "Tỷ lệ hồ sơ tiếp nhận trực tuyến"
    assert (online.unit, online.section, online.factor) == ("%", "online", 100)
    assert online.numerator == Formula(("tthc.received_online",))
    assert online.denominator.codes == RECEIVED
    assert str(online.denominator) == " + ".join(RECEIVED)
    assert online.source == Source.COMPUTED
    assert online.kind == "indicator"
    assert dict(online.targets) == {2025: 70.0, 2026: 80.0}
    assert cat.get("ind.digitized_pct").denominator.codes == RECEIVED
    assert cat.get("ind.members_per_100").unit == "thành viên/100 dân"
    assert cat.get("ind.fixed_per_100").unit == "thuê bao/100 dân"
    assert cat.get("ind.mobile_per_100").unit == "thuê bao/100 dân"
    assert all(cat.get(c).unit == "%" for c in INDICATORS if c.endswith("_pct"))
    assert all(i.factor == 100 for i in cat.indicators)


def test_indicator_sections(cat: Catalogue) -> None:
    sections = {i.code: i.section for i in cat.indicators}
    assert sections["ind.staff_dx_pct"] == "staff"
    assert [c for c in INDICATORS if sections[c] == "people"] == INDICATORS[1:5]
    assert [c for c in INDICATORS if sections[c] == "teams"] == INDICATORS[5:7]
    assert [c for c in INDICATORS if sections[c] == "online"] == INDICATORS[7:13]
    assert [c for c in INDICATORS if sections[c] == "infra"] == INDICATORS[13:]


def test_targets(cat: Catalogue) -> None:
    adults = cat.get("ind.adults_confirmed_pct")
    assert dict(adults.targets) == {2025: 50, 2026: 80}
    assert cat.default_target("ind.adults_confirmed_pct", 2025) == 50
    assert cat.default_target("ind.adults_confirmed_pct", 2026) == 80
    assert cat.default_target("ind.adults_confirmed_pct", 2027) == 80
    assert cat.default_target("ind.adults_confirmed_pct", 2024) is None
    assert dict(cat.get("ind.vneid_level2_pct").targets) == {}
    assert cat.default_target("ind.vneid_level2_pct", 2025) is None
    assert cat.default_target("ind.members_per_100", 2026) is None
    assert cat.default_target("ind.fixed_per_100", 2030) == 25
    assert cat.default_target("ind.online_payment_pct", 2025) == 45
    assert cat.default_target("pop.population", 2025) is None
    with pytest.raises(KeyError):
        cat.default_target("ind.nothing", 2025)


def test_rules(cat: Catalogue) -> None:
    # catalogue.md lists 13 comparisons besides "whole number >= 0" (which lives in the code).
    assert len(cat.rules) == 13
    assert len({r.id for r in cat.rules}) == 13
    first = cat.rules[0]
    assert first.id == "tthc.online_le_procedures"
    assert first.left.codes == ("tthc.procedures_full_online", "tthc.procedures_partial_online")
    assert (first.op, first.right.codes) == ("<=", ("tthc.procedures",))
    assert first.message_en
    assert all(r.message and r.message_en and r.op == "<=" for r in cat.rules)
    checks = {str(r) for r in cat.rules}
    assert "tthc.digitized <= " + " + ".join(RECEIVED) in checks
    assert "pop.adults <= pop.population" in checks
    assert "infra.households_fiber <= pop.households" in checks
    assert [r.id for r in cat.rules_for("pop.adults")] == [
        "pop.adults_confirmed_le_adults",
        "infra.adults_smartphone_le_adults",
        "pop.adults_le_population",
    ]
    assert len(cat.rules_for("commune.villages")) == 2
    assert cat.rules_for("infra.bts") == ()


def test_catalogue_order(cat: Catalogue) -> None:
    codes = cat.codes()
    assert codes[:6] == tuple(PROFILE)
    assert codes[6:17] == tuple(PEOPLE + INDICATORS[1:5])
    assert codes[17:24] == tuple([*STAFF, "ind.staff_dx_pct"])
    assert codes[-len(INFRA) - 6 :] == tuple(INFRA + INDICATORS[13:])
    assert tuple(i.code for i in cat.items()) == codes
    assert [i.code for i in cat.section_items("teams")] == [*TEAMS, *INDICATORS[5:7]]
    entry = cat.entry_elements()
    records = cat.records_elements()
    assert all(e.source == Source.ENTRY and e.required for e in entry)
    assert all(e.source == Source.RECORDS and not e.required for e in records)
    assert len(entry) + len(records) == 51
    assert [e.code for e in records][:3] == [
        "commune.villages",
        "class.count",
        "class.participants",
    ]
    assert "staff.total" not in {e.code for e in entry}


def test_lookup(cat: Catalogue) -> None:
    assert "pop.adults" in cat
    assert "ind.smartphone_pct" in cat
    assert "pop.nobody" not in cat
    with pytest.raises(KeyError):
        cat.get("pop.nobody")
    with pytest.raises(KeyError):
        cat.section("nowhere")
    with pytest.raises(KeyError):
        cat.section_items("nowhere")


def test_vocabularies(cat: Catalogue) -> None:
    assert set(cat.vocab) == {
        "course_topic",
        "staff_group",
        "member_role",
        "affiliation",
        "activity_type",
    }
    assert list(cat.vocab["course_topic"]) == [
        "dx",
        "digital_skills",
        "ai",
        "infosec",
        "online_services",
        "vneid",
    ]
    assert cat.vocab["course_topic"]["dx"] == "Chuyển đổi số"
    assert dict(cat.vocab["staff_group"]) == {
        "can_bo": "Cán bộ",
        "cong_chuc": "Công chức",
        "vien_chuc": "Viên chức",
        "nguoi_lao_dong": "Người lao động",
    }
    assert list(cat.vocab["member_role"]) == ["to_truong", "to_pho", "thanh_vien"]
    assert len(cat.vocab["affiliation"]) == 10
    assert cat.vocab["affiliation"]["truong_thon"] == "Trưởng thôn/tổ trưởng TDP"
    assert list(cat.vocab["activity_type"]) == [
        "vneid",
        "online_services",
        "cashless",
        "ecommerce",
        "cybersafety",
        "other",
    ]
    assert cat.vocab["activity_type"]["vneid"] == "Cài đặt, kích hoạt VNeID"
    # The sub-rows of team.supported follow the activity types.
    assert [c.removeprefix("team.supported_") for c in TEAMS[5:]] == list(
        cat.vocab["activity_type"]
    )


def test_catalogue_is_immutable_and_hashable(cat: Catalogue) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        cat.version = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        cat.get("ind.students_pct").targets[2027] = 1  # type: ignore[index]
    with pytest.raises(TypeError):
        cat.vocab["staff_group"]["x"] = "y"  # type: ignore[index]
    assert hash(cat) == hash(load_catalogue(DEFAULT))
    assert cat == load_catalogue(DEFAULT)
    assert pickle.loads(pickle.dumps(cat)) == cat
    assert len({*cat.elements, *cat.indicators, *cat.rules}) == 51 + 19 + 13


def test_load_with_bom_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "tinh_thanh_hoa.toml"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    assert load_catalogue(path).codes() == load_catalogue(DEFAULT).codes()
    path.write_bytes(TEXT.replace("[checks]", "[checks").encode("utf-8"))
    with pytest.raises(CatalogueError) as info:
        load_catalogue(str(path))
    assert info.value.source == "tinh_thanh_hoa.toml"
    assert info.value.line == line_no(TEXT, "[checks]")


# ----------------------------------------------------------------------------- value types


def test_formula() -> None:
    formula = Formula.parse(" a.b +c_d.e+ f ")
    assert formula.codes == ("a.b", "c_d.e", "f")
    assert str(formula) == "a.b + c_d.e + f"
    assert Formula.parse(str(formula)) == formula
    for bad in ("", "   ", "a +", "+ a", "a + + b", "a * b", "a - b", "2 * a", "a b"):
        with pytest.raises(ValueError):
            Formula.parse(bad)
    with pytest.raises(ValueError):
        Formula.parse(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Formula(())


CODES = st.from_regex(r"[a-z_][a-z0-9_]{0,8}(\.[a-z0-9_]{1,8}){0,2}", fullmatch=True)


@given(st.lists(CODES, min_size=1, max_size=5), st.sampled_from(["+", " + ", "  +"]))
def test_formula_round_trip(codes: list[str], plus: str) -> None:
    formula = Formula.parse(plus.join(codes))
    assert formula.codes == tuple(codes)
    assert Formula.parse(str(formula)) == formula


def test_rule() -> None:
    left, op, right = Rule.parse_check("a + b ≤ c")
    rule = Rule("r", left, op, right, "thông báo")
    assert rule.codes == ("a", "b", "c")
    assert rule.holds(3, 3) and rule.holds(2, 3) and not rule.holds(4, 3)
    ge = Rule("r", Formula(("c",)), ">=", Formula(("a", "c")), "m")
    assert ge.codes == ("c", "a")
    assert ge.holds(3, 3) and not ge.holds(2, 3)
    assert str(ge) == "c >= a + c"
    for bad in ("a", "a < b", "a == b", "a <= b <= c", "a <=", "<= b", "a = b"):
        with pytest.raises(ValueError):
            Rule.parse_check(bad)
    with pytest.raises(ValueError):
        Rule("r", Formula(("a",)), "<", Formula(("b",)), "m")


def test_direct_construction() -> None:
    element = Element("x.a", "A", "người", "s", "sum", "entry")  # type: ignore[arg-type]
    assert element.agg is Agg.SUM and element.source is Source.ENTRY
    indicator = Indicator(
        "ind.a", "Tỷ lệ", "%", "s", Formula(("x.a",)), Formula(("x.a",)), 100, {2025: 1}
    )
    catalogue = Catalogue(
        "1", "t", (Section("s", "I", "S"),), (element,), (indicator,), (), vocab={"v": {"a": "b"}}
    )
    assert catalogue.codes() == ("x.a", "ind.a")
    assert catalogue.default_target("ind.a", 2030) == 1
    assert catalogue.checks == Checks()
    with pytest.raises(ValueError):
        Catalogue("1", "t", (Section("s", "I", "S"),), (element, element), (), ())
    with pytest.raises(ValueError):
        Catalogue("1", "t", (), (element,), (), ())


# ----------------------------------------------------------------------------- broken files


def test_toml_syntax_error() -> None:
    text = TEXT.replace('label = "Số hộ gia đình"', 'label = "Số hộ gia đình')
    err = refuse(text)
    assert err.line == line_no(TEXT, 'label = "Số hộ gia đình"')
    assert "cú pháp" in err.problem


def test_duplicate_element_code() -> None:
    text, line = edit(TEXT, "pop.students", "code", 'code = "pop.adults"')
    err = refuse(text)
    first = line_no(TEXT, 'code = "pop.adults"')
    assert err.line == line
    assert err.problem == f'mã "pop.adults" bị trùng (đã khai báo ở dòng {first})'
    assert (
        str(err)
        == f'default.toml, dòng {line}: mã "pop.adults" bị trùng (đã khai báo ở dòng {first})'
    )


def test_indicator_code_duplicating_an_element() -> None:
    text, line = edit(TEXT, "ind.smartphone_pct", "code", 'code = "infra.bts"')
    err = refuse(text)
    assert err.line == line
    assert "infra.bts" in err.problem and str(line_no(TEXT, 'code = "infra.bts"')) in err.problem


def test_duplicate_code_in_appended_block() -> None:
    extra = (
        '\n[[element]]\ncode = "tthc.digitized"\nsection = "online"\nlabel = "X"\nunit = "hồ sơ"\n'
        'agg = "sum"\nsource = "entry"\n'
    )
    text = TEXT + extra
    err = refuse(text)
    assert err.line == len(TEXT.splitlines()) + 3
    assert '"tthc.digitized"' in err.problem


@pytest.mark.parametrize(
    ("owner", "key", "new", "words"),
    [
        ("pop.adults", "agg", 'agg = "avg"', ["pop.adults", '"avg"', "sum", "last"]),
        ("infra.bts", "source", 'source = "manual"', ["infra.bts", '"manual"', "entry"]),
        ("team.count", "source", 'source = "computed"', ["team.count", '"computed"']),
        ("tthc.docs_total", "section", 'section = "dvc"', ["tthc.docs_total", '"dvc"']),
        ("ind.on_time_pct", "section", 'section = "khac"', ["ind.on_time_pct", '"khac"']),
        ("commune.villages", "description", 'required = "có"', ["commune.villages", "required"]),
        ("pop.students", "label", 'label = ""', ["pop.students", "label"]),
        ("pop.students", "unit", "unit = 5", ["pop.students", "unit"]),
        ("pop.students", "section", 'section = ["profile"]', ["pop.students", "section"]),
        ("pop.students", "code", 'code = "pop students"', ['"pop students"']),
        (
            "team.supported_cashless",
            "parent",
            'parent = "team.supportd"',
            ["team.supported_cashless", '"team.supportd"'],
        ),
        (
            "ind.online_records_pct",
            "numerator",
            'numerator = "tthc.received_onlin"',
            ["ind.online_records_pct", '"tthc.received_onlin"', "numerator"],
        ),
        (
            "ind.on_time_pct",
            "denominator",
            'denominator = "tthc.resolved_on_time + tthc.resolved_lat"',
            ["ind.on_time_pct", '"tthc.resolved_lat"', "denominator"],
        ),
        (
            "ind.students_pct",
            "numerator",
            'numerator = "ind.workers_pct"',
            ["ind.students_pct", '"ind.workers_pct"'],
        ),
        (
            "ind.workers_pct",
            "numerator",
            'numerator = "pop.workers_skilled * 2"',
            ["ind.workers_pct", "numerator"],
        ),
        ("ind.workers_pct", "denominator", 'denominator = ""', ["ind.workers_pct"]),
        ("ind.workers_pct", "factor", 'factor = "trăm"', ["ind.workers_pct", "factor"]),
        ("ind.workers_pct", "factor", "factor = 0", ["ind.workers_pct", "factor"]),
        (
            "ind.adults_confirmed_pct",
            "targets",
            'targets = { 2025 = "năm mươi", 2026 = 80 }',
            ["ind.adults_confirmed_pct", "2025", '"năm mươi"'],
        ),
        (
            "ind.adults_confirmed_pct",
            "targets",
            'targets = { "năm 2025" = 50 }',
            ["ind.adults_confirmed_pct", '"năm 2025"'],
        ),
        (
            "ind.adults_confirmed_pct",
            "targets",
            "targets = { 2025 = true }",
            ["ind.adults_confirmed_pct", "2025"],
        ),
        ("ind.adults_confirmed_pct", "targets", "targets = 50", ["ind.adults_confirmed_pct"]),
        (
            "pop.adults_le_population",
            "check",
            'check = "pop.adults pop.population"',
            ["pop.adults_le_population", "check"],
        ),
        (
            "pop.adults_le_population",
            "check",
            'check = "pop.adults < pop.population"',
            ["pop.adults_le_population", "<="],
        ),
        (
            "pop.adults_le_population",
            "check",
            'check = "pop.adults <= pop.populaton"',
            ["pop.adults_le_population", '"pop.populaton"'],
        ),
        (
            "pop.adults_le_population",
            "check",
            'check = "ind.smartphone_pct <= pop.population"',
            ["pop.adults_le_population", '"ind.smartphone_pct"'],
        ),
        ("pop.adults_le_population", "message", "message = 3", ["pop.adults_le_population"]),
        (
            "tthc.fee_paid_le_fee_records",
            "id",
            'id = "tthc.online_le_procedures"',
            ['"tthc.online_le_procedures"', "trùng"],
        ),
        ("people", "key", 'key = "profile"', ['"profile"', "trùng"]),
        ("pop.adults", "agg", "requried = false", ["pop.adults", '"requried"']),
    ],
)
def test_broken_field_names_its_line(owner: str, key: str, new: str, words: list[str]) -> None:
    text, line = edit(TEXT, owner, key, new)
    err = refuse(text)
    assert err.line == line
    for word in words:
        assert word in err.problem, (word, err.problem)


@pytest.mark.parametrize(
    ("owner", "key", "words"),
    [
        ("pop.households", "unit", ["pop.households", '"unit"']),
        ("pop.households", "agg", ["pop.households", '"agg"']),
        ("staff.total", "source", ["staff.total", '"source"']),
        ("infra.bts", "section", ["infra.bts", '"section"']),
        ("infra.bts", "label", ["infra.bts", '"label"']),
        ("pop.households", "code", ["chỉ tiêu thứ 2", '"code"']),
        ("ind.workers_pct", "numerator", ["ind.workers_pct", '"numerator"']),
        ("ind.workers_pct", "denominator", ["ind.workers_pct", '"denominator"']),
        ("pop.adults_le_population", "check", ["pop.adults_le_population", '"check"']),
        ("pop.adults_le_population", "message", ["pop.adults_le_population", '"message"']),
    ],
)
def test_missing_field_names_the_table_header(owner: str, key: str, words: list[str]) -> None:
    header = header_line(TEXT, owner)
    text, _ = edit(TEXT, owner, key, None)
    err = refuse(text)
    assert err.line == header
    assert "thiếu" in err.problem
    for word in words:
        assert word in err.problem, (word, err.problem)


# ----------------------------------------------------------------------------- small files

MINI = """\
[catalogue]
version = "t"
title = "Thử"

[[section]]
key = "s"
numeral = "I"
title = "Phần I"

[[element]]
code = "a.total"
section = "s"
label = "Tổng"
unit = "người"
agg = "last"
source = "entry"

[[element]]
code = "a.part"
section = "s"
label = "Một phần"
unit = "người"
agg = "sum"
source = "records"
parent = "a.total"

[[indicator]]
code = "ind.a"
section = "s"
label = "Tỷ lệ"
unit = "%"
numerator = "a.part"
denominator = "a.total"

[indicator.targets]
2025 = 10
2027 = 30

[[rule]]
id = "a.part_le_total"
check = "a.part <= a.total"
message = "Một phần không vượt quá tổng"
"""


def test_mini_catalogue() -> None:
    cat = parse_catalogue(MINI)
    assert cat.codes() == ("a.total", "a.part", "ind.a")
    part = cat.get("a.part")
    assert (part.parent, part.required, part.description) == ("a.total", False, "")
    indicator = cat.get("ind.a")
    assert indicator.factor == 1
    assert [cat.default_target("ind.a", y) for y in (2024, 2025, 2026, 2027, 2040)] == [
        None,
        10,
        10,
        30,
        30,
    ]
    assert cat.rules[0].message_en == ""
    assert cat.checks == Checks()
    assert dict(cat.vocab) == {}


def test_subtable_target_error_points_at_the_subtable() -> None:
    err = refuse(MINI.replace("2027 = 30", "2027 = []"), "mini.toml")
    assert err.line == line_no(MINI, "[indicator.targets]")
    assert "ind.a" in err.problem and "2027" in err.problem
    assert str(err).startswith(f"mini.toml, dòng {err.line}: ")


def test_parent_cycle() -> None:
    text = MINI.replace('source = "entry"\n', 'source = "entry"\nparent = "a.part"\n')
    err = refuse(text)
    assert err.line == line_no(text, 'parent = "a.part"')
    assert "a.total" in err.problem and "vòng lặp" in err.problem


def test_unknown_parent_may_not_be_an_indicator() -> None:
    err = refuse(MINI.replace('parent = "a.total"', 'parent = "ind.a"'))
    assert err.line == line_no(MINI, 'parent = "a.total"')
    assert '"ind.a"' in err.problem


def test_elements_may_follow_indicators_and_rules() -> None:
    start = MINI.index("[[element]]")
    end = MINI.index("[[indicator]]")
    text = MINI[:start] + MINI[end:] + "\n" + MINI[start:end]
    assert parse_catalogue(text).codes() == ("a.total", "a.part", "ind.a")


@pytest.mark.parametrize(
    ("extra", "key", "words"),
    [
        ('[checks]\noutlier_factor = "ba"\n', "outlier_factor", ["outlier_factor"]),
        ("[checks]\noutlier_window = 2.5\n", "outlier_window", ["outlier_window"]),
        ("[checks]\noutlier_factor = 1\n", "outlier_factor", ["outlier_factor"]),
        ("[checks]\noutlier_min_months = 9\n", "outlier_min_months", ["outlier_min_months"]),
        ("[checks]\nwindow = 6\n", "window", ['"window"']),
        ("[vocab.staff_group]\ncan_bo = 1\n", "[vocab.staff_group]", ["vocab.staff_group"]),
    ],
)
def test_bad_checks_and_vocab(extra: str, key: str, words: list[str]) -> None:
    text = MINI + "\n" + extra
    err = refuse(text)
    assert err.line == line_no(text, key, after=len(MINI.splitlines()))
    for word in words:
        assert word in err.problem


def test_file_level_problems() -> None:
    assert (
        refuse(MINI + "\n[[elements]]\ncode = 1\n").problem == 'bảng "elements" không được hỗ trợ'
    )
    no_elements = MINI[: MINI.index("[[element]]")]
    assert "chỉ tiêu" in refuse(no_elements).problem
    err = refuse(MINI.replace('version = "t"\n', ""))
    assert err.line == 1 and "version" in err.problem
    err = refuse(MINI.replace("[[section]]", "[section]"))
    assert err.line == line_no(MINI, "[[section]]") and "[[section]]" in err.problem
    err = refuse(MINI + 'x = "')
    assert err.line == len(MINI.splitlines()) + 1 and "cú pháp" in err.problem
    err = refuse("")
    assert err.line is None and str(err) == f"default.toml: {err.problem}"


def test_undeclared_section() -> None:
    text = MINI.replace('section = "s"\nlabel = "Tỷ lệ"', 'section = "t"\nlabel = "Tỷ lệ"')
    err = refuse(text)
    assert err.line == line_no(text, 'section = "t"')
    assert '"t"' in err.problem and "ind.a" in err.problem


def test_the_default_charts_name_catalogue_figures(cat: Catalogue) -> None:
    charts = cat.charts
    assert all(code in cat for code in charts.codes())
    assert charts.online == "ind.online_records_pct"
    assert charts.coverage == (
        "infra.villages_mobile",
        "infra.villages_fiber",
        "team.villages_covered",
    )
    assert "ind.members_per_100" not in charts.indicators  # per 100 people, not a percentage
    assert cat.short_label("tthc.received_online") == "Trực tuyến"
    assert cat.short_label("pop.population") == cat.get("pop.population").label


def test_charts_default_to_every_percentage_indicator() -> None:
    charts = parse_catalogue(MINI).charts
    assert charts.indicators == ("ind.a",)
    assert (charts.online, charts.support, charts.training_total) == (None, (), None)


def test_charts_are_read_from_the_catalogue() -> None:
    text = MINI + '\n[charts]\nindicators = []\ncoverage_total = "a.total"\ncoverage = ["a.part"]\n'
    charts = parse_catalogue(text).charts
    assert (charts.indicators, charts.coverage_total, charts.coverage) == (
        (),
        "a.total",
        ("a.part",),
    )


@pytest.mark.parametrize(
    ("extra", "key", "words"),
    [
        ('[charts]\ncoverage = ["a.nothing"]\n', "coverage", ['"a.nothing"', "coverage"]),
        ('[charts]\nindicators = ["a.part"]\n', "indicators", ['"a.part"', "chỉ số"]),
        ('[charts]\nonline = "a.total"\n', "online", ['"a.total"', "chỉ số"]),
        ('[charts]\ncoverage_total = ["a.total"]\n', "coverage_total", ["một mã"]),
        ('[charts]\ntraining = "a.part"\n', "training", ["danh sách"]),
        ('[charts]\npie = ["a.part"]\n', "pie", ['"pie"']),
    ],
)
def test_bad_charts(extra: str, key: str, words: list[str]) -> None:
    text = MINI + "\n" + extra
    err = refuse(text)
    assert err.line == line_no(text, key, after=len(MINI.splitlines()))
    for word in words:
        assert word in err.problem


def test_a_short_label_must_be_text() -> None:
    err = refuse(MINI.replace('label = "Tỷ lệ"\n', 'label = "Tỷ lệ"\nshort_label = ""\n'))
    assert "short_label" in err.problem
