"""The one text rule, matching, search folding and Vietnamese sort order."""

import unicodedata

import pytest

from commune_desk.domain.text import clean, fold, match_key, sort_key


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_clean_composes_trims_and_collapses_spaces():
    assert nfd("Nguyễn Thị Hà") != "Nguyễn Thị Hà"
    assert clean(nfd("  Nguyễn\u00a0 Thị\tHà ")) == "Nguyễn Thị Hà"
    assert unicodedata.is_normalized("NFC", clean(nfd("Đặng Văn Khánh")))
    assert clean("") == ""


@pytest.mark.parametrize(
    "other", ["BÙI QUANG HUY", "Bùi  Quang Huy", " bùi quang huy ", nfd("Bùi Quang Huy")]
)
def test_match_key_ignores_case_spaces_and_composition(other):
    assert match_key(other) == match_key("Bùi Quang Huy")


def test_match_key_keeps_diacritics_apart():
    assert match_key("Hà") != match_key("Hạ")


@pytest.mark.parametrize("typed", ["khanh", "Khanh", "khánh", "KHÁNH", nfd("khánh")])
def test_fold_finds_khanh_whatever_the_accents(typed):
    assert fold(typed) in fold("Đặng Văn Khánh")


def test_fold_reads_d_for_dj():
    assert fold("Đặng") == "dang"
    assert "d" in fold("Đ")


def test_sort_follows_the_vietnamese_alphabet():
    names = ["Vũ", "Đặng", "Dương", "Ánh", "Ăn", "Âu", "Bình", "Ơn", "Ông", "Ưng", "Uyên", "An"]
    ordered = sorted(names, key=sort_key)
    assert ordered == [
        "An",
        "Ánh",
        "Ăn",
        "Âu",
        "Bình",
        "Dương",
        "Đặng",
        "Ông",
        "Ơn",
        "Uyên",
        "Ưng",
        "Vũ",
    ]


def test_tones_order_after_letters():
    words = ["mạ", "má", "mã", "mả", "mà", "ma", "mai"]
    assert sorted(words, key=sort_key) == ["ma", "mà", "mả", "mã", "má", "mạ", "mai"]


def test_sort_key_is_plain_ascii_and_shorter_words_first():
    key = sort_key("Nguyễn Văn A")
    assert key.isascii() and key.isalpha() and key == key.lower()
    assert sort_key("Nguyễn Văn A") < sort_key("Nguyễn Văn An")
    assert sort_key("nguyễn") < sort_key("Nguyễn") < sort_key("nguyên a")
    assert sort_key(nfd("Đặng")) == sort_key("Đặng")
    assert sort_key("") == "" and sort_key(None) == ""


def test_comments_keep_their_lines():
    from commune_desk.domain.text import clean_lines

    assert clean_lines(nfd(" Số  liệu của\r\n\r\n  thôn Đông ")) == "Số liệu của\nthôn Đông"


def test_slug_makes_a_file_name_part_of_a_label():
    from commune_desk.domain.text import slug

    assert slug("Tỷ lệ người trưởng thành được xác thực (%)") == (
        "ty-le-nguoi-truong-thanh-duoc-xac-thuc"
    )
    assert slug("Đường  dây") == "duong-day"
