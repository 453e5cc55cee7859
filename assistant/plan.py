"""Paragraph plans: each section's budget becomes paragraphs of about 120–220 汉字, each
with a one-line purpose and the brief facts and themes it carries.

Small models write one good paragraph far more reliably than one good section
(LongWriter's AgentWrite measured the same), so the model is asked for one paragraph at a
time, and this plan says what each paragraph is for. Pure: the same brief and outline give
the same plan, with no model call.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from assistant.text import chinese_number, han_count, han_only

PARAGRAPH_TARGET = 170  # 汉字 per paragraph the plan aims at
PARAGRAPH_MIN, PARAGRAPH_MAX = 110, 230
MODEL_ROOM_MIN = 30  # 汉字 the model goes on with after a standing line, however short the budget


@dataclass(frozen=True)
class ParagraphPlan:
    purpose: str
    budget: int
    facts: tuple[str, ...] = ()  # brief facts this paragraph must carry, figures and all
    themes: tuple[str, ...] = ()  # brief themes it develops
    lead: str = ""  # the program's standing line the paragraph opens with; the model goes on

    @property
    def model_room(self) -> int:
        """汉字 the model is asked for: the room less the lead the program writes, a
        sentence or two at the least."""
        return max(MODEL_ROOM_MIN, self.room - han_count(self.lead)) if self.lead else self.room

    def models_part(self, text: str) -> str:
        """What the model wrote of a paragraph that opens with this plan's standing line."""
        return text[len(self.lead) :] if self.lead and text.startswith(self.lead) else text

    @property
    def room(self) -> int:
        """汉字 this paragraph needs: its budget, or more when its facts alone fill it (a
        scaled review of 43 字 carrying 60 字 of figures was cut off mid-sentence, the
        figures dropped with it and pasted back by the program)."""
        facts = sum(han_count(f) for f in self.facts)
        return max(self.budget, facts + 40) if facts else self.budget

    def to_dict(self) -> dict:
        data = asdict(self)
        data["facts"] = list(self.facts)
        data["themes"] = list(self.themes)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> ParagraphPlan:
        return cls(
            purpose=str(data["purpose"]),
            budget=int(data["budget"]),
            facts=tuple(data.get("facts") or ()),
            themes=tuple(data.get("themes") or ()),
            lead=str(data.get("lead") or ""),
        )


CONGRESS_MOVE_MIN = 50  # 汉字 of one congress-work move (see plan_section)
# The situation's facts get room to be told, not read out: the section at least this many
# times their 汉字 (outline's fact floor), and one paragraph carries no more of them than
# fills 1/SITUATION_ROOM_PER_HAN of its budget, the rest going to the paragraphs after it.
# The eleventh full-length run: six of ten situations strung the brief's facts with ；and
# nothing else, each in a first paragraph of 100–155 字 carrying 56–81 字 of facts (the
# fact floor was 1.1 times their 汉字); the three given 2.5 times or more did not.
SITUATION_ROOM = True
SITUATION_ROOM_PER_HAN = 2.5
# One situation fact a paragraph, the section cut into as many paragraphs as it has facts
# while each keeps SITUATION_FACT_MIN 汉字: the sixteenth full run's 枫林 2024 strung its
# three facts with ；in a first paragraph of 200 字 (2.5 times their 79 汉字), as three of
# the fifteenth run's ten did. A paragraph given one fact cannot string facts; it tells that
# one and what it means. Measured with bench/bench_sections.py --switch plan.SITUATION_ONE_FACT
# --roles situation on 枫林, 槐原, 柳塘 and 云溪 (one seed, 11 paragraphs a side): strung 0 of 4
# against 2 of 4, but read out 4 against 3, and the model's own 680 汉字 against 773 with the
# program's 330 against 69: given one fact, the 1.5B wrote around it and the program pasted
# it. It moves the fault, as SITUATION_TOLD did: off.
SITUATION_ONE_FACT = False
SITUATION_FACT_MIN = 60
# …unless they are short enough to be one sentence's two clauses (今年是开局之年，也是宪法修正案
# 通过之年): facts of fewer 汉字 than this together share a paragraph as before.
SITUATION_SHARED_MAX = 40


def _one_fact_each(facts: tuple[str, ...]) -> bool:
    return SITUATION_ONE_FACT and sum(han_count(f) for f in facts) > SITUATION_SHARED_MAX


def paragraph_count(budget: int) -> int:
    """How many paragraphs a budget makes: about PARAGRAPH_TARGET 汉字 each."""
    if budget <= PARAGRAPH_MAX:
        return 1
    return max(2, min(8, round(budget / PARAGRAPH_TARGET)))


def split_budget(budget: int, n: int) -> list[int]:
    base = budget // n
    out = [base] * n
    out[-1] += budget - base * n
    return out


def spread(items: tuple[str, ...] | list[str], n: int) -> list[tuple[str, ...]]:
    """Items in order over n paragraphs, as evenly as possible, the first ones taking one
    more each (seven facts in three paragraphs: 3, 2, 2; never one paragraph all)."""
    out, start = [], 0
    for i in range(n):
        size = len(items) // n + (1 if i < len(items) % n else 0)
        out.append(tuple(items[start : start + size]))
        start += size
    return out


# Purposes per role, in the order the paragraphs come. {headline}, {years}, {organs}…
# are filled from the brief; the last purpose repeats when a section needs more paragraphs.
# The call's closing words, the genre's standing formula with the brief's own place.
CALL_FORMULA = "让我们更加紧密地团结在{centre}周围，凝心聚力、开拓进取，为{aim}而努力奋斗！"
# What the call strives for (the plan's {aim}): a year's session its year's tasks; a new
# congress's first session (换届) the five years it was elected for; a meeting on the
# congress's work that work (a writer's read of the sixteenth full run: 柳塘 2021's 换届
# session and 枫林 2024's anniversary symposium both ended on 今年的目标任务).
CALL_AIMS = {
    "year": "实现{stem}今年的目标任务",
    "term": "实现{stem}今后五年的奋斗目标",
    "meeting": "开创{stem}人大工作新局面",
}
# The duty paragraph's opening, one a point in turn: said the same way in every point, it
# opened two or three paragraphs of a speech alike (各村、各站所和广大干部要担起责任，把这一要求
# 落到实处 in 9 of the nineteenth session's ten drafts, 15 times; focus failed 云溪 2013 on it
# alone). The first is ROLE_PURPOSES' own; DUTY_TASK follows each.
# (not 把这一点…: copied, 这一点 named nothing a writer would keep, and the 1.5B made it
# 这一观点, 这一要求 in every point of the twentieth run; the work and its tasks are the genre's)
DUTY_HEADS = (
    "{actors}要担起责任，把这项工作落到实处",
    "{actors}要各负其责、协同发力，把各项任务抓紧抓实",
    "{actors}要主动担当、真抓实干，让各项举措见到实效",
    "{actors}要守土有责、守土尽责，把这项任务一抓到底",
)
DUTY_TASK = "讲清各自担什么责任、怎样担当作为"


ROLE_PURPOSES = {
    "opening": [
        # The lead before it already lists the reports and elections: the 1.5B listed
        # them again (临江 2019).
        "评价这次大会（审议的报告和选举事项前面已经说过，不再列举）：代表们怎样依法履职、"
        "认真审议、建言献策，会议开得怎样，用“这是一次……的大会”的排比句概括",
        "说明这次大会的意义：大会确定的目标任务凝聚了全{place}人民的意志，为今后的工作指明了方向",
    ],
    "meeting_opening": [
        # The meeting by its title: told only 这次会议的目的, the 1.5B copied an exemplar's
        # (学习贯彻中央9号文件精神, 我县) into a street office's anniversary symposium (枫林 2024).
        "接着“主要是”往下写完这一句和这一段：讲清召开这次{meeting}的目的和意义{topics}",
    ],
    "review": [
        # A writer's review weighs its facts; told only to write them in, the 1.5B pasted
        # them and stopped (槐原 2018: 106 字 of 260, 100% the brief's words).
        # The two open differently: both opening 回顾{years}的成绩, the 1.5B began both
        # paragraphs with those words.
        "回顾{years}的成绩：先用一句不带数字的话评价{years}工作的总体成效，"
        "再用下面这些事实作依据，每写一件事都说出它带来的变化，不要逐条罗列",
        # (not 最后说出这些变化对群众意味着什么: copied, 这些变化对群众意味着… reached the
        # speech in six drafts of runs 16–19, 这一系列的成绩对群众意味着极大的认可, 临江 2019)
        "用下面这些事实接着讲{years}的成效：先点出这方面工作抓得怎样，再写事实，"
        "最后说出这些工作让群众得到了什么好处",
        # No ready sentence to copy: given one, the 1.5B wrote exactly it (39 字 of 115).
        "评价这些成绩：讲清这些成绩是怎样取得的，归功于{credit}、"
        "全{place}干部群众的团结奋斗和{hearts}的辛勤付出，并说明它们为今后的工作打下了什么基础",
    ],
    "situation": [
        "讲清当前所处的形势和今年的定位，说明为什么必须乘势而上、奋发有为",
    ],
    # Only the first quotes the headline: quoted in every purpose, it came back quoted in
    # the body (要切实履行好“…”这一职责, 努力做到“…”); the section plan names it anyway.
    "requirements": [
        "阐明为什么要做到“{headline}”：讲道理，讲它对{stem}发展的意义",
        # (not 提出具体的工作要求和措施: 槐原 2018, 云溪 2013 and 石桥 2016 wrote 具体的工作要求和
        # 措施 into the speech, twelfth full run included; nor 做好这项工作要抓好哪几件事、每件
        # 怎么抓: 汀浦 2025, untuned read, wrote 抓好以下事情和每件如何抓 and 第一件事是…. What
        # follows a colon is copied; without one, 要做到这一点，… is the speech's own way in)
        "讲怎样做到这一点",
        # (not 对落实这一点提出责任要求: 石桥 2016, eighteenth run, wrote 我们提出落实这一要求的
        # 具体责任要求 into the speech; copied, these words are the speech's own)
        DUTY_HEADS[0] + "：" + DUTY_TASK,
    ],
    # The congress-work moves: each a standing line the program writes (CONGRESS_LEADS, the
    # paragraph's lead) and what the model goes on with. Given the lines as purposes to
    # write from, the 1.5B copied them and stopped: in the sixth scale-0.5 run the whole
    # congress part of 临江 2019 (192 字) and 丰源 2025 (162 字) was the plan's words.
    # What it wrote in their place before that confused whose duty is whose (县人民政府和
    # 县人大常委会要自觉接受人大监督, 具体做法包括制定相关法律法规, the speaker as a delegate):
    # so the duties stay the program's lines, and the model is asked why, which no line of
    # the genre fixes. Measured on the congress parts of 丰源 2025, 临江 2019 and 云溪 2013
    # (1.5B, full length, one seed): the moves as purposes 540 字 the model's and 456 the
    # program's, 996 of 1,360 asked; as lines with reasons asked for, 859 and 513, 1,372.
    # Asked for reasons in the plan's own sentences (党的领导是做好人大工作的根本保证), it
    # copied them (丰源: 0 字 its own); asked with 讲道理, it wrote 继续讲道理。 into the speech.
    "congress_work": [
        "接着这句话说明为什么要这样做，这样做对{stem}的发展有什么好处，不再重复这句话",
        "接着这句话说明为什么要主动接受监督，接受监督对改进工作有什么好处，不再重复这句话",
        # (not 接着对各位代表提出希望: the line itself opens 希望各位代表, and 白沙 2026 in the
        # seventeenth run went on 希望各位代表能够积极参与其中 in the same paragraph)
        # (nor with 不再重复这句话 after its list: 南川 2023, eighteenth run, wrote 不再重复“希望
        # 各位代表…” into the speech)
        "接着这句话讲各位代表闭会期间怎样履职：常到群众中去，把群众的呼声和期盼及时反映上来，"
        "在各自岗位上带头作为",
    ],
    "call": [
        # Ends in the call itself: the 1.5B copies a call's purpose, and a copy of
        # "发出号召：全镇干部群众…" began the call with 号召 instead of 让我们. Alone, the
        # formula is half a call's budget: a sentence or two lead up to it.
        "用一两句话展望{stem}的未来、鼓舞干劲，最后以这句话收尾：" + CALL_FORMULA,
    ],
}
# The formula as the program's tail of the call, the model asked only for the lead-up
# (stopped at 让我们): asked for both, the 1.5B wrote the formula alone in seven calls of
# the thirteenth full-length run (45% of the calls' budgets, all of it the program's).
# Measured with bench/bench_sections.py --switch plan.CALL_TAIL --roles call on the ten new
# briefs (one seed): on, 1,502 汉字 of 1,633 planned, 989 the model's, 2 calls chosen while
# failing a check, 446 s; off, 513 of 1,150, none the model's (the formula alone in every
# call), 7 failing, 296 s. On.
CALL_TAIL = True
CALL_LEADUP = "用两三句话展望{stem}的未来、鼓舞干劲，为最后的号召作好铺垫"

# What a paragraph beyond a role's own purposes is about (a longer budget, or one more
# paragraph for a section that came out short): a new angle each, never "say more". Given
# only "进一步展开本节的意思", the 1.5B wrote the previous paragraph again, sentence by
# sentence (seven of the eleven marks in the two example drafts of 2026-11-23).
ROLE_EXTRAS = {
    "opening": [
        "讲代表们在会上提出的意见和建议：它们反映了群众的期盼，会后要认真梳理、抓好落实",
        "讲大会精神的传达：各位代表回去后要带头宣传大会精神，把大会确定的目标任务讲给群众听",
    ],
    # (not 对大家的希望：敞开思想、畅所欲言: the speaker sums the meeting up after its
    # speakers, and the program's 下面，我讲四点意见 came right after 请大家畅所欲言 in 宁川
    # 2015, seventeenth run; no reference asks for it)
    "meeting_opening": [
        "说明为什么在这个时候召开这次会议，开好这次会议对推动{stem}人大工作有什么作用",
    ],
    # The sober view first: the plan's own last paragraph already says how the results were
    # won, and an extra paragraph on 取得这些成绩靠的是什么 said it again (清河 2023, 汶溪
    # 2024: two review paragraphs in a row opening 这些成绩的取得，离不开…).
    "review": [
        # not "the shortcomings" themselves: asked for 还存在的差距和不足, the 1.5B gave 白沙 2026
        # 产业结构仍然不完善…环保方面也遇到了挑战, none of it in the brief
        "讲成绩面前要保持清醒：对照群众的期盼和上级的要求，工作还有差距，今后要正视问题、"
        "补齐短板，不能躺在成绩上",
        # no list to copy: given 坚持党的领导、坚持发展第一要务、坚持以人民为中心 the 1.5B
        # wrote that list back as its whole paragraph (槐原 2018)
        "讲取得这些成绩靠的是什么：用自己的话讲出几条体会，每条说清道理",
    ],
    # Neither angle asks for what only the brief could tell: asked for 自身的基础与优势
    # and 面临的困难和挑战, the 1.5B gave 柳塘 2021 坚实的基础设施 and then 农村基础设施建设
    # 滞后、环境污染问题依然严重, 临江 2019 丰富的资源, none of it in the brief.
    "situation": [
        # (worded as a task, not as a sentence: given 讲这样的形势对柳塘意味着什么：机遇难得、
        # 不进则退，…, the 1.5B wrote that sentence back and stopped, twice in three briefs)
        "讲清为什么必须抓住当前的机遇：用几句话讲道理（机遇稍纵即逝，慢进也是退），"
        "再说明{stem}要在新的起点上怎样把形势转化为发展的动力",
        "讲面对这样的形势应有的精神状态：既要坚定信心，又要增强忧患意识，不能满足于已有成绩，"
        "以奋发有为的姿态把今年的各项任务落到实处",
    ],
    # Each point takes these from its own place in the list (see _turned): every point
    # of 丰源 2025 wrote the same 明确责任分工、加强督促检查、严格考核问效 paragraph.
    # No angle asks for what only the brief could tell (the place's problems, who leads
    # what): asked for 结合丰源的实际…突出问题和薄弱环节, the 1.5B invented them (产业增速
    # 较慢, 返贫风险, 高中不达标), and asked 由谁牵头 it named a leader. Each is worded so that
    # a model repeating it writes a speech's sentence: asked 落实这一点要依靠谁, it wrote
    # 要落实这一点要依靠谁，就要… into the speech. Nor 落实这项要求: ten drafts at scale 0.5
    # wrote it back eleven times (落实这项要求的保障包括…, 要落实这项要求，需要克服的作风问题有三个
    # 方面), a phrase of the plan, not of a speech; 抓落实 is the genre's own.
    "requirements": [
        # (not 防止重部署轻落实、说得多做得少: copied back it came out 要坚决做到重部署轻落实、
        # 说得多做得少, the vice as the aim, 南川 2023 in the eleventh and twelfth runs, 枫林 2024)
        "讲抓落实的作风：说了就办、办就办好，一抓到底、抓出成效",
        "讲抓落实的保障：明确责任、加强督查、严格考核，让每项任务都有人抓、有人管",
        # (not 调动他们的积极性: the model took the words after the colon as its start, and
        # 他们 had no one to point to; 兰河 2022, 丰源 2025, 汶溪 2024)
        # (not 讲抓落实要依靠…: the 1.5B turned 讲 into 要 and wrote 要抓落实要依靠… into
        # the speech, 安平市 2021 and 枫林 2024)
        "讲依靠基层干部和群众，把工作落到实处：调动基层干部和群众的积极性，形成工作合力",
        "讲抓落实要见到的实效：让群众实实在在感受到变化，用群众满意来检验工作",
    ],
    # Not the delegates again: an extra paragraph on 代表在闭会期间怎样联系群众 after the
    # delegates' move had the speaker speak as one of them (丰源 2025: 在闭会期间，我们要更加
    # 紧密地联系群众…感谢县人大及其常委会…).
    "congress_work": [
        # (not 讲{congress}自身建设：…: copied back it came out 区人大及其常委会自身建设，要加强…。
        # 我们要继续强化理论学习, the Party secretary as the congress, 临江 2019, thirteenth run)
        "讲{congress}要加强自身建设：加强学习、改进作风，提高依法履职的能力和水平",
    ],
}
# The opening's paragraphs asked as what to tell and how, no sentence to copy: given
# 说明这次大会的意义：大会确定的目标任务凝聚了全县人民的意志，为今后的工作指明了方向, the 1.5B
# wrote that sentence back and stopped (丰源 2025, 南川 2023: 32 字 of 180); the openings of
# the thirteenth full-length run kept 57% of their budgets, ten of 22 paragraphs under half.
# Measured with bench/bench_sections.py --switch plan.OPENING_ASKS --roles opening on 南川,
# 丰源 and 白沙 (one seed): on, 1,244 汉字 of 1,212, 837 the model's, 6 of 8 paragraphs
# chosen while failing a check, 288 s; off, 1,248, 856, 3 of 9, 258 s. No better: off.
OPENING_ASKS = False
OPENING_QUESTIONS = [
    "讲会议期间各位代表怎样依法履职（审议的报告和选举事项前面已经说过，不再列举）：怎样认真审议、"
    "怎样建言献策、会风会纪怎样，再用“这是一次……的大会”概括这次会议",
    "讲这次大会的意义：大会确定的目标任务为什么凝聚了全{place}人民的意志，会后各方面要怎样把它"
    "变成推动发展的实际行动",
]
# The requirement extras as a thing to do and how (讲依靠…把工作落到实处：…), the one shape
# the 1.5B wrote a paragraph from: in the thirteenth full-length run, 讲依靠基层干部和群众…
# kept 127% of its budget over six paragraphs, while 讲抓落实的作风：说了就办… (27%), …的
# 保障：… (32%) and …要见到的实效：… (0%) came back as one slogan sentence each
# (抓落实的作风要说到做到，一抓到底、抓出成效。) and were merged or dropped. Measured with
# bench/bench_sections.py --switch plan.ACTION_EXTRAS --roles requirements on the first
# points of 南川 2023 and 丰源 2025 (one seed): on, 1,888 汉字 of 1,893 planned, 1,728 the
# model's, 5 of 12 paragraphs chosen while failing a check, 355 s; off, 1,435, 1,246, 9 of
# 13, 311 s. On.
ACTION_EXTRAS = True
# Each with a comma where the thing to do meets its aim: the 1.5B opens the paragraph with
# the words before the colon, 讲 turned into 要 (fifteenth full run, in every draft:
# 要发挥党组织和党员干部的带头作用把这项工作抓实，…; 要倾听群众的意见来检验这项工作，…).
# The words after each action's colon, one a point (the first in REQUIREMENT_ACTIONS): the
# 1.5B copies them as the paragraph's opening, and an action two points share opened both
# alike (丰源 2025, twentieth run: 调动基层干部和群众的积极性，形成工作合力。 heading
# paragraphs of points 一 and 二, which focus fails as the same opening twice).
ACTION_WORDINGS = {
    "讲发挥党组织和党员干部的带头作用，把这项工作抓实": (
        "党组织怎样带头抓、党员干部怎样走在前面",
        "党组织把这件事摆上重要议程，党员干部带头干、作表率",
        "书记亲自抓，党员干部冲在前、干在先",
        "各级党组织把责任扛在肩上，党员干部一级带着一级干",
    ),
    "讲依靠基层干部和群众，把工作落到实处": (
        "调动基层干部和群众的积极性，形成工作合力",
        "尊重群众的首创精神，让基层干部放开手脚干",
        "多为基层干部撑腰鼓劲，多请群众出主意、一起干",
        "把基层干部和群众的劲儿拧成一股绳",
    ),
    "讲建立责任和督查的办法，把这项工作抓到底": (
        "怎样明确责任、跟踪问效，让每项任务都有人抓、有人管",
        "任务定到人、时限定到天，督查跟上、考核跟上",
        "一项一项抓、一件一件盯，不见成效不松手",
        "建立工作台账，定期督查通报，对落实不力的严肃问责",
    ),
    "讲倾听群众的意见，用群众满意来检验这项工作": (
        "怎样问计于民、请群众评判",
        "把群众的评价作为第一标准，群众不满意就接着改",
        "多到群众中去听意见，让群众当阅卷人",
        "把群众的意见当作改进工作的信号，群众说好才是真的好",
    ),
}
# (the second is ROLE_EXTRAS' own angle on the base and its people, as it always was)
REQUIREMENT_ACTIONS = [f"{head}：{words[0]}" for head, words in ACTION_WORDINGS.items()]


def _worded(action: str, turn: int) -> str:
    """The action with the wording after its colon that point `turn` (0 for 一) takes."""
    head = action.partition("：")[0]
    words = ACTION_WORDINGS.get(head)
    return f"{head}：{words[turn % len(words)]}" if words else action


CONGRESS_ACTION = (
    "讲发挥人大代表的带头作用，把这项工作抓实：代表怎样在各自岗位上带头干、怎样带动身边的群众"
)
# A point of four paragraphs or more says how in two (measured against a fourth paragraph
# from ROLE_EXTRAS, whose angle the 1.5B copied back as one sentence: bench_sections
# --switch plan.SPLIT_HOW): 3,185 汉字 of 3,750 on, 3,157 off, one seed, 26% slower. Off.
SPLIT_HOW = False
HOW_SPLIT = (
    "讲怎样做到这一点：先从思想认识和工作机制上提出要求",
    "接着讲怎样做到这一点：再从具体措施和工作抓手上提出要求，不重复上一段",
)
# A point's paragraphs beyond its own three each take one part of a headline of several
# (聚焦因地制宜发展新质生产力，推进县域经济高质量发展): given the generic angles of
# ROLE_EXTRAS (抓落实的作风…) instead, the 1.5B copied them back as one sentence and stopped
# (丰源 2025, ninth full-length run: 0 and 33 字 of 184). Measured with bench_sections
# --switch plan.HEADLINE_PARTS on 丰源's three points, one seed: 1,805 汉字 of 2,220 on, 1,748
# off; the model's own 1,629 and 1,556; 320 s and 259 s. Within the noise, and slower: off.
HEADLINE_PARTS = False
HEADLINE_PART = "讲{part}：这方面要抓好哪几项工作，每项怎么抓"
# the clauses every point may end on, which name no work of their own
_GENERIC_PART = re.compile(
    r"落地见效|落到实处|取得实效|见到实效|贡献力量|作出贡献|新贡献|新篇章|新局面|新成效"
)


def headline_parts(headline: str) -> list[str]:
    """Purposes for the parts of a headline of two or more that name work of their own; none
    for a headline of one (the point's own paragraphs say it)."""
    parts = [re.sub(r"^(?:要|必须|切实|聚焦)", "", c) for c in re.split(r"[，；。]", headline)]
    parts = [c for c in parts if han_count(c) >= 4 and not _GENERIC_PART.search(c)]
    return [HEADLINE_PART.format(part=c) for c in parts] if len(parts) >= 2 else []


# The congress-work moves: the Party's, the supervised organs', the delegates'; each
# paragraph of a move opens with its standing line.
CONGRESS_MOVES = ROLE_PURPOSES["congress_work"]
CONGRESS_LEADS = (
    "{party}要加强对人大工作的领导，支持{congress}依法行使职权，定期听取人大工作汇报，"
    "帮助解决人大工作中的实际困难。",
    "{supervised}要自觉接受人大监督，主动报告工作，认真落实审议意见，认真办理代表提出的"
    "议案和建议、批评和意见，把办理结果及时反馈给代表。",
    "希望各位代表依法履职、密切联系群众，当好人民群众的代言人。",
)
# The same duties in fewer words, the organs' terms kept (SHORT_LEADS): the lines are the
# program's, and in a closing speech they came to 150–210 of the 500–735 汉字 the program
# supplied (twelfth full-length run: 白沙 26%, 云溪 25%, 丰源 22%, 南川 21% of the speech,
# against a target of 20%); the model then writes more of each paragraph itself. Measured
# with bench/bench_sections.py --switch plan.SHORT_LEADS --roles congress_point,congress_work
# on the congress parts of 白沙, 云溪, 丰源 and 南川 (one seed, 16 paragraphs a side): the
# model's 汉字 1,288 on against 1,120 off, the program's 531 against 719, 1,819 and 1,839 of
# 1,990 asked, paragraphs chosen while failing a check 8 against 10, 396 s and 420 s. On.
CONGRESS_LEADS_SHORT = (
    "{party}要加强对人大工作的领导，支持{congress}依法行使职权。",
    "{supervised}要自觉接受人大监督，认真落实审议意见，认真办理代表提出的议案和建议。",
    CONGRESS_LEADS[2],  # the delegates' line is short already
)
SHORT_LEADS = True
# The Party's line said by a speaker for the congress (镇党委副书记、镇人大主席 for the 镇人大主席团;
# a 县人大常委会主任): the congress does not tell the Party committee to lead it; it takes up
# its own duty under that leadership (the chairs' symposium reference: 各乡镇人大要在乡镇党委的
# 正确领导下…). `own_congress` and `own_party` come from outline.plan_values.
CONGRESS_OWN_LEAD = "{own_congress}要坚持党的领导，在{own_party}的领导下依法行使职权。"
ALL_MOVES = tuple(range(len(CONGRESS_MOVES)))
# What a headline names when it is about one move: leadership and support of the congress,
# the organs it supervises, its delegates.
_MOVE_SUBJECTS = (
    re.compile(r"领导|支持|保证|人大工作|职权"),
    re.compile(r"接受[^，。]{0,4}人大监督|自身建设|依法行政|国家机关"),
    re.compile(r"代表(?!大会)"),
)


def congress_moves(headline: str, congress_heads: Sequence[str]) -> tuple[int, ...]:
    """Which congress-work moves a point about the congress's work makes: all three when
    it is the only such point; when there are more, each the moves its headline names
    (沙河 2016: 自觉接受人大监督 and 发挥人大代表作用 were both congress points, both made all
    three moves, and the Party's came out twice word for word)."""
    if len(congress_heads) <= 1:
        return ALL_MOVES
    named = _moves_named(headline) or set(ALL_MOVES)
    if headline == congress_heads[0]:
        # the first such point also makes the moves no point names: each move matters
        named |= set(ALL_MOVES).difference(*map(_moves_named, congress_heads))
    return tuple(sorted(named))


def _moves_named(headline: str) -> set[int]:
    return {i for i, rx in enumerate(_MOVE_SUBJECTS) if rx.search(headline)}


# A requirement point whose headline is the congress's work (the speech then has no
# 对人大工作的要求 section of its own): why it matters, then the moves it makes, each with
# its standing line (built in plan_section from the moves it is given).
ROLE_EXTRAS["congress_point"] = ROLE_EXTRAS["congress_work"]

_REVIEW_LESSONS = ROLE_EXTRAS["review"][1]  # how the results were won, as lessons
_REVIEW_WITHOUT_FACTS = (
    "回顾{years}的工作：简报没有给出具体成绩和数字，只概括写工作的方向和成效，"
    "不写任何数字、排名和荣誉"
)
_EXTRA_PURPOSE = "从{stem}的实际出发，讲一个本节前面几段没有讲到的方面"


def _turned(role: str, values: dict[str, str]) -> list[str]:
    """The role's extra angles, the list turned by the section's place among its kind
    (values["turn"], the point's ordinal): point 二 starts from the second angle."""
    extras = ROLE_EXTRAS.get(role, [])
    if role == "requirements" and ACTION_EXTRAS:
        extras = REQUIREMENT_ACTIONS
        if values.get("own_congress"):
            # a speaker for the congress does not set the Party's organisations to work (槐原
            # 2018, 宁川 2015, nineteenth session's run: 党组织怎样带头抓 in a 人大 speech)
            extras = [CONGRESS_ACTION, *extras[1:]]
    point = int(values.get("turn") or 1) - 1 if extras else 0
    turn = point % max(1, len(extras))
    extras = [*extras[turn:], *extras[:turn]]
    if role == "requirements" and ACTION_EXTRAS:
        extras = [_worded(e, point) for e in extras]
    return extras


def extra_purposes(role: str, values: dict[str, str]) -> list[str]:
    """The purposes, filled in, of the paragraphs beyond a role's own, in order; the last
    (the generic one) repeats."""
    return [t.format_map(_Default(values)) for t in [*_turned(role, values), _EXTRA_PURPOSE]]


def level_terms(level: str | None, organ: str | None, locality: str | None) -> dict[str, str]:
    """The organs a congress of this level has and supervises (DOMAIN.md, "Level, organ
    and voice"): a 乡镇 congress has a 主席团, no 常委会, and supervises only its government."""
    place = (locality or "")[-1:] if locality else ""
    if level in ("镇", "乡"):
        unit = level
        return {
            "party": f"{unit}党委",
            # (the congress first, then its presidium: 云溪 2013's 支持乡人大主席团和乡人大 read
            # the wrong way round to a writer of the seventeenth session's read)
            "congress": f"{unit}人大及其主席团",
            "supervised": f"{unit}人民政府",
        }
    if level == "街道":
        return {"party": "街道党工委", "congress": "街道人大工委", "supervised": "街道办事处"}
    unit = level or place or "本级"
    party = organ if organ and organ.endswith(("党委", "委")) else f"{unit}委"
    return {
        "party": "各级党组织" if level in ("县", "区", "市", "省") else party,
        "congress": f"{unit}人大及其常委会",
        "supervised": "“一府一委两院”",
    }


def plan_section(
    role: str,
    budget: int,
    *,
    facts: tuple[str, ...] = (),
    themes: tuple[str, ...] = (),
    headline: str = "",
    values: dict[str, str] | None = None,
    moves: tuple[int, ...] = ALL_MOVES,
) -> tuple[ParagraphPlan, ...]:
    """Paragraph plans for one section of `budget` 汉字; a congress point makes the
    congress-work `moves` it is given (see congress_moves)."""
    values = dict(values or {})
    values.setdefault("headline", headline.rstrip("。"))
    own, purposes, leads = _purposes(role, budget, bool(facts), values, moves)
    n = paragraph_count(budget)
    if role == "call":
        n = 1
    if role == "review" and facts:
        return _review_plan(purposes, budget, n, facts, themes, values)
    if role == "congress_work":
        # One move a paragraph while each still has CONGRESS_MOVE_MIN 汉字: given the three
        # moves in one paragraph of 160 字, the 1.5B wrote the Party's and stopped (河西 2017:
        # neither the supervised organs nor the delegates were told anything). The moves are
        # standing lines of two or three sentences each.
        n = max(n, min(len(ROLE_PURPOSES[role]), budget // CONGRESS_MOVE_MIN))
    if role in ("congress_work", "congress_point") and n < len(own):
        # Every move of this section matters (leadership, supervision, delegates): fewer
        # paragraphs carry several moves each rather than dropping one.
        purposes = merge_purposes(own, n)
        leads = merge_purposes(leads, n, sep="")
    if role == "situation" and len(facts) > n and _one_fact_each(facts):
        n = max(n, min(len(facts), budget // SITUATION_FACT_MIN))
    budgets = split_budget(budget, n)
    theme_groups = spread(themes, n)
    # the situation's facts open it; the paragraphs after take its angles (opportunities,
    # difficulties): one paragraph of 420 字 carrying them came out as the brief's sentence
    # alone (南川 2023: 116 of 420). Too many for the first paragraph to tell, they spread
    # over the first few.
    fact_groups = _situation_facts(facts, budgets) if role == "situation" else [facts]
    plans = []
    for i in range(n):
        template = purposes[i] if i < len(purposes) else _EXTRA_PURPOSE
        plans.append(
            ParagraphPlan(
                purpose=template.format_map(_Default(values)),
                budget=budgets[i],
                facts=fact_groups[i] if i < len(fact_groups) else (),
                themes=theme_groups[i],
                lead=_beside_headline(
                    leads[i].format_map(_Default(values)) if i < len(leads) else "",
                    values.get("headline", "") if role == "congress_point" else "",
                ),
            )
        )
    return tuple(plans)


_SUBJECT_YAO = re.compile(r"^(.+?要)(.+)$")


def _beside_headline(lead: str, headline: str) -> str:
    """A standing line without the clauses its point's headline already says (临江 2019,
    fourteenth full-length run: 四、要支持和保证人大依法行使职权，一府一委两院要自觉接受人大
    监督。 then, in the same paragraph, “一府一委两院”要自觉接受人大监督，…: the program's own
    line saying the headline again). A sentence's subject stays with what is left of it; a
    sentence with nothing left goes, unless nothing is left of the whole line."""
    said = han_only(headline)
    if not lead or han_count(said) < 4:
        return lead
    out = []
    for sentence in re.findall(r"[^。！？]+[。！？]", lead):
        clauses = sentence[:-1].split("，")
        m = _SUBJECT_YAO.match(clauses[0])
        subject, clauses[0] = (m.group(1), m.group(2)) if m else ("", clauses[0])
        # a clause of four 汉字 or more the headline has, whole (across its 、 and ， alike)
        kept = [c for c in clauses if han_count(c) < 4 or han_only(c) not in said]
        if kept:
            out.append(subject + "，".join(kept) + sentence[-1])
    # a headline that says the whole line leaves the line as it is: its paragraph's purpose
    # goes on from it (接着这句话…)
    return "".join(out) or lead


def _situation_facts(facts: tuple[str, ...], budgets: list[int]) -> list[tuple[str, ...]]:
    """The situation's facts over its paragraphs: all in the first, or (SITUATION_ROOM) over
    as few of the first paragraphs as tell them in 1/SITUATION_ROOM_PER_HAN of their budget;
    what the paragraphs have no room for goes in the last."""
    if not SITUATION_ROOM or len(facts) < 2 or len(budgets) < 2:
        return [facts]
    if _one_fact_each(facts):
        # one each, in order; the last paragraph takes what is left
        last = len(budgets) - 1
        return [(f,) for f in facts[:last]] + ([facts[last:]] if len(facts) > last else [])
    # filled in order, by their 汉字: a paragraph takes the next fact while it has room for
    # it (the first fact always), the last paragraph the facts left
    groups: list[list[str]] = [[]]
    for fact in facts:
        room = budgets[len(groups) - 1] / SITUATION_ROOM_PER_HAN
        used = sum(han_count(f) for f in groups[-1])
        if groups[-1] and used + han_count(fact) > room and len(groups) < len(budgets):
            groups.append([])
        groups[-1].append(fact)
    return [tuple(g) for g in groups]


def _purposes(
    role: str, budget: int, has_facts: bool, values: dict[str, str], moves: tuple[int, ...]
) -> tuple[list[str], list[str], list[str]]:
    """The role's own purposes, all purposes in order (its own, then its extra angles) and
    the standing lines its paragraphs open with."""
    own = ROLE_PURPOSES.get(role, [])
    if role == "opening" and OPENING_ASKS:
        own = OPENING_QUESTIONS
    lines = CONGRESS_LEADS_SHORT if SHORT_LEADS else CONGRESS_LEADS
    if values.get("own_congress"):
        lines = (CONGRESS_OWN_LEAD, *lines[1:])
    leads = list(lines) if role == "congress_work" else []
    angles = role
    if role == "congress_point":
        own = [ROLE_PURPOSES["requirements"][0], *(CONGRESS_MOVES[i] for i in moves)]
        leads = ["", *(lines[i] for i in moves)]
        if moves != ALL_MOVES:
            # then a requirement's angles: the congress part's own extra belongs to the
            # point that makes every move
            angles = "requirements"
    if role == "call" and CALL_TAIL:
        own = [CALL_LEADUP]
    if role == "requirements" and values.get("turn"):
        own = [*own[:2], _duty(values), *own[3:]]
    extras = _turned(angles, values)
    if role == "requirements" and HEADLINE_PARTS:
        extras = [*headline_parts(values["headline"]), *extras]
    if role == "requirements" and SPLIT_HOW and paragraph_count(budget) > len(own):
        own = [own[0], *HOW_SPLIT, *own[2:]]
    purposes = [*own, *extras]
    if role == "review" and not has_facts:
        purposes = [_REVIEW_WITHOUT_FACTS, ROLE_PURPOSES["review"][-1], *extras]
    elif role == "review":
        purposes = ROLE_PURPOSES["review"]
    return own, purposes, leads


def _duty(values: dict[str, str]) -> str:
    """The duty paragraph's purpose for point `turn`: its opening from DUTY_HEADS in turn."""
    head = DUTY_HEADS[(int(values.get("turn") or 1) - 1) % len(DUTY_HEADS)]
    return head + "：" + DUTY_TASK


def _review_plan(
    purposes: list[str],
    budget: int,
    n: int,
    facts: tuple[str, ...],
    themes: tuple[str, ...],
    values: dict[str, str],
) -> tuple[ParagraphPlan, ...]:
    """The review: enough paragraphs that none carries more than three facts, every
    paragraph told to write facts gets some, and an evaluation paragraph at the end when
    the budget allows one."""
    fact_paras = math.ceil(len(facts) / 3)
    total = max(n, fact_paras)
    evaluate = total > fact_paras or budget >= (fact_paras + 1) * PARAGRAPH_MIN
    total = fact_paras + (1 if evaluate else 0) + max(0, total - fact_paras - 1)
    groups = spread(facts, fact_paras)
    theme_groups = spread(themes, total)
    budgets = split_budget(budget, total)
    plans = []
    for i in range(total):
        if i < fact_paras:
            template, carried = purposes[0] if i == 0 else purposes[1], groups[i]
        elif evaluate and i == total - 1:
            template, carried = purposes[-1], ()
        else:
            k = i - fact_paras
            # the lessons would say again what the evaluation says: not in a plan with one
            extra = [e for e in ROLE_EXTRAS["review"] if not (evaluate and e == _REVIEW_LESSONS)]
            template, carried = (extra[k] if k < len(extra) else _EXTRA_PURPOSE), ()
        plans.append(
            ParagraphPlan(
                purpose=template.format_map(_Default(values)),
                budget=budgets[i],
                facts=carried,
                themes=theme_groups[i],
            )
        )
    return tuple(plans)


def merge_purposes(purposes: list[str], n: int, sep: str = "；") -> list[str]:
    """Exactly n purposes, the moves in order and spread as evenly as facts are (four
    moves in three paragraphs: 2, 1, 1); their leads merge the same way with sep=""."""
    return [sep.join(group) for group in spread(purposes, n)]


def extra_paragraph(
    budget: int, role: str = "", used: tuple[str, ...] = (), values: dict[str, str] | None = None
) -> ParagraphPlan:
    """One more paragraph for a section that came out short (length by more paragraphs,
    never by repeating): the role's first angle its plan has not `used` yet."""
    options = extra_purposes(role, dict(values or {}))
    purpose = next((p for p in options if p not in used), options[-1])
    return ParagraphPlan(purpose=purpose, budget=budget)


def call_formula(values: dict[str, str]) -> str:
    """The call's closing formula filled in from the plan's values (centre, stem)."""
    return CALL_FORMULA.format_map(_Default(values))


def party_centre(date: object) -> str:
    """The Party centre as a speech of that date names it: 核心 since 十八届六中全会
    (2016-10-27), 习近平 总书记 since 十八届一中全会 (2012-11-15), 胡锦涛 before
    (evals/tifa.yaml checks all three)."""
    if isinstance(date, dt.date):
        if date < dt.date(2012, 11, 15):
            return "以胡锦涛同志为总书记的党中央"
        if date < dt.date(2016, 10, 27):
            return "以习近平同志为总书记的党中央"
    return "以习近平同志为核心的党中央"


# Whose leadership the results are owed to when the speech names no Party committee of its own
# level (outline's _credit): a Party secretary's, or a brief without a level.
DEFAULT_CREDIT = "上级党委的正确领导"


class _Default(dict):
    def __missing__(self, key: str) -> str:
        if key == "centre":
            return party_centre(None)
        if key == "credit":
            return DEFAULT_CREDIT
        if key == "aim":
            return CALL_AIMS["year"].format_map(self)
        return "本地" if key in ("place", "stem") else ""


def ordinal_marker(i: int) -> str:
    return f"{chinese_number(i)}、"
