"""The speech corpus: one Markdown file per speech, YAML front matter then the text.

The bundled corpus (repo `corpus/`) holds the cleaned seed speeches; speeches users add
go to `paths.user_corpus_dir()` so the repo's files are never altered. Metadata records
only what a source states: anything unknown is None, never guessed.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from assistant import paths
from assistant.errors import InputError
from assistant.text import atomic_write

# Re-exported under its old name: the genre measures a speech in 汉字 (200–250 a minute).
from assistant.text import han_count as count_hanzi
from assistant.textio import read_text_file

OCCASIONS: dict[str, str] = {
    "closing_session": "人代会闭幕式讲话",
    "experience_exchange": "经验交流会讲话",
    "symposium": "座谈会讲话",
    "presidium_meeting": "主席团工作会讲话",
}

# Administrative level of the body whose meeting the speech addresses.
LEVELS: dict[str, str] = {"镇": "乡镇", "县": "县（县级市）", "市": "地级市", "区": "市辖区"}

# Front-matter keys a speech may carry; anything else is a typo worth reporting.
META_KEYS: tuple[str, ...] = (
    "id",
    "title",
    "occasion",
    "level",
    "locality",
    "date",
    "year",
    "speaker_role",
    "speaker",
    "source",
)
_EXTRA_KEYS = frozenset({"removed", "whitespace", "notes"})
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class Speech:
    id: str
    title: str | None
    occasion: str | None
    level: str | None
    locality: str | None
    date: str | None
    year: int | None
    speaker_role: str | None
    speaker: str | None
    source: str | None
    text: str
    path: Path | None = field(default=None, compare=False)

    @property
    def chars(self) -> int:
        """汉字 count of the text (see `count_hanzi`)."""
        return count_hanzi(self.text)

    @property
    def occasion_label(self) -> str | None:
        return OCCASIONS.get(self.occasion) if self.occasion else None

    def metadata(self) -> dict[str, Any]:
        """The metadata fields plus `chars`, as plain JSON-ready values."""
        meta = {key: getattr(self, key) for key in META_KEYS}
        meta["chars"] = self.chars
        return meta


# ---------------------------------------------------------------- parsing


def split_front_matter(raw: str, name: str = "文件") -> tuple[dict[str, Any], str]:
    """Split "---\\nYAML\\n---\\nbody" into (mapping, body); no front matter gives ({}, raw)."""
    raw = raw.lstrip("\ufeff")
    if not raw.startswith("---"):
        return {}, raw
    lines = raw.split("\n")
    if lines[0].strip() != "---":
        return {}, raw
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            try:
                meta = yaml.safe_load("\n".join(lines[1:i])) or {}
            except yaml.YAMLError as exc:
                raise InputError(f"{name} 的头信息（--- 之间的 YAML）有语法错误：{exc}") from None
            if not isinstance(meta, dict):
                raise InputError(f"{name} 的头信息应是“键: 值”的列表。")
            return meta, "\n".join(lines[i + 1 :])
    raise InputError(f"{name} 以 --- 开头，但没有找到结束头信息的第二个 ---。")


def normalise_text(body: str) -> str:
    """One paragraph per line: strip each line (incl. 全角 indentation), drop blank lines."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.strip() for line in lines if line.strip())


def validate_metadata(meta: Mapping[str, Any], name: str) -> dict[str, Any]:
    """Check and normalise metadata values; unknown keys, occasions or levels are errors."""
    unknown = set(meta) - set(META_KEYS) - _EXTRA_KEYS
    if unknown:
        raise InputError(
            f"{name} 的头信息有未知字段：{', '.join(sorted(unknown))}。可用字段：{', '.join(META_KEYS)}。"
        )
    out: dict[str, Any] = {key: meta.get(key) for key in META_KEYS}
    for key in ("title", "locality", "speaker_role", "speaker", "source"):
        value = out[key]
        if value is not None:
            value = str(value).strip()
        out[key] = value or None
    speech_id = out["id"]
    if speech_id is None or not _ID_RE.match(str(speech_id)):
        raise InputError(
            f"{name} 的 id “{speech_id}” 无效：需用小写字母、数字、- 或 _，最长 64 个字符，如 gaodu-closing-2023。"
        )
    out["id"] = str(speech_id)
    if out["occasion"] is not None and out["occasion"] not in OCCASIONS:
        allowed = "、".join(f"{k}（{v}）" for k, v in OCCASIONS.items())
        raise InputError(f"{name} 的场合 occasion “{out['occasion']}” 未知。可选：{allowed}。")
    if out["level"] is not None and out["level"] not in LEVELS:
        raise InputError(f"{name} 的层级 level “{out['level']}” 未知。可选：{'、'.join(LEVELS)}。")
    out["date"] = _parse_date(out["date"], name)
    out["year"] = _parse_year(out["year"], name)
    if out["date"] and out["year"] is None:
        out["year"] = int(out["date"][:4])
    elif out["date"] and out["year"] != int(out["date"][:4]):
        raise InputError(f"{name} 的 date {out['date']} 与 year {out['year']} 不一致。")
    return out


def _parse_date(value: Any, name: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.isoformat()
    try:
        return _dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise InputError(f"{name} 的日期 “{value}” 应写成 YYYY-MM-DD，如 2023-10-26。") from None


def _parse_year(value: Any, name: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        year = int(str(value).strip())
    except ValueError:
        raise InputError(f"{name} 的年份 “{value}” 应是四位数字，如 2022。") from None
    if not 1949 <= year <= 2100:
        raise InputError(f"{name} 的年份 {year} 不在合理范围（1949–2100）内。")
    return year


def parse_speech_file(path: Path | str) -> Speech:
    """Read one corpus file (front matter + text) into a Speech."""
    path = Path(path)
    raw = read_text_file(path)
    meta, body = split_front_matter(raw, str(path))
    if "id" not in meta:
        raise InputError(f"{path} 的头信息缺少 id。")
    fields = validate_metadata(meta, str(path))
    text = normalise_text(body)
    if not text:
        raise InputError(f"{path} 没有正文。")
    return Speech(**fields, text=text, path=path)


# ---------------------------------------------------------------- the corpus


def default_dirs() -> list[Path]:
    dirs = [paths.bundled_corpus_dir()]
    user = paths.user_corpus_dir()
    if user.is_dir():
        dirs.append(user)
    return dirs


_NOT_SPEECHES = frozenset({"MANIFEST.md", "README.md"})


def _speech_files(directory: Path) -> list[Path]:
    # MANIFEST.md documents the corpus, and dot-files are unfinished writes: not speeches.
    return sorted(
        p
        for p in directory.glob("*.md")
        if p.is_file() and p.name not in _NOT_SPEECHES and not p.name.startswith(".")
    )


def load_corpus(dirs: list[Path] | None = None) -> list[Speech]:
    """All speeches in `dirs` (default: bundled, then the user's), sorted by id.

    The same id in two files is an error naming both, since ids key the vector store.
    """
    speeches: dict[str, Speech] = {}
    for directory in default_dirs() if dirs is None else dirs:
        if not directory.is_dir():
            continue
        for path in _speech_files(directory):
            speech = parse_speech_file(path)
            if speech.id in speeches:
                raise InputError(
                    f"讲话稿 id “{speech.id}” 重复：{speeches[speech.id].path} 与 {path}。"
                    "请给其中一篇改用别的 id。"
                )
            speeches[speech.id] = speech
    return [speeches[key] for key in sorted(speeches)]


def get_speech(speech_id: str, dirs: list[Path] | None = None) -> Speech:
    speeches = load_corpus(dirs)
    for speech in speeches:
        if speech.id == speech_id:
            return speech
    known = "、".join(s.id for s in speeches) or "（语料库为空）"
    raise InputError(f"语料库中没有 id 为 “{speech_id}” 的讲话稿。已有：{known}。")


# ---------------------------------------------------------------- adding speeches


def slugify(stem: str) -> str:
    """An id from a file name: lowercase ASCII letters/digits joined by "-".

    Names without ASCII letters or digits (e.g. "闭幕式讲话.txt") give "" and the caller must
    ask for an id: transliterating Chinese would need a dictionary and could mislead.
    """
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return slug[:64].rstrip("-")


Prompter = Callable[[str, str, Any], Any]
"""prompter(key, question, default) -> answer (None or "" for "unknown")."""


def prepare_speech(
    file: Path | str,
    meta_overrides: Mapping[str, Any] | None = None,
    prompter: Prompter | None = None,
) -> tuple[dict[str, Any], str]:
    """Read a user's file and settle its metadata: front matter, then flags (which win),
    then answers from `prompter` for what is still missing. Returns (metadata, text)."""
    file = Path(file)
    if file.suffix.lower() not in _SUFFIXES:
        raise InputError(f"{file}：只接受 .txt 或 .md 文件（收到 “{file.suffix or '无扩展名'}”）。")
    raw = read_text_file(file)
    front, body = split_front_matter(raw, str(file))
    meta: dict[str, Any] = {k: v for k, v in front.items() if k not in _EXTRA_KEYS}
    for key, value in (meta_overrides or {}).items():
        if value is not None:
            meta[key] = value
    if not meta.get("id"):
        meta["id"] = slugify(file.stem) or None
    if prompter is not None:
        for key in META_KEYS:
            if key == "source" or meta.get(key) not in (None, ""):
                continue
            if key == "year" and meta.get("date"):
                continue  # the year follows from the date
            answer = prompter(key, _QUESTIONS[key], None)
            if answer not in (None, ""):
                meta[key] = answer
    if not meta.get("id"):
        raise InputError(
            f"{file}：无法从文件名得出 id，请用 --id 指定（小写字母、数字、-），如 --id my-closing-2024。"
        )
    meta.setdefault("source", file.name)
    if meta.get("source") in (None, ""):
        meta["source"] = file.name
    fields = validate_metadata(meta, str(file))
    text = normalise_text(body)
    if not text:
        raise InputError(f"{file} 只有头信息，没有讲话正文。")
    return fields, text


_QUESTIONS: dict[str, str] = {
    "id": "id（小写字母、数字、-）",
    "title": "标题",
    "occasion": "场合（" + "、".join(OCCASIONS) + "）",
    "level": "层级（" + "、".join(LEVELS) + "）",
    "locality": "地点（如 高都镇）",
    "date": "日期（YYYY-MM-DD）",
    "year": "年份",
    "speaker_role": "讲话人职务（如 镇党委书记）",
    "speaker": "讲话人姓名",
    "source": "来源",
}


def render_speech_file(meta: Mapping[str, Any], text: str) -> str:
    front = yaml.safe_dump(
        {key: meta.get(key) for key in META_KEYS}, allow_unicode=True, sort_keys=False, width=1000
    )
    return f"---\n{front}---\n{text}\n"


def add_speeches(
    files: Iterable[Path | str],
    meta_overrides: Mapping[str, Any] | None = None,
    force: bool = False,
    prompter: Prompter | None = None,
) -> list[Speech]:
    """Validate every file, then write them all to the user's corpus dir.

    Nothing is written unless every file passes; an id already in the corpus (bundled or
    user) is refused unless `force`, and even then only a user file is replaced; a bundled
    speech cannot be overwritten. `meta_overrides` applies to every file, so an `id`
    override only makes sense for a single file.
    """
    files = [Path(f) for f in files]
    if not files:
        raise InputError("请至少指定一个要添加的文件。")
    overrides = dict(meta_overrides or {})
    if overrides.get("id") and len(files) > 1:
        raise InputError(
            "--id 只能用于单个文件；添加多个文件时请在各文件头信息中写 id，或用文件名。"
        )

    existing = {s.id: s for s in load_corpus()}
    user_dir = paths.user_corpus_dir()
    prepared: list[tuple[dict[str, Any], str]] = []
    seen: dict[str, Path] = {}
    for file in files:
        meta, text = prepare_speech(file, overrides, prompter)
        speech_id = meta["id"]
        if speech_id in seen:
            raise InputError(
                f"id “{speech_id}” 同时用于 {seen[speech_id]} 和 {file}，请分别指定 id。"
            )
        seen[speech_id] = file
        old = existing.get(speech_id)
        if old is not None:
            in_user_dir = old.path is not None and old.path.parent.resolve() == user_dir.resolve()
            if not in_user_dir:
                raise InputError(
                    f"id “{speech_id}” 是自带语料中的讲话稿（{old.path}），不能覆盖；请换一个 id。"
                )
            if not force:
                raise InputError(
                    f"语料库中已有 id “{speech_id}”（{old.path}）。要替换请加 --force，或用 --id 换一个 id。"
                )
        prepared.append((meta, text))

    paths.ensure_dir(user_dir)
    added: list[Speech] = []
    for meta, text in prepared:
        target = user_dir / f"{meta['id']}.md"
        # Write-then-rename: a crash mid-write never leaves half a speech in the corpus.
        atomic_write(target, render_speech_file(meta, text))
        added.append(Speech(**meta, text=text, path=target))
    return added
