"""One text rule for every entrance, and the keys that match, search and sort Vietnamese.

- `clean`: what is stored — Unicode NFC (some typing tools and macOS give decomposed letters),
  trimmed, inner runs of spaces collapsed to one.
- `match_key`: what makes two names or codes the same record — `clean`, then case folded
  ("BÙI  QUANG HUY" is "Bùi Quang Huy").
- `fold`: what a search compares — `match_key` without diacritics, đ as d ("khanh" finds
  "Khánh", "d" finds "Đặng").
- `sort_key`: Vietnamese dictionary order (a ă â b c d đ e ê …, then the tones ngang, huyền,
  hỏi, ngã, sắc, nặng, then case) as plain lowercase ASCII, so any database orders it the same.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\ufeff]")  # zero-width characters, byte-order marks

# Combining marks that make a letter of its own in the Vietnamese alphabet (ă â ê ô ơ ư).
_BREVE, _CIRCUMFLEX, _HORN = "\u0306", "\u0302", "\u031b"
# The five tone marks, in dictionary order after the level tone (ngang).
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_ALPHABET = (
    "a",
    "a" + _BREVE,
    "a" + _CIRCUMFLEX,
    "b",
    "c",
    "d",
    "đ",
    "e",
    "e" + _CIRCUMFLEX,
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "o" + _CIRCUMFLEX,
    "o" + _HORN,
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "u" + _HORN,
    "v",
    "w",
    "x",
    "y",
    "z",
)
_SPACE_RANK, _DIGIT_RANK = 1, 10  # before digits, digits before letters
_LETTER_RANK = {letter: 30 + i for i, letter in enumerate(_ALPHABET)}
_OTHER_RANK = 100
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def clean(text: str) -> str:
    """NFC, trimmed, inner spaces collapsed: how every text is stored."""
    if not text:
        return ""
    if not text.isascii():
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        if _INVISIBLE.search(text):
            text = _INVISIBLE.sub("", text)
    # split() takes every Unicode space (no-break space included) and drops the ends.
    return " ".join(text.split())


def clean_lines(text: str) -> str:
    """`clean` for each line of a text where line breaks mean something (comments)."""
    lines = (clean(line) for line in (text or "").splitlines())
    return "\n".join(line for line in lines if line)


def match_key(text: str | None) -> str:
    """Two texts with the same key name the same person, place or code."""
    return clean(text or "").casefold()


@lru_cache(maxsize=65_536)  # lists repeat their names and notes
def fold(text: str) -> str:
    """The text a search compares: no case, no diacritics, đ as d."""
    decomposed = unicodedata.normalize("NFD", match_key(text))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.replace("đ", "d")


def slug(text: str, limit: int = 60) -> str:
    """A file-name part from a label: "Tỷ lệ người lớn" -> "ty-le-nguoi-lon"."""
    words = re.findall(r"[a-z0-9]+", fold(text))
    return "-".join(words)[:limit].strip("-")


def _token(rank: int) -> str:
    # Two lowercase letters per rank: byte order and every locale's order agree on them.
    return _LETTERS[rank // 26] + _LETTERS[rank % 26]


def _letters(text: str) -> list[tuple[str, int, bool]]:
    """(base letter with its own-letter mark, tone, is upper case) per letter of `text`."""
    result: list[tuple[str, int, bool]] = []
    for char in clean(text):
        parts = unicodedata.normalize("NFD", char)
        base, marks = parts[0], parts[1:]
        upper = base != base.lower() or char == "Đ"
        letter = "đ" if base in "đĐ" else base.lower()
        tone = 0
        for mark in marks:
            if mark in (_BREVE, _CIRCUMFLEX, _HORN):
                letter += mark
            elif mark in _TONES:
                tone = _TONES[mark]
        result.append((letter, tone, upper))
    return result


def _rank(letter: str) -> int:
    if letter in _LETTER_RANK:
        return _LETTER_RANK[letter]
    if letter == " ":
        return _SPACE_RANK
    if letter.isdigit() and letter.isascii():
        return _DIGIT_RANK + int(letter)
    return _OTHER_RANK + min(ord(letter[0]), 500)


@lru_cache(maxsize=65_536)
def sort_key(text: str | None) -> str:
    """Vietnamese dictionary order as ASCII: letters, then tones, then case."""
    if not text:
        return ""
    letters = _letters(text)
    primary = "".join(_token(_rank(letter)) for letter, _, _ in letters)
    tones = "".join(_LETTERS[tone] for _, tone, _ in letters)
    cases = "".join("b" if upper else "a" for _, _, upper in letters)
    return f"{primary}aa{tones}a{cases}"
