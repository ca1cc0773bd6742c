"""Vietnamese typed in the old 8-bit fonts, read back as Unicode (NFC).

Before Unicode, offices typed Vietnamese with TCVN3 (ABC) fonts (`.VnTime`, `.VnArial`…; the
`…H` fonts show the same codes as capitals) or VNI-Windows fonts (`VNI-Times`…). Saved in a
modern workbook, such a cell holds the font's codes as Latin-1 characters: "NguyÔn V¨n A"
(TCVN3) or "Nguyeãn Vaên B" (VNI). These tables turn them back into letters.

`plausible` says whether a text reads as Vietnamese (every word a Vietnamese syllable with at
most one tone), which is how a conversion is judged certain: converted only when exactly one
reading is plausible, and named to the user otherwise, never stored as garbage.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum


class Legacy(StrEnum):
    TCVN3 = "TCVN3 (ABC)"
    VNI = "VNI-Windows"


# -- the letters of Vietnamese ------------------------------------------------------------------

_TONE_MARKS = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # sắc huyền hỏi ngã nặng
_VOWELS = "aăâeêioôơuưy"


def _toned(vowel: str, tone: int) -> str:
    """`vowel` with tone 0 (none) … 5 (nặng), precomposed."""
    if tone == 0:
        return vowel
    return unicodedata.normalize("NFC", vowel + _TONE_MARKS[tone - 1])


_VIETNAMESE_LETTERS = frozenset(
    "abcdefghijklmnopqrstuvwxyzđ"
    + "".join(_toned(v, t) for v in _VOWELS for t in range(6))
    + "ABCDEFGHIJKLMNOPQRSTUVWXYZĐ"
    + "".join(_toned(v, t).upper() for v in _VOWELS for t in range(6))
)
# Punctuation a Vietnamese text may carry beyond ASCII.
_PUNCTUATION = frozenset("«»“”‘’–—…°•№\u00a0")

# -- TCVN3 (ABC): one code per letter; the fonts have no toned capitals ----------------------------

_TCVN3_SPECIAL = dict(zip("¡¢£¤¥¦§¨©ª«¬\u00ad®", "ĂÂÊÔƠƯĐăâêôơưđ", strict=True))
# Per vowel, the codes of its five toned forms in the order sắc, huyền, hỏi, ngã, nặng.
_TCVN3_TONED = {
    "a": "¸µ¶·¹",
    "ă": "¾»¼½Æ",
    "â": "ÊÇÈÉË",
    "e": "ÐÌÎÏÑ",
    "ê": "ÕÒÓÔÖ",
    "i": "Ý×ØÜÞ",
    "o": "ãßáâä",
    "ô": "èåæçé",
    "ơ": "íêëìî",
    "u": "óïñòô",
    "ư": "øõö÷ù",
    "y": "ýúûüþ",
}
TCVN3: dict[str, str] = dict(_TCVN3_SPECIAL)
for _vowel, _codes in _TCVN3_TONED.items():
    for _tone, _code in enumerate(_codes, start=1):
        TCVN3[_code] = _toned(_vowel, _tone)

# -- VNI-Windows: a base letter followed by mark codes ---------------------------------------

_VNI_TONES = {"ù": 1, "ø": 2, "û": 3, "õ": 4, "ï": 5}
_VNI_CIRCUMFLEX = {"â": 0, "á": 1, "à": 2, "å": 3, "ã": 4, "ä": 5}  # â ê ô, with a tone
_VNI_BREVE = {"ê": 0, "é": 1, "è": 2, "ú": 3, "ü": 4, "ë": 5}  # ă, with a tone
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ"}  # letters of one code
# i and y's dot below have codes of their own.
_VNI_I = {"í": 1, "ì": 2, "æ": 3, "ó": 4, "ò": 5}


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for lower in (False, True):

        def case(text: str, lower: bool = lower) -> str:
            return text if lower else text.upper()

        for base in "aeouy":
            for mark, tone in _VNI_TONES.items():
                table[case(base) + case(mark)] = case(_toned(base, tone))
        for base, letter in (("a", "â"), ("e", "ê"), ("o", "ô")):
            for mark, tone in _VNI_CIRCUMFLEX.items():
                table[case(base) + case(mark)] = case(_toned(letter, tone))
        for mark, tone in _VNI_BREVE.items():
            table[case("a") + case(mark)] = case(_toned("ă", tone))
        for code, letter in _VNI_SINGLE.items():
            for mark, tone in _VNI_TONES.items():
                if letter != "đ":
                    table[case(code) + case(mark)] = case(_toned(letter, tone))
            table[case(code)] = case(letter)
        for code, tone in _VNI_I.items():
            table[case(code)] = case(_toned("i", tone))
        table[case("î")] = case(_toned("y", 5))
    return table


VNI = _vni_table()
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, VNI), key=len, reverse=True)))

# -- judging a text --------------------------------------------------------------------------

_INITIAL = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx]"
_NUCLEUS = (
    "iêu|yêu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|uya|uyê|uyu|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|uy|"
    "ưa|ưi|ươ|ưu|yê|[aăâeêioôơuưy]"
)
_SYLLABLE = re.compile(f"^(?:{_INITIAL})?(?:{_NUCLEUS})(?:ch|ng|nh|[cmnpt])?$")
_WORD = re.compile(r"[^\W\d_]+")


def _bare(word: str) -> tuple[str, int]:
    """The word in lower case without tones, and how many tone marks it carries."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(decomposed.count(mark) for mark in _TONE_MARKS)
    for mark in _TONE_MARKS:
        decomposed = decomposed.replace(mark, "")
    return unicodedata.normalize("NFC", decomposed), tones


def _plausible_word(word: str) -> bool:
    if word.isascii():
        return True  # names, codes, English words: nothing to judge
    if any(c not in _VIETNAMESE_LETTERS for c in word):
        return False
    if not (word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())):
        return False  # "NguyÔn": a capital inside a word is a font code
    bare, tones = _bare(word)
    if bare == "đ":
        return True  # an initial: "Nguyễn Đ. Anh"
    return tones <= 1 and _SYLLABLE.match(bare) is not None


def plausible(text: str) -> bool:
    """Whether `text` reads as Vietnamese in Unicode (or holds no Vietnamese at all)."""
    if text.isascii():
        return True
    for char in text:
        if char.isascii() or char in _VIETNAMESE_LETTERS or char in _PUNCTUATION:
            continue
        if char.isalpha() or unicodedata.category(char)[0] in "LS" or char == "\u00ad":
            return False
    return all(_plausible_word(w) for w in _WORD.findall(text))


_VNI_PAIR = re.compile("[aeouyôöAEOUYÔÖ][ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË]")
_INNER_CAPITAL = re.compile(r"[^\W\d_][^\W\d_]*[a-zđ][^\W\d_]*[À-ÖØ-Þ]")


def looks_legacy(text: str) -> bool:
    """Signs of an 8-bit font's codes: a Latin-1 sign no Vietnamese letter is, a vowel
    followed by a VNI mark code, or a capital inside a lower-case word."""
    for char in text:
        latin1 = 0x80 <= ord(char) < 0x100
        if latin1 and char not in _VIETNAMESE_LETTERS and char not in _PUNCTUATION:
            return True
    return bool(_VNI_PAIR.search(text) or _INNER_CAPITAL.search(text))


def convert(text: str, encoding: Legacy, capitals: bool = False) -> str:
    """`text` read as `encoding`, in Unicode NFC (`capitals`: a TCVN3 `…H` font)."""
    if encoding is Legacy.TCVN3:
        result = "".join(TCVN3.get(c, c) for c in text)
    else:
        result = _VNI_PATTERN.sub(lambda m: VNI[m.group(0)], text)
    result = unicodedata.normalize("NFC", result)
    return result.upper() if capitals else result


def font_encoding(font_name: str | None) -> tuple[Legacy | None, bool]:
    """The legacy encoding a font name stands for, and whether it shows capitals."""
    name = (font_name or "").strip()
    if name.lower().startswith(".vn"):
        return Legacy.TCVN3, name.endswith("H")
    if name.upper().startswith("VNI-") or name.upper().startswith("VNI "):
        return Legacy.VNI, False
    return None, False


class Unconvertible(ValueError):
    """Text that looks like an old encoding but reads as neither with certainty."""


def read_legacy(text: str, font_name: str | None = None) -> tuple[str, Legacy | None]:
    """(`text` in Unicode, the encoding it was converted from or None).

    A cell in a `.Vn…` or `VNI-…` font is read in that font's encoding (unless it already
    holds letters no 8-bit font has: then someone typed Unicode into it). Otherwise a text
    that does not read as Vietnamese but bears an old font's signs is tried in both
    encodings, and converted when exactly one reading does. Raises Unconvertible when none
    does; a foreign word without those signs ("José") is left as it is.
    """
    if text.isascii():
        return text, None
    encoding, capitals = font_encoding(font_name)
    if encoding is not None and all(ord(c) < 0x100 for c in text):
        result = convert(text, encoding, capitals)
        if plausible(result):
            return result, encoding
        raise Unconvertible(text)
    if plausible(text) or not looks_legacy(text):
        return text, None
    readings = {
        candidate: convert(text, candidate)
        for candidate in Legacy
        if plausible(convert(text, candidate))
    }
    if len(set(readings.values())) == 1:
        (candidate, result), *_ = readings.items()
        return result, candidate
    raise Unconvertible(text)
