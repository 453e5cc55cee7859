"""Facts are the user's: figures, rankings and document titles must come from the brief,
and the brief's facts must reach the speech.

`invented_facts` finds figures the brief does not give (years, dates, session ordinals and
list markers excepted), unsourced rankings and comparisons (排名前五, 走在全省前列) and
document titles (《…》) the brief does not name. `brief_coverage` lists the brief's facts the
speech leaves out.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.checks.base import CheckResult, Subject, load_yaml, register
from assistant.text import bigrams as _bigrams
from assistant.text import chinese_number, han_only, normalize, overlap, place_stem, place_unit
from assistant.text import short as _short

# ---------------------------------------------------------------- numbers

_NUMBER = re.compile(r"(?<![\dA-Za-z.])(\d+(?:\.\d+)?)(万亿|亿|万|千)?(%|‰)?")
_TODO = re.compile(r"【待补[：:][^】]*】")
_YEAR_PLACEHOLDER = re.compile(r"(19|20)[xX×]{2}")
# A list marker at a line start or after a sentence end ("…方面。1. 在推进…"): a number,
# not a figure (the register check reports such lists).
_LIST_MARKER = re.compile(
    r"(?m)(?:^|(?<=[。！？；]))\s*\d{1,2}[.、．](?=\s*[\u4e00-\u9fff])|（\d+）"
)


def _number_key(value: str, mult: str | None) -> str:
    return f"{float(value):g}{mult or ''}"


def _numbers(text: str) -> list[tuple[str, str, re.Match[str]]]:
    """(display, key, match) for each figure in normalised text."""
    return [(m.group(0), _number_key(m.group(1), m.group(2)), m) for m in _NUMBER.finditer(text)]


def brief_number_keys(brief: Any) -> set[str]:
    keys = {key for _, key, _ in _numbers(normalize(brief.facts_text()))}
    for n in (brief.session.congress, brief.session.meeting):
        if n:
            keys.add(_number_key(str(n), None))
    return keys


def _is_exempt(text: str, m: re.Match[str], brief: Any) -> bool:
    value, mult, pct = m.group(1), m.group(2), m.group(3)
    after = text[m.end() : m.end() + 4]
    if mult or pct:
        return False
    if "." not in value:
        n = int(value)
        if 1900 <= n <= 2100 and len(value) == 4:
            return True  # years are not facts to invent
        if after.startswith("月") and 1 <= n <= 12 or after[:1] in ("日", "号") and 1 <= n <= 31:
            return True
        if after.startswith(("届", "次会议")) and n in (
            brief.session.congress,
            brief.session.meeting,
        ):
            return True
    return False


# A year said to be this year: 2024年是…之年, 2024年的奋斗目标是…, 2024年的任务…, 今年（2024年）
_CALLED_THIS = r"(?:是|的(?:奋斗)?目标|的主要目标|的(?:主要|工作)?任务|，是)"
_THIS_YEAR = re.compile(rf"(?<!\d)((?:19|20)\d\d)年{_CALLED_THIS}|今年[（(]?((?:19|20)\d\d)年")
# …the year alone, where it is followed by what calls it this year (the repair's 今年)
_YEAR_CALLED_THIS = re.compile(rf"(?<!\d)((?:19|20)\d\d)年(?={_CALLED_THIS})")


# The year just ended named as one the speech's own date has not reached (临江 2019, a
# speech of January 2019: 在过去的2019年中，我们取得了显著的成绩).
_PAST_YEAR = re.compile(r"(?:过去的|刚刚过去的|过去一年即)((?:19|20)\d\d)年")


def find_wrong_years(text: str, brief: Any) -> list[str]:
    """Years a speech calls this year that are not the year it is given in, and not in the
    brief, nor the year just ended (白沙 2026: 2024年的奋斗目标是…): years are exempt from the
    figure check, so the wrong year passed it."""
    date = getattr(brief, "date", None)
    if date is None:
        return []
    out = [
        m.group()
        for m in _THIS_YEAR.finditer(normalize(text))
        if not _may_be_called_this(int(m.group(1) or m.group(2)), brief)
    ]
    for m in _PAST_YEAR.finditer(normalize(text)):
        year = int(m.group(1))
        # (in December the year about to end may be called past: 即将过去的2016年)
        if year > date.year or (year == date.year and date.month <= 6):
            out.append(m.group())
    return list(dict.fromkeys(out))


def _may_be_called_this(year: int, brief: Any) -> bool:
    """The speech's own year, the year just ended (reviewed so: 2024年是极不平凡的一年, in
    January 2025), or a year the brief gives."""
    date = brief.date
    return year in (date.year, date.year - 1) or f"{year}年" in normalize(brief.facts_text())


def years_called_this_year(text: str, brief: Any) -> list[re.Match[str]]:
    """Where `text` calls another year this year (2024年是“十五五”规划开局之年 in 2026), the
    year alone: what the drafting repair writes 今年."""
    if getattr(brief, "date", None) is None:
        return []
    return [
        m
        for m in _YEAR_CALLED_THIS.finditer(text)
        if not _may_be_called_this(int(m.group(1)), brief)
    ]


def find_invented_numbers(text: str, brief: Any) -> list[str]:
    """Figures in `text` that the brief does not give (years, dates, session ordinals,
    list markers and figures inside 【待补：…】 excepted), distinct, in order of appearance."""
    text = normalize(text)
    text = _TODO.sub(lambda m: "□" * len(m.group(0)), text)
    text = _YEAR_PLACEHOLDER.sub(lambda m: "□" * len(m.group(0)), text)
    text = _LIST_MARKER.sub(lambda m: "□" * len(m.group(0)), text)
    allowed = brief_number_keys(brief)
    out: list[str] = []
    for display, key, m in _numbers(text):
        if key in allowed or _is_exempt(text, m, brief) or display in out:
            continue
        out.append(display)
    return out


def _figure_keys(text: str, brief: Any) -> set[str]:
    return {key for _, key, m in _numbers(text) if not _is_exempt(text, m, brief)}


# clauses, and the items of a list (…18公里和蔬菜大棚420座 claims no relation)
_CLAUSE = re.compile(r"[，。；！？、：\n]|以及|和|及|并|与")


def find_spliced_figures(text: str, brief: Any) -> list[str]:
    """Clauses that join two of the brief's figures from two facts that share neither,
    making a relation the brief does not give (兰河 2022: 我们投资5.2亿元建设基础设施蔬菜大棚
    420座, where 5.2亿元 was the whole year's fixed-asset investment and the 420 greenhouses
    another fact): every figure is the brief's, and the sentence is still false."""
    facts = [_figure_keys(normalize(t), brief) for _, t in brief.fact_items()]
    out = []
    text = _LIST_MARKER.sub("。", _TODO.sub("。", normalize(text)))
    for clause in _CLAUSE.split(text):
        owners = [
            {i for i, f in enumerate(facts) if key in f} for key in _figure_keys(clause, brief)
        ]
        owners = [o for o in owners if o]  # a figure the brief lacks is another finding
        if any(not a & b for k, a in enumerate(owners) for b in owners[k + 1 :]):
            out.append(clause.strip())
    return list(dict.fromkeys(out))


# A change said of a figure: 增加了7650元, 增长1.2万户 (not 增加到, 达到, 增长12.6%)
_CHANGE_BEFORE = re.compile(r"(?:增加|增长|提高|减少|下降|降低)了?$")


def _as_change(text: str, m: re.Match[str]) -> bool:
    return bool(_CHANGE_BEFORE.search(text[max(0, m.start() - 4) : m.start()]))


def _changes(text: str) -> dict[str, bool]:
    """Each figure of the text (not a percentage) and whether it is said as a change."""
    out: dict[str, bool] = {}
    for _, key, m in _numbers(text):
        if not m.group(3):
            out[key] = out.get(key, False) or _as_change(text, m)
    return out


def find_levels_as_changes(text: str, brief: Any) -> list[str]:
    """A figure the brief gives as a level told as a change (桐岭 2013: the brief's 农民人均
    纯收入7650元 written 农民人均纯收入增加了7650元): every figure is the brief's, and the
    sentence is false."""
    given = _changes(normalize(brief.facts_text()))
    text = normalize(text)
    out = []
    for _, key, m in _numbers(text):
        if not m.group(3) and given.get(key) is False and _as_change(text, m):
            out.append(text[max(0, m.start() - 8) : m.end() + 1])
    return list(dict.fromkeys(out))


def _claims() -> dict[str, Any]:
    return load_yaml("facts.yaml") or {}


def find_invented_claims(text: str, brief: Any) -> list[str]:
    """Rankings, comparisons and honours (排名前五, 走在全省前列, 荣获…称号) that the brief
    does not state: invented facts even without a digit. Returns the sentences' claims."""
    text = normalize(text)
    facts = normalize(brief.facts_text()) if brief is not None else ""
    out: list[str] = []
    for pattern in _claims().get("claims", []):
        for m in re.finditer(pattern, text):
            claim = m.group(0)
            if claim in out or _given(claim, facts):
                continue
            out.append(claim)
    out.extend(c for c in themes_told_as_done(text, brief) if c not in out)
    out.extend(c for c in _glossed_numbered(text, facts) if c not in out)
    return out


# A numbered slogan coined and glossed (柳塘 2021, twentieth run: 要持续实施“四场革命”，即
# 产业革命、教育革命、医疗革命和文化革命): a campaign of the place the brief never names.
_GLOSSED = re.compile(
    r"“([一二三四五六七八九十两][个大项场条]?[\u4e00-\u9fff]{1,6})”，?(?:即|就是|分别是|是指)"
)


def _glossed_numbered(text: str, facts: str) -> list[str]:
    """Numbered terms glossed in the text that neither the brief nor the national list
    (facts.yaml's known_numbered) gives."""
    numbered = _claims().get("known_numbered", [])
    return [
        f"“{t}”"
        for t in _GLOSSED.findall(text)
        if t not in facts and not any(re.fullmatch(k, t) for k in numbered)
    ]


# A sentence tells a theme when it has this share of the theme's bigrams (its own words)…
THEME_TOLD = 0.6
# …and the brief's achievement it rests on would share this much with its paragraph.
ACHIEVEMENT_TOLD = 0.5


def task_pattern() -> re.Pattern[str]:
    """What makes a sentence a task, not a fact told (要…, 力争…; facts.yaml's task)."""
    return re.compile(_claims()["task"])


def themes_told_as_done(text: str, brief: Any) -> list[str]:
    """Sentences telling what the brief asks to do this year (its themes, its requirements)
    as already done, where no achievement of the brief is told in the same paragraph
    (丰源 2025, eleventh full run, in the review: 通过学习运用“千万工程”的经验，推进乡村全面
    振兴工作也取得了积极进展): a result nobody reported. facts.yaml's done and task."""
    if brief is None:
        return []
    done, task = re.compile(_claims()["done"]), task_pattern()
    # each clause of a theme on its own (推进乡村全面振兴 of 学习运用“千万工程”经验，推进…)
    asked = [
        re.sub(r"^(?:要|坚持|持续|继续|进一步)+", "", c)
        for t in (*(brief.themes or ()), *(brief.requirements or ()))
        for c in re.split(r"[，；]", normalize(t))
    ]
    # …or by the name it quotes (丰源 2025, twelfth full run: 近年来，丰源县大力实施“千万工程”，
    # …取得了显著成效 for 学习运用“千万工程”经验)
    # (the place's own doing: 浙江“千万工程”实施二十年来，取得了显著成效 is the example to learn)
    names = {
        n
        for t in (*(brief.themes or ()), *(brief.requirements or ()))
        for n in re.findall(r"[“\"「]([^”\"」]{2,12})[”\"」]", normalize(t))
    }
    own = _own_doing(brief)
    achievements = [normalize(a) for a in brief.achievements or ()]
    out = []
    for para in text.split("\n"):
        rests = any(overlap(a, para) >= ACHIEVEMENT_TOLD for a in achievements)
        for sent in re.split(r"(?<=[。！？；])", para):
            m = done.search(sent)
            if not m or rests or task.search(sent[: m.start()]):
                continue
            if any(overlap(a, sent) >= THEME_TOLD for a in asked if len(a) >= 6) or (
                own.search(sent[: m.start()]) and any(n in sent[: m.start()] for n in names)
            ):
                out.append(sent.strip())
    return out


def _own_doing(brief: Any) -> re.Pattern[str]:
    """The place itself as the doer: its name (丰源县, 丰源), 我们, 我县, 全县…"""
    place = normalize(getattr(brief, "locality", "") or "")
    names = [re.escape(x) for x in {place, place_stem(place)} if len(x) >= 2]
    return re.compile("|".join([*names, r"我们|[我全本][省市县区镇乡]|全街道"]))


# Words a claim turns on: its scope, its numbers, whose visit. A fact that gives the claim
# gives these word for word (荣获全省…称号 does not give 荣获全国…称号).
_DECISIVE = re.compile(
    r"全[国省市区县州]|[一二三四五六七八九十百千万两]+|\d+|习近平|胡锦涛|江泽民|总书记|总理|委员长|国家主席"
)


def _given(claim: str, facts: str) -> bool:
    """The brief states the claim: word for word, or (a longer claim) in one of its facts
    that has nearly all the claim's bigrams and every word it turns on (习近平总书记来X考察
    is given by 习近平总书记时隔五年再次来X考察; 排名前五 is not given by 排名前三)."""
    if claim in facts:
        return True
    grams = _bigrams(claim)
    if len(grams) < 6:
        return False
    decisive = _DECISIVE.findall(claim)
    for fact in re.split(r"[\n；;]", facts):
        if len(grams & _bigrams(fact)) >= 0.8 * len(grams) and all(d in fact for d in decisive):
            return True
    return False


_QUOTE = re.compile(
    r"(总书记|习近平|主席|总理|书记|领导)[^。！？“]{0,30}(指出|强调|说|要求|提出|讲)(过|道)?[：，,]?\s*“([^”]{6,})”"
)


# His words given as what a 重要要求 or 论述 is about (江滨区 2015, untuned read: 坚决落实习近平
# 总书记关于“全面建成小康社会，必须确保完成‘十二五’规划目标任务”的重要要求): a quotation as
# much as after 指出. (关于“三农”工作的重要论述: a term, too short to be words.)
_ABOUT_QUOTE = re.compile(
    r"(?:总书记|习近平)[^。！？“]{0,20}关于“(?P<words>[^”]{8,})”的(?:重要)?(?:要求|指示|论述|讲话|嘱托)"
)


def find_invented_quotes(text: str, brief: Any) -> list[str]:
    """Words put in a leader's mouth (总书记…指出：“…”) that the brief does not give: a
    quotation is a fact, and a small model invents them, dates and all. Without quotation
    marks too when the General Secretary is named (习近平总书记在全国两会讲话中指出，…):
    only the sayings in evals/facts.yaml (`known_quotes`) may stand without the brief."""
    text = normalize(text)
    facts = normalize(brief.facts_text()) if brief is not None else ""
    known = _claims().get("known_quotes", [])
    out = []
    found = [m.group(4) for m in _QUOTE.finditer(text)]
    found += [m.group("words") for m in _ABOUT_QUOTE.finditer(text)]
    found += [m.group("words") for m in _UNQUOTED.finditer(text)]
    for quoted in found:
        if quoted[:12] in facts or quoted in out or any(re.search(k, quoted) for k in known):
            continue
        out.append(quoted)
    numbered = _claims().get("known_numbered", [])
    said = [t for m in _CENTRE.finditer(text) for t in _NUMBERED.findall(m.group())]
    # …and anywhere, a national formulation's name with another count (桐岭 2013: 要做到
    # “三个坚持”、“五个全面”。三个坚持分别是…, after 四个全面 and 五个坚持): whoever says it
    said += [t for t in _NUMBERED.findall(text) if _miscounted(t, numbered)]
    for term in said:
        if term in facts or term in out or any(re.fullmatch(k, term) for k in numbered):
            continue
        out.append(term)
    return out


_COUNT = re.compile(r"^[一二三四五六七八九十两]+(?:个|项|大|条)?")


def _miscounted(term: str, numbered: list[str]) -> bool:
    """A numbered term whose words are a national formulation's and its count is not."""
    known = [k for alternation in numbered for k in alternation.split("|")]
    tail = _COUNT.sub("", term)
    return bool(tail) and term not in known and any(_COUNT.sub("", k) == tail for k in known)


# A numbered formulation quoted after the centre in one sentence (习近平总书记…强调了
# “四个必须”和“四个坚持”): too short for _QUOTE's six characters, and as much words put in
# his mouth.
# (the centre named, then a verb of saying within the clause run, then the quotation: not
# 在以习近平同志为核心的党中央坚强领导下，全镇深入实施“三大行动”, a local slogan)
_CENTRE = re.compile(
    r"(?:总书记|习近平|党中央)(?![^。！？；\n]{0,12}?(?:领导下|思想))"
    r"[^。！？；\n]{0,30}?(?:提出|强调|指出|要求|作出)[^。！？；\n]{0,24}"
)
_NUMBERED = re.compile(r"“([一二三四五六七八九十两]+(?:个|项|大|条)[\u4e00-\u9fff]{1,6})”")


# (a quoted term inside his words is still his words: 柳塘 2021, sixteenth full run,
# 习近平总书记强调，“十四五”规划是国家发展的全局性、战略性任务)
_UNQUOTED = re.compile(
    r"(总书记|习近平同志)(在[^。！？“”，；]{0,24})?(深刻|明确|反复|多次|曾经|曾)?(指出|强调|说)[：，,]\s*"
    r"(?P<words>(?!“[^”]{6,}”)[^。！？]{6,})"
)


def find_invented_titles(text: str, brief: Any) -> list[str]:
    """《…》 titles that neither the brief nor the list of national laws and documents
    a speech may cite (evals/facts.yaml) names."""
    text = normalize(text)
    facts = normalize(brief.facts_text()) if brief is not None else ""
    known = _claims().get("known_titles", [])
    out = []
    for m in re.finditer(r"《([^》\n]{2,60})》", text):
        title = m.group(1)
        if len(title) <= 4:
            continue  # 《意见》《若干意见》: a short back-reference to a document named before
        # 《2023年南川市政府工作报告》 (南川 2023, eighteenth run) is the brief's 市人民政府工作
        # 报告 with the year of the speech and without 人民: a title miswritten, not invented
        year = getattr(brief, "year", None)
        local = _without_locality(title.removeprefix(f"{year}年") if year else title, brief)
        full = re.sub(r"(?<!人民)政府", "人民政府", local)
        if (
            local in facts
            or full in facts
            or any(re.fullmatch(k, title) for k in known)
            or title in out
        ):
            continue
        out.append(title)
    return out


def _without_locality(title: str, brief: Any) -> str:
    """《柳塘镇人民政府工作报告》 is the brief's 《镇人民政府工作报告》 with the place written
    out: the same report, not an invented one."""
    locality = normalize(getattr(brief, "locality", "") or "")
    if len(locality) > 1 and title.startswith(locality):
        return (place_unit(locality) or locality[-1]) + title[len(locality) :]
    return title


COVER_FIELDS = (
    "reports",
    "elections",
    "achievements",
    "situation",
    "themes",
    "requirements",
    "outline",
)


def coverage_items(text: str, brief: Any) -> list[tuple[str, str, bool, str]]:
    """(field, item, covered, what is missing) for each fact of the brief a speech must carry."""
    text = normalize(text)
    draft_keys = {key for _, key, _ in _numbers(text)}
    draft_bigrams = _bigrams(text)
    han_text = han_only(text)
    out = []
    if brief.locality:
        loc = normalize(brief.locality)
        stem = place_stem(loc)
        out.append(("locality", loc, stem in text, "" if stem in text else "地名未出现"))
    s = brief.session
    if s.congress and s.meeting:
        marks = [f"第{chinese_number(s.congress)}届", f"第{chinese_number(s.meeting)}次"]
        missing = [m for m in marks if m not in text]
        out.append(("session", brief.session_name or "", not missing, "、".join(missing)))
    elif s.name:
        name = normalize(s.name)
        out.append(("session", name, name in text, "" if name in text else "会议名称未出现"))
    # (a meeting's speaker need not name his own organ: a 街道党工委书记 at a 人大代表座谈会)
    if brief.speaker.organ and brief.occasion in (None, "closing_session"):
        organ = normalize(brief.speaker.organ)
        out.append(("speaker.organ", organ, organ in text, "" if organ in text else "未出现"))
    for name, item in brief.fact_items():
        if name not in COVER_FIELDS:
            continue
        item_n = normalize(item)
        nums = [d for d, key, _ in _numbers(item_n) if key not in draft_keys]
        grams = _bigrams(item_n)
        overlap = len(grams & draft_bigrams) / len(grams) if grams else 1.0
        problems = []
        if nums:
            problems.append("缺数字 " + "、".join(nums))
        if overlap < 0.5:
            problems.append(f"内容重合 {overlap:.0%}")
        elif name == "themes" and short_term(item_n) and han_only(item_n) not in han_text:
            # a theme of a few 汉字 is a term: any 人民 and 民主 covered half of 全过程人民民主
            # (南川 2023, seventeenth run, never named it)
            problems.append("没有照简报写出这个提法")
        # a term the brief quotes is its wording to keep (决胜“十三五”: 临江 2019, nineteenth
        # run, never said 十三五 and passed at a bigram overlap of its other words)
        problems += [f"没有写出“{q}”" for q in quoted_terms(item_n) if han_only(q) not in han_text]
        out.append((name, item, not problems, "，".join(problems)))
    return out


def quoted_terms(item: str) -> list[str]:
    """The terms a brief's item quotes (“十三五”, “稻香水韵、宜居柳塘”)."""
    return [q for q in re.findall(r"“([^”]{2,16})”", item) if han_only(q)]


# A theme of this many 汉字 or fewer is a term (全过程人民民主, 营商环境), written as it stands.
SHORT_THEME = 8


def short_term(item: str) -> bool:
    return 0 < len(han_only(item)) <= SHORT_THEME


@register("brief_coverage", needs=("brief",), weight=1.5, label="简报覆盖")
def check_brief_coverage(s: Subject) -> CheckResult:
    text, brief = s.raw, s.brief
    items = coverage_items(text, brief)
    if not items:
        return CheckResult("brief_coverage", True, 1.0, "简报中没有需要写入的事实")
    missed = [(f, i, why) for f, i, ok, why in items if not ok]
    score = 1 - len(missed) / len(items)
    # a theme of the brief the speech never takes up fails it whatever the share (云岭县 2017,
    # seventeenth session's untuned read: 生态文明建设 nowhere, the check passed at 95%); one
    # taken up in other words (营商环境持续优化 for 优化营商环境) is only counted
    hard = [
        m
        for m in missed
        if m[0] in ("locality", "session", "speaker.organ")
        or "缺数字" in m[2]
        or (m[0] == "themes" and "内容重合" in m[2])
        or (m[0] in ("situation", "themes") and "没有写出“" in m[2])
    ]
    passed = not hard and score >= 0.8
    if not missed:
        return CheckResult("brief_coverage", True, 1.0, f"简报 {len(items)} 项事实均已写入")
    lines = [f"简报 {len(items)} 项中 {len(missed)} 项未写入或写得不全："]
    lines += [f"- [{f}] {_short(i, 40)}（{why}）" for f, i, why in missed]
    return CheckResult("brief_coverage", passed, score, "\n".join(lines))


@register(
    "invented_facts", needs=("brief",), scopes=("speech", "paragraph"), weight=2.0, label="编造事实"
)
def check_invented_facts(s: Subject) -> CheckResult:
    text, brief = s.raw, s.brief
    invented = find_invented_numbers(text, brief)
    claims = find_invented_claims(text, brief)
    titles = find_invented_titles(text, brief)
    quotes = find_invented_quotes(text, brief)
    years = find_wrong_years(text, brief)
    spliced = find_spliced_figures(text, brief)
    changed = find_levels_as_changes(text, brief)
    if not (invented or claims or titles or quotes or years or spliced or changed):
        return CheckResult(
            "invented_facts", True, 1.0, "所有数字都来自简报（年份、日期、届次除外）"
        )
    norm = normalize(text)
    findings = []
    for num in invented:
        i = norm.find(num)
        where = sentence_at(norm, i, i + len(num), 50)
        findings.append(
            f"简报中没有的数字“{num}”：{where}（只能用简报中的数字，没有的写成【待补：…】）"
        )
    for claim in claims:
        i = norm.find(claim)
        where = sentence_at(norm, i, i + len(claim), 50)
        findings.append(f"简报没有给出的说法“{claim}”：{where}（删去，或写成【待补：…】）")
    for said in years:
        i = norm.find(said)
        where = sentence_at(norm, i, i + len(said), 50)
        findings.append(
            f"讲话日期是{brief.date.year}年，“{said}”说的却不是今年：{where}（改为“今年”）"
        )
    findings += [
        f"把简报里两件事的数字拼进了一句，说出了简报没有的关系：“{_short(c, 40)}”（各说各的）"
        for c in spliced
    ]
    findings += [f"简报给的是总量，这里说成了增量：“{c}”（照简报写“达到…”）" for c in changed]
    findings += [f"简报没有给出的文件《{t}》（不得编造文件名）" for t in titles]
    findings += [f"简报没有给出的引语“{q[:30]}…”（不得编造领导讲话）" for q in quotes]
    n = len(findings)
    reason = f"简报中没有的事实 {n} 处：\n" + "\n".join(f"- {f}" for f in findings)
    return CheckResult("invented_facts", False, max(0.0, 1 - 0.25 * n), reason, tuple(findings))


def sentence_at(text: str, start: int, end: int, limit: int = 80) -> str:
    from assistant.tifa import sentence_at as _at

    return _at(text, start, end, limit)
