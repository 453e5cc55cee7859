"""Paragraphs and sentence spans of Chinese official text (汉字 counts: `assistant.text`).

Shared by the structure parser, the store's chunker and the drafting code. Web copies of
speeches sometimes put a whole speech on one line with paragraphs joined by single
spaces (seed 001); `split_paragraphs` cuts there as well as at line breaks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.text import CLOSERS, bigrams, han_only, overlap
from assistant.text import SENT_END as _SENT_END

# Cutting paragraphs and sentence spans, an ellipsis ends a sentence too.
SENT_END = _SENT_END + "…"

WS = " \t\u3000\u00a0"
# A space ends a paragraph when the text before it ends a sentence, or when the piece
# before it is short with no sentence end and no comma (title lines like
# "踔厉奋发谋发展 砥砺前行谱新章"); a stray space inside a sentence stays.
_SHORT_PIECE = 30
# …or when the piece before is a point's headline line ("第二，要坚持依法治镇，…发展环境").
HEADING_START = re.compile(
    r"^\d?(?:[一二三四五六七八九十]{1,3}[、是要]|第[一二三四五六七八九十]{1,3}[，、,]"
    r"|[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[．.、])"
)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty paragraph, whitespace excluded."""
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\r\n]+", text):
        line_start = m.start()
        line = m.group()
        piece_start: int | None = None
        i = 0
        while i < len(line):
            ch = line[i]
            if ch in WS:
                j = i
                while j < len(line) and line[j] in WS:
                    j += 1
                if piece_start is not None and j < len(line):
                    piece = line[piece_start:i]
                    prev = piece[-1]
                    ends_sentence = (
                        prev in SENT_END + "!?：:"
                        or (prev in CLOSERS and len(piece) > 1 and piece[-2] in SENT_END + "!?")
                        # a half-width full stop after 汉字 ("履职答卷.") ends a sentence too
                        or (prev == "." and len(piece) > 1 and not piece[-2].isascii())
                    )
                    no_end = not any(c in piece for c in "。！？!?")
                    short = (
                        len(piece) <= _SHORT_PIECE
                        and no_end
                        and not any(c in piece for c in "，,；;")
                    )
                    heading = no_end and HEADING_START.match(piece) is not None
                    # a re-address opens a paragraph ("… 各位代表、同志们，…")
                    readdress = VOCATIVE.match(line[j : j + 8]) is not None
                    if ends_sentence or short or heading or readdress:
                        spans.append((line_start + piece_start, line_start + i))
                        piece_start = None
                i = j
                continue
            if piece_start is None:
                piece_start = i
            i += 1
        if piece_start is not None:
            end = len(line)
            while end > piece_start and line[end - 1] in WS:
                end -= 1
            spans.append((line_start + piece_start, line_start + end))
    return spans


def split_paragraphs(text: str) -> list[str]:
    """Non-empty paragraphs: split at line breaks and at spaces that join paragraphs."""
    return [text[a:b] for a, b in paragraph_spans(text)]


def sentence_spans(ntext: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of ntext[start:end], covering it exactly (closing quotes stay attached)."""
    spans: list[tuple[int, int]] = []
    i = start
    s = start
    while i < end:
        if ntext[i] in SENT_END:
            j = i + 1
            while j < end and (ntext[j] in SENT_END or ntext[j] in CLOSERS):
                j += 1
            spans.append((s, j))
            s = i = j
            continue
        i += 1
    if s < end:
        spans.append((s, end))
    return spans


# A speaker's address to the audience (称谓 or a later re-address).
VOCATIVE = re.compile(
    r"^(?:各位代表|各位委员|各位领导|各位来宾|同志们|代表们|朋友们)"
    r"(?:[、，和\s]*(?:各位代表|各位委员|同志们|朋友们|各位来宾))*"
)
VOCATIVE_ONLY = re.compile(VOCATIVE.pattern + r"[：！，。]?\s*$")


# -- headlines ------------------------------------------------------------------------------

# The verbs a theme or a headline opens on (贯彻…, 依法做好…, 优化营商环境, 因地制宜发展…):
# a theme that opens on one is a requirement as it stands (drafting's theme_headline), and
# the term a theme names is what follows them (usage's theme_terms).
THEME_VERBS = (
    "要|坚持|坚定|贯彻|学习|运用|落实|推进|推动|加强|加快|深化|做好|抓好|依法|提高|提升|发挥|"
    "强化|完善|健全|建设|打造|发展|保障|改善|维护|守牢|巩固|拓展|促进|聚焦|围绕|扎实|全面|持续|"
    "继续|着力|切实|大力|积极|认真|严肃|严格|不断|统筹|优化|增强|办好|用好|营造|服务|支持|实施|"
    "因地制宜|确保|做到|努力|进一步|深入"
)

# A headline's first clause without the verbs of resolve that open many (要坚持…, 进一步…);
# 坚持和完善… keeps its 坚持.
_RESOLVE = re.compile(r"^(?:要|坚持(?!和)|进一步|切实|着力|全力|始终|不断|大力|持续|更加)+")


def headline_core(headline: str) -> str:
    """What a headline (or a theme) is about: its first clause's 汉字 without its marker
    and the verbs of resolve (要坚持全面深化改革，… → 全面深化改革)."""
    first = re.split(r"[，；。：！]", HEADING_START.sub("", headline.strip()))[0]
    return _RESOLVE.sub("", han_only(first))


def overlapping_headlines(headlines: Sequence[str]) -> list[tuple[int, int, str]]:
    """(i, j, core): headline j opens on what headline i is about, the matter of its first
    clause (沅桥市 2014, untuned read: 一、要全面深化改革，增强发展的动力和活力 and the model's
    三、坚持全面深化改革，推动新型城镇化建设，加强生态保护). Only first clauses are read: a
    purpose in another headline's tail (为高质量发展提供坚强保障) is not its matter. A frame
    three or more headlines open with (全方位推动高质量发展，就要…, 决胜收官之年，我们要…) is
    the speech's 排比, not an overlap."""
    cores = [headline_core(h) for h in headlines]
    out = []
    for i, core in enumerate(cores):
        if len(core) < 4 or sum(core in c for c in cores) >= 3:
            continue
        out.extend((i, j, core) for j, c in enumerate(cores) if j != i and core in c)
    return out


def overlaps(given: Sequence[str], head: str) -> bool:
    """Whether `head` opens on the matter of one of the `given` headlines, or one of them on
    its (`overlapping_headlines`): a headline to leave out when the others stand."""
    return any(len(given) in pair[:2] for pair in overlapping_headlines([*given, head]))


# A headline sharing this share of a theme's bigrams is about that theme (坚持精准扶贫，精准脱贫
# shares a third of 脱贫攻坚's): drafting's headline fallback and focus's two points on one
# theme read it alike.
THEME_COVERED = 0.3


# Bigrams every other theme and headline has (经济发展 and 推动高质量发展 share 发展 and are not
# about one thing): left out where a theme's matter is read strictly.
STOCK_BIGRAMS = frozenset(
    "发展 建设 工作 推进 推动 加强 坚持 全面 提升 提高 质量 高质 深化 持续 不断 扎实 着力 "
    "进一步 做好 落实 完善 健全 体系 能力 水平 作用 发挥".split()
)


def about_theme(theme: str, headline: str, strict: bool = False) -> bool:
    """Whether a headline is about the theme: it shares THEME_COVERED of the theme's bigrams
    (`strict`: of those not in STOCK_BIGRAMS, and one at least)."""
    if not strict:
        return overlap(theme, headline) >= THEME_COVERED
    own = bigrams(theme) - STOCK_BIGRAMS
    shared = own & bigrams(headline)
    return bool(shared) and len(shared) >= THEME_COVERED * len(own)
