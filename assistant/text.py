"""Chinese text primitives, in one place: every other module imports these.

Counting 汉字, splitting sentences, Chinese numerals, full/half-width folding and atomic
file writes. Two counters with different Unicode ranges would make budgets and scores
disagree silently, so there is exactly one of each here.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

# -- 汉字 --------------------------------------------------------------------------------

_HAN_RANGES = (
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0x3400, 0x4DBF),  # Extension A
    (0xF900, 0xFAFF),  # Compatibility Ideographs
    (0x20000, 0x323AF),  # Extensions B–H
)
# A run of 汉字 (for tokenising within words, never across punctuation), same ranges.
HAN_RUN = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _HAN_RANGES) + "]+")


_HAN_CLASS = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _HAN_RANGES)
_HAN = re.compile(f"[{_HAN_CLASS}]")
_NOT_HAN_OR_ALNUM = re.compile(
    f"[^{_HAN_CLASS}0-9A-Za-z\u00c0-\u024f\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]"
)


def is_hanzi(ch: str) -> bool:
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _HAN_RANGES)


def han_count(text: str) -> int:
    """Number of 汉字 in `text`; punctuation, digits and Latin letters do not count."""
    return len(_HAN.findall(text))


def han_only(text: str) -> str:
    """The text's 汉字, digits and Latin letters (ASCII, full-width, Latin-1/Extended);
    punctuation, spaces and everything else removed (for matching)."""
    return _NOT_HAN_OR_ALNUM.sub("", text)


def bigrams(text: str) -> set[str]:
    h = han_only(text)
    return {h[i : i + 2] for i in range(len(h) - 1)}


def overlap(a: str, b: str) -> float:
    """Share of `a`'s character bigrams that `b` also has (0 when `a` has none)."""
    ga = bigrams(a)
    return len(ga & bigrams(b)) / len(ga) if ga else 0.0


# -- width -------------------------------------------------------------------------------

_FULL_TO_HALF = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULL_TO_HALF.update({0x3000: 0x20, 0xFF61: ord("。"), 0xFF64: ord("、")})
_FULL_TO_HALF.update({0xFF62: ord("「"), 0xFF63: ord("」")})
# Sentence punctuation is then written in its Chinese (full-width) form, digits and
# letters in ASCII: one canonical text whichever twin the writer typed.
_TO_CJK = str.maketrans(
    {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
)
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_HALF_TO_FULL = str.maketrans(",:;!?()", "，：；！？（）")


def normalize(text: str) -> str:
    """Full-width letters and digits to ASCII, sentence punctuation to its Chinese form,
    thousands separators dropped, line ends unified. Not length-preserving."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_FULL_TO_HALF)
    text = _THOUSANDS.sub("", text)
    return text.translate(_TO_CJK)


# ASCII sentence punctuation touching a 汉字 (不动摇,始终坚守): the model's slip, never a
# writer's; between digits (1,000) or Latin letters it is left alone.
_ASCII_BY_HAN = re.compile(
    r"(?<=[\u4e00-\u9fff”》）])[,;:!?](?!\d)|[,;:!?](?=[\u4e00-\u9fff“《（])"
)


def ascii_punct_by_han(text: str) -> list[str]:
    """Each ASCII ,;:!? that touches a 汉字, with a little of its context."""
    return [text[max(0, m.start() - 6) : m.end() + 6] for m in _ASCII_BY_HAN.finditer(text)]


def full_width_by_han(text: str) -> str:
    """ASCII ,;:!? that touch a 汉字 written in their Chinese form."""
    return _ASCII_BY_HAN.sub(lambda m: m.group().translate(_TO_CJK), text)


def normalise_punct(text: str) -> str:
    """Same length as `text`: half-width punctuation mapped to full-width."""
    return text.translate(_HALF_TO_FULL)


QUOTES = "“”‘’「」『』\"'"
_QUOTE_TABLE = str.maketrans("", "", QUOTES)


def unquote(text: str) -> str:
    """The text with quotation marks removed (为“十四五”开好局 → 为十四五开好局)."""
    return text.translate(_QUOTE_TABLE)


# -- sentences ---------------------------------------------------------------------------

SENT_END = "。！？"
CLOSERS = "”’」』）》\"'"
# A sentence: up to and including 。！？； and any closing quotes after it.
_SENTENCE = re.compile(r"[^。！？；\n]+(?:[。！？；]+[”’」』]*)?")


def sentences(text: str) -> list[str]:
    """Sentences (and clauses ending in ；) in order, stripped, punctuation kept."""
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


_PIECE = re.compile(r"[^。！？；]+(?:[。！？；]+[”’」』]*)?")


def sentence_pieces(text: str) -> list[str]:
    """Sentences of one paragraph with nothing stripped: joining them gives the text back."""
    return _PIECE.findall(text)


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()]


def sentence_key(sentence: str) -> str:
    """What two sentences must share to be the same sentence: their 汉字 and digits."""
    return han_only(sentence)


def short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


# -- numerals ----------------------------------------------------------------------------

_CN_DIGITS = "零一二三四五六七八九"
_CN_VALUES = {ch: i for i, ch in enumerate(_CN_DIGITS)} | {"两": 2, "〇": 0}


# -- place names ----------------------------------------------------------------------------

PLACE_UNIT = re.compile(r"(?:街道|[省市县区镇乡村])$")


def place_unit(name: str) -> str:
    """The unit a place name ends with (丰源县: 县, 枫林街道: 街道), '' for none."""
    m = PLACE_UNIT.search(name)
    return m.group() if m else ""


def place_stem(name: str) -> str:
    """A place name without its unit, as a speech calls it (丰源县: 丰源, 枫林街道: 枫林); the
    whole name where one 字 would be left (沙镇 stays)."""
    stem = PLACE_UNIT.sub("", name)
    return stem if len(stem) >= 2 else name


# -- figures --------------------------------------------------------------------------------

_YEAR = re.compile(r"(?:19|20)\d\d年")


def fact_figures(fact: str) -> list[str]:
    """The figures of a brief fact, its years aside (a speech may say 去年 for 2025年)."""
    return re.findall(r"\d+(?:\.\d+)?", _YEAR.sub("", fact))


def has_figure(text: str, figure: str) -> bool:
    """`figure` stands whole in `text`: 18 is not written by 2018年, nor 1.2 by 11.25万."""
    return re.search(rf"(?<![\d.]){re.escape(figure)}(?![\d.]|\d)", text) is not None


def chinese_number(n: int) -> str:
    """1..99 as written in session names and ordinals: 五, 十七, 二十."""
    if not 0 < n < 100:
        raise ValueError(f"out of range: {n}")
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _CN_DIGITS[ones]
    head = "" if tens == 1 else _CN_DIGITS[tens]
    return head + "十" + (_CN_DIGITS[ones] if ones else "")


def chinese_count(n: int) -> str:
    """A count as a speech says it: 两点意见, not 二点 (石桥 2016); 三点, 十二个 otherwise."""
    return "两" if n == 2 else chinese_number(n)


def chinese_numeral(s: str) -> int | None:
    """一..九十九 back to an int; None when `s` is not such a numeral."""
    if not s:
        return None
    if "十" in s:
        head, _, tail = s.partition("十")
        if len(head) > 1 or len(tail) > 1:
            return None
        tens = _CN_VALUES.get(head, None) if head else 1
        ones = _CN_VALUES.get(tail, None) if tail else 0
        if tens is None or ones is None or tens < 1:
            return None
        return tens * 10 + ones
    if len(s) == 1 and s in _CN_VALUES and _CN_VALUES[s] > 0:
        return _CN_VALUES[s]
    return None


# -- files -------------------------------------------------------------------------------


def atomic_write(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write via a temp file in the same directory and rename: readers never see half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
