"""The bundled corpus is the seeds minus documented web chrome; the corpus API around it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from assistant import paths
from assistant.corpus import (
    OCCASIONS,
    Speech,
    add_speeches,
    count_hanzi,
    get_speech,
    load_corpus,
    parse_speech_file,
    slugify,
)
from assistant.errors import InputError

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
CORPUS = paths.bundled_corpus_dir()
IDS = [
    "chairs-symposium",
    "chujiang-closing",
    "exchange-meeting",
    "gaodu-closing-2023",
    "presidium-meeting",
    "qingxu-closing-2022",
    "street-symposium",
    "township-closing-2024",
    "xcity-closing-2020",
]
SEED_004 = "004_d5488321af5301b8.txt"
# The five speeches of seed 004 in the order they appear there.
ORDER_004 = [
    "exchange-meeting",
    "township-closing-2024",
    "presidium-meeting",
    "chairs-symposium",
    "street-symposium",
]
needs_seeds = pytest.mark.skipif(
    not SEEDS.is_dir(), reason="seed files not present on this machine"
)


def _nows(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def _seed_minus(seed_text: str, removed: list[dict]) -> str:
    for r in removed:
        assert r["text"] in seed_text, f"documented removal not found in seed: {r['text']!r}"
        seed_text = seed_text.replace(r["text"], "", 1)
    return seed_text


def test_nine_speeches_with_the_agreed_ids():
    assert [s.id for s in load_corpus()] == IDS


@needs_seeds
@pytest.mark.parametrize("speech_id", IDS)
def test_text_is_the_seed_minus_documented_removals(speech_id):
    path = CORPUS / f"{speech_id}.md"
    meta = _front(path)
    speech = parse_speech_file(path)
    seed = (SEEDS / meta["source"]).read_text(encoding="utf-8")
    rest = _nows(_seed_minus(seed, meta["removed"]))
    if meta["source"] == SEED_004:
        assert _nows(speech.text) in rest
    else:
        assert _nows(speech.text) == rest
    for r in meta["removed"]:
        assert r["reason"].strip(), "every removal says why"


@needs_seeds
def test_seed_004_is_exactly_its_five_speeches():
    seed = (SEEDS / SEED_004).read_text(encoding="utf-8")
    for speech_id in ORDER_004:
        seed = _seed_minus(seed, _front(CORPUS / f"{speech_id}.md")["removed"])
    joined = "".join(_nows(get_speech(i).text) for i in ORDER_004)
    assert joined == _nows(seed)


@pytest.mark.parametrize("speech_id", IDS)
def test_no_web_chrome_left(speech_id):
    text = get_speech(speech_id).text
    for marker in (
        "feisuxs",
        "责任编辑",
        "免责声明",
        "ICP",
        "Copyright",
        "举报电话",
        "<>",
        "\ue004",
        "时间:20",
    ):
        assert marker not in text, marker
    assert not text.startswith("|") and not text.endswith("|")
    assert not re.search(r"第[一二三四五]篇：", text)


def test_placeholders_kept():
    assert "20xx年" in get_speech("chujiang-closing").text
    assert "X市第X届" in get_speech("xcity-closing-2020").text
    assert "～年" in get_speech("presidium-meeting").text
    assert "...镇" in get_speech("street-symposium").text


def test_metadata_read_from_the_seeds():
    gaodu = get_speech("gaodu-closing-2023")
    assert (gaodu.date, gaodu.year, gaodu.speaker, gaodu.speaker_role) == (
        "2023-10-26",
        2023,
        "张建军",
        "镇党委书记",
    )
    assert (gaodu.level, gaodu.locality, gaodu.occasion) == ("镇", "高都镇", "closing_session")
    qingxu = get_speech("qingxu-closing-2022")
    assert (qingxu.date, qingxu.year, qingxu.speaker, qingxu.level) == (
        "2022-01-26",
        2022,
        "王剑峰",
        "县",
    )
    assert qingxu.locality == "清徐县"
    xcity = get_speech("xcity-closing-2020")
    assert (xcity.locality, xcity.year, xcity.level, xcity.speaker) == (None, 2020, "市", None)
    chujiang = get_speech("chujiang-closing")
    assert (chujiang.locality, chujiang.level, chujiang.date) == ("楚江镇", "镇", None)
    assert get_speech("township-closing-2024").year == 2024
    occasions = {s.id: s.occasion for s in load_corpus()}
    assert occasions["exchange-meeting"] == "experience_exchange"
    assert occasions["presidium-meeting"] == "presidium_meeting"
    assert occasions["chairs-symposium"] == occasions["street-symposium"] == "symposium"
    assert get_speech("presidium-meeting").level == "区"
    assert all(s.source and (SEEDS / s.source).name == s.source for s in load_corpus())


def test_speech_texts_start_where_the_speeches_start():
    # Salutation lines written by reading each seed.
    assert "各位代表:" in get_speech("gaodu-closing-2023").text.split("\n")[:6]
    assert get_speech("presidium-meeting").text.split("\n")[:2] == [
        "在乡镇人大主席团工作会上的讲话",
        "同志们：",
    ]
    assert get_speech("chairs-symposium").text.split("\n")[1] == "同志们："
    assert get_speech("township-closing-2024").text.split("\n")[1] == "各位代表、同志们："
    # The injected watermark split a sentence; it now reads on.
    assert "首先必须明确民主集中制是国家政权组成的原则" in get_speech("chairs-symposium").text


def test_chars_counts_hanzi_only():
    assert count_hanzi("同志们：2024年是X市的“关键之年”！") == 11  # 同志们 年是 市的 关键之年
    assert count_hanzi("𠀀㐀") == 2  # extension B and A
    speech = get_speech("gaodu-closing-2023")
    assert speech.chars == count_hanzi(speech.text)
    assert 2000 < speech.chars < len(speech.text)


def test_occasion_labels():
    assert OCCASIONS["closing_session"] == "人代会闭幕式讲话"
    assert set(OCCASIONS) == {
        "closing_session",
        "experience_exchange",
        "symposium",
        "presidium_meeting",
    }


def test_speech_is_frozen():
    speech = get_speech("xcity-closing-2020")
    with pytest.raises(AttributeError):
        speech.year = 2021  # type: ignore[misc]
    assert isinstance(speech, Speech)


def test_get_speech_unknown_lists_known_ids():
    with pytest.raises(InputError) as exc:
        get_speech("no-such-speech")
    assert "gaodu-closing-2023" in str(exc.value)


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_duplicate_ids_name_both_files(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    _write(a / "one.md", "---\nid: same\n---\n同志们：\n")
    _write(b / "two.md", "---\nid: same\n---\n各位代表：\n")
    with pytest.raises(InputError) as exc:
        load_corpus([a, b])
    assert "one.md" in str(exc.value) and "two.md" in str(exc.value)


def test_user_corpus_is_loaded_after_the_bundled_one(tmp_path):
    add_speeches(
        [_write(tmp_path / "mine.txt", "同志们：\n今天开会。\n")], {"occasion": "symposium"}
    )
    ids = [s.id for s in load_corpus()]
    assert "mine" in ids and len(ids) == 10


def test_add_reads_front_matter_and_flags_win(tmp_path):
    f = _write(
        tmp_path / "x.md",
        "---\nid: town-2024\ntitle: 闭幕讲话\nlevel: 县\nyear: 2024\n---\n各位代表：\n会议圆满完成了各项议程。\n",
        "gb18030",
    )
    [speech] = add_speeches([f], {"level": "镇", "speaker": None})
    assert (speech.id, speech.title, speech.level, speech.year) == (
        "town-2024",
        "闭幕讲话",
        "镇",
        2024,
    )
    # Nothing the file and flags did not give is filled in.
    assert (speech.locality, speech.speaker, speech.speaker_role, speech.date, speech.occasion) == (
        None,
    ) * 5
    stored = parse_speech_file(paths.user_corpus_dir() / "town-2024.md")
    assert stored == speech
    assert stored.text == "各位代表：\n会议圆满完成了各项议程。"


def test_add_derives_id_from_file_name_only(tmp_path):
    [speech] = add_speeches([_write(tmp_path / "My Talk 2024.txt", "同志们：\n")])
    assert speech.id == "my-talk-2024"
    assert slugify("闭幕式讲话") == ""
    with pytest.raises(InputError, match="--id"):
        add_speeches([_write(tmp_path / "闭幕式讲话.txt", "同志们：\n")])


def test_add_refuses_existing_id_without_force(tmp_path):
    f = _write(tmp_path / "talk.txt", "同志们：\n第一版。\n")
    add_speeches([f])
    g = _write(tmp_path / "talk2.txt", "同志们：\n第二版。\n")
    with pytest.raises(InputError, match="--force"):
        add_speeches([g], {"id": "talk"})
    assert "第一版" in get_speech("talk").text
    add_speeches([g], {"id": "talk"}, force=True)
    assert "第二版" in get_speech("talk").text


def test_add_never_overwrites_a_bundled_speech(tmp_path):
    f = _write(tmp_path / "x.txt", "同志们：\n")
    with pytest.raises(InputError, match="自带"):
        add_speeches([f], {"id": "gaodu-closing-2023"}, force=True)
    assert get_speech("gaodu-closing-2023").speaker == "张建军"


def test_add_validates_all_files_before_writing_any(tmp_path):
    good = _write(tmp_path / "good.txt", "同志们：\n")
    empty = _write(tmp_path / "empty.txt", "")
    with pytest.raises(InputError, match="empty.txt"):
        add_speeches([good, empty])
    assert not (paths.user_corpus_dir() / "good.md").exists()


def test_add_rejects_unknown_occasion_and_level_listing_allowed(tmp_path):
    f = _write(tmp_path / "a.txt", "同志们：\n")
    with pytest.raises(InputError) as exc:
        add_speeches([f], {"occasion": "party"})
    assert all(key in str(exc.value) for key in OCCASIONS)
    with pytest.raises(InputError, match="镇、县、市、区"):
        add_speeches([f], {"level": "省"})


def test_add_rejects_other_suffixes_and_bad_dates(tmp_path):
    with pytest.raises(InputError, match=r"\.txt"):
        add_speeches([_write(tmp_path / "a.docx", "同志们：\n")])
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        add_speeches([_write(tmp_path / "b.txt", "同志们：\n")], {"date": "2024年1月"})
    with pytest.raises(InputError, match="不一致"):
        add_speeches(
            [_write(tmp_path / "c.txt", "同志们：\n")], {"date": "2024-01-05", "year": 2023}
        )


def test_add_uses_the_prompter_for_missing_fields_only(tmp_path):
    asked: list[str] = []

    def prompter(key, question, default):
        asked.append(key)
        return {"title": "座谈会讲话", "occasion": "symposium"}.get(key)

    f = _write(tmp_path / "talk.md", "---\nlevel: 镇\n---\n同志们：\n")
    [speech] = add_speeches([f], prompter=prompter)
    assert "level" not in asked and "id" not in asked and "title" in asked
    assert (speech.title, speech.occasion, speech.level, speech.speaker) == (
        "座谈会讲话",
        "symposium",
        "镇",
        None,
    )
