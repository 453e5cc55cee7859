"""Writer-level checks: integrity, focus, usage, voice, register, politics.

What a reviewing writer sees first (issue 7, part 1): every reference speech passes them;
metamorphic perturbations of the references fail their target check and raise no other;
the issue's own examples fail, their correct counterparts pass; and each check gives the
same verdict on one candidate paragraph while drafting, quickly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from assistant import paths
from assistant.brief import load_brief, parse_brief
from assistant.checks import PARAGRAPH, REGISTRY, Subject
from assistant.corpus import load_corpus
from assistant.evalrun import load_cases
from assistant.text import han_count, paragraphs, sentences

WRITER = ("integrity", "focus", "usage", "voice", "register", "politics")
DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parent.parent
REFERENCES = sorted(p.stem for p in paths.bundled_corpus_dir().glob("*.md") if p.stem != "MANIFEST")

# Real defects of the samples, kept as they are (the corpus is verbatim), with the text
# the check quotes. street-symposium (a 2009-era county speech) says of 人大代表
# "充分发挥了人大代表的参政议政作用": 参政议政 is 政协 vocabulary (DOMAIN.md).
KNOWN_DEFECTS = {("street-symposium", "usage"): "人大代表的参政议政"}


@pytest.fixture(scope="module")
def corpus():
    return tuple(load_corpus([paths.bundled_corpus_dir()]))


@pytest.fixture(scope="module")
def refs(corpus):
    cases = {c.reference: c for c in load_cases() if c.reference}
    return {s.id: (s, cases[s.id]) for s in corpus}


def _subject(refs, corpus, ref: str, text: str | None = None) -> Subject:
    speech, case = refs[ref]
    return Subject(
        raw=speech.text if text is None else text,
        brief=case.brief,
        occasion=case.occasion,
        corpus=corpus,
        exclude_ids=frozenset({speech.id}),
    )


def _run(subject: Subject) -> dict:
    return {name: REGISTRY[name].run(subject) for name in WRITER}


def brief(level="镇", role="镇党委书记", organ="镇党委", name="李明", **extra):
    data = {
        "occasion": "closing_session",
        "locality": "青山镇",
        "level": level,
        "speaker": {"role": role, "organ": organ, "name": name},
    }
    return parse_brief(data | extra)


# -- the registry ------------------------------------------------------------------------------


def test_writer_checks_are_registered_for_both_scopes():
    for name in WRITER:
        check = REGISTRY[name]
        assert check.writer and set(check.scopes) == {"speech", "paragraph"}, name
    assert REGISTRY["politics"].fatal and REGISTRY["politics"].weight == 3.0
    assert REGISTRY["integrity"].weight == REGISTRY["focus"].weight == 2.0
    assert all(REGISTRY[n].weight == 1.5 for n in ("usage", "voice", "register"))


def test_reference_list_matches_corpus(corpus):
    assert REFERENCES == sorted(s.id for s in corpus)


# -- every reference passes ----------------------------------------------------------------------


@pytest.mark.parametrize("ref", REFERENCES)
def test_reference_passes_writer_checks(refs, corpus, ref):
    for name, result in _run(_subject(refs, corpus, ref)).items():
        defect = KNOWN_DEFECTS.get((ref, name))
        if defect:
            assert not result.passed, f"{ref}: the known defect is no longer seen by {name}"
            assert any(defect in f for f in result.findings), result.reason
            assert len(result.findings) == 1, result.reason
        else:
            assert result.passed, f"{ref} fails {name}:\n{result.reason}"


# -- metamorphic perturbations -------------------------------------------------------------------


def cut_point(text: str, parsed) -> str | None:
    """The second requirement point cut to its headline."""
    points = parsed.points()
    if len(points) < 2 or not points[1].heading:
        return None
    p = points[1]
    end = p.text.find(p.heading) + len(p.heading)
    return text[: p.start] + p.text[:end] + "\n" + text[p.end :]


def copy_sentences(text: str, parsed) -> str | None:
    """Three sentences of the first point's body copied to the end of the last point."""
    points = parsed.points()
    if len(points) < 2:
        return None
    first = points[0]
    body = first.text[first.text.find(first.heading) + len(first.heading) :]
    copied = [s for s in sentences(body) if han_count(s) >= 15][:3]
    if len(copied) < 2:
        return None
    last = points[-1]
    return text[: last.end] + "".join(copied) + text[last.end :]


def splice_readdress(text: str, parsed) -> str | None:
    """ "各位代表、同志们，" spliced after the first comma of a point's second sentence."""
    for p in parsed.points():
        for para in paragraphs(p.text):
            sents = sentences(para)
            if len(sents) > 2 and "，" in sents[1][4:]:
                at = text.find(sents[1], p.start)
                comma = text.index("，", at + 4) + 1
                return text[:comma] + "各位代表、同志们，" + text[comma:]
    return None


def restart_speech(text: str, parsed) -> str | None:
    """Another speech's opening ("各位代表，大家好！今天是…闭幕式。") spliced in front of the
    last point's second paragraph or sentence (the 1.5B wrote one inside 要求之四)."""
    points = parsed.points()
    if not points:
        return None
    sents = sentences(points[-1].text)
    if len(sents) < 3:
        return None
    at = text.find(sents[1], points[-1].start)
    opening = "各位代表，大家好！今天是大会闭幕的日子，我们在这里回顾了过去一年的工作。"
    return text[:at] + opening + text[at:]


def swap_proposal(text: str, parsed) -> str | None:
    """建议 → 提案 in the first sentence about 代表 that has 建议."""
    for s in sentences(text):
        if "代表" in s and "建议" in s:
            return text.replace(s, s.replace("建议", "提案", 1), 1)
    return None


PERTURBATIONS = {
    "cut_point": (cut_point, "integrity"),
    "copy_sentences": (copy_sentences, "focus"),
    "splice_readdress": (splice_readdress, "integrity"),
    "swap_proposal": (swap_proposal, "usage"),
    "restart_speech": (restart_speech, "integrity"),
}


@pytest.mark.parametrize("ref", REFERENCES)
@pytest.mark.parametrize("kind", PERTURBATIONS)
def test_perturbation_fails_its_target_and_raises_no_other(refs, corpus, ref, kind):
    perturb, target = PERTURBATIONS[kind]
    base = _subject(refs, corpus, ref)
    changed = perturb(base.text, base.parsed)
    if changed is None:
        pytest.skip(f"{ref} has nothing to {kind}")
    before, after = _run(base), _run(_subject(refs, corpus, ref, changed))
    assert not after[target].passed, f"{kind} on {ref} passes {target}"
    assert after[target].score < before[target].score
    for name in WRITER:
        if name != target:
            assert after[name].score <= before[name].score + 1e-9, (
                f"{kind} on {ref} raised {name}: {after[name].reason}"
            )


@pytest.mark.parametrize("kind", PERTURBATIONS)
def test_each_perturbation_applies_to_most_references(refs, corpus, kind):
    perturb, _ = PERTURBATIONS[kind]
    applied = [r for r in REFERENCES if perturb(*_texts(_subject(refs, corpus, r)))]
    assert len(applied) >= 6, (kind, applied)


def _texts(subject: Subject):
    return subject.text, subject.parsed


# -- the issue's examples, and their correct counterparts ----------------------------------------

SALUTE = "各位代表、同志们：\n"
COUNTY = {"level": "县", "role": "县委书记", "organ": "县委", "name": "王明"}
STREET = {"level": "街道", "role": "街道党工委书记", "organ": "街道党工委", "name": "许晓岚"}

# (check, text, brief overrides, occasion, fails, a phrase the finding quotes)
EXAMPLES = [
    # integrity
    (
        "integrity",
        SALUTE + "一、坚持党的领导，确保各项决策部署落地见效。一是全过程人民民主。\n"
        "二、聚焦高质量发展，做强特色农业。要坚持把发展作为第一要务，推动农业提质增效，"
        "让特色农业成为群众增收致富的支柱产业，让农文旅融合成为全镇发展的新引擎。",
        {},
        "closing_session",
        True,
        "只有标题和一句短语",
    ),
    (
        "integrity",
        SALUTE
        + "四、依法履职尽责，充分发挥人大代表作用。\n是人大工作的生命线，代表们要密切联系群众。",
        {},
        "closing_session",
        True,
        "是人大工作的生命线",
    ),
    (
        "integrity",
        SALUTE + "一、要在基层治理中充分发挥代表作用。代表来自群众，最了解群众的难处，"
        "要把联系群众的功夫下在平时，把群众的意见带进联络站、带到会上。\n"
        "今年，街道人大工委要抓出看得见的成效，让群众感受到变化。\n"
        "要把加装电梯、楼道议事这些群众身边的事办好，办一件成一件，让群众看到代表在干什么。",
        STREET,
        "symposium",
        True,
        "太单薄",
    ),
    # 临江 2019 (thirteenth full-length run): a decision pointed at that nothing names
    (
        "integrity",
        SALUTE
        + "一、要坚定政治方向，同党中央保持高度一致。这个决定对临江的发展具有重要意义，我们必须坚决"
        "执行这一决定，推动经济社会高质量发展。",
        {},
        "closing_session",
        True,
        "这个决定",
    ),
    (
        "integrity",
        SALUTE
        + "一、要认真贯彻县委关于加强人大工作的决定。这个决定对全县的发展具有重要意义，我们必须坚决"
        "执行，推动经济社会高质量发展，群众对此意见很大的问题要逐项解决。",
        {},
        "closing_session",
        False,
        "",
    ),
    # 柳塘 2021 (fourteenth full-length run): a report's lead-in
    (
        "register",
        SALUTE
        + "四、新当选的代表和领导干部要珍惜重托、依法履职、清正廉洁。要做到这一要求，就要从下面几方面"
        "着手，切实增强责任感和使命感。",
        {},
        "closing_session",
        True,
        "下面几方面",
    ),
    # 丰源 2025 (fourteenth full-length run): a manual's steps in a point
    (
        "register",
        SALUTE
        + "三、学习运用“千万工程”经验，推进乡村全面振兴。要实现这一要求，需要做好几件事。首先要深入了解"
        "“千万工程”的实践和成效。然后，要在实际工作中积极应用这些经验。最后，要依靠基层干部和群众"
        "把工作落到实处。",
        {},
        "closing_session",
        True,
        "几件事",
    ),
    # 丰源 2025 (fourteenth full-length run): an example standing as a paragraph of its own
    (
        "integrity",
        SALUTE
        + "面对这样的形势，我们要坚定信心，增强忧患意识，以奋发有为的姿态把今年的各项任务落到实处，"
        "努力推动经济社会高质量发展。\n"
        "例如，我们可以通过优化土地利用、推动绿色产业的发展、加强科技创新等方面来提升经济和生态效益。",
        {},
        "closing_session",
        True,
        "例如",
    ),
    # 临江 2019 (thirteenth full-length run): 的和 run together
    (
        "integrity",
        SALUTE + "希望各位代表多到群众中去，为推动政府工作的和服务人民作出更大的贡献。",
        {},
        "closing_session",
        True,
        "的和",
    ),
    (
        "integrity",
        SALUTE + "要维护社会的和谐稳定，让群众过上更加美好的生活，共享发展的和美成果。",
        {},
        "closing_session",
        False,
        "",
    ),
    # 槐原 2018 (thirteenth and fourteenth full-length runs): the formula's numbers garbled
    (
        "usage",
        SALUTE + "二府一委两院和人大机关积极行动，推动建议办理，一府二院也要主动配合。",
        {"level": "县"},
        "closing_session",
        True,
        "二府一委两院",
    ),
    # 丰源 2025 (fourteenth full-length run): a point's angle copied back in two short
    # sentences, a paragraph of its own
    (
        "integrity",
        SALUTE + "一、要深入学习贯彻党的二十届三中全会精神，进一步全面深化改革。这是新时代发展的"
        "必然要求，我们要强化责任担当，确保各项改革任务落到实处，推动丰源经济高质量发展。\n"
        "抓落实的保障是关键。明确责任、加强督查、严格考核，让每项任务都有人抓、有人管。\n"
        "各级各部门要明确责任分工，形成齐心协力的工作格局，确保各项改革任务得到有力推进。",
        {},
        "closing_session",
        True,
        "太单薄",
    ),
    (
        "integrity",
        SALUTE + "一、要在基层治理中充分发挥代表作用。代表来自群众，最了解群众的难处，"
        "要把联系群众的功夫下在平时，把群众的意见带进联络站、带到会上。\n"
        "今年，街道人大工委要抓出看得见的成效，让群众感受到变化。要把加装电梯、楼道议事"
        "这些群众身边的事办好，办一件成一件，让群众看到代表在干什么。",
        STREET,
        "symposium",
        False,
        "",
    ),
    (
        "integrity",
        SALUTE + "各级党组织要加强和改进对人大工作的领导，各位代表、同志们，"
        "人民代表大会制度是我国的根本政治制度。",
        {},
        "closing_session",
        True,
        "各位代表、同志们",
    ),
    (
        "integrity",
        SALUTE + "要深入学习《中华人民共和国宪法，做到学法懂法守法。",
        {},
        "closing_session",
        True,
        "不成对",
    ),
    ("integrity", SALUTE + "全体代表要围绕全镇中心工作，", {}, "closing_session", True, "没有说完"),
    (
        "integrity",
        SALUTE
        + "成绩来之不易。这是全镇干部群众一件一件干出来的，凝聚着各位代表和广大群众的心血和汗水。\n"
        "也要清醒地看到，我们的工作还存在一些不足。群众还有不少期盼，发展中还有不少难题需要破解。\n"
        "要更加注重重大事项的法律保障，让每一项决策都经得起法律的检验、实践的检验和群众的检验。",
        {},
        "closing_session",
        False,
        "",
    ),
    (
        "integrity",
        SALUTE + "成绩来之不易。\n也是全镇人民共同奋斗的结果。",
        {},
        "closing_session",
        True,
        "以“也”起头",
    ),
    (
        "integrity",
        SALUTE + "一、坚持党的领导，确保各项决策部署落地见效。\n要把党的领导贯穿人大工作全过程。"
        "坚持党的领导，确保各项决策部署落地见效。\n二、聚焦高质量发展，做强特色农业。"
        "要坚持把发展作为第一要务，推动农业提质增效，让特色农业成为群众增收致富的支柱产业。",
        {},
        "closing_session",
        True,
        "重复了一遍",
    ),
    (
        "integrity",
        SALUTE + "各级党组织要加强和改进对人大工作的领导。各位代表、同志们，人民代表大会制度"
        "是我国的根本政治制度。最后，祝愿各位代表、同志们身体健康、工作顺利！",
        {},
        "closing_session",
        False,
        "",
    ),
    # focus
    # 柳塘 2021 (tenth full-length run): the speech begun again inside a point, the elected
    # called 先生/女士, the plan's 要做到“…要…” copied, the speaker as the supervised
    (
        "integrity",
        SALUTE + "大会圆满完成了各项议程，即将胜利闭幕。\n五年来，全镇经济社会发展取得显著成绩。\n"
        "一、要坚持党的全面领导。我们在这里举行柳塘镇第十九届人民代表大会第一次会议闭幕式。",
        {},
        "closing_session",
        True,
        "我们在这里举行",
    ),
    (
        "usage",
        "今天，我们隆重欢迎陈志刚先生当选为镇人大主席，并祝贺吴海燕女士当选。",
        {},
        "closing_session",
        True,
        "陈志刚先生",
    ),
    (
        "usage",
        "要弘扬孙中山先生的爱国精神，坚持优先生态保护，率先生产出合格产品。",
        {},
        "closing_session",
        False,
        "",
    ),
    (
        "integrity",
        SALUTE
        + "大会圆满完成了各项议程。\n五年前，我们在这里召开了镇第十八届人民代表大会第一次会议。\n"
        "一、要坚持党的全面领导，推动发展。",
        {},
        "closing_session",
        False,
        "",
    ),
    (
        "integrity",
        SALUTE + "三、新一届镇政府要依法行政。要新一届镇政府要依法行政、勤政为民，这是必然要求。",
        {},
        "closing_session",
        True,
        "要新一届镇政府要",
    ),
    (
        "integrity",
        SALUTE + "三、要依法行政。要求各级干部要带头学法，要让群众满意。",
        {},
        "closing_session",
        False,
        "",
    ),
    (
        "voice",
        "同时，我们也应严格遵守法律法规，依法行政、勤政为民，自觉接受镇人大监督。",
        {},
        "closing_session",
        True,
        "自觉接受镇人大监督",
    ),
    (
        "voice",
        "我们要督促镇政府依法行政、勤政为民，自觉接受镇人大监督。我们相信，新当选的同志一定会"
        "忠实履行职责，自觉接受人大监督。",
        {},
        "closing_session",
        False,
        "",
    ),
    # 枫林 2024 (tenth full-length run): a long clause said again inside the next sentence
    (
        "focus",
        "建成社区代表联络点9个，为推动基层治理和民生实事提供了有力保障。这些努力为推动基层治理"
        "和民生实事提供了有力保障，让群众的信任感增强了。",
        {},
        "closing_session",
        True,
        "这些努力为推动基层治理和民生实事提供了有力保障",
    ),
    # 双桥乡 2022: the delegates' line in paragraph after paragraph of the congress point
    (
        "focus",
        SALUTE + "一、要支持乡人大主席团依法履职。乡党委要加强对人大工作的领导，定期听取汇报。"
        "希望各位代表依法履职、密切联系群众，为双桥的发展贡献力量。\n"
        "乡人民政府要自觉接受人大监督，主动报告工作，认真落实审议意见。\n"
        "闭会期间要常到群众中去，希望各位代表依法履职、密切联系群众，当好人民群众的代言人。",
        {},
        "closing_session",
        True,
        "同一节的两段说了同样的话：“希望各位代表依法履职”",
    ),
    (
        "focus",
        SALUTE + "一、要加快发展特色农业。我们要把特色农业做大做强，带动群众增收致富。\n"
        "希望各位代表依法履职、带头发展特色产业，让群众分享产业发展的红利。\n"
        "二、要支持乡人大主席团依法履职。希望各位代表依法履职、密切联系群众，当好代言人。\n"
        "乡人民政府要自觉接受人大监督，认真办理代表建议。",
        {},
        "closing_session",
        False,
        "",
    ),
    (
        "focus",
        "我们要加快发展特色农业，让广大农民在享受发展成果的同时，也能享受到现代化的美好生活。"
        "我们要推进农文旅融合，让广大农民在享受发展成果的同时，也能享受到现代化的美好生活。"
        "我们要改善人居环境，让广大农民在享受发展成果的同时，也能享受到现代化的美好生活。",
        {},
        "closing_session",
        True,
        "也能享受到现代化的美好生活",
    ),
    (
        "focus",
        SALUTE + "今年要加快发展。要在推进乡村振兴战略中，发展特色农业。要在推进乡村振兴战略中，"
        "改善人居环境。要在推进乡村振兴战略中，建设美丽乡村。",
        {},
        "closing_session",
        True,
        "要在推进乡村振兴战略中",
    ),
    (
        "focus",
        SALUTE + "决胜收官之年，我们要坚定笃定，深入学习贯彻重要讲话精神。\n"
        "决胜收官之年，我们要求稳求进，坚定不移推动产业转型升级。\n"
        "决胜收官之年，我们要用心用情，用群众幸福指数标注初心使命。",
        {},
        "closing_session",
        False,
        "",
    ),
    # usage
    ("usage", "人大代表要积极提出“提案”，反映群众呼声。", {}, "closing_session", True, "提案"),
    # 白沙 2026 (tenth full-length run): the delegates told to accept the congress's supervision
    (
        "usage",
        "希望各位代表积极履职，要自觉接受人大监督，确保镇人大工作的顺利进行。",
        {},
        "closing_session",
        True,
        "接受人大监督",
    ),
    (
        "usage",
        "各位代表要依法履职、审慎用权，主动接受群众监督；各位代表要督促镇政府自觉接受人大监督。"
        "镇政府要认真办理代表建议，自觉接受人大监督，不断改进工作。",
        {},
        "closing_session",
        False,
        "",
    ),
    # 双桥乡 2022: the presidium's own-building paragraph telling someone to lead the congress
    (
        "usage",
        "乡人大主席团要加强自身建设，加强对乡人大工作的领导，提高监督效能。",
        {"level": "乡"},
        "closing_session",
        True,
        "加强对乡人大工作的领导",
    ),
    (
        "usage",
        "县委将进一步加强和改进对人大工作的领导。我们要加强对人大工作的领导，支持人大依法行使职权。"
        "一、坚持党对人大工作的全面领导。要进一步加强对人大工作的领导。",
        {"level": "县", "role": "县委书记"},
        "closing_session",
        False,
        "",
    ),
    ("usage", "人大代表要积极参政议政。", {}, "closing_session", True, "参政议政"),
    ("usage", "镇政府要领导人大开展工作。", {}, "closing_session", True, "领导人大"),
    ("usage", "镇人大常委会要加强对政府的监督。", {}, "closing_session", True, "镇人大常委会"),
    ("usage", "一府一委两院要自觉接受人大监督。", {}, "closing_session", True, "一府一委两院"),
    ("usage", "一府一委两院要自觉接受人大监督。", COUNTY, "closing_session", False, ""),
    ("usage", "县人大常委会要加强对政府的监督。", COUNTY, "closing_session", False, ""),
    ("usage", "街道人大要加强代表联络站建设。", STREET, "symposium", True, "街道人大"),
    ("usage", "街道人大工委要加强代表联络站建设。", STREET, "symposium", False, ""),
    (
        "usage",
        "今天，我们在这里隆重召开青山镇第十八届人民代表大会第六次会议。",
        {},
        "closing_session",
        True,
        "召开",
    ),
    ("usage", "政协委员要围绕中心工作积极提交提案。", {}, "closing_session", False, ""),
    # voice
    (
        "voice",
        "县人大常委会主任××强调，要加强代表工作。",
        {"level": "县", "role": "县人大常委会主任", "organ": "县人大常委会", "name": None},
        "symposium",
        True,
        "县人大常委会主任××强调",
    ),
    ("voice", "李明书记指出，要加快发展。", {}, "closing_session", True, "李明书记指出"),
    # the speaker named as others name him (云溪 2013, in 周文斌's own speech)
    ("voice", "刚才李书记对大会做了工作报告。", {}, "closing_session", True, "李书记对大会做了"),
    ("voice", "刚才王镇长代表镇政府做了工作报告。", {}, "closing_session", False, ""),
    ("voice", "刚才，县委李书记作了重要讲话。", {}, "closing_session", False, ""),
    (
        "voice",
        "镇人大主席团做了大量工作。",
        {"role": "镇人大主席", "organ": "镇人大主席团"},
        "closing_session",
        False,
        "",
    ),
    (
        "voice",
        "作为青山镇人民的代表，我们全体代表要依法履职。",
        {},
        "closing_session",
        True,
        "作为",
    ),
    ("voice", "我们各位代表要带头联系群众。", {}, "closing_session", True, "我们各位代表"),
    ("voice", "我们镇政府将全力办好民生实事。", {}, "closing_session", True, "我们镇政府将"),
    ("voice", "在此，我代表镇政府，向大会表示祝贺。", {}, "closing_session", True, "我代表镇政府"),
    (
        "voice",
        "在此，我代表镇党委政府，向大会表示祝贺。习近平总书记指出，人民对美好生活的向往，"
        "就是我们的奋斗目标。各位代表要带头联系群众。",
        {},
        "closing_session",
        False,
        "",
    ),
    # register
    ("register", "具体来说，可以从以下几个方面入手。", {}, "closing_session", True, "具体来说"),
    # 双桥乡 2022: the situation as a work plan's six tasks strung with ；
    (
        "register",
        "我们一定要乘势而上，加快推动乡村振兴；推进绿色低碳发展；加强人才队伍建设；加大农村基础"
        "设施建设力度；完善社会保障体系；加强法治工作，维护社会公平正义。",
        {},
        "closing_session",
        True,
        "一句话用分号串起6项任务",
    ),
    (
        "register",
        "我们要加快推动乡村振兴；推进绿色低碳发展；加强人才队伍建设；完善社会保障体系；"
        "加强法治工作。要把“产业兴旺”；“生态宜居”；“乡风文明”；“治理有效”；“生活富裕”落到实处。",
        {},
        "closing_session",
        False,
        "",
    ),
    # 槐原 2018 (tenth full-length run): 一就是…二就是…
    (
        "register",
        "要加强组织。一就是举办各种形式的培训活动。二就是定期召开座谈会，听取意见和建议。",
        {},
        "closing_session",
        True,
        "一就是",
    ),
    ("register", "统一就是力量，要把思想统一到大会精神上来。", {}, "closing_session", False, ""),
    ("register", "讲规矩，一就是一，二就是二，不打折扣。", {}, "closing_session", False, ""),
    (
        "register",
        "我们必须采取有力措施。第一就是优化产业结构。第二就是加强科技创新。",
        {},
        "closing_session",
        True,
        "第一就是",
    ),
    # 双桥乡 2022: a memo's lead-in and its 首先是…其次是… list of measures
    (
        "register",
        "为此，需要采取一系列具体的工作措施。首先是强化政策保障和资金支持，确保重点项目建设顺利"
        "实施；其次是加强农村劳动力技能培训；最后是持续巩固脱贫成果。",
        {},
        "closing_session",
        True,
        "需要采取一系列具体的工作措施",
    ),
    (
        "register",
        "做好这项工作，首先是强化政策保障和资金支持；其次是加强农村劳动力技能培训。",
        {},
        "closing_session",
        True,
        "首先是强化政策保障",
    ),
    (
        "register",
        "坚持走群众路线，首先要掌握群众工作方法，把调查研究作为依法履职的依据；其次要坚持以人为本，"
        "把维护人民群众的根本利益作为出发点和落脚点。",
        {},
        "closing_session",
        False,
        "",
    ),
    ("register", "一是深化民主协商：推动协商议事常态化。", {}, "closing_session", True, "冒号"),
    (
        "register",
        "（一）加强学习：要认真学习宪法法律。",
        {},
        "closing_session",
        True,
        "（一）加强学习",
    ),
    (
        "register",
        "**一、坚持党的领导**\n## 二、聚焦发展\n- 做强特色农业",
        {},
        "closing_session",
        True,
        "**",
    ),
    (
        "register",
        "一是抓学习；二是抓制度；三是抓队伍；四是抓阵地；五是抓活动；六是抓宣传；七是抓保障。",
        {},
        "closing_session",
        True,
        "七是",
    ),
    (
        "register",
        "一是加强学习：一是学理论，二是学法律；二是健全制度。",
        {},
        "closing_session",
        True,
        "套了一层",
    ),
    (
        "register",
        "二、【待补：第二点要求的标题句】",
        {"themes": ["全过程人民民主"]},
        "closing_session",
        True,
        "全过程人民民主",
    ),
    ("register", "二、【待补：第二点要求的标题句】", {}, "closing_session", False, ""),
    (
        "register",
        "下面，我讲四点意见。一是抓学习，二是抓制度，三是抓队伍。社会**、政权频繁更迭。",
        {},
        "closing_session",
        False,
        "",
    ),
    # politics
    (
        "politics",
        "镇人大要依据《青山镇人大关于加强乡镇党委和政府工作监督的决定》，开展工作。",
        {},
        "closing_session",
        True,
        "监督的决定》",
    ),
    ("politics", "镇人大要加强对镇党委的监督。", {}, "closing_session", True, "监督"),
    # 双桥乡 2022: a township granting tax preferences
    (
        "politics",
        "我们要建立健全政策支持体系，为产业发展提供必要的财政、税收、金融等优惠政策。",
        {"level": "乡"},
        "closing_session",
        True,
        "税收、金融等优惠",
    ),
    (
        "politics",
        "要不折不扣落实国家各项税收优惠政策，为企业纾困解难，让市场主体轻装上阵。"
        "全年累计为企业减免税收3.2亿元。",
        {"level": "县"},
        "closing_session",
        False,
        "",
    ),
    ("politics", "人大代表要监督党委依法执政。", {}, "closing_session", True, "监督党委"),
    ("politics", "镇政府要领导镇党委做好工作。", {}, "closing_session", True, "领导镇党委"),
    ("politics", "要通过发放礼品，拉近代表和领导的距离。", {}, "closing_session", True, "发放礼品"),
    (
        "politics",
        "严禁发放礼品，不得宴请，杜绝公款吃喝，坚决反对拉票贿选。",
        {},
        "closing_session",
        False,
        "",
    ),
    ("politics", "发放礼品的做法必须杜绝。", {}, "closing_session", False, ""),
    ("politics", "会议期间向代表赠送纪念品。", {}, "closing_session", True, "赠送纪念品"),
    ("politics", "要开发特色文创礼品，做强农文旅融合产业。", {}, "closing_session", False, ""),
    ("politics", "严控公务接待宴请，厉行勤俭节约。", {}, "closing_session", False, ""),
    (
        "politics",
        "镇人大要监督镇党委决策部署的落实情况，对镇党委重大决策落实情况加强监督。",
        {},
        "closing_session",
        False,
        "",
    ),
    ("politics", "有的代表搞拉票。", {}, "closing_session", True, "拉票"),
    (
        "politics",
        "要做到两个凡是，凡是涉及党的工作都要坚决支持。",
        {},
        "closing_session",
        True,
        "两个凡是",
    ),
    ("politics", "要彻底破除“两个凡是”的束缚，解放思想。", {}, "closing_session", False, ""),
    ("politics", "镇人大主席团要制定法规，规范农村建房。", {}, "closing_session", True, "制定法规"),
    (
        "politics",
        "部分乡镇的法规尚需完善，需要进一步加大立法力度。",
        {},
        "closing_session",
        True,
        "法规尚需",
    ),
    ("politics", "乡镇人大要认真执行上级人大的决议。", {}, "closing_session", False, ""),
    (
        "politics",
        "政府要加强对人大工作的领导和支持，尊重并落实代表建议。",
        {},
        "closing_session",
        True,
        "对人大工作的领导",
    ),
    ("politics", "镇党委要加强对人大工作的领导。", {}, "closing_session", False, ""),
    (
        "politics",
        "县人大常委会要依法制定地方性法规。",
        COUNTY,
        "closing_session",
        True,
        "制定地方性法规",
    ),
    (
        "politics",
        "县人大常委会要认真执行省人大常委会制定的地方性法规。",
        COUNTY,
        "closing_session",
        False,
        "",
    ),
    (
        "voice",
        "过去一年，作为镇人大主席团成员，我们认真履行职责。",
        {},
        "closing_session",
        True,
        "作为镇人大主席团成员",
    ),
    (
        "voice",
        "作为镇党委书记李明，我们要始终保持清醒的政治头脑。",
        {},
        "closing_session",
        True,
        "李明",
    ),
    ("register", "要大力发展特色farming，带动群众增收。", {}, "closing_session", True, "farming"),
    # acronyms and the anonymised XX of the corpus are not English prose
    ("register", "全镇GDP稳步增长，XX同志作了报告。", {}, "closing_session", False, ""),
    ("politics", "这次街道人民代表大会开得很成功。", STREET, "symposium", True, "街道人民代表大会"),
    ("politics", "人大工委要监督街道党工委的工作。", STREET, "symposium", True, "监督街道党工委"),
    (
        "politics",
        "镇政府要自觉接受人大监督，镇人大要在镇党委领导下依法履职。",
        {},
        "closing_session",
        False,
        "",
    ),
    # only the Party leads: "在镇人大主席团的领导下，镇人民政府…" (白沙镇 2026)
    (
        "politics",
        "在镇人大主席团的领导下，镇人民政府认真办理代表建议。",
        {},
        "closing_session",
        True,
        "领导下",
    ),
    ("politics", "在镇党委的领导下，镇人大主席团认真履职。", {}, "closing_session", False, ""),
    # a 镇 has no standing committee; the county's, which guides it, may be named
    (
        "usage",
        "过去一年，镇人大及其常委会认真履行职责。",
        {},
        "closing_session",
        True,
        "人大及其常委会",
    ),
    (
        "usage",
        "在县人大常委会的指导下，镇人大主席团认真履行职责。",
        {},
        "closing_session",
        False,
        "",
    ),
    # the thanks said again inside a point (白沙 2026, point 三); in its place it passes
    (
        "integrity",
        SALUTE + "在此，我代表镇党委，向全体代表表示热烈的祝贺！\n"
        "一、要坚持党的全面领导，确保开好局、起好步。各级党组织要把方向、管大局。\n"
        "二、要依法履职、善始善终，做好本届镇人大工作收尾。镇人大主席团要把换届选举的"
        "各项准备做细做实，确保选举依法有序。在此我代表镇党委向全体代表和列席同志表示热烈的"
        "祝贺，代表们要当好群众的代言人。",
        {},
        "closing_session",
        True,
        "致谢之外",
    ),
    (
        "integrity",
        SALUTE + "在此，我代表镇党委，向大会的圆满成功表示热烈的祝贺！"
        "向各位代表致以衷心的感谢！\n"
        "一、要依法履职、善始善终，做好本届镇人大工作收尾。镇人大主席团要把换届选举的"
        "各项准备做细做实，确保选举依法有序，代表们要当好群众的代言人。",
        {},
        "closing_session",
        False,
        "",
    ),
    # two 一要…三要 runs in one point read as an item list; one develops the point
    (
        "register",
        SALUTE + "一、要牢牢抓住发展第一要务，做强特色产业。发展是解决一切问题的基础。"
        "一要加大政策支持，二要优化产业结构，三要提升创新能力。\n"
        "各级干部要担当作为。一要在经济建设上担当，二要在民生保障上担当，三要在社会治理上担当。\n"
        "二、要坚持人民至上。民生实事要办一件成一件，让群众看得见、摸得着。",
        {},
        "closing_session",
        True,
        "第二次",
    ),
    (
        "register",
        SALUTE + "一、要牢牢抓住发展第一要务，做强特色产业。发展是解决一切问题的基础。"
        "一要加大政策支持，二要优化产业结构，三要提升创新能力。\n"
        "二、要坚持人民至上。一要办好民生实事，二要守牢安全底线，三要改善人居环境。",
        {},
        "closing_session",
        False,
        "",
    ),
    # the speaker's own title with 我们 (白沙 2026); 作为…代表，我们 is the as_delegate case
    (
        "voice",
        "作为镇党委书记，我们要始终把群众放在心上。",
        {},
        "closing_session",
        True,
        "作为镇党委书记，我们",
    ),
    ("voice", "作为镇党委书记，我深感责任重大。", {}, "closing_session", False, ""),
    # 提案 beside 建议 (石桥 2016); a 政协 sentence may name them
    ("usage", "这些建议和提案都得到了有关部门的重视。", {}, "closing_session", True, "建议和提案"),
    ("usage", "认真办理人大代表建议和政协委员提案。", {}, "closing_session", False, ""),
    # (in a county: a township has no 政协)
    (
        "usage",
        "政协各参加单位要把代表建议和提案办理好。",
        {"level": "县", "locality": "青山县", "role": "县委书记", "organ": "县委"},
        "closing_session",
        False,
        "",
    ),
    ("usage", "镇党委要支持和保障代表依法履行代表职责。", {}, "closing_session", False, ""),
    # the government doing the delegates' duty (白沙 2026)
    (
        "usage",
        "镇人民政府要认真履行人大代表职责，自觉接受人大监督。",
        {},
        "closing_session",
        True,
        "履行人大代表职责",
    ),
    ("usage", "各位代表要认真履行代表职责，密切联系群众。", {}, "closing_session", False, ""),
    # the place located where the brief does not say (临江 2019 drafts)
    ("invented_facts", "临江位于市郊，是开发区的所在地。", {}, "closing_session", True, "位于市郊"),
    (
        "invented_facts",
        "白沙镇位于全国重要交通枢纽和物流枢纽区域，拥有良好的交通条件。",
        {},
        "closing_session",
        True,
        "良好的交通条件",
    ),
    # a report quoted where the brief quotes nothing (河西 2017)
    (
        "invented_facts",
        "政府工作报告指出，“要确保完成今年的扶贫任务”，这是全县上下的共同责任。",
        COUNTY,
        "closing_session",
        True,
        "政府工作报告指出",
    ),
    # a title held, told as what the place is (丰源 2025 at scale 0.5)
    (
        "invented_facts",
        "丰源县作为省级乡村振兴示范县、国家新型城镇化试点县，肩负着重任。",
        COUNTY,
        "closing_session",
        True,
        "示范县",
    ),
    ("invented_facts", "要把代表联络站建成全县的示范阵地。", COUNTY, "closing_session", False, ""),
    # a national formulation's name with another count, whoever says it (桐岭 2013, untuned)
    (
        "invented_facts",
        "要做到“三个坚持”、“五个全面”。三个坚持分别是坚持党的领导、坚持发展、坚持为民。",
        COUNTY,
        "closing_session",
        True,
        "五个全面",
    ),
    (
        "invented_facts",
        "要增强“四个意识”，深入实施“五大治县方略”。",
        COUNTY,
        "closing_session",
        False,
        "",
    ),
    # an item of the meeting's business the brief does not give (石桥 2016 at scale 0.5)
    (
        "invented_facts",
        "现在召开会议主要是为了总结过去一年的工作，表彰先进，明确下一步的任务。",
        COUNTY,
        "symposium",
        True,
        "表彰先进",
    ),
    ("invented_facts", "各乡镇人大要对履职积极的代表进行表彰。", COUNTY, "symposium", False, ""),
    # a numbered formulation put in the General Secretary's mouth (清河 2023)
    (
        "invented_facts",
        "习近平总书记在讲话中强调了“四个必须”和“四个坚持”，这些都是指导原则。",
        COUNTY,
        "closing_session",
        True,
        "四个必须",
    ),
    (
        "invented_facts",
        "在以习近平同志为核心的党中央坚强领导下，坚定捍卫“两个确立”，坚决做到“两个维护”。",
        COUNTY,
        "closing_session",
        False,
        "",
    ),
    # the centre named without words put in its mouth: the slogan is the locality's
    (
        "invented_facts",
        "在以习近平同志为核心的党中央坚强领导下，全镇深入实施“三大行动”。",
        COUNTY,
        "closing_session",
        False,
        "",
    ),
    (
        "invented_facts",
        "习近平总书记提出的“六个必须”是人大工作的根本遵循。",
        COUNTY,
        "closing_session",
        False,
        "",
    ),
    # a locality's own numbered slogan, not attributed to the centre, is the copying check's
    (
        "invented_facts",
        "深入实施“五大治县方略”，打好第二场战役。",
        COUNTY,
        "closing_session",
        False,
        "",
    ),
    # a township's delegates told to take part in legislation (柳塘 2021 at scale 0.5)
    (
        "usage",
        "要积极参与立法工作，为国家制定法律、法规提供决策依据。",
        {},
        "closing_session",
        True,
        "参与立法",
    ),
    (
        "usage",
        "要依托基层立法联系点，组织代表参与立法征求意见工作。",
        {},
        "closing_session",
        False,
        "",
    ),
    (
        "usage",
        "县人民政府提请审议的议案，大会都依法作出了决定。",
        COUNTY,
        "closing_session",
        False,
        "",
    ),
    # the chair's script in a closing speech (柳塘 2021 at scale 0.5)
    (
        "usage",
        "我是柳塘镇第十九届人民代表大会第一次会议的主持人。接下来，请继续审议并表决通过有关报告。",
        {},
        "closing_session",
        True,
        "主持人",
    ),
    (
        "usage",
        "接下来，我们还将面临年底考核等各项重大考验，全镇上下要抓好贯彻落实。",
        {},
        "closing_session",
        False,
        "",
    ),
    # the standing committee passing what the session passed (清河 2023)
    (
        "usage",
        "各位代表，刚才区人大常委会审议并通过了政府工作报告的决议。",
        COUNTY,
        "closing_session",
        True,
        "常委会审议",
    ),
    (
        "usage",
        "刚才，大会审议通过了区人大常委会工作报告。",
        COUNTY,
        "closing_session",
        False,
        "",
    ),
    (
        "usage",
        "本次会议上，县人大常委会提请大会审议的三个决议草案都获得通过。",
        COUNTY,
        "closing_session",
        False,
        "",
    ),
    ("usage", "刚才，大会选举了常委会主任，通过了各项决议。", COUNTY, "closing_session", False, ""),
    # 第一就是…第五就是 as one paragraph's run (宁川 2015 at scale 0.5 ran to 第三就是)
    (
        "register",
        "意义有五。第一就是促进改革，第二就是加快发展，第三就是维护稳定，第四就是改进作风，第五就是服务群众。",
        {},
        "closing_session",
        True,
        "第一",
    ),
    # a verb and 他们 opening a paragraph, no one for 他们 to be (兰河 2022)
    (
        "integrity",
        "调动他们的积极性，形成工作合力。我们一定要把群众的需求作为工作的出发点和落脚点。",
        {},
        "closing_session",
        True,
        "调动他们",
    ),
    # the section's title and budget copied (临江 2019, scale 0.5)
    (
        "integrity",
        "回顾成绩（300字）通过调研，我们了解到过去一年在对口帮扶方面取得的成效，群众得到了实惠。",
        {},
        "closing_session",
        True,
        "写作要求的字眼（“（300字）”）",
    ),
    # a purpose's instruction copied into the speech (白沙 2026, scale 0.5)
    (
        "integrity",
        "希望各位代表在各自岗位上带头作为，讲讲话人对大家的这几点希望，称“各位代表”或“大家”。",
        {},
        "closing_session",
        True,
        "讲讲话人",
    ),
    # 石桥 2016 (eighteenth full run): the speaker's post as the one who proposed the meeting,
    # 可以从三个方面入手 before 一要…三要, the speech commenting on itself
    (
        "voice",
        "为了推动石桥人大工作，县人大常委会主任建议召开这次座谈会。",
        {"level": "县", "role": "县人大常委会主任", "organ": "县人大常委会"},
        "symposium",
        True,
        "县人大常委会主任建议",
    ),
    (
        "voice",
        "县人大常委会主任会议决定，这次座谈会请各乡镇人大主席参加。",
        {"level": "县", "role": "县人大常委会主任", "organ": "县人大常委会"},
        "symposium",
        False,
        "",
    ),
    (
        "register",
        "学法要有办法，可以从三个方面入手。一要深刻理解文件精神，二要熟练掌握相关知识。",
        {},
        "closing_session",
        True,
        "可以从三个方面入手",
    ),
    (
        "voice",
        "各位同志，现在我总结了县人大常委会在座谈会上所作的重要讲话内容。这些都体现了我对乡镇人大工作的重视。",
        {"level": "县", "role": "县人大常委会主任", "organ": "县人大常委会"},
        "symposium",
        True,
        "我总结了",
    ),
    # 宁川 2015 (eighteenth full run): a numeral left as a clause, and a point's paragraph
    # starting the speech over
    (
        "integrity",
        "做好这项工作，一要提升自身素质；二要拓宽视野；三要倾听群众意见；四要善于总结经验；五。",
        {},
        "experience_exchange",
        True,
        "；五。",
    ),
    (
        "integrity",
        "要坚持第一、第二、第三产业融合发展，让一、二、三产业都有活力。",
        {},
        "closing_session",
        False,
        "",
    ),
    # 丰源 2025 (eighteenth full run): a 县委书记 as one of the congress
    (
        "voice",
        "作为县人大及其常委会的一员代表，我非常感谢各位代表的辛勤付出。",
        {"level": "县", "role": "县委书记", "organ": "县委"},
        "closing_session",
        True,
        "县人大及其常委会的一员",
    ),
    # 临江 2019 (eighteenth full run), point 一
    (
        "register",
        "第一种是加强学习和培训，提升理论素养。第二种是坚持党管干部的原则，选好干部。",
        {},
        "closing_session",
        True,
        "第一种是",
    ),
    # the purpose's own 不再重复 copied into the speech (南川 2023, eighteenth full run)
    (
        "integrity",
        "闭会期间，代表们要常到群众中去，在各自岗位上带头作为，"
        "不再重复“希望各位代表依法履职、密切联系群众，当好人民群众的代言人。”",
        {},
        "closing_session",
        True,
        "不再重复",
    ),
    # 党代表 for 人大代表, the speaker's own post in the third person (枫林 2024, scale 0.5)
    (
        "usage",
        "党代表是广大人民群众的代言人，要依法履职。",
        {},
        "closing_session",
        True,
        "党代表是",
    ),
    ("usage", "党代表、人大代表、政协委员都要带头宣讲。", {}, "closing_session", False, ""),
    (
        "voice",
        "同时，镇党委书记还要监督各村代表联络站的工作。",
        {},
        "closing_session",
        True,
        "还要",
    ),
    ("voice", "各村党支部书记也要带头联系代表。", {}, "closing_session", False, ""),
    # the speaker as one of the congress's own (汶溪 2024)
    (
        "voice",
        "大家知道，作为人大工作的参与者和监督者，我们要密切联系群众、反映社情民意。",
        COUNTY,
        "closing_session",
        True,
        "参与者和监督者",
    ),
    # a county congress legislating, the Party reporting to the congress (河西 2017)
    (
        "politics",
        "各级党组织要积极支持县人大进行立法、执法检查等事务。",
        COUNTY,
        "closing_session",
        True,
        "人大进行立法",
    ),
    (
        "politics",
        "人大作为立法机关，更应成为严格依法办事的模范。",
        COUNTY,
        "closing_session",
        False,
        "",
    ),
    (
        "politics",
        "各级党组织要加强组织领导和监督，及时向县人大及常委会报告工作。",
        COUNTY,
        "closing_session",
        True,
        "报告工作",
    ),
    ("politics", "县政府要定期向县人大常委会报告工作。", COUNTY, "closing_session", False, ""),
    (
        "politics",
        "县委要督促一府一委两院及时向县人大常委会报告工作。",
        COUNTY,
        "closing_session",
        False,
        "",
    ),
    (
        "politics",
        "县人大常委会要做好立法调研，配合省人大立法工作。",
        COUNTY,
        "closing_session",
        False,
        "",
    ),
    (
        "invented_facts",
        "党的二十大报告指出，“高质量发展是全面建设社会主义现代化国家的首要任务”。",
        COUNTY,
        "closing_session",
        False,
        "",
    ),
    ("invented_facts", "全镇各项工作位于全市前列。", {}, "closing_session", False, ""),
    ("voice", "作为村党支部书记，我们要带头干。", {}, "closing_session", False, ""),
    # a year called this year that is not (白沙 2026, drafted for January 2026)
    (
        "invented_facts",
        "2024年的奋斗目标是全面推进经济社会发展，加快生态文明建设。",
        {"date": dt.date(2026, 1, 9)},
        "closing_session",
        True,
        "说的却不是今年",
    ),
    (
        "invented_facts",
        "2025年是极不平凡的一年。2026年是“十五五”规划开局之年。",
        {"date": dt.date(2026, 1, 9)},
        "closing_session",
        False,
        "",
    ),
    # a point whose next paragraph opens with its headline again (白沙 2026 point 二)
    (
        "integrity",
        SALUTE + "一、要牢牢抓住发展第一要务，做强特色产业。发展是解决一切问题的基础，"
        "特色产业是白沙的长处，要把长处做长、把优势做强。\n"
        "要牢牢抓住发展第一要务，做强特色产业，我们必须坚持正确的发展方向，制定科学的规划。\n"
        "二、要坚持人民至上。民生实事要办一件成一件，让群众看得见、摸得着、得实惠。",
        {},
        "closing_session",
        True,
        "标题句又写在段首",
    ),
    # the delegates addressed, then their duties taken on as "we" (丰源 2025 congress work)
    (
        "voice",
        SALUTE + "过去一年，全县经济稳中有进。\n"
        "各位代表，闭会期间，我们要紧密联系群众、反映社情民意，为丰源发展献计出力。",
        {},
        "closing_session",
        True,
        "代表中的一员",
    ),
    (
        "voice",
        SALUTE + "过去一年，全县经济稳中有进。\n"
        "各位代表，我们要认真学习贯彻大会精神，把大会确定的目标任务落到实处。",
        {},
        "closing_session",
        False,
        "",
    ),
    (
        "politics",
        "各位代表要在“一府两院”领导下，同县人大及其常委会一道依法履行职责。",
        COUNTY,
        "closing_session",
        True,
        "领导下",
    ),
    # 松坪乡 2020: a 乡's speech saying 我县; the county's own speech may
    (
        "usage",
        "各位代表为我县的发展做出了突出贡献。",
        {"level": "乡"},
        "closing_session",
        True,
        "我县",
    ),
    ("usage", "各位代表为我县的发展做出了突出贡献。", COUNTY, "closing_session", False, ""),
    # the delegates' opinions made up as an example (松坪乡 2020)
    (
        "invented_facts",
        "代表们提出了许多宝贵的意见和建议。例如，一些村民反映交通不便导致生活困难。",
        {},
        "closing_session",
        True,
        "村民反映",
    ),
    # the Party's report to the congress with its subject a sentence before (松坪乡 2020)
    (
        "politics",
        "乡党委要加强对人大工作的领导，支持乡人大主席团依法行使职权。"
        "具体做法包括定期向人民代表大会报告工作情况，听取代表的意见。",
        {"level": "乡", "role": "乡党委书记", "organ": "乡党委"},
        "closing_session",
        True,
        "报告工作",
    ),
    (
        "politics",
        "乡人民政府要自觉接受人大监督。具体做法包括定期向乡人民代表大会报告工作情况。",
        {"level": "乡", "role": "乡党委书记", "organ": "乡党委"},
        "closing_session",
        False,
        "",
    ),
    # 一要…六要 in one paragraph (松坪乡 2020); 一要…三要 is the references' run
    (
        "register",
        "要加强基层治理。一要完善工作机制，二要加强社区建设，三要深化社会管理，"
        "四要做好矛盾排查化解，五要加强队伍建设，六要注重法治建设。",
        {},
        "closing_session",
        True,
        "六要",
    ),
    (
        "register",
        "要加强基层治理。一要完善工作机制，二要加强社区建设，三要做好矛盾排查化解。",
        {},
        "closing_session",
        False,
        "",
    ),
    # 第一，…第六， inside a paragraph (清河区 2023, ASCII commas normalised); three stay
    (
        "register",
        "要采取具体措施。第一, 加强数字经济布局规划；第二, 加大老城更新投入；第三, 强化政策扶持；"
        "第四, 推动产业转型升级；第五, 完善营商环境；第六, 优化区域布局。",
        COUNTY,
        "closing_session",
        True,
        "第一……第六连列6项",
    ),
    (
        "register",
        "要采取具体措施。第一，加强数字经济布局规划；第二，加大老城更新投入；第三，强化政策扶持。",
        COUNTY,
        "closing_session",
        False,
        "",
    ),
    # a paragraph opening with 他们: whom it meant was in a sentence the repair dropped
    (
        "integrity",
        SALUTE + "过去一年，全镇经济保持稳中有进，特色产业不断壮大，民生实事全部完成。\n"
        "他们做了大量富有成效的工作，在发展的成绩单上留下了浓墨重彩的一笔。",
        {},
        "closing_session",
        True,
        "不知指谁",
    ),
    # an Arabic-numbered list inside a paragraph (the 1.5B, 南川 2023)
    (
        "register",
        "要着力解决以下方面的问题。1. 在产业方面，要优化产业结构。2. 在民生方面，要加大投入。",
        {},
        "closing_session",
        True,
        "1. 在产业方面",
    ),
    (
        "register",
        "全市地区生产总值增长4.6%，一般公共预算收入增长5.3%。",
        {},
        "closing_session",
        False,
        "",
    ),
]


@pytest.mark.parametrize(
    ("check", "text", "overrides", "occasion", "fails", "quoted"),
    EXAMPLES,
    ids=[f"{e[0]}-{'bad' if e[4] else 'ok'}-{i}" for i, e in enumerate(EXAMPLES)],
)
def test_examples(check, text, overrides, occasion, fails, quoted):
    subject = Subject(raw=text, brief=brief(**overrides), occasion=occasion)
    result = REGISTRY[check].run(subject)
    assert result.passed is not fails, result.reason
    if fails:
        assert any(quoted in f for f in result.findings), result.reason


def test_findings_quote_the_text_and_say_what_to_do():
    text = (
        SALUTE
        + "四、依法履职尽责，充分发挥人大代表作用。\n是人大工作的生命线，代表们要密切联系群众。"
    )
    result = REGISTRY["integrity"].run(Subject(raw=text, brief=brief()))
    (finding,) = result.findings
    assert finding.startswith("段首缺主语") and "“是人大工作的生命线" in finding


def test_politics_fails_the_whole_card():
    from assistant.checks import run_checks

    subject = Subject(raw=SALUTE + "要通过发放礼品，拉近代表和领导的距离。", brief=brief())
    card = run_checks(subject, ["politics", "voice"])
    assert not card.passed and card.fatal and card.score <= 0.4


def test_stock_phrase_density_fails_an_emptier_speech():
    padding = "要进一步切实加强，不断全面深入推进，积极认真扎实做好各项工作，努力开创新局面。"
    text = SALUTE + "\n".join([padding] * 12)
    result = REGISTRY["usage"].run(Subject(raw=text, brief=brief()))
    assert not result.passed and "套话偏多" in result.reason


def test_a_speech_repeating_one_sentence_fails_focus():
    line = "全镇上下要坚持以人民为中心的发展思想，推动各项事业取得新成效。"
    text = SALUTE + "\n".join([line] * 20)
    assert not REGISTRY["focus"].run(Subject(raw=text, brief=brief())).passed


def test_the_brief_list_pasted_as_the_review_fails_focus():
    facts = load_brief(REPO / "examples" / "brief-closing.toml")
    text = (
        SALUTE
        + "大会圆满完成了各项议程，即将胜利闭幕。\n过去的一年，"
        + "；".join(facts.achievements)
        + "。\n"
    )
    result = REGISTRY["focus"].run(Subject(raw=text, brief=facts, occasion="closing_session"))
    assert not result.passed and "照抄简报" in result.reason


def test_the_situation_facts_pasted_as_a_paragraph_fail_focus():
    """枫林 2024: the brief's three situation facts joined by ；were a whole paragraph and
    passed; the same facts inside a paragraph that judges them pass."""
    situation = [
        "2024年9月15日是全国人民代表大会成立70周年",
        "街道人大工委是区人大常委会的派出机构，负责联系辖区内的人大代表、组织代表开展活动",
        "党的二十届三中全会对健全全过程人民民主制度体系作出部署",
    ]
    b = brief(situation=situation)
    pasted = "；".join(situation) + "。"
    result = REGISTRY["focus"].run(_paragraph(pasted, brief=b))
    assert not result.passed and "照抄简报" in result.reason
    written = (
        "今年是全国人民代表大会成立70周年，回望来路，我们对这一根本政治制度的认识更深了。"
        "党的二十届三中全会对健全全过程人民民主制度体系作出部署，为基层人大工作指明了方向。"
        "街道人大工委作为区人大常委会的派出机构，要把联系代表、组织代表活动的工作做得更实，"
        "让代表的作用在街道发展中看得见、摸得着。"
    )
    assert REGISTRY["focus"].run(_paragraph(written, brief=b)).passed


# -- bad drafts ---------------------------------------------------------------------------------


def test_issue_bad_draft_fails_every_writer_check():
    """tests/data/bad-draft-issue7.md: the failures issue 7 quotes, in one draft."""
    facts = load_brief(REPO / "examples" / "brief-closing.toml")
    text = (DATA / "bad-draft-issue7.md").read_text(encoding="utf-8")
    results = _run(Subject(raw=text, brief=facts, occasion="closing_session"))
    expected = {
        "integrity": "只有标题和一句短语",
        "focus": "列举了一遍",
        "usage": "提案",
        "voice": "李明书记指出",
        "register": "具体来说",
        "politics": "发放礼品",
    }
    for name, quoted in expected.items():
        assert not results[name].passed, name
        assert any(quoted in f for f in results[name].findings), results[name].reason


KNOWN_BAD = DATA / "known-bad-draft.md"


def test_known_bad_draft_fails_integrity_focus_and_section_length():
    """The draft `make draft` produced before the paragraph pipeline (1.5B, example brief,
    1555 字 of 3000): the old harness scored it 0.963 with every check but length passed."""
    from assistant import scoring

    facts = load_brief(REPO / "examples" / "brief-closing.toml")
    text = KNOWN_BAD.read_text(encoding="utf-8")
    card = scoring.score_text(text, brief=facts)
    for name in ("integrity", "focus", "section_length", "usage"):
        assert not card.check(name).passed, name
    # What a writer circles, quoted in the reasons.
    assert "一是全过程人民民主" in card.check("integrity").reason
    assert "各位代表、同志们，人民代表大会制度" in card.check("integrity").reason
    assert "提案" in card.check("usage").reason
    assert "要求之一" in card.check("section_length").reason
    assert not card.passed and card.score <= 0.6


# -- paragraph scope ------------------------------------------------------------------------------


def _paragraph(text: str, **kw) -> Subject:
    return Subject(
        raw=text,
        brief=kw.pop("brief", brief()),
        occasion=kw.pop("occasion", "closing_session"),
        scope=PARAGRAPH,
        **kw,
    )


HEADS = (
    "坚持党的领导，确保各项决策部署落地见效。",
    "聚焦高质量发展，做强特色农业和农文旅融合产业。",
    "坚持人民至上，办好群众急难愁盼的民生实事。",
)
CONTEXT = (
    "各位代表、同志们：\n大会圆满完成了各项议程，即将胜利闭幕。\n"
    "一、坚持党的领导，确保各项决策部署落地见效。\n"
    "要把党的领导贯穿人大工作全过程各方面，确保镇党委各项决策部署不折不扣落到实处。"
)
GOOD = (
    "要把发展作为第一要务，推动农业提质增效，让特色农业成为群众增收致富的支柱产业。"
    "要用好山水资源，把农文旅融合做成全镇发展的新引擎，让游客留得下、群众富起来。"
)


def test_a_good_paragraph_passes_every_writer_check():
    subject = _paragraph(
        GOOD,
        context=CONTEXT,
        section_role="requirements",
        headline=HEADS[1],
        other_headlines=(HEADS[0], HEADS[2]),
    )
    for name in WRITER:
        result = REGISTRY[name].run(subject)
        assert result.passed, f"{name}: {result.reason}"


@pytest.mark.parametrize(
    ("check", "text", "kw", "quoted"),
    [
        ("integrity", "是人大工作的生命线，代表们要密切联系群众。", {}, "是人大工作的生命线"),
        ("integrity", "代表们要密切联系群众，", {}, "没有说完"),
        (
            "integrity",
            "各级各部门要把“聚焦高质量发展，做强特色农业和农文旅融合产业”作为己任，扎实推进。",
            {"section_role": "requirements", "headline": HEADS[1]},
            "加上引号",
        ),
        (
            "integrity",
            "各位代表，大家好！今天是大会闭幕的日子，代表们要密切联系群众。",
            {"section_role": "requirements"},
            "从头开讲",
        ),
        (
            "integrity",
            "镇党委副书记代表镇党委讲话；讲话人不是人大代表，也不用第三人称称呼自己。",
            {"section_role": "situation"},
            "写作要求的字眼",
        ),
        (
            "integrity",
            "这些变化提高了农民的生活质量。让我们继续努力，为全面建设社会主义现代化新丰源而不懈奋斗！",
            {"section_role": "review"},
            "号召写在了号召之前",
        ),
        (
            "integrity",
            "机遇与挑战并存。让我们乘势而上，奋发有为，实现白沙镇高质量发展的美好未来！",
            {"section_role": "situation"},
            "号召写在了号召之前",
        ),
        (
            "integrity",
            "要抓住当前的机遇。让我们以饱满的热情和坚定的信心，为柳塘的发展贡献自己的力量。",
            {"section_role": "situation"},
            "号召写在了号召之前",
        ),
        (
            "integrity",
            "刚才的讲话中，我们对过去一年的工作进行了回顾。接下来，我将就这一重要议题进行发言。",
            {"section_role": "requirements"},
            "从头开讲",
        ),
        (
            "integrity",
            "我很荣幸在这里讲话。我要围绕这一主题提出一些具体的要求。谢谢大家！",
            {"section_role": "requirements"},
            "从头开讲",
        ),
        (
            "integrity",
            "我今天很高兴能有机会代表乡党委，为这次会议的闭幕式讲话。大家一致赞同各项决议。",
            {"section_role": "requirements"},
            "从头开讲",
        ),
        (
            "integrity",
            "各位代表，谢谢大家对本次大会的参与和支持。闭会期间，要密切联系群众。",
            {"section_role": "requirements"},
            "从头开讲",
        ),
        (
            "integrity",
            "接下来，我将向大家介绍如何依法履职。各位代表要密切联系群众。",
            {"section_role": "requirements"},
            "从头开讲",
        ),
        (
            "integrity",
            "在座各位同志，我们非常荣幸能有机会与大家分享换届选举的问题。要严肃换届纪律。",
            {"section_role": "requirements"},
            "从头开讲",
        ),
        (
            "integrity",
            "聚焦高质量发展，做强特色农业和农文旅融合产业。一是做强农业。",
            {"section_role": "requirements", "headline": HEADS[1]},
            "只有标题和一句短语",
        ),
        (
            "integrity",
            "要把发展作为第一要务。聚焦高质量发展，做强特色农业和农文旅融合产业。",
            {"headline": HEADS[1]},
            "重复了一遍",
        ),
        (
            "focus",
            "一是坚持党的领导，确保各项决策部署落地见效；二是坚持人民至上，办好群众急难愁盼的民生实事。",
            {"headline": HEADS[1], "other_headlines": (HEADS[0], HEADS[2])},
            "列举了一遍",
        ),
        (
            "focus",
            "要把党的领导贯穿人大工作全过程各方面，确保镇党委各项决策部署不折不扣落到实处。",
            {"context": CONTEXT},
            "说了两遍",
        ),
        (
            "focus",
            "要改善人居环境，也能享受到现代化的美好生活。要建设美丽乡村，也能享受到现代化的美好生活。",
            {"context": CONTEXT + "要发展特色农业，也能享受到现代化的美好生活。"},
            "美好生活",
        ),
        ("usage", "人大代表要积极提出提案，反映群众呼声。", {}, "提案"),
        (
            "usage",
            "要进一步切实加强，不断全面深入推进，积极认真扎实做好各项工作，努力开创新局面。" * 4,
            {},
            "套话偏多",
        ),
        ("voice", "李明书记指出，要加快发展特色农业。", {}, "李明书记指出"),
        ("register", "一是深化民主协商：推动协商议事常态化。", {}, "冒号"),
        (
            "register",
            "各级干部要担当作为。一要在经济上担当，二要在民生上担当，三要在治理上担当。",
            {
                "context": CONTEXT + "一要统一思想，二要完善制度，三要严明纪律。",
                "section_role": "requirements",
                "headline": HEADS[0],
            },
            "第二次",
        ),
        (
            "integrity",
            "要聚焦高质量发展，做强特色农业和农文旅融合产业，我们必须把规划做实、把项目抓好。",
            {
                "context": CONTEXT + "\n二、聚焦高质量发展，做强特色农业和农文旅融合产业。",
                "section_role": "requirements",
                "headline": HEADS[1],
            },
            "标题句又写在段首",
        ),
        (
            "integrity",
            "非常高兴参加本次人代会闭幕式，并在这里发言。下面我讲两个方面的要求。",
            {"section_role": "congress_work"},
            "从头开讲",
        ),
        (
            "integrity",
            "今天我演讲的主题是关于对人大工作的要求。各级党组织要加强对人大工作的领导。",
            {"section_role": "congress_work"},
            "从头开讲",
        ),
        (
            "integrity",
            "各位代表，感谢大家今天参加会议。请你们认真履行职责，密切联系群众。",
            {"section_role": "congress_work"},
            "从头开讲",
        ),
        (
            "integrity",
            "在此，我代表镇党委向全体代表表示热烈的祝贺！代表们要带头宣传大会精神。",
            {"section_role": "requirements"},
            "致谢之外",
        ),
        ("politics", "要通过发放礼品，拉近代表和领导的距离。", {}, "发放礼品"),
        # 白沙 2026 at scale 0.5, inside point 三
        (
            "integrity",
            "要做好换届选举工作。同时也要感谢你们一直以来的支持与合作。",
            {"section_role": "requirements"},
            "感谢你们",
        ),
        # 柳塘 2021 at scale 0.5, inside point 三: the previous leadership thanked in a point
        (
            "integrity",
            "要自觉接受镇人大监督。感谢上一届镇人大主席团和镇政府领导班子，你们在推动柳塘发展方面做出了卓越贡献。",
            {"section_role": "requirements"},
            "感谢上一届",
        ),
        (
            "integrity",
            "希望各位代表在各自岗位上带头作为。我们取得的成绩值得骄傲！谢谢！",
            {"section_role": "requirements"},
            "谢谢！",
        ),
    ],
)
def test_paragraph_scope_failures(check, text, kw, quoted):
    result = REGISTRY[check].run(_paragraph(text, **kw))
    assert not result.passed, result.reason
    assert any(quoted in f for f in result.findings), result.reason


def test_paragraph_scope_headline_alone_and_headline_opening_pass():
    for text in (HEADS[1], HEADS[1] + GOOD):
        subject = _paragraph(
            text,
            context=CONTEXT,
            section_role="requirements",
            headline=HEADS[1],
            other_headlines=(HEADS[0], HEADS[2]),
        )
        assert REGISTRY["integrity"].run(subject).passed, text
        assert REGISTRY["focus"].run(subject).passed, text


def _reference_paragraphs(refs, corpus):
    """Every prose paragraph of every reference as a drafting candidate: the draft so far
    (without title, 提纲 and 称谓) as context, its point's headline and the others'."""
    for ref in REFERENCES:
        whole = _subject(refs, corpus, ref)
        text, parsed = whole.text, whole.parsed
        heads = [p.heading for p in parsed.points()]
        skip = [
            (s.start, s.end)
            for s in parsed.sections
            if s.role in ("title", "outline", "salutation")
        ]
        done: list[str] = []
        pos = 0
        for para in paragraphs(text):
            at = text.find(para, pos)
            pos = at + len(para)
            if any(a <= at < b for a, b in skip):
                continue
            inside = [s for s in parsed.sections if s.start < at + len(para) and s.end > at]
            point = next((s for s in reversed(inside) if s.ordinal is not None), None)
            headline = point.heading if point else ""
            yield (
                ref,
                Subject(
                    raw=para,
                    brief=whole.brief,
                    occasion=whole.occasion,
                    scope=PARAGRAPH,
                    context="\n".join(done),
                    section_role=(point or inside[0]).role,
                    headline=headline,
                    other_headlines=tuple(h for h in heads if h != headline),
                ),
            )
            done.append(para)


def test_reference_paragraphs_pass_in_paragraph_scope(refs, corpus):
    failures = []
    for ref, subject in _reference_paragraphs(refs, corpus):
        for name in WRITER:
            result = REGISTRY[name].run(subject)
            defect = KNOWN_DEFECTS.get((ref, name))
            if not result.passed and not (defect and defect in result.reason):
                failures.append(f"{ref} {name}: {result.reason}")
    assert not failures, "\n".join(failures)


def test_a_paragraph_left_as_a_mark_fails_placeholders_a_fact_request_does_not():
    from assistant.checks.placeholders import check_placeholders

    asked = "过去一年，全镇经济稳中有进，地区生产总值达到【待补：地区生产总值】。"
    missing = asked + "\n一、要坚持党的领导。【待补：要求之一第2段】"
    assert check_placeholders(Subject(raw=asked, brief=brief(), occasion="closing_session")).passed
    result = check_placeholders(Subject(raw=missing, brief=brief(), occasion="closing_session"))
    assert not result.passed and "要求之一第2段" in result.findings[0]


def test_a_fact_written_out_twice_fails_focus_at_both_scopes():
    """柳塘 2021: the review's figures told again in the situation."""
    from assistant.brief import parse_brief

    fact = "全镇地区生产总值由2015年的12.4亿元增加到2020年的19.8亿元，年均增长9.8%"
    brief = parse_brief(
        {"occasion": "closing_session", "locality": "柳塘镇", "level": "镇", "length": 1000,
         "achievements": [fact, "新建高标准农田2.6万亩"]}
    )  # fmt: skip
    again = "当前，我镇地区生产总值已达19.8亿元，比2015年的12.4亿元有了很大提高，年均增长9.8%。"
    para = Subject(again, brief=brief, scope=PARAGRAPH, context="五年来，" + fact + "。")
    result = REGISTRY["focus"].run(para)
    assert not result.passed and "两处" in result.reason
    # once, or a fact of one figure written twice, is not a repeat
    assert (
        "两处"
        not in REGISTRY["focus"]
        .run(
            Subject(
                "新建高标准农田2.6万亩。",
                brief=brief,
                scope=PARAGRAPH,
                context="新建高标准农田2.6万亩。",
            )
        )
        .reason
    )


def test_a_paragraph_that_is_only_a_list_fails_register_and_a_led_list_does_not():
    bare = (
        "第一，强化对政府工作的监督力度。第二，加大民生实事项目的推进力度。"
        "第三，提升主席团的组织协调能力。第四，加强生态环境保护工作。"
    )
    result = REGISTRY["register"].run(Subject(bare, scope=PARAGRAPH))
    assert not result.passed and "整段只是4个条目" in result.reason
    led = (
        "做好闭会期间的工作，关键在于把代表的力量组织起来、把群众的期盼回应好。"
        "要在三个方面下功夫，一是组织代表视察，摸清实情；二是督办代表建议，件件有回音；"
        "三是建好代表之家，让群众找得到代表。"
    )
    assert REGISTRY["register"].run(Subject(led, scope=PARAGRAPH)).passed


def test_an_achievement_without_figures_told_again_in_a_point_fails_focus():
    """白沙 2026: the review's facts, which have no figures, told again inside point 三."""
    facts = ["民生实事项目全部完成，群众获得感不断增强", "人居环境整治持续深化，集镇面貌明显改观"]
    b = brief(achievements=facts)
    review = "回顾过去一年，民生实事项目全部完成，群众获得感不断增强；人居环境整治持续深化。\n"
    point = (
        "一、要依法履职、善始善终。镇人大主席团要把换届选举的准备做细做实。"
        "回顾过去一年，在民生实事项目上全部完成，群众获得感不断增强。\n"
        "二、要坚持人民至上。民生实事要办一件成一件，让群众看得见、摸得着、得实惠。"
    )
    text = SALUTE + review + point
    result = REGISTRY["focus"].run(Subject(raw=text, brief=b, occasion="closing_session"))
    assert any("两处都写了" in f and "民生实事" in f for f in result.findings), result.findings
    once = (
        SALUTE
        + review
        + point.replace("回顾过去一年，在民生实事项目上全部完成，群众获得感不断增强。", "")
    )
    result = REGISTRY["focus"].run(Subject(raw=once, brief=b, occasion="closing_session"))
    assert not any("两处都写了" in f for f in result.findings), result.findings


def test_a_clause_said_twice_in_a_paragraph_fails_focus_at_both_scopes():
    """松坪乡 2020: the program's session sentence, then the model's 圆满完成了各项议程 again."""
    lead = "松坪乡第十八届人民代表大会第四次会议，在全体代表和与会同志的共同努力下，圆满完成了各项议程，即将胜利闭幕。"
    again = "这是一次认真负责的大会，全体代表和与会同志共同努力，圆满完成了各项议程，即将胜利闭幕。"
    other = "这是一次认真负责、团结奋进的大会，代表们认真审议各项报告，依法行使职权。"
    speech = REGISTRY["focus"].run(
        Subject(raw=SALUTE + lead + again, brief=brief(), occasion="closing_session")
    )
    assert any("说了两遍" in f for f in speech.findings), speech.findings
    para = REGISTRY["focus"].run(_paragraph(again, context=SALUTE + lead, section_role="opening"))
    assert any("说了两遍" in f for f in para.findings), para.findings
    fine = REGISTRY["focus"].run(_paragraph(other, context=SALUTE + lead, section_role="opening"))
    assert not any("说了两遍" in f for f in fine.findings), fine.findings


def test_the_sessions_reports_listed_again_fail_focus():
    """白沙 2026: the opening's second paragraph named the session's three reports again."""
    reports = ["镇人民政府工作报告", "镇人大主席团工作报告", "镇财政预算执行情况和预算草案的报告"]
    b = brief(reports=reports)
    session = "会议审议通过了《镇人民政府工作报告》、《镇人大主席团工作报告》、《镇财政预算执行情况和预算草案的报告》。"
    again = "各位代表，本次会议审议通过了青山镇人民政府工作报告、人大主席团工作报告和财政预算执行情况的报告。"
    result = REGISTRY["focus"].run(Subject(again, brief=b, scope=PARAGRAPH, context=session))
    assert not result.passed and "又列举了一遍" in result.reason
    one = "政府工作报告提出的目标任务，要一项一项抓好落实。"
    assert REGISTRY["focus"].run(Subject(one, brief=b, scope=PARAGRAPH, context=session)).passed
    # named short, without 人民 (汶溪 2024: 在审议了政府工作报告、人大常委会工作报告等报告后)
    city = brief(reports=["市人民政府工作报告", "市人大常委会工作报告"], level="市")
    named = "会议审议通过了《市人民政府工作报告》、《市人大常委会工作报告》。"
    short_again = "刚才，在审议了政府工作报告、人大常委会工作报告等报告后，我们达成了许多共识。"
    result = REGISTRY["focus"].run(Subject(short_again, brief=city, scope=PARAGRAPH, context=named))
    assert not result.passed and "又列举了一遍" in result.reason
    # the elections told again (临江 2019: the opening after the session sentence)
    elect = brief(
        reports=reports, elections=["补选区人大常委会副主任1名", "补选区人民政府副区长1名"]
    )
    told = session[:-1] + "，补选区人大常委会副主任1名、补选区人民政府副区长1名。"
    again = "会议审议了《区人民政府工作报告》等报告，补选区人大常委会副主任1名、补选区人民政府副区长1名。"
    result = REGISTRY["focus"].run(Subject(again, brief=elect, scope=PARAGRAPH, context=told))
    assert not result.passed and "选举事项又列举了一遍" in result.reason
    welcome = "新当选的同志要珍惜组织和代表的信任，尽快进入角色。"
    assert (
        REGISTRY["focus"].run(Subject(welcome, brief=elect, scope=PARAGRAPH, context=told)).passed
    )


def test_a_call_is_at_home_in_the_call_and_a_list_of_points_is_not_a_paragraph():
    call = "让我们更加紧密地团结在党中央周围，为实现青山今年的目标任务而努力奋斗！"
    assert REGISTRY["integrity"].run(Subject(call, scope=PARAGRAPH, section_role="call")).passed
    listed = "一、要加大扶贫力度；二、要加强农村基础设施建设；三、要注重民生保障；四、要深化财税体制改革。"
    assert "整段只是4个条目" in REGISTRY["register"].run(Subject(listed, scope=PARAGRAPH)).reason


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("要对先进集体和个人表示感谢，并予以表彰，让实干者受尊重。", "requirements"),
        ("过去一年的成绩让我们倍感振奋！发展的基础更加扎实。", "situation"),
        ("群众的笑脸让我们更加坚定了信心！要把实事办到群众心坎上。", "requirements"),
    ],
)
def test_paragraph_scope_thanks_and_calls_that_are_not_the_speakers_pass(text, role):
    result = REGISTRY["integrity"].run(_paragraph(text, section_role=role))
    assert result.passed, result.reason


def test_the_thanks_closing_a_speech_after_the_call_is_not_late():
    text = (
        SALUTE + "在此，我代表镇党委，向大会的圆满成功表示热烈的祝贺！\n"
        "一、要坚持党的全面领导。各级党组织要把方向、管大局、保落实，确保各项部署落地见效。\n"
        "二、要坚持人民至上。民生实事要办一件成一件，让群众看得见、摸得着、得实惠。\n"
        "让我们更加紧密地团结在以习近平同志为核心的党中央周围，为实现今年的目标任务而努力奋斗！\n"
        "最后，我代表镇党委向为大会顺利召开付出辛勤劳动的全体工作人员表示衷心的感谢！"
    )
    result = REGISTRY["integrity"].run(Subject(raw=text, brief=brief(), occasion="closing_session"))
    assert not any("致谢之外" in f for f in result.findings), result.findings


def test_a_run_carried_on_into_the_next_paragraph_is_one_run():
    kw = {
        "context": CONTEXT + "一要统一思想，二要完善制度，三要严明纪律。",
        "section_role": "requirements",
        "headline": HEADS[0],
    }
    carried = "四要改进作风，五要加强督查，六要严格考核，让每项任务都有人抓、有人管。"
    findings = REGISTRY["register"].run(_paragraph(carried, **kw)).findings
    # one run of six, too long (max_yao_run), not a second run
    assert not any("第二次" in f for f in findings), findings
    assert any("连列" in f for f in findings), findings
    one = "四要改进作风，加强督查、严格考核，让每项任务都有人抓、有人管。"
    assert REGISTRY["register"].run(_paragraph(one, **kw)).passed


def test_a_second_run_counted_with_di_fails_register_in_the_point():
    """槐原 2018 (twentieth run): 一要…四要 and then 第一要…第四要 in the next paragraph of
    point 四, which register counted as one run only."""
    kw = {
        "context": CONTEXT + "一要统一思想，二要完善制度，三要严明纪律。",
        "section_role": "requirements",
        "headline": HEADS[0],
    }
    again = "第一要听取意见；第二要讲究方法；第三要有耐心，让群众把话说完。"
    findings = REGISTRY["register"].run(_paragraph(again, **kw)).findings
    assert any("第二次" in f for f in findings), findings
    plain = "要多听取意见，讲究方法，有耐心，让群众把话说完。"
    assert REGISTRY["register"].run(_paragraph(plain, **kw)).passed


DONE = (
    "全乡剩余贫困人口312人全部脱贫，4个贫困村全部出列",
    "2019年全乡农民人均可支配收入达到12860元，增长9.1%",
    "粮食总产量稳定在3.1万吨",
    "圆满完成全年各项目标任务",
)


@pytest.mark.parametrize(
    ("text", "role", "fails"),
    [
        # 松坪乡 2020: the review said both were done; point 一 set them for 2020
        (
            "我们要保持对贫困群众的牵挂，确保剩余贫困人口全部脱贫，4个贫困村全部出列。",
            "requirements",
            True,
        ),
        ("要在312人全部脱贫的基础上，确保不返贫。", "requirements", False),
        ("要确保4个贫困村持续巩固提升，让群众过上好日子。", "requirements", False),
        ("今年要确保全乡农民人均可支配收入增长9.1%以上。", "requirements", False),
        # the figure left out of the task is the same achievement
        ("确保剩余贫困人口全部脱贫。", "requirements", True),
        # a standing floor, a call, last year's deed, a clause that only follows the task
        ("今年要确保粮食总产量稳定在3.1万吨以上，坚决守住耕地红线。", "requirements", False),
        ("为确保圆满完成全年各项目标任务而努力奋斗！", "requirements", False),
        ("去年我们确保了4个贫困村全部出列，今年要乘势而上。", "situation", False),
        ("我们力争今年实现新的突破，4个贫困村全部出列后要防止返贫。", "requirements", False),
        # the review tells them: that is where they belong
        ("全乡剩余贫困人口312人全部脱贫，确保4个贫困村全部出列。", "review", False),
    ],
)
def test_an_achievement_set_again_as_a_task(text, role, fails):
    b = brief(achievements=list(DONE))
    result = REGISTRY["focus"].run(Subject(raw=text, brief=b, scope="paragraph", section_role=role))
    assert result.passed is not fails, result.reason
    if fails:
        assert any("当成了今年的任务" in f for f in result.findings)
    points = (
        "一、巩固脱贫成果，坚决打赢脱贫攻坚收官战。\n" + text + "\n二、做大茶产业。\n要做大茶产业。"
    )
    speech = SALUTE + points if role != "review" else ""
    if speech:
        card = REGISTRY["focus"].run(Subject(raw=speech, brief=b, occasion="closing_session"))
        assert any("当成了今年的任务" in f for f in card.findings) is fails, card.reason


def test_the_opening_of_a_closing_speech_does_not_thank_before_its_thanks():
    """汶溪 2024: 非常感谢在座的各位代表…感谢大家！ in the opening, and the speech's own 祝贺与
    致谢 after it. A symposium, which has no thanks section, may thank in its opening."""
    early = "非常感谢在座的各位代表和列席同志一直以来对会议的支持。大家提出的意见建议很有价值。"
    opening = _paragraph(early, section_role="opening")
    assert any("致谢之外" in f for f in REGISTRY["integrity"].run(opening).findings)
    symposium = Subject(raw=early, brief=brief(), occasion="symposium", scope=PARAGRAPH,
                        section_role="opening")  # fmt: skip
    assert REGISTRY["integrity"].run(symposium).passed
    speech = (
        SALUTE + "青山镇第十九届人民代表大会第三次会议圆满完成了各项议程，即将胜利闭幕。" + early
        + "\n在此，我代表镇党委，对大会的圆满成功表示热烈祝贺！向各位代表致以衷心感谢！\n"
        "一、要坚持党的全面领导。各级党组织要把方向、管大局、保落实，确保各项部署落地见效。"
    )  # fmt: skip
    result = REGISTRY["integrity"].run(
        Subject(raw=speech, brief=brief(), occasion="closing_session")
    )
    assert any("非常感谢在座" in f for f in result.findings), result.findings
    assert not any("在此，我代表" in f for f in result.findings)


def test_a_section_before_the_points_does_not_tell_their_headlines():
    """汶溪 2024: the opening and the situation each ran through the points' headlines
    before the points came. One headline's words in the situation are its subject, not a
    preview."""
    heads = (
        "坚定不移推动高质量发展，加快建设现代化产业体系。",
        "持续深化改革开放，打造一流营商环境。",
        "坚持以人民为中心，办好群众急难愁盼的民生实事。",
    )
    preview = (
        "我们必须乘势而上，推动高质量发展，加快建设现代化产业体系，深化改革开放，"
        "打造一流营商环境，坚持以人民为中心，办好群众急难愁盼的民生实事。"
    )
    one = "我们必须乘势而上，加快建设现代化产业体系，把机遇转化为发展的动力。"
    for text, fails in ((preview, True), (one, False)):
        result = REGISTRY["focus"].run(
            _paragraph(text, section_role="situation", other_headlines=heads)
        )
        assert any("先把" in f for f in result.findings) is fails, result.findings
    points = "".join(
        f"{n}、{h}\n要把这项工作抓实抓细，一件一件落到实处。\n"
        for n, h in zip("一二三", heads, strict=True)
    )
    speech = SALUTE + "2024年是关键一年。" + preview + "\n" + points
    card = REGISTRY["focus"].run(Subject(raw=speech, brief=brief(), occasion="closing_session"))
    assert any("3点要求的标题" in f for f in card.findings), card.findings


def test_an_achievement_told_twice_within_the_review_fails_focus():
    """兰河 2022: the review's second paragraph told 420座 and 10万元 again."""
    fact = "新发展设施蔬菜大棚420座，村集体经济收入全部超过10万元"
    b = brief(achievements=[fact])
    first = "回顾过去一年，我们新发展设施蔬菜大棚420座，村集体经济收入全部超过10万元，农民增收有了新路子。"
    again = "这些成绩的取得，得益于全镇上下的团结奋斗。我们建设蔬菜大棚420座，村集体经济收入全部超过10万元。"
    other = "这些成绩的取得，得益于全镇上下的团结奋斗，也凝聚着各位代表的心血和智慧。"
    heads = "\n一、要坚持党建引领。\n要把党的领导落到实处，一件一件抓好落实。"
    for second, fails in ((again, True), (other, False)):
        speech = (
            SALUTE
            + "在此，我代表镇党委，对大会的圆满成功表示热烈祝贺！\n"
            + first
            + "\n"
            + second
            + heads
        )
        result = REGISTRY["focus"].run(Subject(raw=speech, brief=b, occasion="closing_session"))
        assert any("同一项成绩在两处" in f for f in result.findings) is fails, result.findings


def test_a_list_that_starts_past_its_first_fails_register_at_both_scopes():
    # 兰河镇 2022, 要求之二: 四个方面 announced, then 第二方面…第三方面…最后方面
    orphan = (
        "要落实这一要求，我们就要从四个方面入手。第二方面，我们要加强监管力度，确保各项政策落实。"
        "第三方面，我们要注重解决人民群众的急难问题。最后方面，我们要坚持以人为本。"
    )
    findings = REGISTRY["register"].run(_paragraph(orphan, section_role="requirements")).findings
    assert any("前面没有“第一”" in f for f in findings), findings
    assert any("最后方面" in f for f in findings), findings
    whole = (
        "要落实这一要求，我们就要在三个方面下功夫。第一，要加强监管力度，确保各项政策落实。"
        "第二，要注重解决人民群众的急难问题。最后，要坚持以人为本。"
    )
    assert REGISTRY["register"].run(_paragraph(whole, section_role="requirements")).passed
    # a run carried on from the point's earlier paragraph is not an orphan
    kw = {
        "context": CONTEXT + "一要统一思想，确保令行禁止。",
        "section_role": "requirements",
        "headline": HEADS[0],
    }
    assert (
        REGISTRY["register"]
        .run(_paragraph("二要完善制度，让每项任务都有人抓、有人管。", **kw))
        .passed
    )
    # speech scope: the orphan in a point's body, and the point's own marker (第二，要…) not one
    speech = "同志们：\n\n" + "\n\n".join(
        [
            "一、要坚持党的领导。\n\n" + "要把党的领导贯穿人大工作全过程，确保正确方向。" * 3,
            "二、要推动高质量发展。\n\n" + orphan,
        ]
    )
    result = REGISTRY["register"].run(Subject(speech))
    assert any("前面没有“第一”" in f for f in result.findings), result.reason


def test_two_facts_figures_joined_in_one_clause_are_an_invented_relation():
    given = brief(
        achievements=[
            "2021年全镇完成固定资产投资5.2亿元，增长11.3%",
            "新发展设施蔬菜大棚420座，村集体经济收入全部超过10万元",
        ]
    )
    # 兰河镇 2022, 回顾第2段: the year's whole investment said to have built the greenhouses
    spliced = "比如，我们投资5.2亿元建设基础设施蔬菜大棚420座，村集体经济收入全部超过10万元。"
    result = REGISTRY["invented_facts"].run(_paragraph(spliced, brief=given))
    assert not result.passed and any("5.2亿元建设" in f for f in result.findings), result.reason
    # a list of two facts claims no relation between them
    listed = "全镇新发展设施蔬菜大棚420座和完成固定资产投资5.2亿元，发展后劲更足。"
    assert REGISTRY["invented_facts"].run(_paragraph(listed, brief=given)).passed
    # each figure in a clause of its own, and two figures of one fact together, are the brief's
    apart = "全镇完成固定资产投资5.2亿元，增长11.3%，新发展设施蔬菜大棚420座，群众的钱袋子更鼓了。"
    assert REGISTRY["invented_facts"].run(_paragraph(apart, brief=given)).passed
    one_fact = "固定资产投资5.2亿元增长11.3%，为发展打下了基础。"
    assert REGISTRY["invented_facts"].run(_paragraph(one_fact, brief=given)).passed


def test_two_sections_saying_one_passage_fail_focus():
    """沙河 2016: points 三 and 四 both made the Party's congress-work move, split into
    sentences differently, so no sentence matched another."""
    party = (
        "各级党组织要加强对人大工作的领导、支持区人大及其常委会依法行使职权。定期听取人大工作汇报，"
        "支持人大依法开展监督，帮助解决人大工作中的实际困难。"
    )
    again = (
        "要加强对人大工作的领导、支持区人大及其常委会依法行使职权，定期听取人大工作汇报、"
        "支持人大依法开展监督、帮助解决人大工作中的实际困难，更好地反映人民群众的意愿和诉求。"
    )
    other = "代表们要常到群众中去，把群众的呼声和期盼及时反映上来，当好人民群众的代言人。"

    def speech(third: str, fourth: str) -> str:
        return "同志们：\n\n" + "\n\n".join(
            [
                "三、要自觉接受人大监督。\n\n"
                + third
                + "一府两院要主动报告工作，认真落实审议意见。",
                "四、要发挥人大代表作用。\n\n"
                + fourth
                + "希望各位代表依法履职，在各自岗位上带头作为。",
            ]
        )

    result = REGISTRY["focus"].run(Subject(speech(party, again)))
    assert any("两节说了同样的话" in f for f in result.findings), result.reason
    assert not any(
        "两节" in f for f in REGISTRY["focus"].run(Subject(speech(party, other))).findings
    )


@pytest.mark.parametrize(
    "text",
    [
        # 柳塘 2021 at scale 0.5, sixth session: a speech begun again inside points 一 and 三
        "我今天在这里发言，对大会的闭幕表示热烈的祝贺！让我们回顾一下这些成绩和亮点吧！",
        "很高兴能站在这里发言。今天我非常荣幸能够为柳塘镇第十九届人民代表大会第一次会议作闭幕式讲话。",
        "接下来，我想谈谈新一届镇政府怎样依法行政。",
    ],
)
def test_a_speech_begun_again_inside_a_point_fails_integrity(text):
    result = REGISTRY["integrity"].run(_paragraph(text, section_role="requirements"))
    assert not result.passed, result.reason


def test_a_reference_speechs_own_announcement_of_its_points_is_not_a_restart():
    """The chairs' symposium reference: 四、下面，我重点就开展人大代表主题活动讲几点意见."""
    said = "下面，我重点就开展人大代表主题活动讲几点意见。"
    assert REGISTRY["integrity"].run(_paragraph(said, section_role="requirements")).passed


def test_a_word_written_twice_running_fails_integrity():
    """柳塘 2021 at scale 0.5: 确保这一要求要求得以有效实现."""
    slip = "抓落实的作风是确保这一要求要求得以有效实现的关键，要防止重部署轻落实。"
    result = REGISTRY["integrity"].run(_paragraph(slip, section_role="requirements"))
    assert any("要求要求" in f for f in result.findings), result.reason
    fine = (
        "这件事要好好研究研究，实实在在抓出成效，一项一项抓落实，层层压实责任。"
        "人大代表代表人民的利益和意志，这一要求要求我们依法履职。"
    )
    assert REGISTRY["integrity"].run(_paragraph(fine, section_role="requirements")).passed


def test_a_level_the_brief_gives_told_as_a_change_fails_invented_facts():
    """桐岭 2013 (untuned): the brief's 农民人均纯收入7650元 written 增加了7650元."""
    given = brief(
        achievements=["城镇居民人均可支配收入18420元、农民人均纯收入7650元，分别增长12.6%和13.9%"]
    )
    wrong = "城镇居民人均可支配收入达到18420元，农民人均纯收入增加了7650元，分别增长12.6%和13.9%。"
    result = REGISTRY["invented_facts"].run(_paragraph(wrong, brief=given))
    assert any("增加了7650" in f for f in result.findings), result.reason
    right = (
        "城镇居民人均可支配收入增加到18420元，农民人均纯收入达到7650元，分别增长了12.6%和13.9%。"
    )
    assert REGISTRY["invented_facts"].run(_paragraph(right, brief=given)).passed


@pytest.mark.parametrize(
    ("check", "text"),
    [
        # congress parts of the 2026-12-05 (seventh) comparison drafts
        ("voice", "作为乡人大和人大代表的我们，不仅要积极参与到民主管理中来，还要做出表率。"),
        ("voice", "在闭会期间，我们要更加紧密地联系群众，充分反映社情民意，为丰源发展献计出力。"),
        (
            "integrity",
            "希望各位代表在闭会期间怎样联系群众、反映社情民意，在各自岗位上怎样带头作为。",
        ),
    ],
)
def test_the_speaker_as_a_delegate_and_a_plan_copied_back_fail(check, text):
    assert not REGISTRY[check].run(_paragraph(text, section_role="congress_work")).passed
    # said to the delegates, and as a question, they pass
    fine = "希望各位代表在闭会期间常到群众中去，把群众的呼声和期盼及时反映上来。我们该怎样回答群众的期盼？怎样做才对得起这份信任？"
    assert REGISTRY[check].run(_paragraph(fine, section_role="congress_work")).passed


def test_what_the_baisha_2026_draft_of_the_seventh_run_slipped_past_the_eval():
    """白沙 2026 at scale 0.5 scored 0.90 with four things a writer strikes out."""
    from assistant.checks.facts import find_wrong_years

    given = brief(date="2026-01-09")

    def fails(check, text, role="requirements", **kw):
        return (
            not REGISTRY[check].run(_paragraph(text, brief=given, section_role=role, **kw)).passed
        )

    assert fails(
        "tifa", "今年是“十五五”规划开局之年，也是“十四五”规划承上启下之年。", date=given.date
    )
    assert not fails("tifa", "今年是“十五五”规划开局之年。", date=given.date)
    assert find_wrong_years("2024年的任务既是在过去一年基础上继续努力。", given)
    assert not find_wrong_years("2026年的任务很重。", given)
    assert fails("voice", "同时，我们也要自觉接受人大监督，在工作中遇到问题时及时报告。")
    assert not fails("voice", "镇人民政府要自觉接受人大监督，主动报告工作。")
    assert fails(
        "integrity", "下面我将向大家介绍本次大会的主要议程和代表们的发言。", role="opening"
    )


def test_one_year_in_a_first_sessions_five_year_review_fails_usage():
    """沙河 2016 (a 换届, untuned read): 这一年 in the review of the past term's five years."""
    said = "这一年里，全区上下团结奋斗，经济社会发展取得了显著成绩。"
    first = brief(session={"congress": 19, "meeting": 1})
    later = brief(session={"congress": 19, "meeting": 3})
    assert not REGISTRY["usage"].run(_paragraph(said, brief=first, section_role="review")).passed
    assert REGISTRY["usage"].run(_paragraph(said, brief=later, section_role="review")).passed
    five = "五年来，全区上下团结奋斗，经济社会发展取得了显著成绩。今年是“十三五”开局之年。"
    assert REGISTRY["usage"].run(_paragraph(five, brief=first, section_role="review")).passed


def test_a_paragraph_starting_the_section_over_fails_focus_and_parallelism_passes():
    """临江 2019 at scale 0.5: the review's first and third paragraphs opened alike and went on
    alike; the references repeat an opening with new matter after it (排比)."""
    again = "回顾过去一年的成绩，我们取得了一系列丰硕的成果。对口帮扶的2个贫困县如期完成任务。"
    before = "回顾过去一年的成绩，我们取得了一系列的显著成就。一般公共预算收入完成38.2亿元。"
    result = REGISTRY["focus"].run(_paragraph(again, context=before, section_role="review"))
    assert any("从头讲起" in f for f in result.findings), result.reason
    parallel = "决胜收官之年，我们要用心用情，用群众幸福指数标注初心使命。"
    first = "决胜收官之年，我们要求稳求进，坚定不移推动产业转型升级。"
    result = REGISTRY["focus"].run(_paragraph(parallel, context=first, section_role="requirements"))
    assert not any("从头讲起" in f for f in result.findings), result.reason


def test_high_quality_development_before_the_19th_congress_is_stale():
    """石桥 2016 at scale 0.5: 为实现高质量发展打下坚实基础, a formulation of October 2017."""
    import datetime as dt

    from assistant import tifa

    said = "我们务必乘势而上，为实现高质量发展打下坚实基础。"
    assert tifa.find_stale(said, dt.date(2016, 7, 12))
    assert not tifa.find_stale(said, dt.date(2019, 1, 22))


def test_the_core_before_october_2016_is_stale_however_the_name_is_said():
    """云溪 2013 at scale 0.5: 以习近平总书记为核心的党中央."""
    import datetime as dt

    from assistant import tifa

    said = "我们要始终坚持以习近平总书记为核心的党中央的领导。"
    assert tifa.find_stale(said, dt.date(2013, 1, 18))
    assert not tifa.find_stale(said, dt.date(2019, 1, 18))
    # and the plan's words copied back are an echo of the prompt
    echo = "先点出这方面工作抓得怎样，再写事实。"
    assert not REGISTRY["integrity"].run(_paragraph(echo, section_role="review")).passed


def test_the_places_own_problems_the_brief_does_not_give_are_invented():
    """青岭乡 2019: 面临着经济转型、农民增收、基础设施建设等多重挑战, none of it in the brief."""
    said = "当前，青岭乡面临着经济转型、农民增收、基础设施建设等多重挑战。"
    assert not REGISTRY["invented_facts"].run(_paragraph(said)).passed
    given = brief(situation=["全镇面临着经济转型、农民增收、基础设施建设等多重挑战"])
    assert REGISTRY["invented_facts"].run(_paragraph(said, brief=given)).passed


@pytest.mark.parametrize(
    ("check", "level", "text"),
    [
        ("voice", "镇", "我们要求镇政府要认真办理代表建议。"),
        ("voice", "镇", "作为各级党组织书记和部门负责人，我们要率先垂范。"),
        ("usage", "镇", "要始终保持永不懈怠的精神状态。"),
        ("usage", "县", "要按照党中央在全党开展主题教育的部署，扎实抓好各项工作。"),
        ("usage", "镇", "要推动完善调动农民种粮积极性的补贴政策。"),
        ("usage", "镇", "要主动融入全市建设现代化城市的发展大局。"),
        ("usage", "镇", "极不平凡的2025年已经落下帷幕。"),
        ("invented_facts", "镇", "要着力解决群众面临的看病难、上学难等问题。"),
        ("integrity", "镇", "镇政府工作报告第二部分对今年工作作了全面部署，我们要抓好落实。"),
    ],
)
def test_ordinary_speech_the_new_patterns_must_pass(check, level, text):
    """A reviewer's sentences against this session's new patterns: right as they stand."""
    result = REGISTRY[check].run(
        _paragraph(text, brief=brief(level=level), section_role="requirements")
    )
    assert result.passed, result.reason


def test_first_point_second_point_as_a_list_fails_register():
    """槐原 2018 at full length (eighth session): 第一点是…第二点是…第三点是…."""
    listed = "第一点是要加强对主席团成员的培训和管理。第二点是完善主席团组织机构。"
    assert not REGISTRY["register"].run(_paragraph(listed, section_role="requirements")).passed
    said = "我讲的第一点是学习，这是做好一切工作的前提，大家要把学习摆在首位。"
    assert REGISTRY["register"].run(_paragraph(said, section_role="requirements")).passed


def test_what_the_full_length_linjiang_draft_dated_wrongly_fails():
    """临江区 2019 at full length (eighth session), a speech of January 2019."""
    import datetime as dt

    from assistant import tifa

    b = brief(level="区", date=dt.date(2019, 1, 11))
    said = "在过去的2019年中，我们取得了显著的成绩。"
    assert not REGISTRY["invented_facts"].run(_paragraph(said, brief=b)).passed
    right = "在过去的2018年中，我们取得了显著的成绩。"
    assert REGISTRY["invented_facts"].run(_paragraph(right, brief=b)).passed
    assert tifa.find_stale("要加强对“六稳”、“六保”的落实。", dt.date(2019, 1, 11))
    assert not tifa.find_stale("要做好“六稳”工作。", dt.date(2019, 1, 11))


def test_the_places_problems_given_as_examples_are_invented():
    """临江区 2019 at full length: 例如，经济结构有待优化、城市更新面临困难等, none in the brief."""
    said = "但也要看到一些问题和挑战。例如，经济结构有待优化、城市更新面临困难等。"
    assert not REGISTRY["invented_facts"].run(_paragraph(said)).passed
    task = "要把群众反映强烈的问题，比如停车难、就医难，一件一件解决好。"
    assert REGISTRY["invented_facts"].run(_paragraph(task)).passed


# -- lines from drafts that were read ------------------------------------------------------------

# The briefs some drafts were read under, as overrides of brief()'s defaults (枫林街道's is
# STREET, above).
JINHU = {"level": "区", "role": "区委书记", "organ": "区委", "name": "周明远"}
FENGYUAN = {"level": "县", "situation": ["县委十五届八次全会提出“工业强县”战略"]}
LINJIANG = {"level": "区", "locality": "临江区", "role": "区委书记", "organ": "区委"}
NANCHUAN = {"level": "市", "locality": "南川市", "role": "市委书记", "organ": "市委"}
NINGCHUAN = {
    "level": "市",
    "locality": "宁川市",
    "role": "市人大常委会主任",
    "organ": "市人大常委会",
}
SHIQIAO = {"level": "县", "locality": "石桥县", "role": "县人大常委会主任", "organ": "县人大常委会"}

# Lines from drafts that were read (which draft, what the eval had passed), grouped by the draft
# and what it was read under: (draft, brief overrides, section_role, [(check, text, fails), ...]).
# A line a writer strikes fails; its counterpart, said right, passes. A section_role of None runs
# the check with none given. DRAFT_LINES flattens the groups to one row a line.
DRAFTS_READ = [
    # 白沙 2026 (the fifteenth session's example draft): the call's lead-up begun as a speech.
    (
        "白沙 2026, example draft of the fifteenth session",
        {},
        "call",
        [
            (
                "integrity",
                "感谢大家的到来，非常荣幸能和大家一起度过这个重要而充满希望的会议。接下来，我将展望白沙"
                "未来的美好蓝图，并激励全体代表和列席同志为实现这个目标而努力奋斗。",
                True,
            ),
            (
                "integrity",
                "展望白沙的未来，我们充满信心。只要全镇上下拧成一股绳，白沙的明天一定会更加美好。",
                False,
            ),
            # 石桥 2016 (the same examples), inside point 二
            (
                "integrity",
                "各位代表，今天我很高兴能够在这里参加这次会议，并且我必须对大家讲一下，关于这一要求的问题。",
                True,
            ),
        ],
    ),
    # 梧川县 2022 (县委书记, February 2022, untuned read on the fifteenth session's final code):
    # plenums two behind as the latest spirit, poverty as a task a year after its end, the
    # governments called Party organisations. Each said right passes.
    (
        "梧川县 2022, untuned read",
        {
            "level": "县",
            "locality": "梧川县",
            "role": "县委书记",
            "organ": "县委",
            "date": dt.date(2022, 2, 18),
        },
        "requirements",
        [
            ("tifa", "要深入学习贯彻党的十九大、十九届二中、三中全会精神，凝心聚力谋发展。", True),
            ("tifa", "要深入学习贯彻党的十九大和十九届历次全会精神，凝心聚力谋发展。", False),
            ("tifa", "要深入学习贯彻党的十九届五中、六中全会精神，凝心聚力谋发展。", False),
            ("tifa", "我们要帮助更多贫困人口摆脱贫困，让群众过上好日子。", True),
            ("tifa", "以脱贫摘帽为目标导向，扎实推进乡村振兴。", True),
            ("tifa", "五年来，我们帮助3000名贫困群众摆脱贫困，全县如期脱贫摘帽。", False),
            ("tifa", "要巩固拓展脱贫攻坚成果，守住不发生规模性返贫的底线。", False),
            ("usage", "各乡镇人民政府、街道办事处等基层党组织要支持人大依法履职。", True),
            ("usage", "各乡镇党委、街道党工委要支持人大依法履职。", False),
            ("usage", "县人民政府等国家机关要自觉接受人大监督。", False),
        ],
    ),
    # A 座谈会 of 乡镇人大主席 (石桥 2016, a writer's read): its hearers are not delegates; a
    # 辖区人大代表座谈会 names its delegates in the title and may address them so.
    (
        "石桥 2016, chairs' symposium",
        {"occasion": "symposium", "title": "在石桥县乡镇人大主席座谈会上的讲话", **SHIQIAO},
        "call",
        [
            ("voice", "各位代表、同志们，让我们紧密团结在以习近平同志为核心的党中央周围。", True),
            ("voice", "同志们，让我们紧密团结在以习近平同志为核心的党中央周围。", False),
            ("voice", "要把各位代表的意见建议梳理好、办理好。", False),
        ],
    ),
    (
        "枫林 2024, delegates' symposium",
        {
            "occasion": "symposium",
            "title": "在枫林街道纪念全国人民代表大会成立70周年暨辖区人大代表座谈会上的讲话",
        },
        "call",
        [("voice", "各位代表、同志们，让我们以更加饱满的热情投入工作。", False)],
    ),
    # 白沙 2026 (sixteenth full run): what the town is, which the brief does not say.
    (
        "白沙 2026, sixteenth full run",
        {},
        "requirements",
        [
            (
                "invented_facts",
                "白沙镇作为一个重要的区域发展中心，在接下来的一年中，我们将坚持党的全面领导。",
                True,
            ),
            ("invented_facts", "要把项目建设作为经济工作的中心任务，一抓到底。", False),
            ("invented_facts", "要坚持以经济建设为中心，推动高质量发展。", False),
        ],
    ),
    # 丰源 2025 (sixteenth full run), point 三: a manual's lead-in before a 一要…四要 run.
    (
        "丰源 2025, sixteenth full run",
        {"level": "县", "role": "县委书记", "organ": "县委", "locality": "丰源县"},
        "requirements",
        [
            (
                "register",
                "要实现这一要求，需要遵循以下步骤和方法来推动这项工作。要把经验学深悟透，结合实际用好用活。",
                True,
            ),
            ("register", "要把“千万工程”经验学深悟透，结合丰源实际用好用活。", False),
            ("invented_facts", "回顾过去一年的成绩，我们取得的成就远超预期。", True),
            ("invented_facts", "回顾过去一年，全县经济运行稳中有进、稳中向好。", False),
        ],
    ),
    # 柳塘镇 2021 换届 (sixteenth full run): a point begun as a speech, and the past five years
    # credited to the term just elected.
    (
        "柳塘 2021, sixteenth full run",
        {"session": {"congress": 19, "meeting": 1}},
        "requirements",
        [
            (
                "integrity",
                "接下来，我要强调几点要求，请各位代表继续发扬优良传统，为推进经济社会高质量发展而努力奋斗！",
                True,
            ),
            (
                "usage",
                "新一届镇人大主席团五年来组织代表视察调研42次，督办代表建议263件。",
                True,
            ),
            (
                "usage",
                "上一届镇人大主席团五年来组织代表视察调研42次，督办代表建议263件。",
                False,
            ),
            ("usage", "新一届镇人大主席团要接过接力棒，把代表工作抓得更实。", False),
        ],
    ),
    # 凤岗区 2020 (区委书记, untuned read of the sixteenth session): the session's debate
    # made up, which the brief does not record.
    (
        "凤岗区 2020, untuned read",
        {"level": "区", "locality": "凤岗区", "role": "区委书记", "organ": "区委"},
        "opening",
        [
            (
                "invented_facts",
                "例如，有的代表建议加大对老工业区转型的支持力度；有的代表提出要改善营商环境。",
                True,
            ),
            ("invented_facts", "有的代表提出要改善营商环境，吸引更多投资和人才。", True),
            (
                "invented_facts",
                "代表们在会上提出了许多宝贵的意见和建议，要认真梳理、抓好落实。",
                False,
            ),
        ],
    ),
    # …and its points (seventeenth session): a garbled 党的对, an invented directive, a
    # paragraph of work items with no subject and no 要.
    (
        "凤岗区 2020, untuned read, its points",
        {"level": "区", "locality": "凤岗区", "role": "区委书记", "organ": "区委"},
        "requirements",
        [
            ("integrity", "加强党的对人大工作的领导是实现“一府一委两院”依法行使职权的基础。", True),
            ("integrity", "加强党对人大工作的领导，是人大依法行使职权的根本保证。", False),
            (
                "invented_facts",
                "各级各部门要认真贯彻落实习近平总书记关于老工业区转型和现代化商业环境建设的重要指示。",
                True,
            ),
            (
                "invented_facts",
                "要深入学习贯彻习近平总书记关于坚持和完善人民代表大会制度的重要思想。",
                False,
            ),
            (
                "register",
                "明确责任，让每个人都清楚自己的职责；跟踪问效，定期检查进度，确保任务得到完成；"
                "让每项任务都有人抓、有人管，形成有效的监督机制。",
                True,
            ),
            (
                "register",
                "要明确责任，让每个人都清楚自己的职责；跟踪问效，定期检查进度，确保任务得到完成；"
                "让每项任务都有人抓、有人管，形成有效的监督机制。",
                False,
            ),
            (
                "register",
                "各级各部门要明确每个环节的工作责任人。定期召开会议，总结经验教训。同时，建立健全激励机制。",
                False,
            ),
        ],
    ),
    # 丰源 2025 (sixteenth full-length run), point 三: the same work items without a subject
    (
        "丰源 2025, sixteenth full-length run",
        FENGYUAN,
        "requirements",
        [
            (
                "register",
                "明确每个环节的工作责任人，对每项任务的进展情况进行跟踪问效。定期召开会议，总结经验"
                "教训，及时调整策略，确保乡村全面振兴取得实效。同时，建立健全激励机制，让参与工作的"
                "人员有动力、有目标、有措施地推动这项工作深入实施。",
                True,
            ),
        ],
    ),
    # The sixteenth full-length run's six drafts, read as the writer (seventeenth session):
    # lines the eval passed. Each with its counterpart said right.
    (
        "sixteenth full-length run, 柳塘镇 2021 换届 (read in the seventeenth session)",
        {"locality": "柳塘镇", "date": dt.date(2021, 3, 20)},
        "requirements",
        [
            ("usage", "要推进公正司法，维护社会公平正义。", True),
            ("usage", "要推进依法行政，建设法治柳塘。", False),
            ("usage", "各级人大要加强对政府工作的监督。", True),
            ("usage", "镇人大主席团要加强对政府工作的监督。", False),
            ("usage", "镇人大要加强对政府工作的监督和指导。", True),
            ("usage", "县人大常委会要加强对乡镇人大工作的联系和指导。", False),
            ("tifa", "要加强贫困地区基础设施建设，健全扶贫开发体系。", True),
            ("tifa", "要加强脱贫地区基础设施建设，巩固拓展脱贫攻坚成果。", False),
            ("integrity", "我们要认真学习党的精神，不断提高政治站位。", True),
            ("integrity", "我们要认真学习党的创新理论，不断提高政治站位。", False),
            (
                "invented_facts",
                "习近平总书记强调，“十四五”规划是国家发展的全局性、战略性任务。",
                True,
            ),
            ("register", "这是非常重要的，我们一定要做好。", True),
            ("register", "这项工作十分重要，我们一定要做好。", False),
        ],
    ),
    (
        "sixteenth full-length run, 丰源县 2025 and 临江区 2019 (read in the seventeenth session)",
        FENGYUAN,
        "requirements",
        [
            ("usage", "各地区各部门要切实扛起责任，抓好落实。", True),
            ("usage", "各乡镇、各部门要切实扛起责任，抓好落实。", False),
            ("integrity", "领导干部要以身作则，带领全党职工积极参与改革实践。", True),
            ("integrity", "要争取中央省市更多支持。", True),
            ("integrity", "要争取上级更多支持。", False),
            ("integrity", "广大干部要切实履行“千万工程”精神，深入学习、认真落实。", True),
            ("integrity", "广大干部要切实学习运用“千万工程”经验，深入学习、认真落实。", False),
            ("integrity", "当前最重要的任务，是实现党的二十届三中全会精神的全面落实。", True),
            ("integrity", "当前最重要的任务，是推动党的二十届三中全会精神全面落实。", False),
            ("register", "通过这种方式，我们能够把各项工作落到实处。", True),
            ("register", "总之，我们要以更大的决心抓好落实。", True),
            ("register", "我们要以更大的决心抓好落实。", False),
            (
                "register",
                "首先要明确目标。要把方向作为推动工作的根本指引。其次是加强学习。最后要抓好落实。",
                True,
            ),
        ],
    ),
    (
        "sixteenth full-length run, 白沙镇 2026 and 枫林街道 2024 (read in the seventeenth session)",
        {"locality": "白沙镇", "date": dt.date(2026, 1, 9)},
        "congress_work",
        [
            ("register", "这样做的好处是，代表们能够更好地了解群众的需求。", True),
            ("register", "这项工作具有重要意义，因为它关系到群众切身利益。", True),
            ("integrity", "我们将进一步加强代表建设，推动人大工作再上新台阶。", True),
            ("integrity", "我们将进一步加强代表队伍建设，推动人大工作再上新台阶。", False),
        ],
    ),
    # 南川 2023 (市委书记, seventeenth full-length run): the speaker calls himself another post
    (
        "南川 2023, seventeenth full-length run",
        NANCHUAN,
        "requirements",
        [
            (
                "voice",
                "作为全市人民代表大会常务委员会副主任兼办公室主任，我深知坚持和完善人民代表大会制度是头等大事。",
                True,
            ),
            ("voice", "作为市委书记，我深知坚持和完善人民代表大会制度是头等大事。", False),
            # (a Party secretary who also chairs the congress's standing committee)
            ("voice", "作为市委书记、市人大常委会主任，我深知人大工作责任重大。", False),
            ("politics", "各级党政机关还应主动接受人大及其常委会的监督和检查。", True),
            ("politics", "市人民政府要主动接受人大及其常委会的监督。", False),
            ("usage", "确保在全党上下形成一股共同的前进动力。", True),
            ("usage", "确保在全市上下形成一股共同的前进动力。", False),
            ("integrity", "要通过宣传教育，让全党群众深刻领悟“两个确立”的决定性意义。", True),
            ("integrity", "代表们在会后要认真梳理。他们提出的意见反映了群众的期盼。", True),
            ("integrity", "代表们提出的意见和建议反映了群众的期盼，要认真研究办理。", False),
        ],
    ),
    (
        "the seventeenth full-length run's first four, read as the writer",
        {**NANCHUAN, "date": dt.date(2023, 1, 13)},
        "requirements",
        [
            ("usage", "希望大家继续发扬民主监督、人民当家作主的优良传统。", True),
            ("usage", "要支持市政协围绕中心工作开展民主监督。", False),
            ("usage", "只有这样，才能实现“两个确立”和“两个维护”。", True),
            ("usage", "要深刻领悟“两个确立”的决定性意义，坚决做到“两个维护”。", False),
        ],
    ),
    (
        "石桥 2016 and 云溪 2013, seventeenth full-length run",
        {**SHIQIAO, "date": dt.date(2016, 3, 20)},
        "requirements",
        [
            ("usage", "各级人大常委会要加强对乡镇人大工作的指导。", True),
            ("usage", "县人大常委会要加强对乡镇人大工作的指导。", False),
            (
                "usage",
                "为此，各级政府应切实履行职责，加强领导和监督，确保主席团能够有效开展工作。",
                True,
            ),
            ("usage", "乡镇人民政府要自觉接受人大监督，支持主席团依法开展工作。", False),
        ],
    ),
    (
        "石桥 2016 and 宁川 2015, seventeenth full-length run, the meetings",
        {**SHIQIAO, "occasion": "symposium", "date": dt.date(2016, 7, 12)},
        "opening",
        [
            ("usage", "这次会议在县人大主席团的组织下召开。", True),
            ("usage", "这次会议由县人大常委会组织召开。", False),
            ("usage", "乡镇人大主席团要加强学习，不断提高执政能力。", True),
            ("usage", "乡镇人大主席团要加强学习，不断提高依法履职能力。", False),
            ("usage", "乡镇人大及其主席团要充分发挥主导作用。", True),
            ("usage", "乡镇人大及其主席团要充分发挥职能作用。", False),
        ],
    ),
    (
        "云溪乡 2013, seventeenth full-length run",
        {"locality": "云溪乡", "level": "乡", "date": dt.date(2013, 1, 20)},
        "requirements",
        [
            ("tifa", "要全面从严治党，切实加强党的建设。", True),
            ("tifa", "要坚持从严治党，切实加强党的建设。", False),
            ("tifa", "让群众有更多获得感、幸福感、安全感。", True),
            ("tifa", "让发展成果更多更公平惠及全乡群众。", False),
        ],
    ),
    (
        "南川 2023, seventeenth full-length run, its opening",
        {**NANCHUAN, "date": dt.date(2023, 1, 13)},
        "opening",
        [
            (
                "integrity",
                "这是一次全面贯彻落实党的二十大精神的大会，是实施“十四五”规划承上启下的关键之年。",
                True,
            ),
            ("integrity", "这是一次全面贯彻落实党的二十大精神的大会。", False),
            ("tifa", "这次大会确定了“十四五”规划，明确了未来五年的发展目标和任务。", True),
            ("tifa", "这次大会确定了今年的目标任务，明确了发展方向。", False),
        ],
    ),
    # 云岭县 2017 (县委书记, 换届, untuned read of the seventeenth session): report style
    (
        "云岭县 2017, untuned read",
        {"level": "县", "locality": "云岭县", "role": "县委书记", "organ": "县委"},
        "requirements",
        [
            (
                "register",
                "要聚焦脱贫攻坚，首先要明确目标和方向。接下来，我们要采取一系列针对性的措施。"
                "最后，要建立健全扶贫责任制和监督机制。",
                True,
            ),
            ("register", "为此，需要从多方面入手，包括优化产业结构、提高资源利用效率。", True),
            ("register", "为此，要优化产业结构，提高资源利用效率。", False),
        ],
    ),
    # 杏坪乡 2016 (乡党委书记, 换届, untuned read of the fifteenth session).
    (
        "杏坪乡 2016, untuned read",
        {"level": "乡", "locality": "杏坪乡", "role": "乡党委书记", "organ": "乡党委"},
        "situation",
        [
            (
                "integrity",
                "我们必须乘势而上、奋发有为。接下来，我们将介绍一些重要的因素和策略，帮助我们更好地抓住这些机遇。",
                True,
            ),
            # (县委政府 is the references' own shorthand: 清徐 2022, 架好县委政府与人民群众之间的连心桥)
            ("usage", "过去五年来，在县委政府的坚强领导下，我们圆满完成了各项任务。", False),
            ("usage", "一、坚持脱贫攻坚战，确保实现全面小康。", True),
            ("usage", "一、坚决打赢脱贫攻坚战，确保与全县同步实现全面小康。", False),
        ],
    ),
    # 宁川 2015 (市人大常委会主任, fifteenth full-length run): the opening's words inside point 一.
    (
        "宁川 2015, fifteenth full run",
        {"level": "市", "locality": "宁川市", "role": "市人大常委会主任", "organ": "市人大常委会"},
        "requirements",
        [
            (
                "integrity",
                "刚才听了各乡镇人大关于工作和经验的介绍，受益匪浅。下面我想重点讲一下这一要求，并提出"
                "一些责任要求。",
                True,
            ),
            (
                "integrity",
                "各乡镇人大的经验各有特色，值得互相学习借鉴。要把这些好的做法总结好、推广好，让全市"
                "乡镇人大工作整体提升。",
                False,
            ),
        ],
    ),
    # 柳塘 2021 (镇党委书记, 换届, fifteenth full-length run): two restarts inside the points,
    # the speaker as the congress's chairman and in the third person, a clause said again.
    (
        "柳塘 2021, fifteenth full run",
        {"locality": "柳塘镇"},
        "requirements",
        [
            (
                "integrity",
                "我代表大会的全体成员，对大家的到来表示热烈的欢迎。接下来，我将从几个方面来回顾过去五年"
                "的工作，并提出建议和要求。",
                True,
            ),
            (
                "integrity",
                "今天非常高兴能够在这里为柳塘镇第十九届人民代表大会第一次会议闭幕式讲话。在五年间，"
                "我们深入推进乡村振兴。",
                True,
            ),
            (
                "focus",
                "这些成绩的取得，是习近平新时代中国特色社会主义思想指引下，各级党委和政府正确领导的结果。"
                "这些成绩的取得，是各级党委和政府正确领导的结果。",
                True,
            ),
            (
                "voice",
                "作为柳塘镇的新一届人民代表大会主席，我们要牢记大会的决定，坚持党的领导，勇于担当。",
                True,
            ),
            (
                "voice",
                "各级党委特别是镇党委书记要深入学习领会习近平总书记重要讲话和党中央决策部署。",
                True,
            ),
            ("voice", "我这个镇党委书记要带头深入学习领会习近平总书记重要讲话。", False),
            ("voice", "各村党支部书记要带头深入学习领会习近平总书记重要讲话。", False),
            ("voice", "新当选的镇人大主席要带领主席团依法履职，密切联系代表。", False),
        ],
    ),
    # 临江 2019 (区委书记, fifteenth full-length run).
    (
        "临江 2019, fifteenth full run",
        {"level": "区", "locality": "临江区", "role": "区委书记", "organ": "区委"},
        "requirements",
        [
            (
                "integrity",
                "作为临江区的一名干部，我们要充分认识到这一点，深入学习领会其精神实质。",
                True,
            ),
            (
                "integrity",
                "作为临江区的干部，我们要充分认识到这一点，深入学习领会其精神实质。",
                False,
            ),
            (
                "register",
                "这包括增强“四个意识”，坚定“四个自信”。然后要在实际行动中践行这些精神，与党委政府同频"
                "共振。最后要严格遵守政治纪律和政治规矩，保证思想上绝对忠诚。",
                True,
            ),
            (
                "usage",
                "各级各部门和广大干部要按照“一府一委两院”的要求，自觉接受人大监督，为推动高质量发展提供"
                "坚强保障。",
                True,
            ),
            ("usage", "“一府一委两院”要自觉接受人大监督，为推动高质量发展提供坚强保障。", False),
            # 南川 2023 (same run): the people's congress electing Party delegates
            ("usage", "同时，大会也选举产生了新的党代表、市长和其他重要职位的人选。", True),
            ("usage", "同时，大会选举产生了新一届市人民政府市长。", False),
        ],
    ),
    # 枫林 2024 (街道党工委书记, fifteenth full-length run): the speaker in the third person.
    (
        "枫林 2024, fifteenth full run",
        {"level": "街道", "locality": "枫林街道", "role": "街道党工委书记", "organ": "街道党工委"},
        "opening",
        [
            (
                "voice",
                "通过这次座谈会，街道党工委书记可以与全体人大代表进行深入交流，共同探讨如何加强人大工作。",
                True,
            ),
            (
                "voice",
                "通过这次座谈会，我们可以与全体人大代表进行深入交流，共同探讨如何加强人大工作。",
                False,
            ),
            ("voice", "作为街道党工委书记，我将与大家一起把这项工作抓紧抓实。", False),
            ("usage", "人大代表作为基层政府的重要组成人员，是联系广大人民群众的桥梁和纽带。", True),
            ("usage", "人大代表是国家权力机关的组成人员，是联系广大人民群众的桥梁和纽带。", False),
            ("usage", "枫林街道作为中国共产党领导的基层政权组织，肩负着发展地区的重任。", True),
            ("usage", "枫林街道作为区委区政府的派出机构，肩负着服务辖区群众的重任。", False),
            ("voice", "各社区党委书记要把代表联络站的工作抓在手上。", False),
        ],
    ),
    # 槐原 2018 (the twentieth session's run): the speaker narrating her own speech, a
    # township's CPPCC, a plan's 具体做法是.
    (
        "槐原 2018, twentieth session's run",
        {
            "level": "镇",
            "locality": "槐原镇",
            "role": "镇党委副书记、镇人大主席",
            "organ": "镇人大主席团",
            "occasion": "presidium_meeting",
        },
        "opening",
        [
            (
                "voice",
                "在槐原镇人大主席团2018年第一次工作会议上的讲话中，我代表镇人大主席团强调，这次会议"
                "的重要意义在于推动全镇的人大工作取得新的进展。",
                True,
            ),
            ("voice", "我代表镇人大主席团讲几点意见。", False),
            ("usage", "代表们在政府、政协和其他相关部门的支持下，提出了31件建议。", True),
            ("usage", "代表们在镇党委、镇政府的支持下，提出了31件建议。", False),
            ("usage", "县政协委员和镇人大代表一道开展了视察。", False),
            (
                "register",
                "具体做法是，第一要深入学习党的路线方针政策；第二要定期向代表通报政情。",
                True,
            ),
            ("register", "要深入学习党的路线方针政策，定期向代表通报政情。", False),
        ],
    ),
    # 白沙 2026 (the twentieth session's run): the hearers as one 你.
    (
        "白沙 2026, twentieth session's run",
        {"locality": "白沙镇"},
        "requirements",
        [
            ("usage", "要加强宣传引导，营造浓厚的工作氛围，让广大群众了解和支持你的工作。", True),
            ("usage", "要加强宣传引导，让广大群众了解和支持我们的工作。", False),
            ("usage", "你们的辛勤付出，全镇人民不会忘记。", False),
            (
                "integrity",
                "要坚决做到这一要求，是白沙镇第二十届人民代表大会第六次会议提出的一个重要任务。",
                True,
            ),
            ("integrity", "要做到这一点，关键是要始终把党的领导贯穿到各项工作中。", False),
            (
                "voice",
                "镇人民政府要自觉接受人大监督，认真落实审议意见。这样做能确保工作符合法律和程序。"
                "因此，我们要主动接受监督，这样才能更好地完成本届镇人大的工作收尾。",
                True,
            ),
            (
                "voice",
                "镇人民政府要自觉接受人大监督，认真落实审议意见。这样做能确保工作符合法律和程序。",
                False,
            ),
        ],
    ),
    # 柳塘 2021 (the twentieth session's run): the session announced and the outgoing
    # leaders thanked inside point 二.
    (
        "柳塘 2021, twentieth session's run",
        {"locality": "柳塘镇"},
        "requirements",
        [
            (
                "integrity",
                "今天的会议是柳塘镇第十九届人民代表大会第一次会议的闭幕式。在此，我想借此机会对上一届镇"
                "人大主席团、镇政府领导班子以及各位代表表达最诚挚的感谢与敬意！",
                True,
            ),
            ("integrity", "在此，我想借此机会对上一届镇人大主席团表达最诚挚的感谢与敬意！", True),
            ("integrity", "要全面推进乡村振兴，加快建设“稻香水韵、宜居柳塘”。", False),
            (
                "invented_facts",
                "要持续实施“四场革命”，即产业革命、教育革命、医疗革命和文化革命。",
                True,
            ),
            (
                "invented_facts",
                "要增强“四个意识”，即政治意识、大局意识、核心意识、看齐意识。",
                False,
            ),
            ("usage", "党支部是党在基层组织中的领导核心，党员是我们党的坚强战斗堡垒。", True),
            ("usage", "基层党组织要成为坚强战斗堡垒，党员要发挥先锋模范作用。", False),
        ],
    ),
    # 临江 2019 (the twentieth session's run): the plan's words as statements, and the call's
    # lead-up announcing itself.
    (
        "临江 2019, twentieth session's run",
        {"level": "区", "locality": "临江区", "role": "区委书记", "organ": "区委"},
        "congress_work",
        [
            (
                "integrity",
                "希望各位代表依法履职、密切联系群众。闭会期间，各位代表要怎样履职。",
                True,
            ),
            ("integrity", "闭会期间，各位代表要常到群众中去，把群众的呼声反映上来。", False),
            ("integrity", "当前所处的形势是高质量发展大势已去，但新的起点已经到来。", True),
            ("integrity", "当前，临江正处在高质量发展的关键阶段。", False),
            ("usage", "当前所处的形势是高质量发展大势已去，但新的起点已经到来。", True),
            ("usage", "推动高质量发展是大势所趋。", False),
            ("usage", "第一责任人是各乡镇人大主席团团长。", True),
            ("usage", "各乡镇人大主席要把换届工作抓在手上。", False),
            ("usage", "各级领导干部要以身作则，带动全系统员工提高思想认识。", True),
            ("usage", "各级领导干部要以身作则，带动广大干部职工提高思想认识。", False),
            ("usage", "要持续推进产业革命、教育革命、医疗革命和文化革命。", True),
            (
                "integrity",
                "现在我想给大家展望一下我们临江的未来，并激励大家为实现目标而努力。",
                True,
            ),
        ],
    ),
    # 丰源 2025 (the twentieth session's run): a county's departments given tasks one by one,
    # and the whole Party moved by a county.
    (
        "丰源 2025, twentieth session's run",
        {"level": "县", "locality": "丰源县", "role": "县委书记", "organ": "县委"},
        "requirements",
        [
            (
                "register",
                "具体分工是，县统计局负责研究制定全县经济发展规划并组织实施；县农业农村局负责指导农业"
                "生产。各有关部门要密切配合，形成合力。",
                True,
            ),
            ("register", "各有关部门要密切配合，明确分工，形成合力。", False),
            (
                "usage",
                "广大干部要以身作则，推动全党全社会共同参与到全面深化改革的伟大实践中来。",
                True,
            ),
            (
                "usage",
                "广大干部要以身作则，推动全县上下共同参与到全面深化改革的伟大实践中来。",
                False,
            ),
        ],
    ),
    # 枫林 2024 (the twentieth session's run): the speaker's own post as someone else, and the
    # street office as a body of residents' self-government.
    (
        "枫林 2024, twentieth session's run",
        {"level": "街道", "locality": "枫林街道", "role": "街道党工委书记", "organ": "街道党工委"},
        "requirements",
        [
            ("voice", "各基层人大工委要主动与街道党工委书记沟通联系，了解情况、掌握动态。", True),
            ("voice", "各社区代表联络点要在街道党工委书记的领导下，组织代表走访群众。", True),
            ("voice", "各社区代表联络点要在街道党工委的领导下，组织代表走访群众。", False),
            ("voice", "各社区党组织书记要及时向街道党工委汇报代表联络点的工作。", False),
            ("usage", "枫林街道作为居民自治的基层组织，通过代表联络站联系群众。", True),
            ("usage", "枫林街道要支持社区居民委员会依法开展居民自治。", False),
        ],
    ),
    # 丰源 2025 (县委书记, fifteenth full-length run): the speaker as a delegate, and his own
    # 县委 as someone else supporting "us".
    (
        "丰源 2025, fifteenth full run",
        {"level": "县", "locality": "丰源县", "role": "县委书记", "organ": "县委"},
        "requirements",
        [
            ("voice", "在推进丰源经济跨越的实践中，我们将认真履行代表职责，实现更大作为。", True),
            ("voice", "希望各位代表认真履行代表职责，在推进丰源发展的实践中实现更大作为。", False),
            ("voice", "我们要支持和保障代表依法履行代表职责，认真办理代表建议。", False),
            ("voice", "特别是，我们得到了县委对我们的大力支持和高度信任。", True),
            ("voice", "此外，我们还要积极履行代表职责，在推进发展的实践中实现更大作为。", True),
            (
                "voice",
                "作为丰源县第十八届人民代表大会第四次会议的代表和列席同志，我们将以实际行动为丰源的"
                "发展添砖加瓦。",
                True,
            ),
            ("voice", "希望各位代表和列席同志以实际行动为丰源的发展添砖加瓦。", False),
            ("voice", "这些成绩的取得，离不开上级党委的正确领导和全县干部群众的团结奋斗。", False),
        ],
    ),
    # 沅桥市 2014 (市, untuned read of the fourteenth session): a list lacking its first item,
    # and the model commenting on the program's own line.
    (
        "沅桥市 2014, untuned read",
        {"level": "市", "locality": "沅桥市"},
        "situation",
        [
            (
                "integrity",
                "为了抓住当前的机遇，沅桥市需要从三个方面下功夫。二，推进新型城镇化建设，提高城市"
                "居民的生活水平；三，加强生态保护和环境保护，保护生态环境。",
                True,
            ),
            (
                "integrity",
                "为了抓住当前的机遇，要在三个方面下功夫。一，推进新型城镇化建设，提高城市居民的生活"
                "水平；二，加强生态保护，守住绿水青山。",
                False,
            ),
            (
                "integrity",
                "首先，推进新型城镇化建设，提高城市居民的生活水平；二，加强生态保护，守住绿水青山，"
                "让群众享有更多的蓝天白云。",
                False,
            ),
            (
                "integrity",
                "这是一次成功召开的大会，是全面贯彻落实党的十八届三中全会精神、中央经济工作会议精神"
                "的基础上，召开的一次重要会议。",
                True,
            ),
            (
                "integrity",
                "这是在全面贯彻落实党的十八届三中全会精神的基础上召开的一次重要会议。",
                False,
            ),
            # review of the fifteenth session: 在 anywhere before 的基础上 is the right form
            (
                "integrity",
                "这是一次在全面总结过去一年工作、实事求是分析当前形势的基础上召开的重要会议。",
                False,
            ),
            (
                "integrity",
                "这次大会，是全市上下在深入贯彻党的十八届三中全会精神的基础上召开的一次重要会议。",
                False,
            ),
            # …and a saying quoted, then explained, is the genre's own move
            (
                "integrity",
                "古人讲：“政贵有恒。”这句话体现了抓落实要有恒心、有韧劲，一张蓝图绘到底。",
                False,
            ),
            ("usage", "我们要确保与全国全省同步建成全面小康社会。", True),
            ("usage", "农民收入增长了，为实现全面小康社会打下了坚实基础。", True),
            ("usage", "农民收入增长了，为全面建成小康社会打下了坚实基础。", False),
            ("usage", "农民收入增长了，为实现全面小康打下了坚实基础。", False),
        ],
    ),
    (
        "沅桥市 2014, untuned read",
        {"level": "市", "locality": "沅桥市"},
        "requirements",
        [
            (
                "integrity",
                "“一府两院”要自觉接受人大监督，认真落实审议意见。通过强调“自觉接受”，表明“一府两院”"
                "的工作将更加注重民主决策和透明度。",
                True,
            ),
            (
                "integrity",
                "“一府两院”要自觉接受人大监督，认真落实审议意见，认真办理代表提出的议案和建议，"
                "把人大监督转化为改进工作的动力。",
                False,
            ),
            (
                "integrity",
                "习近平总书记强调“以人民为中心”，我们要把这一思想贯穿到政府工作的各个方面，"
                "让群众有实实在在的获得感。",
                False,
            ),
        ],
    ),
    # 桐岭 2013 (县, untuned read): a report to write into after it was passed, and a county
    # asked to make laws.
    (
        "桐岭 2013, untuned read",
        {"level": "县", "locality": "桐岭县"},
        None,
        [
            ("usage", "要在政府工作报告中提出具体的工作要求和措施，确保各项任务落实。", True),
            ("usage", "要把大会审议通过的政府工作报告确定的目标任务落到实处。", False),
            ("usage", "各位代表要积极参与法律法规的制定，反映群众的呼声。", True),
            ("usage", "要保证宪法法律在本行政区域内的遵守和执行。", False),
            ("usage", "要配合省人大做好法律法规的制定调研工作。", False),
        ],
    ),
    # The place called by another unit of its rank: 临江 2019 at scale 0.5 said 全县 in a 区's
    # speech; the other ranks alike.
    (
        "临江 2019, scale 0.5",
        {"level": "区"},
        None,
        [
            ("usage", "这些变化为全县经济社会的发展提供了有力支撑。", True),  # 临江 2019, scale 0.5
            ("usage", "这些变化为全区经济社会的发展提供了有力支撑。", False),
        ],
    ),
    (
        "临江 2019, scale 0.5",
        {"level": "县"},
        None,
        [
            ("usage", "全区上下要凝心聚力。", True),
            ("usage", "要在全省全市大局中找准定位，带动全县上下。", False),
        ],
    ),
    (
        "临江 2019, scale 0.5",
        {"level": "乡"},
        None,
        [("usage", "全镇上下要凝心聚力。", True)],
    ),
    (
        "临江 2019, scale 0.5",
        {"level": "镇"},
        None,
        [("usage", "要在全县率先实现目标，全镇上下凝心聚力。", False)],
    ),
    (
        "临江 2019, scale 0.5",
        {"level": "街道"},
        None,
        [("usage", "全镇上下要凝心聚力。", True)],
    ),
    # 青岭乡 2019 (untuned read, this session's final code).
    (
        "青岭乡 2019, untuned read",
        {"level": "乡"},
        None,
        [
            ("usage", "各乡镇政府、村党组织要深入一线，制定切实可行的脱贫计划。", True),
            ("usage", "要在全县各乡镇中率先完成脱贫任务。", False),
        ],
    ),
    (
        "青岭乡 2019, untuned read",
        {"level": "县"},
        None,
        [("usage", "各乡镇政府要深入一线。", False)],
    ),
    # 云溪 2013 at scale 0.5, eighth session: a paragraph speaking of the draft itself, its parts
    # and lines, not the speech.
    (
        "云溪 2013, scale 0.5, eighth session",
        {},
        "requirements",
        [
            (
                "integrity",
                "第二部分则需要明确指出，我们还要加大茶旅项目的投入力度，推进茶旅产业的建设。",
                True,
            ),
            (
                "integrity",
                "这一行的数字表示扶贫开发项目的成功，给全乡人民带来了实实在在的好处。",
                True,
            ),
            ("integrity", "这些数字表明，扶贫开发项目给全乡人民带来了实实在在的好处。", False),
        ],
    ),
    # Seventh session's untuned reads, lines a writer struck and the eval passed.
    # a campaign beyond the level (青岭乡 2019)
    (
        "青岭乡 2019, untuned read, seventh session",
        {"level": "乡"},
        None,
        [
            ("usage", "要在全党全社会开展学习宣传总书记重要讲话精神活动。", True),
            ("usage", "要按照上级党委的部署，在全乡扎实开展学习宣传活动。", False),
            # collocations (青岭乡 2019)
            ("usage", "要压实工作压力，把各项任务落到实处。", True),
            ("usage", "要压实工作责任，把各项任务落到实处。", False),
            ("usage", "要推动基层干部和群众的积极性，形成合力。", True),
            ("usage", "要调动基层干部和群众的积极性，形成合力。", False),
        ],
    ),
    (
        "青岭乡 2019, untuned read, seventh session",
        {"level": "县"},
        None,
        [
            ("usage", "要加强履职水平，更好服务群众。", True),
            ("usage", "要提高履职水平，更好服务群众。", False),
        ],
    ),
    # a contradiction (青岭乡 2019)
    (
        "青岭乡 2019, untuned read, seventh session",
        {"level": "乡"},
        None,
        [
            ("usage", "我们既要保持已有成绩的骄傲自满，又要看到不足。", True),
            ("usage", "我们既不能骄傲自满，也不能妄自菲薄。", False),
        ],
    ),
    # 全县 in a city's speech (安平市 2021); a city's counties stay allowed
    (
        "安平市 2021, untuned read, seventh session",
        {"level": "市"},
        None,
        [
            ("usage", "推动全县经济社会发展。", True),
            ("usage", "推动全市经济社会发展，各县（市、区）要抓好落实。", False),
        ],
    ),
    # 枫林 2024 (fourteenth full-length run): a 街道 has a 党工委, not a 党委
    (
        "枫林 2024, fourteenth full-length run",
        {"level": "街道", "role": "街道党工委书记", "organ": "街道党工委", "locality": "枫林街道"},
        "opening",
        [
            ("usage", "今天，我代表街道党工委，以街道党委的名义向大家提几点要求。", True),
            ("usage", "在此，我代表街道党工委，向各位代表表示衷心的感谢。", False),
            ("integrity", "今天，我代表街道党工委，以街道党工委的名义向大家介绍有关情况。", True),
        ],
    ),
    (
        "枫林 2024, fourteenth full-length run, a point",
        {"level": "街道", "role": "街道党工委书记", "organ": "街道党工委", "locality": "枫林街道"},
        "requirements",
        [
            ("integrity", "在座各位同志，今天我代表街道党工委书记讲话，主要讲三点。", True),
            ("integrity", "今天，街道党工委要求各社区把代表联络站建好用好。", False),
            ("usage", "各级政府要建立和完善相应的法规体系，明确职责任务。", True),
            ("usage", "要保证宪法法律在辖区的遵守和执行，明确职责任务。", False),
        ],
    ),
    # Genre prose a review helper ran through this session's new patterns (fourteenth
    # session): each was failed by a first version of them, and each is correct.
    (
        "review of the fourteenth session's patterns",
        {"level": "镇", "role": "镇党委书记", "organ": "镇党委", "locality": "柳塘镇"},
        "requirements",
        [
            (
                "integrity",
                "要正确处理国家的、集体的和个人的利益关系，从政治的和全局的高度看问题。",
                False,
            ),
            ("integrity", "我谨以镇党委的名义向各位代表致以崇高的敬意。", False),
            ("usage", "宪法规定，地方各级人民政府对本级人大负责并报告工作。", False),
            ("usage", "要压实各级政府和有关部门的责任，确保任务落地。", False),
            ("usage", "担任人大代表的党员干部要带头履行代表职责。", False),
            ("usage", "要落实中央关于完善党内法规体系的部署，从严管党治党。", False),
            ("voice", "通过接受群众监督，我们不断改进工作作风。", False),
            (
                "voice",
                "要重视人大自身建设，帮助人大解决实际困难。我们要切实帮助解决人大工作中的困难。",
                False,
            ),
            ("invented_facts", "新时代十年的伟大变革，全党全国各族人民倍感自豪。", False),
            (
                "focus",
                "坚持以人民为中心的发展思想，是我们党的根本立场。我们坚持以人民为中心的发展思想，"
                "就是要把群众的事办好。",
                False,
            ),
        ],
    ),
    (
        "review of the fourteenth session's patterns, 2015",
        {"level": "区", "date": dt.date(2015, 1, 23)},
        "requirements",
        [("tifa", "在全面总结“十二五”发展成就的基础上，科学谋划今后五年的发展。", False)],
    ),
    (
        "review of the fourteenth session's patterns, 2026",
        {"level": "区", "date": dt.date(2026, 1, 9)},
        "requirements",
        [("tifa", "“十四五”胜利收官，今后五年是“十五五”时期，要开好局、起好步。", False)],
    ),
    # 宁川 2015 (fourteenth full-length run): a district's word in a city's speech, and a
    # point begun again as a discussion
    (
        "宁川 2015, fourteenth full-length run",
        {"level": "市", "role": "市人大常委会主任", "organ": "市人大常委会", "locality": "宁川市"},
        "requirements",
        [
            ("usage", "当前，我区正在全面推进依法治国。", True),
            ("integrity", "我们今天在这里，共同探讨的是加强乡镇人大工作和建设的重要性。", True),
        ],
    ),
    # 临江 2019 (thirteenth full-length run): a decision pointed at, while drafting too
    (
        "临江 2019, thirteenth full-length run",
        {"level": "区", "role": "区委书记", "organ": "区委", "locality": "临江区"},
        "requirements",
        [
            ("integrity", "这个决定对临江的发展具有重要意义，我们必须坚决执行这一决定。", True),
            ("integrity", "这一规划描绘了临江今后五年的发展蓝图，我们必须坚决落实。", True),
        ],
    ),
    # 柳塘 2021 (thirteenth full-length run): 各级政府 in a town's speech
    (
        "柳塘 2021, thirteenth full-length run",
        {"level": "镇", "role": "镇党委书记", "organ": "镇党委", "locality": "柳塘镇"},
        "requirements",
        [
            ("usage", "各级政府要在实施乡村振兴战略中发挥积极作用。", True),
            ("usage", "镇政府要在实施乡村振兴战略中发挥积极作用，各村要抓好落实。", False),
            (
                "voice",
                "这些成绩的取得，离不开全镇干部群众的奋斗。同时指出，这些成绩为今后的工作提供了基础。",
                True,
            ),
            ("voice", "习近平总书记深刻指出，同时强调，要坚持以人民为中心。", False),
        ],
    ),
    # 白沙 2026 (fourteenth full-length run): the Party secretary as the presidium
    (
        "白沙 2026, fourteenth full-length run",
        {"level": "镇", "role": "镇党委书记", "organ": "镇党委", "locality": "白沙镇"},
        "situation",
        [
            ("voice", "我们将认真履行镇人大主席团的职责，加强与代表的沟通交流。", True),
            ("voice", "要支持镇人大主席团认真履行职责，加强与代表的沟通交流。", False),
            (
                "voice",
                "镇人大主席团自身建设，要加强对宪法法律的学习。我们要继续强化理论学习，改进作风。",
                True,
            ),
            (
                "voice",
                "镇人大主席团要加强自身建设，提高依法履职的能力和水平，我们要为此创造条件。",
                False,
            ),
        ],
    ),
    # 白沙 2026 at full length (eighth session): lines a writer strikes that the eval passed.
    (
        "白沙 2026, full length, eighth session",
        {"level": "镇"},
        None,
        [
            ("usage", "大会在庄严的会议厅落下帷幕。", True),
            ("usage", "大会圆满完成了各项议程，即将胜利闭幕。", False),
            ("usage", "要将白沙打造成为一个具有国际竞争力的现代化城市。", True),
        ],
    ),
    (
        "白沙 2026, full length, eighth session",
        {"level": "市"},
        None,
        [("usage", "要把安平建设成为具有国际竞争力的现代化城市。", False)],
    ),
    (
        "白沙 2026, full length, eighth session",
        {"level": "镇"},
        None,
        [
            ("register", "要从五个方面入手，分别是明确产业定位、强化政策支持和优化环境。", True),
            ("register", "具体的工作要求包括制定详细的发展规划、积极引进优质项目。", True),
            ("register", "要明确产业定位，强化政策支持，一项一项抓出成效。", False),
            ("voice", "这是我们白沙镇政府的责任和使命。", True),
            ("voice", "这是镇政府的责任，镇党委要支持镇政府依法行政。", False),
        ],
    ),
    # 枫林街道 2024 at full length (eighth session): the speaker as someone invited to speak,
    # and a title of one person said as 我们.
    (
        "枫林街道 2024, full length, eighth session",
        STREET,
        None,
        [
            ("voice", "我们邀请街道党工委书记在会上发言，并希望各位代表能够积极参与讨论。", True),
            ("voice", "作为街道党工委书记和街道人大工委负责人，我们要强化责任意识。", True),
            ("voice", "希望各位代表在会上踊跃发言，多提真知灼见。", False),
            ("voice", "作为街道党工委书记，我要带头联系代表。", False),
        ],
    ),
    # 白沙 2026 at full length on the session's final code: lines the eval passed.
    (
        "白沙 2026, full length, final code",
        {"level": "镇"},
        "requirements",
        [
            ("integrity", "接下来，我想向大家分享一些代表们在会上提出的意见和建议。", True),
            ("usage", "各级政协要围绕大局，发挥作用，提高履职水平。", True),
        ],
    ),
    (
        "白沙 2026, full length, final code",
        {"level": "县"},
        "requirements",
        [("usage", "要与县委同向、与政府同力、与政协同步、与人民同心。", False)],
    ),
    (
        "白沙 2026, full length, final code",
        {"level": "镇"},
        "requirements",
        [
            ("usage", "各级人大要坚持人民代表大会制度，提高立法质量和效能。", True),
            ("usage", "要办好基层立法联系点，把群众的意见带上去。", False),
            (
                "invented_facts",
                "白沙是海南的重要政治和经济中心之一，肩负着推动区域发展的使命。",
                True,
            ),
            ("invented_facts", "要坚持以人民为中心的发展思想。", False),
        ],
    ),
    # 枫林街道 2024 at full length on the session's final code: lines the eval passed.
    (
        "枫林街道 2024, full length, final code",
        STREET,
        "requirements",
        [
            ("voice", "作为街道人大工委的一员，我必须承担起自己的责任和使命。", True),
            (
                "register",
                "第一阶段，我们要加强对代表的培训；第二阶段，要建立和完善社区代表联络点。",
                True,
            ),
            ("usage", "抓落实的作风要坚决做到“说得多做得少，办就办好”。", True),
            ("usage", "抓落实的作风要坚决防止说得多做得少，做到说了就办、办就办好。", False),
        ],
    ),
    # 柳塘镇 2021 换届 at full length (eighth session): the eval gave it 0.99, and a writer
    # would strike each of these.
    (
        "柳塘镇 2021 换届, full length, eighth session",
        {},
        "requirements",
        [
            ("integrity", "谢谢上一届镇人大主席团和镇政府领导班子，你们是我们前进的指路人。", True),
            ("integrity", "接下来我将重点介绍一些重要的成果，并谈谈对今后工作的要求。", True),
            (
                "register",
                "做好这项工作，首先是，树立正确的价值观。其次是，提高自身的政治素养。",
                True,
            ),
            ("register", "首先要把学习摆在首位，其次要在落实上下功夫。", False),
            (
                "usage",
                "希望各位代表能够认真履职，做到依法行政、勤政为民，并自觉接受人大监督。",
                True,
            ),
            ("usage", "希望各位代表积极开展视察调研，监督行政机关依法行政。", False),
        ],
    ),
    # 金湖区 2024, the eighth session's untuned read on its final code (区委书记).
    (
        "金湖区 2024, untuned read, eighth session",
        JINHU,
        "requirements",
        [
            ("integrity", "接下来，我想向大家讲一讲在会议期间代表们提出的宝贵建议。", True),
            ("usage", "我们要坚持依法治镇，进一步为全镇经济发展提供良好的法治保障。", True),
            ("usage", "各镇街要结合实际抓好落实。", False),
            ("usage", "这些成绩的取得是全党全国人民共同努力的结果。", True),
            ("invented_facts", "要充分发挥金湖作为沿海城市的优势，积极拓展经济领域。", True),
            (
                "voice",
                "区委书记始终把人民对美好生活的向往作为奋斗目标，带领全区干部群众奋斗。",
                True,
            ),
            ("voice", "我们始终把人民对美好生活的向往作为奋斗目标。", False),
            ("usage", "区人民法院、人民检察院也开展了有力的执法检查工作。", True),
            ("usage", "区人大常委会对区人民法院的执行工作开展了执法检查。", False),
            ("usage", "区人大常委会开展执法检查5次，法院、检察院依法履职。", False),
            ("usage", "县人大常委会围绕法院执行工作开展执法检查，推动解决执行难问题。", False),
            ("usage", "法院、检察院配合人大常委会开展执法检查，及时整改反馈问题。", False),
            ("usage", "两院积极开展执法检查工作。", True),
            ("usage", "镇人大主席团作为非常设机关，要在闭会期间组织好代表活动。", False),
            ("usage", "区人大是区人民代表大会的常设机关。", True),
            ("usage", "区人大及其常委会是人民代表大会的常设机关。", True),
            ("usage", "镇人大主席团是镇人民代表大会的常设机关。", True),
            ("usage", "区人大常委会是区人民代表大会的常设机关。", False),
        ],
    ),
    # 丰源 2025 at full length (ninth session): “一产强县”, a strategy the county never set;
    # a local strategy the brief does not give is invented.
    (
        "丰源 2025, full length, ninth session",
        FENGYUAN,
        None,
        [
            (
                "invented_facts",
                "这些项目直接推动了我县农业产业的发展，为实现“一产强县”奠定了坚实的基础。",
                True,
            ),
            ("invented_facts", "要坚持“生态立县”不动摇，守护好绿水青山。", True),
            ("invented_facts", "要深入实施农业强县战略，做强特色产业。", True),
            (
                "invented_facts",
                "要深入实施工业强县战略，做强开发区。",  # the brief gives 工业强县
                False,
            ),
            (
                "invented_facts",
                "要深入实施乡村振兴战略和人才强国战略。",  # national strategies
                False,
            ),
            ("invented_facts", "要全面推进“千万工程”，建设“宜居宜业和美乡村”。", False),
            ("invented_facts", "要深化“扩权强县”改革，激发县域发展活力。", False),
            ("invented_facts", "要通过“放活市场”激发县域经济活力。", False),
            ("invented_facts", "要坚持生态立县不动摇，守护好绿水青山。", True),
        ],
    ),
    # 白沙 2026 at full length (ninth session): the eval passed all three.
    (
        "白沙 2026, full length, ninth session",
        {"level": "镇", "locality": "白沙镇"},
        None,
        [
            ("usage", "要按照“十以五”规划要求，细化工作目标，制定具体行动计划。", True),
            ("usage", "要按照“十五五”规划要求，细化工作目标，制定具体行动计划。", False),
            (
                "usage",
                "过去的一年，在县委市政府和各相关单位共同努力下，我们各项工作取得了显著进展。",
                True,
            ),
            ("usage", "过去的一年，在县委县政府的正确领导下，我们各项工作取得了显著进展。", False),
            ("usage", "接下来，我会组织代表们进行讨论，并制定下一步的行动计划。", True),
            ("usage", "接下来，我们还将面临更加艰巨的任务。", False),
            ("usage", "接下来，我们将组织代表进行分组讨论。", True),
            ("usage", "接下来，我将主持召开专题会议，认真研究讨论代表建议。", False),
        ],
    ),
    # 枫林 2024 at full length (ninth session): the speaker's hopes told in the third person.
    (
        "枫林 2024, full length, ninth session",
        STREET,
        "opening",
        [
            (
                "voice",
                "这次会议的目标是传达街道党工委书记对各位代表的高度期望，强调要敞开思想。",
                True,
            ),
            ("voice", "各位代表要把街道党工委书记对大家的殷切期望转化为履职动力。", True),
            # the hearers' posts, not the speaker's
            ("voice", "社区党组织书记对居民的期望，要认真回应。", False),
        ],
    ),
    # 柳塘 2021 at full length (ninth session), the eval passed each.
    (
        "柳塘 2021, full length, ninth session",
        {"level": "镇", "locality": "柳塘镇"},
        "requirements",
        [
            ("integrity", "在接下来的讲话中，我将强调坚持党的全面领导的重要性。", True),
            (
                "integrity",
                "我谨代表镇党委向大会和全体代表表示衷心的祝贺，并对大家的到来表示热烈欢迎！",
                True,
            ),
            ("usage", "要完善党的领导机制，加强党对镇人大的监督，提高决策执行效率。", True),
            ("usage", "要加强党对人大工作的领导，支持人大依法对政府工作进行监督。", False),
        ],
    ),
    # 临江 2019 at full length (ninth session): it scored 0.90, focus failing only.
    (
        "临江 2019, full length, ninth session",
        LINJIANG,
        "requirements",
        [
            (
                "invented_facts",
                "当前发展中存在一些突出的问题和矛盾，如城乡差距较大、教育水平不高等。",
                True,
            ),
            (
                "invented_facts",
                "我们也面临着许多挑战，比如城市更新的难度大、产业转型升级的压力大等。",
                True,
            ),
            ("invented_facts", "要着力解决群众反映强烈的问题，如看病难、上学难等。", False),
            ("usage", "希望各位代表依法履职、密切联系群众，积极参与决策、民主监督。", True),
            ("usage", "希望各位代表依法履职、密切联系群众，积极建言献策，开展监督。", False),
        ],
    ),
    # 南川 2023 at full length (ninth session): the 市委书记 as one of the supervised organs,
    # a city's results put down to the whole Party.
    (
        "南川 2023, full length, ninth session",
        NANCHUAN,
        "review",
        [
            ("voice", "作为一府一委两院的一员，我们倍感自豪和骄傲，将继续推动南川发展。", True),
            ("voice", "一府一委两院要自觉接受人大监督，我们要支持人大依法行使职权。", False),
            ("usage", "这一系列成绩的取得是全党、政府和各族人民共同努力的结果。", True),
            ("usage", "这一系列成绩的取得是全市干部群众共同努力的结果。", False),
        ],
    ),
    # 宁川 2015 at full length (ninth session): the meeting opened, and the speech summarised,
    # again inside the points.
    (
        "宁川 2015, full length, ninth session",
        NINGCHUAN,
        "requirements",
        [
            (
                "integrity",
                "我们今天在这里共同交流乡镇人大工作经验。刚才，我们学习了典型经验。",
                True,
            ),
            ("integrity", "接下来，我将结合当前形势和要求，提出一些具体的建议和要求。", True),
            ("integrity", "刚才我代表市人大常委会主任，在会上发言，介绍了我们的成绩和形势。", True),
            ("integrity", "刚才，六个乡镇人大作了交流发言，讲得都很好。", False),
            ("integrity", "今天交流的经验各有特色，值得大家借鉴。", False),
        ],
    ),
    # 石桥 2016 at full length (ninth session): a county's 主席团 given the recess's work.
    (
        "石桥 2016, full length, ninth session",
        SHIQIAO,
        "requirements",
        [
            ("usage", "要聚焦法治建设，加强县乡两级人大主席团在闭会期间的工作。", True),
            ("usage", "要加强乡镇人大主席团在闭会期间的工作，县人大常委会要加强指导。", False),
        ],
    ),  # 梅岭县 2019 (县委书记, untuned read, tenth session): the prompt's 提法 note copied, the
    # congress said to govern, the secretary speaking as the congress; each the eval passed.
    (
        "梅岭县 2019, untuned read, tenth session",
        {"level": "县", "role": "县委书记", "organ": "县委", "locality": "梅岭县"},
        "requirements",
        [
            ("integrity", "县人大及其常委会要认真学习贯彻党的十九大/十九届×中全会精神。", True),
            ("integrity", "要认真学习贯彻党的十九大和十九届二中、三中全会精神。", False),
            ("usage", "县人大及其常委会要学习贯彻党的十九大精神，坚持依法执政、民主法治。", True),
            ("usage", "县人大及其常委会要坚持党的领导，支持党依法执政，坚持依法履职。", False),
            ("voice", "一方面，我们应积极履行好人大职责，确保人大工作的有序进行。", True),
            ("voice", "我们要支持人大及其常委会履行好职责。", False),
        ],
    ),
    # 太平镇 2023 (镇党委书记, untuned read, tenth session): what the writer struck and the
    # eval passed: calls before the call, garbled grammar, 第一要…第五要 lists, the Party
    # secretary promising the government's spending.
    (
        "太平镇 2023, untuned read, tenth session",
        {"locality": "太平镇"},
        "opening",
        [
            ("integrity", "这是一次隆重而成功的一次会议。", True),
            ("integrity", "这是一次隆重而成功的会议，一件一件都落到了实处。", False),
            ("integrity", "本次会议的通过的报告都是符合实际需要的重要文件。", True),
            ("integrity", "本次会议通过的报告都是符合实际需要的重要文件。", False),
            (
                "integrity",
                "让我们继续保持这种积极向上的精神，继续深入学习贯彻党的二十大精神，全面贯彻落实"
                "中央经济工作会议精神，不断推进乡村振兴，努力实现高质量发展。",
                True,
            ),
            ("integrity", "会议的成功让我们倍感振奋，也让我们看到了太平的希望。", False),
        ],
    ),
    (
        "太平镇 2023, untuned read, tenth session",
        {"locality": "太平镇"},
        "requirements",
        [
            ("integrity", "同时，要积极引进优质企业。让我们携手并进，共同创造美好未来。", True),
            (
                "register",
                "第一要加强政策引导，推动产业升级。第二要加大资金投入，完善基础设施。第三要完善"
                "农业服务体系。第四要做好人才引进和培养工作。第五要深化农村改革。",
                True,
            ),
            (
                "register",
                "一要加强政策引导，推动产业升级；二要完善基础设施；三要做好人才引进和培养工作。"
                "发展是第一要务，要把发展摆在首位。",
                False,
            ),
            ("voice", "我们将持续加大财政投入力度，加强农村基础设施建设。", True),
            ("voice", "同时，我们还将积极引进优质企业，助力乡村振兴。", True),
            ("voice", "镇政府要持续加大财政投入力度，我们要加强督促检查。", False),
        ],
    ),
    # 枫林 2024 (eleventh full-length run): the situation's three facts read out as one
    # sentence strung with ；. A review strings its figures so, and passes.
    (
        "枫林 2024, eleventh full-length run",
        {
            "locality": "枫林街道",
            "situation": [
                "2024年9月15日是全国人民代表大会成立70周年",
                "街道人大工委是区人大常委会的派出机构，负责联系辖区内的人大代表、组织代表开展活动",
                "党的二十届三中全会对健全全过程人民民主制度体系作出部署",
            ],
        },
        "situation",
        [
            (
                "focus",
                "2024年9月15日是全国人民代表大会成立70周年；街道人大工委是区人大常委会的派出机构，"
                "负责联系辖区内的人大代表、组织代表开展活动；党的二十届三中全会对健全全过程人民民主"
                "制度体系作出部署。这一时刻，我们站在新的起点上，乘势而上、奋发有为。",
                True,
            ),
            (
                "focus",
                "今年9月15日，全国人民代表大会成立70周年。党的二十届三中全会对健全全过程人民民主"
                "制度体系作出部署，街道人大工委作为区人大常委会的派出机构，联系代表、组织活动，"
                "责任更重了。我们站在新的起点上，要乘势而上、奋发有为。",
                False,
            ),
        ],
    ),
    # 丰源 2025 (eleventh full-length run): 一要…四要 carried on as 五需…六应, and the
    # delegates told, without a subject, to lead the Party organizations.
    (
        "丰源 2025, eleventh full-length run",
        {
            "level": "县",
            "role": "县委书记",
            "organ": "县委",
            "locality": "丰源县",
            "themes": ["学习运用“千万工程”经验，推进乡村全面振兴"],
        },
        "requirements",
        [
            (
                "register",
                "做好这项工作，一要完善工作机制。二要注重政策扶持。三要加强基础设施建设。"
                "四要强化教育和培训。五需加强信息收集和反馈机制。六应建立健全考核评价体系。",
                True,
            ),
            (
                "register",
                "做好这项工作，一要完善工作机制；二要注重政策扶持；三要加强基础设施建设。"
                "各级各部门应加强协作，形成合力。",
                False,
            ),
            (
                "usage",
                "希望各位代表依法履职、密切联系群众，当好人民群众的代言人。在各自岗位上带头作为。"
                "要提高对人大工作的重视程度，加强对各级党组织和“一府一委两院”的领导。",
                True,
            ),
            ("usage", "县委要加强对各级党组织的领导，支持人大依法履职。", False),
            (
                "invented_facts",
                "一些制约发展的因素也日益显现，如资源环境压力增大、人口老龄化加速等。",
                True,
            ),
            ("invented_facts", "要积极应对人口老龄化，缓解资源环境压力。", False),
            # a theme of this year told as done in the review, which no achievement gives
            (
                "invented_facts",
                "通过学习运用“千万工程”的经验，推进乡村全面振兴工作也取得了积极进展。",
                True,
            ),
            (
                "invented_facts",
                "要学习运用“千万工程”经验，推动乡村全面振兴取得新的进展。",
                False,
            ),
        ],
    ),
    # 南川 2023 (eleventh full-length run): the delegates told to lead the congress's work,
    # and the speech turning, in the congress point, to tell of the session itself.
    (
        "南川 2023, eleventh full-length run",
        {"level": "市", "role": "市委书记", "organ": "市委", "locality": "南川市"},
        "congress_work",
        [
            (
                "usage",
                "希望各位代表依法履职、密切联系群众。同时，也要加强对人大工作的领导，不断提高人大工作的质量。",
                True,
            ),
            ("usage", "市委要加强对人大工作的领导。同时，也要加强对人大工作的领导。", False),
            ("integrity", "在过去一年中，成绩显著。让我们回顾一下这一年的工作亮点和成绩吧！", True),
            (
                "integrity",
                "南川市第十届人民代表大会第二次会议是在2023年1月13日召开的，期间进行了充分的准备。",
                True,
            ),
            ("integrity", "回顾一年来的工作，我们深感人大工作责任重大。", False),
        ],
    ),
    # 宁川 2015 (eleventh full-length run): three points each begun again as a speech.
    (
        "宁川 2015, eleventh full-length run",
        {"level": "市", "role": "市人大常委会主任", "organ": "市人大常委会", "locality": "宁川市"},
        "requirements",
        [
            (
                "integrity",
                "我们今天在这里进行的是全市乡镇人大工作经验交流会的讲话。刚才我代表市人大常委会"
                "主任，在会议上发言了。",
                True,
            ),
            ("integrity", "今天的讲话我由市人大常委会主任进行。", True),
            (
                "integrity",
                "非常荣幸我代表市人大常委会发言。今天我将从四个方面与大家分享一些经验。",
                True,
            ),
            ("integrity", "下面我要提出几点要求，希望大家认真贯彻执行。", True),
            ("integrity", "这些经验值得各地学习借鉴，希望大家认真贯彻执行。", False),
        ],
    ),
    # 石桥 2016 (eleventh full-length run): the 县人大常委会主任 as the Party and government,
    # and point 三 begun again with thanks for the chairs' speeches.
    (
        "石桥 2016, eleventh full-length run",
        {"level": "县", "role": "县人大常委会主任", "organ": "县人大常委会", "locality": "石桥县"},
        "requirements",
        [
            ("voice", "为了保证换届选举的顺利进行，我们各级党委和政府必须高度重视。", True),
            ("voice", "为了保证换届选举的顺利进行，各级党委和政府必须高度重视。", False),
            (
                "integrity",
                "今天在石桥县乡镇人大主席座谈会上，我作为县人大常委会主任，对你们的发言表示衷心感谢。",
                True,
            ),
            ("integrity", "接下来，我想就如何做好换届选举工作提出一些要求。", True),
            (
                "integrity",
                "各位同志，现在我总结一下县人大常委会主任在此次座谈会中的讲话内容。",
                True,
            ),
            ("integrity", "要深入领会习近平总书记的讲话内容，使工作更有指导性。", False),
            ("integrity", "接下来，要做好本届乡镇人大工作的总结和收尾。", False),
        ],
    ),
    (
        "石桥 2016: a speaker who is Party and congress both",
        {"role": "镇党委副书记、镇人大主席", "organ": "镇人大主席团", "locality": "槐原镇"},
        "requirements",
        [
            ("voice", "我们各级党委和政府必须高度重视换届选举。", False),
            # (槐原 2018, eleventh run: the members' plural, which the title-and-plural
            # pattern first took for 主席 and 我们)
            ("voice", "作为槐原镇人大主席团成员，我们要深入学习宪法和法律。", False),
        ],
    ),
    # 鹤山区 2021 (untuned read, eleventh session): the prompt's description of the speaker
    # written into the review, in the third person.
    (
        "鹤山区 2021, untuned read, eleventh session",
        {"level": "区", "role": "区委书记", "organ": "区委", "locality": "鹤山区"},
        "review",
        [
            (
                "integrity",
                "区委书记作为代表人讲话，对全体代表和列席同志讲，强调了在“十四五”规划开局之年的重要性。",
                True,
            ),
            (
                "integrity",
                "这些成绩的取得，离不开全区干部群众的团结奋斗和各位代表的辛勤付出。",
                False,
            ),
        ],
    ),
    # Correct speech the eleventh session's new patterns first failed (its review's finds).
    (
        "the eleventh session's review",
        {"locality": "柳塘镇"},
        "review",
        [
            ("voice", "作为镇党委书记，我深感责任重大，我们一定要把工作做好。", False),
            (
                "integrity",
                "让我们倍感欣慰的是，全镇干部群众团结一心、共同努力，办成了一批实事。",
                False,
            ),
            ("integrity", "我们的的确确做了大量工作，达到了目的的要求。", False),
            ("register", "发展是第一要务，第二要紧的是稳定。", False),
            ("invented_facts", "我们要深入思考，如何应对人口老龄化加速带来的新挑战。", False),
            ("usage", "希望各位代表依法履职。要积极支持和监督镇政府依法行政。", False),
            ("usage", "各位代表要带头履职、密切联系群众。要自觉接受人大监督。", True),
            ("usage", "要推进柳塘乡村全面振兴，激发柳塘市场活力，壮大柳塘县域经济。", False),
            (
                "integrity",
                "在这里，我要强调一点：各级干部要对群众表示出应有的尊重和感谢。",
                False,
            ),
        ],
    ),
    # 柳塘 2021 (eleventh full-length run): point 二 begun as a new speech, the Party told to
    # supervise the congress, the government's spending promised by the Party secretary.
    (
        "柳塘 2021, eleventh full-length run",
        {"locality": "柳塘镇"},
        "requirements",
        [
            (
                "integrity",
                "我是柳塘镇党委书记，在这里要向全体代表和列席同志致以诚挚的问候和感谢！"
                "谢谢你们对我们的支持和帮助！",
                True,
            ),
            ("integrity", "现在，我要向大家介绍一下我们的下一步工作计划。", True),
            ("integrity", "我们是人民的勤务员，要把群众的事办好。", False),
            (
                "usage",
                "各级党组织要把维护宪法和法律权威作为重要政治任务来抓，切实加强对人大工作的监督和支持。",
                True,
            ),
            ("usage", "各级党组织要切实加强对人大工作的领导和支持。", False),
            ("usage", "这不仅有利于加强党对人民代表大会的领导和监督。", True),  # 云溪 2013
            ("voice", "下一步，我们将继续加大投入力度，推动更多项目落地生根。", True),
            ("voice", "下一步，我们将继续抓好落实，推动更多项目落地生根。", False),
        ],
    ),
    # 临江 2019 (eleventh full-length run): the 区委书记's title, a clause, then 我们; the
    # 区 called a 市.
    (
        "临江 2019, eleventh full-length run",
        {"level": "区", "role": "区委书记", "organ": "区委", "locality": "临江区"},
        "requirements",
        [
            ("voice", "作为区委书记，在这关键时期，我们一定要明确目标。", True),
            ("voice", "在这关键时期，我们一定要明确目标。", False),
            ("usage", "为了抓住当前的机遇，临江市必须深入分析面临的挑战和问题。", True),
            ("usage", "为了抓住当前的机遇，临江区必须深入分析面临的挑战和问题。", False),
        ],
    ),
    # 槐原 2018 (eleventh full-length run): the plan's words as a lead-in, every level given
    # a presidium.
    (
        "槐原 2018, eleventh full-length run",
        {"locality": "槐原镇", "occasion": "presidium_meeting"},
        "requirements",
        [
            (
                "register",
                "可以从实际操作中找到一些具体的工作要求和措施。一要明确目的和任务。",
                True,
            ),
            ("register", "做好这项工作，一要明确目的和任务，二要制定详细的调研计划。", False),
            ("usage", "因此，各级人大主席团在开展工作时要高度重视这项任务。", True),
            ("usage", "因此，镇人大主席团在开展工作时要高度重视这项任务。", False),
        ],
    ),
    # 青岩 2024 (untuned read, eleventh session): 小康 still a goal three years after it was
    # declared built, without the 全面 the 提法 entry looked for; the centre's 科技是第一
    # 生产力 with another word put in.
    (
        "青岩 2024, untuned read",
        {"locality": "青岩镇", "date": dt.date(2024, 1, 12)},
        "situation",
        [
            (
                "tifa",
                "我们要开拓新的发展空间，为实现“十四五”规划目标和建成小康社会打下坚实的基础。",
                True,
            ),
            ("tifa", "在全面建成小康社会的基础上，开启全面建设社会主义现代化国家新征程。", False),
            ("tifa", "在建成小康社会以后，我们要向更高的目标迈进。", False),
            ("usage", "要树立“文化是第一生产力”的理念，加强文化资源的保护和利用。", True),
            ("usage", "科技是第一生产力、人才是第一资源、创新是第一动力。", False),
        ],
    ),
    # 鹤山 2021 (untuned read, eleventh session): a national role given to the district.
    (
        "鹤山 2021, untuned read",
        {"level": "区", "role": "区委书记", "organ": "区委", "locality": "鹤山区"},
        "situation",
        [
            (
                "invented_facts",
                "鹤山作为全国工业主导向服务业主导转型的关键地区，必须始终坚持以人民为中心的发展思想。",
                True,
            ),
            ("invented_facts", "鹤山是全省重要的先进制造业基地，要在转型中走在前面。", True),
            ("invented_facts", "作为全国人大代表，要带头学习宪法。", False),
            ("invented_facts", "要努力把鹤山建设成为全省重要的先进制造业基地。", False),
        ],
    ),
    # 丰源 2025 (twelfth full-length run): 一要…四要 carried on as 五既要…六必须要…七一定要,
    # the year's success a pride to keep, a report to write into after it was passed.
    (
        "丰源 2025, twelfth full-length run",
        {
            "level": "县",
            "role": "县委书记",
            "organ": "县委",
            "locality": "丰源县",
            "themes": ["学习运用“千万工程”经验，推进乡村全面振兴"],
        },
        "requirements",
        [
            (
                "invented_facts",
                "近年来，丰源县大力实施“千万工程”，推进城乡基础设施建设，取得了显著成效。",
                True,
            ),
            ("invented_facts", "要学习运用“千万工程”经验，确保乡村振兴取得新成效。", False),
            (
                "register",
                "做好这项工作，一要完善工作机制。二要注重政策扶持。三要加强基础设施建设。"
                "四要强化教育培训。五既要加强市场准入管理，也要完善监管。六必须要加强人才引进。"
                "七一定要加大宣传力度。",
                True,
            ),
            (
                "register",
                "做好这项工作，一要完善工作机制，二要注重政策扶持，三要加强基础设施建设。"
                "我们既要加强市场准入管理，也要完善市场监管机制。",
                False,
            ),
            ("usage", "既要保持已有成绩的骄傲，也要看到当前存在的挑战和机遇。", True),
            ("usage", "我们为取得的成绩感到骄傲，但决不能骄傲自满。", False),
            (
                "usage",
                "要在政府工作报告、十四五规划等文件中提出明确要求，并确保各项任务落实到位。",
                True,
            ),
            ("usage", "要把政府工作报告确定的各项任务落实到位。", False),
        ],
    ),
    # The twelfth session's review of its own new patterns: correct prose they failed.
    (
        "the twelfth session's review",
        {
            "level": "县",
            "role": "县委书记",
            "organ": "县委",
            "locality": "丰源县",
            "themes": ["学习运用“千万工程”经验，推进乡村全面振兴"],
            "date": dt.date(2025, 1, 17),
        },
        "review",
        [
            ("usage", "党中央团结带领全党全国各族人民，战胜了一系列风险挑战。", False),
            ("usage", "党的二十届三中全会要求全党坚持以人民为中心。", False),
            ("usage", "人才资源是第一资源，科技就是第一生产力。", False),
            ("usage", "要保持令人骄傲的发展势头，继续保持让全县人民骄傲的好成绩。", False),
            ("usage", "要在政府工作报告和“十四五”规划纲要中明确今年的目标。", True),
            ("register", "国庆期间要加强值班，十一也要安排好安全检查。", False),
            (
                "invented_facts",
                "浙江“千万工程”实施二十年来，取得了显著成效，为我们提供了宝贵经验。",
                False,
            ),
            ("invented_facts", "是我省重要的粮食生产基地，丰源要为全省多作贡献。", True),
            ("tifa", "取得了脱贫攻坚和建成小康社会的伟大胜利。", False),
        ],
    ),
    # 汀浦 2025 (untuned read, twelfth session): the speech announcing itself after the
    # session sentence, a point's ways told as 第一件事是…, the economic words of 2018–2022.
    (
        "汀浦 2025, untuned read",
        {
            "level": "县",
            "role": "县委书记",
            "organ": "县委",
            "locality": "汀浦县",
            "date": dt.date(2025, 1, 17),
        },
        "requirements",
        [
            (
                "integrity",
                "接下来由我以县委的名义讲话。现在，让我们来回顾一下会议的主要内容。",
                True,
            ),
            (
                "register",
                "做好这项工作要抓好三个方面，第一件事是提高工作效率。第二件事是加强部门协同配合。",
                True,
            ),
            ("register", "要做到这一点，首先要提高工作效率，其次要加强部门协同配合。", False),
            ("tifa", "要在“六稳”、“六保”的基础上进一步扩大对外开放。", True),
            ("tifa", "要坚持稳中求进工作总基调，进一步扩大对外开放。", False),
        ],
    ),
    # 宁川 2015 (twelfth full-length run): a city's speech calling itself 我县.
    (
        "宁川 2015, twelfth full-length run",
        NINGCHUAN,
        "requirements",
        [
            ("usage", "要为推动我县经济社会发展提供有力的政治保证。", True),
            ("usage", "要为推动全市经济社会发展提供有力的政治保证。", False),
            ("usage", "各县（市、区）要结合实际，我县也要。", False),
        ],
    ),
    # 白沙 2026 (twelfth full-length run): a town's Party secretary making demands of the
    # whole Party.
    (
        "白沙 2026, twelfth full-length run",
        {"locality": "白沙镇"},
        "requirements",
        [
            (
                "usage",
                "第一要确保全党始终同以习近平同志为核心的党中央保持高度一致，坚决维护核心地位。",
                True,
            ),
            ("usage", "全镇各级党组织和广大党员干部要始终同党中央保持高度一致。", False),
            ("usage", "习近平总书记强调，全党要牢记初心使命，我们要认真学习领会。", False),
        ],
    ),
    # 白沙 2026 (eleventh full-length run): the delegates' paragraph goes on, without a
    # subject, to accept the congress's supervision.
    (
        "白沙 2026, eleventh full-length run",
        {"locality": "白沙镇"},
        "congress_work",
        [
            (
                "usage",
                "希望各位代表依法履职、密切联系群众，当好人民群众的代言人。闭会期间常到群众中去，"
                "在各自岗位上带头作为。要自觉接受人大监督，确保镇人大工作的顺利进行。",
                True,
            ),
            (
                "usage",
                "希望各位代表依法履职、密切联系群众。镇人民政府要主动报告工作。"
                "要自觉接受人大监督，认真落实审议意见。",
                False,
            ),
            (
                "usage",
                "镇人民政府要自觉接受人大监督，主动报告工作。要自觉接受人大监督，认真落实审议意见。",
                False,
            ),
        ],
    ),
    # 石岭乡 2023, the twelfth session's untuned read on its final code: the eval gave it
    # 0.90 and a writer would strike each of these.
    (
        "石岭乡 2023, untuned read, twelfth session",
        {
            "level": "乡",
            "role": "乡党委书记",
            "organ": "乡党委",
            "locality": "石岭乡",
            "date": dt.date(2023, 2, 10),
        },
        "opening",
        [
            (
                "invented_facts",
                "例如，关于油茶产业的发展，大家普遍认为石岭乡应该进一步扩大油茶种植面积。",
                True,
            ),
            ("invented_facts", "代表们一致认为，政府工作报告实事求是。", True),
            ("invented_facts", "代表们在会上提出了许多宝贵的意见和建议。", False),
            (
                "invented_facts",
                "经过不懈努力，我们实现了年度目标任务，超额完成了各项计划。",
                True,
            ),
            (
                "focus",
                "2023年是全面贯彻落实党的二十大精神的开局之年，我们要乘势而上。"
                "石岭乡已经进入全面贯彻落实党的二十大精神的开局之年，必须奋发有为。",
                True,
            ),
            (
                "focus",
                "2023年是全面贯彻落实党的二十大精神的开局之年，是“十四五”规划实施的承上启下之年，"
                "也是推进高质量发展的关键之年。",
                False,
            ),
            # 汀浦 2025 (untuned read): the speaker announcing himself in the opening, and the
            # model narrating him
            ("integrity", "接下来由我以县委的名义讲话。", True),
            ("integrity", "下面，我讲几点意见。", False),
            ("voice", "继续说道，接受监督是政府依法行政的必然要求。", True),
            ("voice", "正如习近平总书记所说的那样，人民是历史的创造者。", False),
        ],
    ),
    # 枫林街道 2024 (thirteenth full-length run): the opening introducing the speaker and
    # naming the speech by its title
    (
        "枫林街道 2024, thirteenth full-length run",
        STREET,
        "meeting_opening",
        [
            (
                "integrity",
                "本次会议的主题是“纪念全国人民代表大会成立70周年暨辖区人大代表座谈会上的讲话”。",
                True,
            ),
            ("integrity", "我是枫林街道党工委书记。今天，我代表街道党工委讲几点意见。", True),
            ("integrity", "今天，我代表街道党工委讲几点意见。", False),
        ],
    ),
    # …and, inside its points, the speech begun again and the plan's words
    (
        "枫林街道 2024, thirteenth full-length run, points",
        STREET,
        "requirements",
        [
            (
                "integrity",
                "在座各位同志，作为街道党工委书记，我非常高兴地在此代表街道党工委讲话。",
                True,
            ),
            (
                "integrity",
                "接下来，我要详细说明为什么要做这一工作，并介绍实现这一目标的具体方法。",
                True,
            ),
            (
                "integrity",
                "这可以通过“调动基层干部和群众的积极性”来总结前文的内容，并提出具体的行动建议。",
                True,
            ),
            ("integrity", "要把代表联络站建成践行全过程人民民主的基层阵地。", False),
        ],
    ),
    # 柳塘 2021 换届 (thirteenth full-length run): a point's ways listed by 第一方面…
    (
        "柳塘镇 2021 换届, thirteenth full-length run",
        {},
        "requirements",
        [
            (
                "register",
                "要做到这一要求，需要从三个方面进行加强。第一方面，要保持与人民的密切联系；"
                "第二方面，要不断学习新的理论知识。",
                True,
            ),
            ("register", "一方面要保持与人民的密切联系，另一方面要不断学习新的理论知识。", False),
            ("integrity", "我很高兴在这里，我作为主席团成员，以镇党委的名义发言。", True),
        ],
    ),
    # 宁川 2015 (thirteenth full-length run): a point begun again as a talk about a topic
    (
        "宁川 2015, thirteenth full-length run",
        NINGCHUAN,
        "requirements",
        [
            (
                "integrity",
                "今天我在这里要对在座的各位同志讲一件非常重要的事情。这个话题非常重要。",
                True,
            ),
            ("integrity", "下面我就来具体谈谈这个问题的几个方面。", True),
            ("integrity", "接下来，我要重点讨论如何进一步提升乡镇人大工作水平。", True),
            ("integrity", "下面，我就做好乡镇人大工作讲三点意见。", False),
        ],
    ),
    # 江滨区 2015, the thirteenth session's untuned read: the General Secretary's words made
    # up as the subject of a 重要要求, the session already ended, the plan's words
    (
        "江滨区 2015, untuned read, thirteenth session",
        {
            "level": "区",
            "role": "区委书记",
            "organ": "区委",
            "locality": "江滨区",
            "date": dt.date(2015, 1, 23),
        },
        "requirements",
        [
            (
                "invented_facts",
                "各级各部门要坚决落实习近平总书记关于“全面建成小康社会，必须确保完成‘十二五’"
                "规划目标任务”的重要要求。",
                True,
            ),
            ("invented_facts", "要深入学习习近平总书记关于“三农”工作的重要论述。", False),
            ("usage", "江滨区第十六届人民代表大会第五次会议已经圆满结束，我们要乘势而上。", True),
            ("integrity", "面对当前的形势和今年的定位，我们必须抓住机遇。", True),
            # the Party secretary as the supervised, 我们 after 接受监督
            ("voice", "“一府两院”要自觉接受人大监督。通过接受监督，我们可以及时了解民意。", True),
            ("voice", "“一府两院”要自觉接受人大监督，通过接受监督改进工作、提高效率。", False),
            # the next five years put in the plan that ends this year
            ("tifa", "在未来的五年中，我们要确保完成“十二五”规划确定的各项目标任务。", True),
            ("tifa", "今年是“十二五”规划的收官之年，要确保完成规划确定的目标任务。", False),
        ],
    ),
    # …while in a plan's first year its five years are the next five
    (
        "江滨区 2015, untuned read, thirteenth session, a year on",
        {"level": "区", "date": dt.date(2016, 1, 20)},
        "requirements",
        [("tifa", "今后五年是“十三五”时期，要确保各项目标任务顺利完成。", False)],
    ),
    # …and its opening congratulating before the speech's own thanks
    (
        "江滨区 2015, untuned read, thirteenth session, opening",
        {"level": "区", "role": "区委书记", "organ": "区委", "locality": "江滨区"},
        "opening",
        [
            # (congratulations in the opening are the references' own)
            ("integrity", "我们对这次会议圆满结束表示热烈祝贺！", False),
            ("integrity", "最后，再次祝各位代表在今后的工作中取得更大的成绩！", True),
            ("integrity", "这是一次团结一致、民主有序的大会。", False),
            # the program's session sentence said again with its subject
            (
                "focus",
                "江滨区第十六届人民代表大会第五次会议，在全体代表和与会同志的共同努力下，圆满完成"
                "了各项议程，即将胜利闭幕。这是一次团结一致、民主有序的大会。会议圆满完成了各项议程"
                "，即将胜利闭幕。",
                True,
            ),
            (
                "focus",
                "江滨区第十六届人民代表大会第五次会议，在全体代表和与会同志的共同努力下，圆满完成"
                "了各项议程，即将胜利闭幕。会议期间，各位代表认真审议了各项报告。",
                False,
            ),
        ],
    ),
    # 云溪乡 2013 (thirteenth full-length run): a leader's care for the place
    (
        "云溪乡 2013, thirteenth full-length run",
        {"level": "乡", "role": "乡党委书记", "organ": "乡党委", "locality": "云溪乡"},
        "requirements",
        [
            ("usage", "各级各部门和广大干部要认真履行代表职责，增强紧迫感。", True),
            ("usage", "各级各部门要为代表履行职责提供便利和服务。", False),
            (
                "invented_facts",
                "这不仅是云溪乡人民的一份厚待，也是我们全党全国为之骄傲的成绩。",
                True,
            ),
            ("invented_facts", "全乡人民为之自豪，更要倍加珍惜。", False),
            (
                "invented_facts",
                "习近平总书记对云溪的殷切关怀和重要嘱托，为我们做好各项工作指明了前进方向。",
                True,
            ),
            ("invented_facts", "要深入学习习近平总书记关于人大工作的重要论述。", False),
        ],
    ),
    # 石桥 2016 (thirteenth full-length run): the program's lead joined to the model's own
    # subject, and the situation's purpose said back
    (
        "石桥 2016, thirteenth full-length run",
        {"occasion": "symposium"},
        "meeting_opening",
        [
            (
                "integrity",
                "召开这次座谈会，主要是会议旨在通过讨论当前的工作现状，提供重要参考。",
                True,
            ),
            ("integrity", "召开这次座谈会，主要是为了总结交流经验，研究部署下一步工作。", False),
            ("integrity", "石桥县的同志们，要准确把握当前所处的形势和今年的定位。", True),
        ],
    ),
    # 槐原 2018 (thirteenth full-length run): a heading made up after the prompt's plan
    (
        "槐原 2018, thirteenth full-length run",
        {},
        "review",
        [
            (
                "integrity",
                "回顾成绩（2段，共154字） 2017年初代表提出建议31件，年内办结29件。",
                True,
            ),
            ("integrity", "全年共办理代表建议31件，办结29件。", False),
        ],
    ),
    # 丰源 2025 (thirteenth full-length run): the county's level of development praised
    (
        "丰源 2025, thirteenth full-length run",
        {"level": "县", "role": "县委书记", "organ": "县委", "locality": "丰源县"},
        "situation",
        [
            ("invented_facts", "比如，当前丰源县经济发展水平已经非常高，但仍有提高的空间。", True),
            ("invented_facts", "要不断提高经济发展水平，让群众过上更好的日子。", False),
            ("invented_facts", "要推动经济发展水平再上新台阶。", False),
        ],
    ),
    # 南川 2023 (twelfth full-length run): a vice of work style to be "achieved", read out
    # until now with the reason for 保持骄傲
    (
        "南川 2023, twelfth full-length run",
        {},
        "requirements",
        [
            ("usage", "抓落实的作风要坚决做到重部署轻落实、说得多做得少。", True),
        ],
    ),
    # 檀山县 2021 (县委书记, untuned read on the eighteenth session's final code): the 县委's
    # own leadership praised by its secretary, the 人大 claimed as "ours", the speaker as the
    # session's clerk. Each said right passes.
    (
        "檀山县 2021, untuned read",
        {
            "level": "县",
            "role": "县委书记",
            "organ": "中共檀山县委",
            "locality": "檀山县",
            "date": dt.date(2021, 1, 22),
        },
        "opening",
        [
            ("voice", "过去一年，在县委的坚强领导下，我们的工作取得了显著成效。", True),
            ("voice", "过去一年，在市委的坚强领导下，全县上下团结奋斗。", False),
            ("voice", "在市委、县委的正确领导下，全县经济稳中有进。", True),
            ("voice", "县人大常委会要在县委的领导下，依法履行职责。", False),
            (
                "voice",
                "这一年的成绩体现了我们各级人大机关和人大代表的辛勤付出和担当作为。",
                True,
            ),
            ("voice", "这一年的成绩饱含着各级人大机关和人大代表的辛勤付出。", False),
            (
                "voice",
                "作为檀山县第十八届人民代表大会第五次会议的书记员，我代表县委对各位代表说。",
                True,
            ),
            ("voice", "作为县委书记，我深知肩上的责任。", False),
            # 南川 2023 (nineteenth session's run): the same praise as the results' source
            ("voice", "这些成绩的取得，离不开县委县政府的坚强领导。", True),
            ("voice", "这些成绩的取得，离不开省委市委的坚强领导。", False),
            ("usage", "各司局要各负其责，形成合力。", True),
            ("usage", "各部门要各负其责，形成合力。", False),
            ("tifa", "在新时代新征程上奋勇前进。", True),
            ("usage", "乡级人民代表大会及其常务委员会要依法履职。", True),
            ("usage", "各级人大及其主席团要依法履职。", True),
        ],
    ),
    # 白沙 2026 (the nineteenth session's run of all ten): a paragraph begun with 共同 and no
    # subject, 只有这样 without 才, the delegates' between-sessions work as "ours".
    (
        "白沙 2026, nineteenth session's full run",
        {"date": dt.date(2026, 1, 9)},
        "congress_work",
        [
            ("integrity", "共同庆祝白沙镇第二十届人民代表大会第六次会议圆满闭幕。", True),
            ("integrity", "全镇上下共同庆祝这次会议圆满闭幕。", False),
            ("integrity", "要把党的领导贯穿到各项工作中。只有这样，我们的工作会更好。", True),
            ("integrity", "要把党的领导贯穿到各项工作中。只有这样，才能为发展奠定基础。", False),
            ("voice", "各位代表，闭会期间，我们要时刻关注人民群众的呼声和期待。", True),
            ("voice", "各位代表闭会期间要时刻关注人民群众的呼声和期待。", False),
            ("tifa", "党员们要按照“三个代表”重要思想要求，在工作中发挥先锋模范作用。", True),
            ("tifa", "党员们要在工作中发挥先锋模范作用。", False),
            # the same draft on this session's final code
            (
                "invented_facts",
                "这就要围绕“两高一新”发展战略，以工业强镇为引领，推动现代服务业加速发展。",
                True,
            ),
            ("invented_facts", "要统筹推进“五位一体”总体布局、协调推进“四个全面”战略布局。", False),
            ("invented_facts", "这就要围绕做强特色产业，推动现代服务业加速发展。", False),
        ],
    ),
    # 丰源 2025 (the nineteenth session's run of all ten, 0.90 with only focus failed): a
    # tiered list, the whole Party led by a county, a garbled 在…了.
    (
        "丰源 2025, nineteenth session's full run",
        {"level": "县", "role": "县委书记", "organ": "县委", "locality": "丰源县"},
        "requirements",
        [
            (
                "register",
                "第一级部门（如县人民政府），应负责制定并执行相关政策；第二级部门（如相关部门），"
                "应落实政策要求，协调资源。",
                True,
            ),
            ("register", "县政府要制定政策，各部门要落实政策要求、协调资源。", False),
            ("usage", "党员干部们要率先垂范地落实各项改革举措，带动全党一起推进工作。", True),
            ("usage", "党员干部们要率先垂范，带动全县干部群众一起推进工作。", False),
            (
                "integrity",
                "全体代表们在听取并审议了《县人民政府工作报告》等报告，认真履行了职责。",
                True,
            ),
            ("integrity", "全体代表认真听取并审议了《县人民政府工作报告》等报告。", False),
        ],
    ),
    # The other drafts of the nineteenth session's run, read by a helper as the writer would.
    (
        "槐原 2018, 临江 2019, nineteenth session's full run",
        {"level": "镇", "date": dt.date(2018, 1, 20)},
        "requirements",
        [
            ("integrity", "召开这次会议，主要是会议主要围绕乡村振兴和脱贫攻坚展开讨论。", True),
            ("integrity", "召开这次会议，主要是围绕乡村振兴和脱贫攻坚交流情况。", False),
            ("integrity", "我代表镇人大主席团发言。下面，我讲几点意见。", True),
            ("integrity", "要把代表工作做实，也各位代表要积极参与。", True),
            ("integrity", "要把代表工作做实，各位代表也要积极参与。", False),
            ("tifa", "为全面建设小康社会作出新的贡献。", True),
            ("tifa", "为决胜全面建成小康社会作出新的贡献。", False),
        ],
    ),
    # The nineteenth session's ten drafts read again by a second helper: fragments, restarts
    # and the review's writing prompt left in the speech. Each said right passes.
    (
        "槐原 2018 … 云溪 2013, nineteenth session's full run, second read",
        {},
        "requirements",
        [
            # 槐原 2018 and 临江 2019: the review's prompt (说出这些变化对群众意味着什么)
            ("integrity", "这些变化对群众意味着，他们可以通过直接参与决策表达意见。", True),
            ("integrity", "这一系列的成绩对群众意味着极大的认可和鼓舞。", True),
            ("integrity", "这些变化让群众得到了实实在在的好处。", False),
            # 临江 2019
            ("integrity", "这标志着临江区人民代表大会工作的又一个辉煌篇章。", True),
            ("integrity", "这标志着临江区人大工作翻开了新的篇章。", False),
            # 柳塘 2021
            ("integrity", "我是柳塘镇第十九届人民代表大会第一次会议主席团主席陈志刚。", True),
            ("integrity", "我是第一次以镇党委书记的身份参加镇人代会。", False),
            ("integrity", "非常荣幸在今天讲话时，和大家一起回顾过去五年的工作。", True),
            ("integrity", "现在，我将向大家介绍我们的目标和要求。", True),
            # 南川 2023
            ("integrity", "要在五到六、七、八、九月期间完成各项任务。", True),
            ("integrity", "七、八、九月是防汛的关键时期。", False),
            ("integrity", "我很高兴能在这里和大家分享我们这次会议的成果。", True),
            (
                "integrity",
                "南川市第十届人民代表大会第二次会议，也是实施“十四五”规划承上启下的关键之年。",
                True,
            ),
            (
                "integrity",
                "这次会议是在实施“十四五”规划承上启下的关键之年召开的一次重要会议。",
                False,
            ),
            # 宁川 2015
            ("integrity", "主题是“加强乡镇人大工作和建设”，这是全市上下的共识。", True),
            ("integrity", "这次会议的主题是加强乡镇人大工作和建设。", False),
            # 石桥 2016
            ("integrity", "今天在这里，我们讨论的是如何依法做好县乡两级人大换届选举。", True),
            # 云溪 2013
            ("integrity", "这是一次依法履职、建言献策，会议开得非常成功的大会。", True),
            ("integrity", "这是一次依法履职、建言献策、团结奋进的大会。", False),
            (
                "integrity",
                "离不开上级党委的正确领导；全乡干部群众的团结奋斗；各位代表的辛勤付出。",
                True,
            ),
            ("integrity", "离不开上级党委的正确领导；离不开全乡干部群众的团结奋斗。", False),
            ("integrity", "离不开上级党委的正确领导；得益于全乡干部群众的团结奋斗。", False),
            ("integrity", "这是我们党全党的庄严承诺。", True),
            ("integrity", "这是我们党的庄严承诺。", False),
        ],
    ),
    # The same second read: words the organ, the level or the occasion gets wrong, draft by draft
    (
        "槐原 2018, nineteenth session's full run, second read",
        {
            "level": "镇",
            "role": "镇党委副书记、镇人大主席",
            "organ": "镇人大主席团",
            "occasion": "presidium_meeting",
            "date": dt.date(2018, 3, 28),
        },
        "requirements",
        [
            ("usage", "一要坚持习近平总书记关于精准脱贫的重要论述。", True),
            ("usage", "要深入学习贯彻习近平总书记关于精准脱贫的重要论述。", False),
            ("usage", "要坚持以习近平总书记关于“三农”工作的重要论述为指导。", False),
        ],
    ),
    (
        "临江 2019, nineteenth session's full run, second read",
        LINJIANG | {"date": dt.date(2019, 1, 11)},
        "congress_work",
        [
            (
                "usage",
                "要坚持民主集中制原则，充分发扬党内民主，尊重每一位代表的意见和建议。",
                True,
            ),
            ("usage", "要发展社会主义民主，尊重每一位代表的意见和建议。", False),
            (
                "usage",
                "“一府一委两院”要认真落实审议意见，积极履行监督职责。",
                True,
            ),
            ("usage", "“一府一委两院”要认真落实审议意见，自觉接受人大监督。", False),
            # the same five years told of the nineteenth congress in 2019 (the twin of 南川's)
            ("tifa", "过去五年，我们认真贯彻落实党的十九大精神，取得了显著成绩。", True),
            ("tifa", "过去五年，我们认真贯彻落实党的十八大和十九大精神。", False),
        ],
    ),
    (
        "柳塘 2021, nineteenth session's full run, second read",
        {"locality": "柳塘镇", "date": dt.date(2021, 10, 15)},
        "requirements",
        [
            ("usage", "全体代表要认真履行职责，积极参与讨论和审议。", True),
            ("usage", "会议期间，全体代表积极参与讨论和审议，提出了许多意见。", False),
            ("usage", "建立健全依法行政机制，制定和完善相关法律法规。", True),
            ("usage", "要严格执行国家制定的法律法规。", False),
            ("usage", "要组织召开各种形式的调查问卷、座谈会和走访活动。", True),
            ("usage", "要发放调查问卷、召开座谈会，广泛听取意见。", False),
            ("voice", "同时，接受人大监督也能帮助我们更好地履行职责。", True),
            ("voice", "要督促镇政府自觉接受人大监督，改进工作作风。", False),
            ("politics", "始终把党的根本制度坚持好、完善好、实践好。", True),
            ("politics", "始终把人民代表大会制度坚持好、完善好、实践好。", False),
            ("politics", "民主集中制是党的根本组织制度和领导制度。", False),
        ],
    ),
    (
        "南川 2023, nineteenth session's full run, second read",
        NANCHUAN | {"date": dt.date(2023, 1, 13)},
        "requirements",
        [
            (
                "usage",
                "代表们在会后对会议审议的报告和选举事项提出了许多宝贵的意见和建议。",
                True,
            ),
            ("usage", "会议期间，代表们对审议的报告提出了许多宝贵的意见和建议。", False),
            ("usage", "这些成绩的取得，是全党共同努力的结果。", True),
            ("usage", "这些成绩的取得，是全市党员干部群众共同努力的结果。", False),
            ("usage", "全面推进社会主义现代化国家开局起步。", True),
            ("usage", "全面建设社会主义现代化国家开局起步。", False),
            ("usage", "在创新、协调、绿色、开放、共享的发展观指导下，推动高质量发展。", True),
            ("usage", "坚持以创新、协调、绿色、开放、共享的新发展理念为引领。", False),
            ("tifa", "推动经济社会实现更快更好的发展。", True),
            ("tifa", "推动经济社会实现高质量发展。", False),
            (
                "tifa",
                "在过去的五年中，我们在全面贯彻落实党的二十大精神方面取得了显著成绩。",
                True,
            ),
            ("tifa", "过去五年，我们全面贯彻党的十九大和二十大精神，取得了显著成绩。", False),
            ("tifa", "过去五年，我们喜迎党的二十大胜利召开，取得了显著成绩。", False),
            ("invented_facts", "要认真贯彻中国共产党关于加强党的建设的决议。", True),
            ("invented_facts", "要认真贯彻落实党的二十大精神，加强党的建设。", False),
        ],
    ),
    (
        "宁川 2015, nineteenth session's full run, second read",
        NINGCHUAN | {"date": dt.date(2015, 11, 20), "occasion": "experience_exchange"},
        "requirements",
        [
            ("usage", "会议的主要目的是为了推动“四个全面”战略布局的落实。", True),
            ("usage", "会议的主要目的是推动“四个全面”战略布局的落实。", False),
            ("usage", "各乡镇人大主席团闭会期间的工作由乡级人民政府和站所承担。", True),
            ("usage", "乡镇人大主席团要在闭会期间组织代表开展活动。", False),
            ("usage", "作为宁川市的人民代表大会主席团成员，我们要深刻认识到这一点。", True),
            ("usage", "市人大常委会要加强对乡镇人大工作的联系和指导。", False),
            ("voice", "这是我们市委、市政府的号召。", True),
            ("voice", "这是市委、市政府的部署。", False),
            (
                "register",
                "第一阶段是思想准备，要学深悟透。第二阶段是行动准备，要抓好部署。",
                True,
            ),
            (
                "register",
                "第一责任人是乡镇人大主席团，要协调督促。第三责任人是乡镇人大代表，要带头履职。",
                True,
            ),
            ("register", "乡镇党委书记是第一责任人，要亲自抓、负总责。", False),
        ],
    ),
    (
        "宁川 2015, nineteenth session's full run, second read, its hearers",
        NINGCHUAN
        | {
            "date": dt.date(2015, 11, 20),
            "occasion": "experience_exchange",
            "title": "在全市乡镇人大工作经验交流会上的讲话",
        },
        "requirements",
        [
            ("voice", "各位代表要积极参与讨论，提出合理化建议。", True),
            ("voice", "同志们要积极参与讨论，提出合理化建议。", False),
            ("voice", "要把各位代表的意见建议梳理好、办理好。", False),
        ],
    ),
    (
        "云溪 2013, nineteenth session's full run, second read",
        {
            "level": "乡",
            "locality": "云溪乡",
            "role": "乡党委书记",
            "organ": "乡党委",
            "date": dt.date(2013, 1, 18),
        },
        "congress_work",
        [
            ("usage", "同时，各级政府也要加强监督和支持这些干部的工作。", True),
            ("usage", "同时，乡政府也要加强监督和支持这些干部的工作。", False),
            (
                "usage",
                "各位代表要积极建言献策，为政府决策提供有力支持。同时，也要自觉接受人大监督。",
                True,
            ),
            (
                "usage",
                "各位代表要积极建言献策，为政府决策提供有力支持。乡政府要自觉接受人大监督。",
                False,
            ),
            (
                "usage",
                "乡党委要加强对人大工作的领导，支持乡人大及其主席团依法行使职权。要始终把"
                "自觉接受人大监督等要求落到实处。",
                True,
            ),
            (
                "usage",
                "乡党委要加强对人大工作的领导，支持乡人大及其主席团依法行使职权。要督促乡政府"
                "自觉接受人大监督。",
                False,
            ),
            (
                "invented_facts",
                "有的代表提到了加强生态环境保护的重要性；有的代表提议扩大农村基础设施建设。",
                True,
            ),
            ("tifa", "推动全乡经济社会又好又快发展。", False),
        ],
    ),
    # 红石镇 2019 (镇人大主席 for the 主席团, the untuned read on this session's final code)
    (
        "红石镇 2019, untuned read",
        {
            "level": "镇",
            "role": "镇党委副书记、镇人大主席",
            "organ": "镇人大主席团",
            "date": dt.date(2019, 1, 12),
        },
        "requirements",
        [
            ("politics", "加强立法与执法，是我们的首要任务之一。", True),
            ("politics", "要配合上级人大做好立法调研，积极反映群众意见。", False),
            ("politics", "要加强法治宣传，保证宪法法律在本镇的遵守和执行。", False),
        ],
    ),
    # 石桥 2016 on this session's final code (0.96, only a marked document failed)
    (
        "石桥 2016, nineteenth session's subset on its final code",
        SHIQIAO | {"date": dt.date(2016, 7, 12), "occasion": "symposium"},
        "requirements",
        [
            ("voice", "作为这次会议的发言人，我必须明确地告诉各位代表和同志们。", True),
            ("voice", "我要明确地告诉同志们，我们站在一个新的起点上。", False),
            (
                "register",
                "第一责任人是各乡镇人大主席团。第二责任人是本级政府，他们要依法开展选举工作。",
                True,
            ),
            (
                "register",
                "第一方面，我们要认真阅读新修订的地方组织法。第三方面，我们还要注意学习相关法律。",
                True,
            ),
            (
                "register",
                "要认真学习新修订的地方组织法，还要注意学习相关法律法规。",
                False,
            ),
        ],
    ),
    # 枫林 2024 (the nineteenth session's run of all ten): the core formula misstated.
    (
        "枫林 2024, nineteenth session's full run",
        {},
        "requirements",
        [
            (
                "politics",
                "要做到中国共产党领导、人民当家作主、依法执政相统一，不断推进政治体制改革。",
                True,
            ),
            ("politics", "要坚持党的领导、人民当家作主、依法治国有机统一。", False),
            (
                "politics",
                "人民代表大会制度是中国共产党和中国政府的政治组织形式。",
                True,
            ),
            ("politics", "人民代表大会制度是我国的根本政治制度。", False),
            # the point's third paragraph narrated a speech that never was
            (
                "integrity",
                "各位代表，刚才我介绍了街道人大工委和代表联络站的建设情况。然而，我深知还有一项任务。",
                True,
            ),
            ("integrity", "刚才，王中强同志通报了区人大常委会去年的工作。", False),
        ],
    ),
    # Correct prose a review found failed by the thirteenth session's first patterns: each
    # would also have been dropped by the drafting repair.
    (
        "correct prose, thirteenth session's review",
        {
            "level": "县",
            "role": "县委书记",
            "organ": "县委",
            "locality": "江滨县",
            "date": dt.date(2026, 1, 9),
        },
        "requirements",
        [
            ("integrity", "刚才，县委副书记、县长王明同志在这里讲话，我完全同意。", False),
            ("integrity", "代表们在此发言踊跃，提出了许多很有见地的意见。", False),
            ("integrity", "深入学习贯彻习近平总书记“在中央人大工作会议上的讲话”精神。", False),
            ("integrity", "我是从村党支部书记岗位上成长起来的，深知基层人大工作的不易。", False),
            ("integrity", "我是第一次以县委书记的身份参加县人代会。", False),
            ("integrity", "大力推进网上文化阵地建设，办好线上文旅推介活动。", False),
            ("integrity", "要把路上文明劝导工作做实，村村建起屋前文化广场。", False),
            ("voice", "邓小平同志曾经讲道：“发展才是硬道理。”", False),
            (
                "voice",
                "习近平总书记在谈到全过程人民民主时讲道：“全过程人民民主是全链条的民主。”",
                False,
            ),
            ("invented_facts", "对群众普遍反映的热点难点问题，要逐项推动解决。", False),
            ("invented_facts", "确保全面完成并力争超额完成年度目标任务。", False),
            ("usage", "抓落实要做到不重部署轻落实、不说得多做得少。", False),
            ("tifa", "“十四五”时期的成就为我们今后的发展奠定了坚实基础。", False),
            ("tifa", "“十四五”规划描绘的宏伟蓝图已经变成美好现实。", False),
            ("tifa", "“十四五”规划为我们的未来指明了方向。", True),
            # 白沙 2026 (fourteenth full-length run): the ended plan as the guide
            ("tifa", "坚持新发展理念，以“十四五”规划为指引，推动经济社会全面发展。", True),
            ("tifa", "以“十五五”规划为指引，推动经济社会全面发展。", False),
            (
                "focus",
                "今年是本届人大任期的最后一年，也是换届之年。2021年是换届之年。",
                False,
            ),
        ],
    ),
]
DRAFT_LINES = [(d, c, o, r, t, f) for d, o, r, lines in DRAFTS_READ for c, t, f in lines]


@pytest.mark.parametrize(
    ("draft", "check", "overrides", "role", "text", "fails"),
    DRAFT_LINES,
    ids=[f"{line[1]}-{'bad' if line[5] else 'ok'}-{i}" for i, line in enumerate(DRAFT_LINES)],
)
def test_a_line_a_draft_wrote_is_judged_as_a_writer_would(
    draft, check, overrides, role, text, fails
):
    given = brief(**overrides)
    subject = _paragraph(
        text, brief=given, section_role=role, date=given.date, occasion=given.occasion
    )
    result = REGISTRY[check].run(subject)
    assert result.passed is not fails, f"{draft}: {result.reason}"


def test_the_hope_for_the_delegates_said_again_in_its_section_or_thrice_fails_focus():
    """白沙 2026 (sixteenth full run): 希望各位代表… three times, twice in the congress part
    after the program's own standing line. A point asking the delegates to lead in its own
    matter and the congress part's hope are two, as before."""
    start = "各位代表、同志们：\n\n大会圆满完成了各项议程，即将胜利闭幕。\n\n"
    point = "一、要做强特色产业。希望各位代表带头发展特色产业，让群众分享发展红利。\n\n"
    hope = "希望各位代表依法履职、密切联系群众，当好人民群众的代言人。"
    again = "希望各位代表能够继续发挥积极作用，为换届选举顺利推进做出贡献。"
    congress = "二、要支持镇人大主席团依法履职。镇党委要加强对人大工作的领导。" + hope + "\n"

    def focus(raw):
        return REGISTRY["focus"].run(Subject(raw=raw, occasion="closing_session"))

    assert "只说一次" not in focus(start + point + congress).reason
    assert "只说一次" in focus(start + point + congress + again + "\n").reason
    assert "只说一次" in focus(start + congress + again + "\n").reason
    # at the paragraph: the section's standing line among its siblings
    para = _paragraph(again, section_role="congress_work", siblings=hope)
    assert "只说一次" in REGISTRY["focus"].run(para).reason
    assert (
        "只说一次"
        not in REGISTRY["focus"].run(_paragraph(again, section_role="congress_work")).reason
    )


def test_a_headline_clause_said_in_two_paragraphs_of_its_point_fails_focus():
    """白沙 2026 (sixteenth full run): 确保“十五五”开好局、起好步 from point 一's headline in two
    of its paragraphs. No reference says a clause of a headline in its point's body; one
    paragraph taking it up is left (a point may open by saying why its headline matters)."""
    head = "一、要坚持党的全面领导，确保“十五五”开好局、起好步。"
    p1 = "这是一项重要而紧迫的任务，关乎全镇发展全局，必须牢牢把握正确方向。"
    p2 = "要确保“十五五”开好局、起好步，需要加强政治领导，把党的领导贯穿发展全过程。"
    p3 = "各级各部门要切实履行抓落实的政治责任，确保“十五五”开好局、起好步。"
    tail = "\n\n二、要做强特色产业。特色产业是群众增收的主渠道，要一个产业一个产业抓。\n"
    start = "各位代表、同志们：\n\n大会圆满完成了各项议程，即将胜利闭幕。\n\n"
    once = Subject(raw=start + head + p1 + "\n" + p2 + tail, occasion="closing_session")
    twice = Subject(
        raw=start + head + p1 + "\n" + p2 + "\n" + p3 + tail, occasion="closing_session"
    )
    assert not any("标题里的话" in line for line in REGISTRY["focus"].run(once).reason.splitlines())
    assert "标题里的话" in REGISTRY["focus"].run(twice).reason
    # at the paragraph: the third, with the second among its siblings
    para = _paragraph(p3, section_role="requirements", headline=head, siblings=p1 + "\n" + p2)
    assert "标题里的话" in REGISTRY["focus"].run(para).reason


def test_the_speaker_speaking_here_is_a_restart_only_when_he_announces_his_own_speech():
    """我…在此代表…讲话 begins the speech again (枫林 2024, thirteenth full-length run); thanks
    to those who spoke here (在此代表县委向会上发言的同志…) do not."""
    from assistant.checks.integrity import restart_in

    assert restart_in("作为街道党工委书记，我非常高兴地在此代表街道党工委讲话。")
    assert not restart_in("我在此代表县委向会上发言的同志表示感谢。")


def test_the_meeting_announced_again_in_the_opening_is_a_restart():
    """沅桥市 2014 (untuned read): after the program's session sentence the opening's next
    paragraph began 今天，我们迎来了…的闭幕会议…下面我将为大家总结一下: the speech begun again,
    passed because the opening is exempt from the late restarts. As the speech's first
    paragraph the same words are its opening, and 下面，我讲三点意见 ends an opening."""
    again = (
        "今天，我们迎来了沅桥市第十五届人民代表大会第三次会议的闭幕会议。本次会议圆满完成了各项"
        "议程。下面我将为大家总结一下这次会议的主要内容，并对下一步的工作提出要求。"
    )
    session = "沅桥市第十五届人民代表大会第三次会议，圆满完成了各项议程，即将胜利闭幕。"
    after = _paragraph(again, context="各位代表、同志们：\n" + session, section_role="opening")
    first = _paragraph(again, context="各位代表、同志们：", section_role="opening")
    assert not REGISTRY["integrity"].run(after).passed
    assert REGISTRY["integrity"].run(first).passed, REGISTRY["integrity"].run(first).reason
    speech = "各位代表、同志们：\n\n" + session + "\n\n" + again + "\n"
    assert not REGISTRY["integrity"].run(Subject(raw=speech, occasion="closing_session")).passed
    # 白沙 2026 (fourteenth full run): the second paragraph celebrating the closing again
    party = "今天，我们齐聚一堂，共同庆祝白沙镇第二十届人民代表大会第六次会议圆满闭幕。"
    assert (
        not REGISTRY["integrity"]
        .run(_paragraph(party, context="各位代表、同志们：\n" + session, section_role="opening"))
        .passed
    )
    # a symposium's chair summing up the speakers is no restart (review, fifteenth session)
    sums = (
        "刚才，五位乡镇人大主席作了交流发言，讲得都很好。下面，我向大家总结一下这几年乡镇人大"
        "工作的主要成效，再讲几点意见。"
    )
    meeting = "今天，我们召开全县乡镇人大工作座谈会，交流经验，研究部署下一步工作。"
    chair = _paragraph(sums, context="同志们：\n" + meeting, section_role="opening")
    assert REGISTRY["integrity"].run(chair).passed, REGISTRY["integrity"].run(chair).reason
    points = "下面，我讲三点意见。要把大会确定的目标任务落到实处，让群众看到实实在在的变化。"
    ok = _paragraph(points, context="各位代表、同志们：\n" + session, section_role="opening")
    assert REGISTRY["integrity"].run(ok).passed, REGISTRY["integrity"].run(ok).reason


def test_a_wrong_name_the_brief_gives_its_own_speaker_is_the_writers_call():
    """街道党委 fails where the brief calls its organ 街道党工委, and passes where the brief
    itself names the speaker's organ 街道党委 (the writer knows what the office calls
    itself; the eval does not overrule the brief)."""
    line = "在此，我代表街道党委，向大会的圆满成功表示热烈的祝贺。"
    proper = brief(level="街道", locality="枫林街道", role="街道党工委书记", organ="街道党工委")
    own = brief(level="街道", locality="枫林街道", role="街道党委书记", organ="街道党委")
    assert not REGISTRY["usage"].run(_paragraph(line, brief=proper)).passed
    assert REGISTRY["usage"].run(_paragraph(line, brief=own)).passed
    # only the brief's whole name over the hit: 街道人大 alone is still wrong where the speaker
    # is the 街道人大工委主任 (review of the fifteenth session)
    chair = brief(level="街道", locality="枫林街道", role="街道人大工委主任", organ="街道人大工委")
    alone = "街道人大要加强对辖区代表的联系和服务，定期组织代表开展视察调研。"
    assert not REGISTRY["usage"].run(_paragraph(alone, brief=chair)).passed
    named = "街道人大工委要加强对辖区代表的联系和服务，定期组织代表开展视察调研。"
    assert REGISTRY["usage"].run(_paragraph(named, brief=chair)).passed


def _three_points(third: str) -> str:
    bodies = (
        "改革是发展的动力。要抓住重点领域和关键环节，破除制约发展的体制机制障碍，让各类市场主体"
        "活力充分迸发，让改革成果更多惠及群众。",
        "人民代表大会制度是根本政治制度。要支持市人大及其常委会依法行使职权，认真办理代表议案"
        "和建议，让代表更好地反映群众的意愿和要求。",
        "城镇化是现代化的必由之路。要完善城市功能，守住生态红线，把沅江两岸建成群众休闲的"
        "好去处，让城乡面貌一年一个样。",
    )
    heads = (
        "要全面深化改革，增强发展的动力和活力。",
        "要坚持和完善人民代表大会制度，支持人大及其常委会依法履职。",
        third,
    )
    points = "".join(
        f"{n}、{h}\n\n{b}\n\n" for n, h, b in zip("一二三", heads, bodies, strict=True)
    )
    return (
        "各位代表、同志们：\n\n沅桥市第十五届人民代表大会第三次会议圆满完成了各项议程，即将胜利"
        "闭幕。\n\n" + points
    )


@pytest.mark.parametrize(
    "heads",
    [
        # a stock phrase in another headline's tail is its purpose, not its matter
        (
            "坚持高质量发展，做强特色产业",
            "坚持人民至上，办好民生实事",
            "锤炼过硬作风，为高质量发展提供坚强保障",
        ),
        (
            "坚持党的领导，确保人大工作正确政治方向",
            "坚持依法履职，不断增强监督实效",
            "加强自身建设，始终在党的领导下依法履职",
        ),
        ("充分发挥代表作用，密切联系群众", "加强代表履职保障，让代表充分发挥代表作用"),
        # a frame three headlines open with is a 排比
        (
            "全方位推动高质量发展，就要旗帜鲜明讲政治",
            "全方位推动高质量发展，就要聚精会神抓发展",
            "全方位推动高质量发展，就要务实为民守初心",
            "坚持依法履职，不断增强监督实效",
        ),
    ],
)
def test_headlines_sharing_a_stock_phrase_or_a_frame_do_not_overlap(heads):
    """Review of the fifteenth session: the first version read the whole other headline."""
    from assistant.paragraphs import overlapping_headlines

    assert overlapping_headlines(heads) == []


def test_a_headline_taking_up_another_points_matter_fails_focus():
    """沅桥市 2014 (untuned read): the model's point 三, 坚持全面深化改革，推动新型城镇化建设，
    加强生态保护, took up point 一's 全面深化改革 again; passed. Headlines the brief gives
    are the writer's call, and a frame every headline opens with is a 排比."""
    given = (
        "要全面深化改革，增强发展的动力和活力",
        "要坚持和完善人民代表大会制度，支持人大及其常委会依法履职",
    )
    city = brief(level="市", locality="沅桥市", requirements=list(given))
    overlapping = "坚持全面深化改革，推动新型城镇化建设，加强生态保护。"
    bad = REGISTRY["focus"].run(Subject(raw=_three_points(overlapping), brief=city,
                                        occasion="closing_session"))  # fmt: skip
    assert not bad.passed and "全面深化改革" in bad.reason and bad.reason.count("标题又讲了") == 1
    own = "推进新型城镇化建设，加强生态保护。"
    ok = REGISTRY["focus"].run(
        Subject(raw=_three_points(own), brief=city, occasion="closing_session")
    )
    assert ok.passed, ok.reason
    writers = brief(level="市", locality="沅桥市", requirements=[*given, overlapping.rstrip("。")])
    theirs = REGISTRY["focus"].run(Subject(raw=_three_points(overlapping), brief=writers,
                                           occasion="closing_session"))  # fmt: skip
    assert theirs.passed, theirs.reason


def test_a_vice_of_work_style_to_be_achieved_is_read_out_with_its_own_reason():
    """南川 2023 (twelfth full-length run): 做到重部署轻落实 was failed with the reason for
    保持骄傲, which tells the writer nothing about the line."""
    result = REGISTRY["usage"].run(_paragraph("抓落实的作风要坚决做到重部署轻落实、说得多做得少。"))
    assert "作风" in result.reason and "骄傲" not in result.reason, result.reason


def test_a_points_first_paragraph_saying_its_headline_again_fails_focus():
    """槐原 2018, tenth full-length run: 一、要深入学习贯彻党的十九大精神和宪法… then, in the
    paragraph that goes on from it, 同时，深入学习贯彻党的十九大精神和宪法，推进全面从严治党:
    the eval saw it in the speech and the chooser did not, the headline being the context's
    last line and not the candidate's."""
    head = "全面加强代表工作，切实提升履职能力"
    again = "这是做好人大工作的根本。同时，全面加强代表工作，推进代表之家建设。"
    first = _paragraph(
        again, context="各位代表、同志们：\n一、" + head + "。", headline=head,
        section_role="requirements",
    )  # fmt: skip
    assert "全面加强代表工作" in REGISTRY["focus"].run(first).reason
    assert not REGISTRY["focus"].run(first).passed
    # a later paragraph of the point may take the headline's words up again
    later = replace(first, context=first.context + "\n要把学习作为首要任务，组织代表专题学习。")
    assert REGISTRY["focus"].run(later).passed


def test_new_stage_before_the_fifth_plenum_of_2020_is_early():
    from assistant.tifa import find_stale

    said = "要把握新发展阶段，贯彻新发展理念。"
    assert [h.matched for h in find_stale(said, dt.date(2019, 2, 22))] == ["新发展阶段"]
    assert not find_stale(said, dt.date(2022, 1, 10))


def test_a_plenum_named_before_it_met_fails_tifa():
    """临江区 2019-01 (tenth full-length run): 宪法修正案是中国共产党第十九届五中全会决定的 —
    the plenum met in October 2020; named after it met, it passes."""
    from assistant.tifa import find_stale

    said = "宪法修正案是中国共产党第十九届五中全会决定的一项重要任务。"
    early = find_stale(said, dt.date(2019, 1, 11))
    assert [(h.matched, h.status) for h in early] == [("十九届五中全会", "early")]
    assert not [h for h in find_stale(said, dt.date(2021, 1, 11)) if h.status == "early"]


def test_a_sentence_of_an_earlier_paragraph_of_the_section_said_again_is_one_repeat():
    """A sentence of the section's earlier paragraph is in the draft so far and among the
    paragraph's siblings: the chooser counted it twice (the review's leftover of the tenth
    session), which weighed one repeat like two faults."""
    earlier = "镇党委要加强对人大工作的领导，支持镇人大主席团依法行使职权，帮助解决实际困难。"
    own = "人民代表大会制度是我国的根本政治制度，做好人大工作是推进基层治理的必然要求。"
    text = own + earlier
    found = REGISTRY["focus"].run(
        _paragraph(text, context="开场的话。\n" + earlier, siblings=earlier)
    )
    assert not found.passed and len(found.findings) == 1, found.findings
    # said in a sibling only (a later paragraph's standing line) it is still found
    later = REGISTRY["focus"].run(_paragraph(text, context="开场的话。", siblings=earlier))
    assert not later.passed and "别的段落" in later.reason


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("通过学习运用“千万工程”的经验，推进乡村全面振兴工作也取得了积极进展。", True),
        ("推进乡村全面振兴取得了重要进展。", True),  # 重要 is no modal
        ("在全县上下的共同努力下，推进乡村全面振兴取得积极进展。", True),
        # the summary of an achievement the paragraph goes on to give
        ("过去一年，乡村全面振兴取得了明显成效。建成美丽乡村示范村5个，群众得实惠。", False),
        ("要学习运用“千万工程”经验，推动乡村全面振兴取得新的进展。", False),  # a task
    ],
)
def test_a_theme_told_as_done_is_an_invented_result_unless_the_brief_gives_one(text, told):
    """丰源 2025, eleventh full-length run: the year's theme told in the review as done."""
    from assistant.checks.facts import themes_told_as_done

    b = brief(
        themes=["学习运用“千万工程”经验，推进乡村全面振兴"],
        achievements=["建成美丽乡村示范村5个"],
    )
    assert bool(themes_told_as_done(text, b)) is told


def test_the_points_opening_clauses_run_together_ahead_of_them_fail_focus():
    """青岩 2024, untuned read: the situation named all three points in one phrase (将以推进
    文旅深度融合、提升基层治理效能和支持镇人大主席团依法履职为己任), each headline's opening
    clause and none of its second; the whole-headline test missed it. The themes named short
    pass."""
    heads = (
        "要推动文旅深度融合，做靓古镇名片",
        "要提升基层治理效能，守牢安全稳定底线",
        "要支持镇人大主席团依法履职，发挥代表作用",
    )
    said = (
        "在新的历史起点上，青岩镇将以推进文旅深度融合、提升基层治理效能和支持镇人大主席团"
        "依法履职为己任，坚持高质量发展这条主线。"
    )
    ahead = _paragraph(said, section_role="situation", other_headlines=heads)
    found = REGISTRY["focus"].run(ahead)
    assert not found.passed and "先把3点要求的标题" in found.reason
    short_themes = "文旅融合和基层治理是今年的两件大事，关系全镇群众的切身利益，必须抓紧抓实。"
    assert REGISTRY["focus"].run(_paragraph(short_themes, section_role="situation",
                                            other_headlines=heads)).passed  # fmt: skip
    one = "要推动文旅深度融合，把古镇的文化资源转化为发展优势。"
    assert REGISTRY["focus"].run(_paragraph(one, section_role="situation",
                                            other_headlines=heads)).passed  # fmt: skip


def test_a_part_begun_again_in_its_own_section_fails_focus():
    """白沙 2026, twelfth full-length run: the review's second paragraph opened 回顾过去一年的
    成效，… after its first had opened 回顾过去一年的成绩，…. The references open parallel
    paragraphs with one subject or one task, and pass."""
    first = "回顾过去一年的成绩，全镇经济保持稳中有进，特色产业不断壮大。"
    again = "回顾过去一年的成效，民生实事项目全部完成，群众获得感不断增强。"
    found = REGISTRY["focus"].run(_paragraph(again, siblings=first, section_role="review"))
    assert not found.passed and "回顾过去一年的成" in found.reason
    on = "这一年，民生实事项目全部完成，群众获得感不断增强。"
    assert REGISTRY["focus"].run(_paragraph(on, siblings=first, section_role="review")).passed
    parallel = "各乡镇人大、街道人大工委不断加强代表工作，组织代表开展视察。"
    before = "各乡镇人大、街道人大工委按照依法治国的要求，广泛开展宪法宣传。"
    assert (
        REGISTRY["focus"].run(_paragraph(parallel, siblings=before, section_role="review")).passed
    )


def test_a_review_telling_what_was_done_clause_by_clause_is_no_preview():
    """The review is before the points too: 过去一年，我们坚持党的全面领导，牢牢抓住发展第一
    要务，… tells the year clause by clause, in the points' words, and is no preview (the
    twelfth session's review of the one-breath preview)."""
    heads = (
        "要坚持党的全面领导，确保开好局",
        "要牢牢抓住发展第一要务，做强特色产业",
        "要依法履职、善始善终",
    )
    told = "过去一年，我们坚持党的全面领导，牢牢抓住发展第一要务，全镇经济社会发展取得新成效。"
    assert (
        REGISTRY["focus"].run(_paragraph(told, section_role="review", other_headlines=heads)).passed
    )


def test_the_genres_parallel_openings_are_no_part_begun_again():
    """过去一年，…/过去一年，… and 一年来，… open parallel paragraphs in the genre; the shared
    words must run on past the lead-in word to be a part begun again."""
    first = "过去一年，全镇经济保持稳中有进，特色产业不断壮大。"
    for again in ("过去一年，民生实事项目全部完成。", "各位代表，过去一年，我们办成了一批实事。"):
        found = REGISTRY["focus"].run(_paragraph(again, siblings=first, section_role="review"))
        assert found.passed, found.reason
    echo = "各位代表，回顾过去一年的工作，我们办成了一批实事。"
    begun = "回顾过去一年的工作，全镇经济保持稳中有进。"
    assert not REGISTRY["focus"].run(_paragraph(echo, siblings=begun, section_role="review")).passed


def test_a_themes_name_in_plain_quotes_is_still_its_name():
    from assistant.checks.facts import themes_told_as_done

    given = brief(
        level="县", locality="丰源县", themes=['学习运用"千万工程"经验，推进乡村全面振兴']
    )
    said = "近年来，我县大力实施“千万工程”，取得了显著成效。"
    assert themes_told_as_done(said, given) == [said]


def test_two_of_the_reviews_figures_picked_out_in_a_point_are_a_retelling():
    """柳塘 2021, twelfth full run, point 二: 其中最重要的成绩包括地区生产总值增长9.8%、农村
    居民人均可支配收入增长8.3%… — one figure of each of two facts, which the test of a fact's
    every figure missed. A point that names one figure as its base, or a small count, passes."""
    from assistant.checks.focus import achievements_retold

    facts = [
        "全镇地区生产总值由2015年的12.4亿元增加到2020年的19.8亿元，年均增长9.8%",
        "农村居民人均可支配收入由2015年的13520元增加到2020年的20180元，年均增长8.3%",
        "全镇3个贫困村全部出列",
    ]
    picked = "其中最重要的成绩包括地区生产总值增长9.8%、农村居民人均可支配收入增长8.3%等。"
    assert achievements_retold(picked, facts) == [picked]
    one = "地区生产总值年均增长9.8%，说明我们的路子走对了，今后更要坚定信心。"
    assert achievements_retold(one, facts) == []
    small = "全镇3个贫困村都通了硬化路，9个村建起了文化广场。"
    assert achievements_retold(small, facts) == []


def test_the_briefs_own_situation_is_not_a_preview_of_the_points():
    """沅桥 2014 (fourteenth session's untuned read): the situation's given sentence, …全面
    深化改革的第一年, failed focus as telling two headlines ahead (both open on 全面深化改革);
    the same words written by the model are still a preview."""
    fact = "2014年是全面贯彻落实党的十八届三中全会精神、全面深化改革的第一年"
    heads = (
        "要全面深化改革，增强发展的动力和活力",
        "要坚持和完善人民代表大会制度，支持人大及其常委会依法履职",
        "坚持全面深化改革，推动新型城镇化建设，加强生态保护",
    )
    given = brief(situation=[fact])
    told = _paragraph(fact + "。", brief=given, section_role="situation", other_headlines=heads)
    assert REGISTRY["focus"].run(told).passed, REGISTRY["focus"].run(told).reason
    ahead = _paragraph(
        "今年是全面深化改革的一年，各方面都要行动起来。",
        brief=given, section_role="situation", other_headlines=heads,
    )  # fmt: skip
    assert not REGISTRY["focus"].run(ahead).passed


def _points_speech(heads: Sequence[str]) -> str:
    bodies = (
        "群众的日子过得好不好，是检验工作的标尺。要把帮扶措施落到每一户，让困难群众看得见变化。",
        "产业是富民的根本。要盯住村里的合作社和家庭农场，帮他们找销路、学技术，把收入稳住。",
        "发展要有后劲。要把落后产能该关的关掉，把企业的负担减下来，让实体经济轻装上阵。",
    )
    points = "".join(
        f"{n}、{h}\n\n{b}\n\n" for n, h, b in zip("一二三", heads, bodies, strict=True)
    )
    return "各位代表、同志们：\n\n云岭县第十七届人民代表大会第一次会议即将胜利闭幕。\n\n" + points


def test_two_points_on_one_theme_while_another_has_none_fail_focus():
    """云岭县 2017 (seventeenth session's untuned read): 坚持精准扶贫，精准脱贫 (the model's
    proposal) and 聚焦脱贫攻坚 (the fallback) were two points on poverty; 生态文明建设, a theme of
    the brief, had none. The score was 0.994."""
    county = brief(
        level="县",
        locality="云岭县",
        themes=["脱贫攻坚", "供给侧结构性改革", "生态文明建设"],
        requirements=[],
    )
    twice = ("坚持精准扶贫，精准脱贫。", "聚焦脱贫攻坚。", "推进供给侧结构性改革。")
    bad = REGISTRY["focus"].run(
        Subject(raw=_points_speech(twice), brief=county, occasion="closing_session")
    )
    assert not bad.passed and "讲的都是" in bad.reason and "生态文明建设" in bad.reason
    each = ("坚持精准扶贫，精准脱贫。", "聚焦生态文明建设。", "推进供给侧结构性改革。")
    ok = REGISTRY["focus"].run(
        Subject(raw=_points_speech(each), brief=county, occasion="closing_session")
    )
    assert "讲的都是" not in ok.reason
    # the writer's own requirements are the writer's call
    given = replace(county, requirements=[h.rstrip("。") for h in twice])
    theirs = REGISTRY["focus"].run(
        Subject(raw=_points_speech(twice), brief=given, occasion="closing_session")
    )
    assert "讲的都是" not in theirs.reason


def test_points_sharing_a_stock_bigram_with_a_theme_are_not_on_it():
    """Review of the eighteenth session: 推动高质量发展 and 坚持绿色发展… share only 发展 with the
    theme 经济发展; they are not two points on it."""
    county = brief(level="县", locality="云岭县", themes=["经济发展", "社会治理", "生态文明建设"])
    heads = ("推动高质量发展。", "坚持绿色发展，建设美丽家园。", "加强社会治理。")
    card = REGISTRY["focus"].run(
        Subject(raw=_points_speech(heads), brief=county, occasion="closing_session")
    )
    assert "讲的都是" not in card.reason


def test_a_term_the_brief_quotes_left_out_fails_coverage():
    """临江 2019 (nineteenth run): 决胜“十三五” in the brief's situation, never in the speech;
    the item passed on the overlap of its other words."""
    district = brief(
        level="区",
        locality="临江区",
        situation=["决胜“十三五”，打好防范化解重大风险、精准脱贫、污染防治三大攻坚战"],
        achievements=["新建村级活动场所12个"],
        role="区委书记",
        organ="区委",
    )
    opening = "各位代表、同志们：\n\n临江区人民代表大会即将胜利闭幕。我代表区委表示祝贺。\n\n一年来，新建村级活动场所12个。\n\n"
    without = opening + "今年要打好防范化解重大风险、精准脱贫、污染防治三大攻坚战。\n"
    card = REGISTRY["brief_coverage"].run(
        Subject(raw=without, brief=district, occasion="closing_session")
    )
    assert not card.passed and "没有写出“十三五”" in card.reason
    said = opening + "今年要决胜“十三五”，打好防范化解重大风险、精准脱贫、污染防治三大攻坚战。\n"
    card = REGISTRY["brief_coverage"].run(
        Subject(raw=said, brief=district, occasion="closing_session")
    )
    assert card.passed, card.reason


def test_a_theme_left_out_fails_coverage_and_one_in_other_words_does_not():
    """云岭县 2017: 生态文明建设 nowhere in the speech, the check passed at 95%. A theme said
    in other words (营商环境持续优化 for 优化营商环境) is counted, not failed; and a meeting's
    speaker need not name his own organ."""
    county = brief(
        level="县",
        locality="云岭县",
        themes=["优化营商环境", "生态文明建设"],
        achievements=["新建村级活动场所12个", "改造农村公路86公里"],
        role="县委书记",
        organ="县委",
    )
    opening = (
        "各位代表、同志们：\n\n云岭县人民代表大会即将胜利闭幕。我代表县委表示祝贺。\n\n"
        "一年来，新建村级活动场所12个，改造农村公路86公里。\n\n"
    )
    other_words = opening + "要让营商环境持续优化，把生态文明建设抓在手上。\n"
    passed = REGISTRY["brief_coverage"].run(
        Subject(raw=other_words, brief=county, occasion="closing_session")
    )
    assert passed.passed and "优化营商环境" in passed.reason
    left_out = opening + "要让营商环境持续优化，把群众的事办好。\n"
    failed = REGISTRY["brief_coverage"].run(
        Subject(raw=left_out, brief=county, occasion="closing_session")
    )
    assert not failed.passed and "生态文明建设" in failed.reason
    meeting = brief(
        level="街道",
        locality="枫林街道",
        occasion="symposium",
        role="街道党工委书记",
        organ="街道党工委",
        themes=["代表工作"],
    )
    said = "同志们：\n\n召开这次座谈会，主要是听听枫林街道各位代表对代表工作的意见。\n"
    card = REGISTRY["brief_coverage"].run(Subject(raw=said, brief=meeting, occasion="symposium"))
    assert card.passed, card.reason


@pytest.mark.parametrize(
    "body",
    [
        # 白沙 2026 (the same run), point 三 and the situation
        "希望各位代表依法履职。各位代表，我今天讲话的题目是《依法履职、善始善终》。",
        "全体代表和列席同志在这里欢聚一堂，庆祝会议的成功结束。过去一年，我们取得了显著成就。",
        "各位同志，刚才，我们交流了关于乡镇人大工作的一些经验做法。为了进一步加强乡镇人大工作，"
        "我特提出几点要求，希望各乡镇人大认真履职。",
        "我们要做的不仅仅是回顾过去的工作成果。为了更好地推进我们的工作，今天我有一些具体的要求"
        "需要大家来认真思考和落实。",
    ],
)
def test_a_point_starting_the_speech_over_fails_integrity(body):
    """宁川 2015 (eighteenth full run), points 一 and 四: a paragraph inside a point that
    announces the requirements again, as if the speech began there."""
    raw = (
        "同志们：\n\n市人大常委会召开这次经验交流会，主要是交流经验。下面，我讲两点意见。\n\n"
        "一、要提高认识，把乡镇人大工作摆上重要位置。\n\n"
        "乡镇人大是基层政权的重要组成部分，要把它的工作抓在日常。\n\n" + body + "\n\n"
        "二、要依法履职。\n\n乡镇人大要依法履职，把监督做实。\n"
    )
    card = REGISTRY["integrity"].run(
        Subject(raw=raw, brief=brief(level="市"), occasion="experience_exchange")
    )
    assert not card.passed and "从头开讲" in card.reason


def test_congratulating_twice_fails_focus_and_once_does_not():
    """白沙 2026 (eighteenth full run): the opening's 我谨代表镇党委…表示热烈的祝贺！ and then the
    speech's own thanks said it again; the references say it once."""
    opening = (
        "各位代表、同志们：\n\n白沙镇第二十届人民代表大会第六次会议圆满完成了各项议程，即将胜利"
        "闭幕。\n\n"
    )
    mine = "会议开得很成功。在此，我谨代表镇党委对所有代表和列席同志表示热烈的祝贺！\n\n"
    thanks = "在此，我代表镇党委，对大会的圆满成功表示热烈祝贺！向各位代表致以衷心感谢！\n\n"
    body = "一、要做强特色产业。\n\n产业是富民之本，要把茶叶做成群众增收的大产业。\n"
    twice = REGISTRY["focus"].run(
        Subject(raw=opening + mine + thanks + body, brief=brief(), occasion="closing_session")
    )
    assert not twice.passed and "祝贺的话说了两遍" in twice.reason
    once = REGISTRY["focus"].run(
        Subject(raw=opening + thanks + body, brief=brief(), occasion="closing_session")
    )
    assert "祝贺的话说了两遍" not in once.reason


def test_the_meeting_closing_said_twice_fails_focus_in_the_speech_and_the_paragraph():
    """白沙 2026 (nineteenth session's run): after the session sentence's 圆满完成了各项议程，
    即将胜利闭幕, a paragraph of its own: 共同庆祝…会议圆满闭幕. The references say it once, in
    one sentence that may have both."""
    opening = (
        "各位代表、同志们：\n\n白沙镇第二十届人民代表大会第六次会议圆满完成了各项议程，即将胜利"
        "闭幕。\n\n"
    )
    again = "全镇上下共同庆祝这次会议圆满闭幕。会议凝聚了全体代表的智慧和力量。\n\n"
    body = "一、要做强特色产业。\n\n产业是富民之本，要把茶叶做成群众增收的大产业。\n"
    twice = REGISTRY["focus"].run(
        Subject(raw=opening + again + body, brief=brief(), occasion="closing_session")
    )
    assert not twice.passed and "圆满闭幕的话说了两遍" in twice.reason
    once = REGISTRY["focus"].run(
        Subject(raw=opening + body, brief=brief(), occasion="closing_session")
    )
    assert "圆满闭幕的话说了两遍" not in once.reason
    # a paragraph, written after the opening, says it again
    para = _paragraph(again.strip(), context=opening.strip(), section_role="opening")
    assert "圆满闭幕的话说了两遍" in REGISTRY["focus"].run(para).reason
    over = "红石镇第十七届人民代表大会第三次会议圆满结束，全体代表共商发展大计。"
    para = _paragraph(over, context=opening.strip(), section_role="situation")
    assert "圆满闭幕的话说了两遍" in REGISTRY["focus"].run(para).reason
    alone = _paragraph(again.strip(), context="", section_role="opening")
    assert "圆满闭幕的话说了两遍" not in REGISTRY["focus"].run(alone).reason
    # where the results came from, the same: once
    credit = "这些成绩的取得，离不开全镇干部群众的团结奋斗。"
    again = "这些成绩的取得，为今后的工作打下了坚实基础。"
    assert "“成绩的取得”说了两遍" in REGISTRY["focus"].run(_paragraph(credit + again)).reason
    assert "说了两遍" not in REGISTRY["focus"].run(_paragraph(credit)).reason


def test_a_party_congress_spoken_of_before_it_met_fails_tifa():
    """檀山县 2021-01 (the eighteenth session's untuned read): 为实现党的二十大奋斗目标奠定坚实
    基础, twenty-one months before the congress met. Before it, a speech may only look forward
    to it (迎接党的二十大胜利召开)."""
    from assistant.tifa import find_stale

    said = "为实现党的二十大奋斗目标奠定坚实基础。"
    early = find_stale(said, dt.date(2021, 1, 22))
    assert [h.status for h in early] == ["early"] and "二十大" in early[0].matched
    assert not [h for h in find_stale(said, dt.date(2023, 1, 10)) if h.status == "early"]
    welcome = "要以优异成绩迎接党的二十大胜利召开。"
    assert not [h for h in find_stale(welcome, dt.date(2022, 1, 10)) if h.status == "early"]
    before = find_stale("深入学习贯彻党的十九大精神。", dt.date(2017, 3, 1))
    assert before and {h.status for h in before} == {"early"}


def test_the_provinces_voice_with_and_between_its_words_fails_usage():
    """檀山县 2021 (the same read): 各地区和各部门要按照…, in a county."""
    county = brief(level="县", locality="檀山县", role="县委书记", organ="县委")
    said = "各地区和各部门要按照法律法规的要求，切实履行自己的职责。"
    card = REGISTRY["usage"].run(Subject(raw=said, brief=county, occasion="closing_session"))
    assert not card.passed and "各地区和各部门" in card.reason
