"""TCVN3 and VNI-Windows text read back as Unicode, checked on words everyone knows."""

import unicodedata

import pytest

from commune_desk.domain.legacy_text import (
    TCVN3,
    VNI,
    Legacy,
    Unconvertible,
    convert,
    font_encoding,
    plausible,
    read_legacy,
)

TCVN3_WORDS = [
    ("NguyÔn V¨n A", "Nguyễn Văn A"),
    ("Hµ Néi", "Hà Nội"),
    ("§µ N½ng", "Đà Nẵng"),
    ("Th¸i B×nh", "Thái Bình"),
    ("Hå ChÝ Minh", "Hồ Chí Minh"),
    ("TiÕng ViÖt", "Tiếng Việt"),
    ("Tr­êng", "Trường"),
    ("Nh÷ng ng­êi", "Những người"),
    ("§Æng ThÞ Hång", "Đặng Thị Hồng"),
    ("Uû ban nh©n d©n x·", "Uỷ ban nhân dân xã"),
    ("B×nh d©n häc vô sè", "Bình dân học vụ số"),
    ("Chuyển", "Chuyển"),
    ("Thanh Hãa", "Thanh Hóa"),  # reads as letters too: known by its font, see below
]
VNI_WORDS = [
    ("Nguyeãn Vaên B", "Nguyễn Văn B"),
    ("Haø Noäi", "Hà Nội"),
    ("Vieät Nam", "Việt Nam"),
    ("Ñaø Naüng", "Đà Nẵng"),
    ("Thaønh phoá Hoà Chí Minh", "Thành phố Hồ Chí Minh"),
    ("Tröôøng", "Trường"),
    ("Ñaëng Thò Hoàng", "Đặng Thị Hồng"),
    ("Bình daân hoïc vuï soá", "Bình dân học vụ số"),
    ("Thanh Hoùa", "Thanh Hóa"),
    ("Hyû voïng", "Hỷ vọng"),
]


@pytest.mark.parametrize(("legacy", "unicode"), TCVN3_WORDS)
def test_tcvn3_known_words(legacy, unicode):
    assert convert(legacy, Legacy.TCVN3) == unicode


@pytest.mark.parametrize(("legacy", "unicode"), VNI_WORDS)
def test_vni_known_words(legacy, unicode):
    assert convert(legacy, Legacy.VNI) == unicode


@pytest.mark.parametrize(("legacy", "unicode"), TCVN3_WORDS[:-2] + VNI_WORDS)
def test_recognised_by_the_characters_alone(legacy, unicode):
    text, encoding = read_legacy(legacy)
    assert text == unicode
    assert encoding is not None
    assert unicodedata.is_normalized("NFC", text)


def test_every_table_gives_composed_vietnamese_letters():
    for letter in [*TCVN3.values(), *VNI.values()]:
        assert len(letter) == 1 and plausible(letter), letter
    assert len(set(TCVN3.values())) == len(TCVN3)
    assert len(VNI) == 2 * (5 * 5 + 3 * 6 + 6 + 2 * 5 + 3 + 5 + 1)
    # ỵ has its own code, and some keyboards wrote y with the dot-below code as well.
    assert len(set(VNI.values())) == len(VNI) - 2
    assert VNI["î"] == VNI["yï"] == "ỵ"


def test_fonts_name_their_encoding():
    assert font_encoding(".VnTime") == (Legacy.TCVN3, False)
    assert font_encoding(".VnTimeH") == (Legacy.TCVN3, True)
    assert font_encoding("VNI-Times") == (Legacy.VNI, False)
    assert font_encoding("Times New Roman") == (None, False)


def test_the_font_decides_when_the_characters_could_be_letters():
    assert read_legacy("Thanh Hãa") == ("Thanh Hãa", None)
    assert read_legacy("Thanh Hãa", ".VnTime") == ("Thanh Hóa", Legacy.TCVN3)


def test_capital_font_gives_capitals():
    assert read_legacy("nguyÔn v¨n a", ".VnTimeH") == ("NGUYỄN VĂN A", Legacy.TCVN3)


def test_a_legacy_font_holding_unicode_is_left_alone():
    assert read_legacy("Nguyễn Văn A", ".VnTime") == ("Nguyễn Văn A", None)


@pytest.mark.parametrize(
    "text", ["Nguyễn Văn A", "Hoà", "Thuỷ", "«Nữ»", "José", "khuỷu tay", "Quyết, giữa, xoong"]
)
def test_unicode_and_foreign_words_stay_as_they_are(text):
    assert read_legacy(text) == (text, None)


@pytest.mark.parametrize("text", ["Phạm Thị Ñ¨©", "Müller"])
def test_what_looks_legacy_but_reads_as_nothing_is_refused(text):
    with pytest.raises(Unconvertible):
        read_legacy(text)
