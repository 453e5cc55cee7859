"""A draft on disk: a directory with draft.json (the record) and draft.md (rendered from it).

draft.json holds the brief, the outline, every version of every section, and
provenance (model, endpoint host, prompt template hashes, exemplar ids, token
usage, timings). Writes are atomic (temp file + rename), so an interrupted run
leaves either the old or the new record, and drafting can resume from it.
Regenerating one section appends a version to that section only; every other
section's text stays byte-identical.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import json
import os
import socket
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.errors import InputError
from assistant.text import atomic_write, sentences

FORMAT_VERSION = 1


LOCK_NAME = ".lock"


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass
class SectionRecord:
    id: str
    role: str
    title: str
    ordinal: int | None = None
    heading: str = ""
    versions: list[dict[str, Any]] = field(default_factory=list)
    current: int = 0  # 1-based version number; 0 = not written yet
    # Paragraphs of a section still being written (saved after each one, so an
    # interrupted draft resumes mid-section); empty once the section is complete.
    pending: list[dict[str, Any]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.version(self.current)["text"] if self.current else ""

    def version(self, n: int) -> dict[str, Any]:
        if not 1 <= n <= len(self.versions):
            raise InputError(f"第 {self.id} 节没有第 {n} 版（共 {len(self.versions)} 版）")
        return self.versions[n - 1]

    def add_version(self, text: str, **meta: Any) -> int:
        self.versions.append({"n": len(self.versions) + 1, "text": text, "created": now(), **meta})
        self.current = len(self.versions)
        self.pending = []
        return self.current

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "role": self.role,
            "title": self.title,
            "ordinal": self.ordinal,
            "heading": self.heading,
            "current": self.current,
            "versions": self.versions,
            "pending": self.pending,
        }


@dataclass
class DraftDoc:
    dir: Path
    brief: dict[str, Any]
    outline: dict[str, Any]
    sections: list[SectionRecord]
    provenance: dict[str, Any] = field(default_factory=dict)
    history: list[dict[str, Any]] = field(default_factory=list)
    status: str = "in_progress"
    created: str = field(default_factory=now)

    # -- persistence -------------------------------------------------------
    @property
    def json_path(self) -> Path:
        return self.dir / "draft.json"

    @property
    def md_path(self) -> Path:
        return self.dir / "draft.md"

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT_VERSION,
            "status": self.status,
            "created": self.created,
            "brief": self.brief,
            "outline": self.outline,
            "sections": [s.to_dict() for s in self.sections],
            "history": self.history,
            "provenance": self.provenance,
        }

    def save(self) -> None:
        atomic_write(
            self.json_path, json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"
        )
        atomic_write(self.md_path, self.render())

    @classmethod
    def load(cls, directory: str | Path) -> DraftDoc:
        directory = Path(directory)
        path = directory / "draft.json"
        if not path.is_file():
            raise InputError(f"{directory} 不是草稿目录（缺少 draft.json）")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise InputError(f"{path} 已损坏：{exc}") from exc
        if not isinstance(data, dict):
            raise InputError(
                f"{path} 已损坏：顶层应是一个对象；请从备份恢复，或删除该目录后重新起草"
            )
        if data.get("format") != FORMAT_VERSION:
            raise InputError(f"{path} 的格式版本 {data.get('format')} 不受支持")
        _validate(data, path)
        sections = [
            SectionRecord(
                id=s["id"],
                role=s["role"],
                title=s["title"],
                ordinal=s.get("ordinal"),
                heading=s.get("heading", ""),
                versions=s.get("versions", []),
                current=s.get("current", 0),
                pending=s.get("pending", []),
            )
            for s in data["sections"]
        ]
        return cls(
            dir=directory,
            brief=data["brief"],
            outline=data["outline"],
            sections=sections,
            provenance=data.get("provenance", {}),
            history=data.get("history", []),
            status=data.get("status", "in_progress"),
            created=data.get("created", now()),
        )

    # -- queries -----------------------------------------------------------
    def find(self, key: str) -> SectionRecord:
        """A section by id (or id prefix like s05) or 1-based position."""
        key = key.strip()
        if key.isdigit():
            n = int(key)
            if 1 <= n <= len(self.sections):
                return self.sections[n - 1]
        else:
            exact = [s for s in self.sections if s.id == key]
            if exact:
                return exact[0]
            prefix = [s for s in self.sections if s.id.startswith(key + "-") or s.id == key]
            if len(prefix) == 1:
                return prefix[0]
        listing = "；".join(f"{i}={s.id}" for i, s in enumerate(self.sections, 1))
        raise InputError(f"没有第 {key} 节。可用的节（序号=编号）：{listing}")

    def snapshot(self) -> dict[str, int]:
        return {s.id: s.current for s in self.sections}

    def record_history(self, note: str) -> int:
        self.history.append(
            {
                "n": len(self.history) + 1,
                "created": now(),
                "note": note,
                "sections": self.snapshot(),
            }
        )
        return len(self.history)

    def authorship(self) -> dict[str, int]:
        """汉字 the model wrote vs the program supplied, over the current versions."""
        out = {"model_han": 0, "program_han": 0, "marks": 0, "repaired_paragraphs": 0}
        for s in self.sections:
            if not s.current:
                continue
            v = s.version(s.current)
            for key in ("model_han", "program_han", "marks", "repaired_paragraphs"):
                out[key] += int(v.get(key, 0))
        return out

    def text(self, version: int | None = None) -> str:
        """The speech body: each written section's text, one paragraph block each."""
        if version is None:
            chosen = self.snapshot()
        else:
            if not 1 <= version <= len(self.history):
                raise InputError(f"草稿没有第 {version} 版（共 {len(self.history)} 版）")
            chosen = self.history[version - 1]["sections"]
        blocks = []
        for s in self.sections:
            n = chosen.get(s.id, 0)
            if n:
                blocks.append(s.version(n)["text"].strip())
        return "\n\n".join(blocks) + "\n"

    def render(self, version: int | None = None) -> str:
        title = self.brief.get("title") or default_title(self.brief)
        speaker = self.brief.get("speaker") or {}
        who = " ".join(x for x in (speaker.get("role"), speaker.get("name")) if x)
        date = self.brief.get("date")
        date_cn = ""
        if date:
            d = dt.date.fromisoformat(date)
            date_cn = f"（{d.year}年{d.month}月{d.day}日）"
        head = [f"# {title}", ""]
        if who or date_cn:
            head += [f"{who}{date_cn}".strip(), ""]
        return "\n".join(head) + self.text(version)


def _validate(data: dict[str, Any], path: Path) -> None:
    """A draft.json edited by hand or cut short: one line naming the first bad field."""

    def bad(what: str) -> InputError:
        return InputError(f"{path} 已损坏：{what}；请改正该处，或从备份恢复，或换一个目录重新起草")

    for key, kind, label in (
        ("brief", dict, "对象"),
        ("outline", dict, "对象"),
        ("sections", list, "列表"),
    ):
        if key not in data:
            raise bad(f"缺少 {key}")
        if not isinstance(data[key], kind):
            raise bad(f"{key} 应为{label}")
    for i, s in enumerate(data["sections"], 1):
        where = f"sections 第{i}项"
        if not isinstance(s, dict):
            raise bad(f"{where} 应为对象")
        for key in ("id", "role", "title"):
            if not isinstance(s.get(key), str):
                raise bad(f"{where} 缺少文字字段 {key}")
        versions = s.get("versions", [])
        if not isinstance(versions, list) or not all(
            isinstance(v, dict) and isinstance(v.get("text"), str) for v in versions
        ):
            raise bad(f"{where}（{s['id']}）的 versions 应为含 text 的对象列表")
        current = s.get("current", 0)
        if isinstance(current, bool) or not isinstance(current, int):
            raise bad(f"{where}（{s['id']}）的 current 应为整数")
        if not 0 <= current <= len(versions):
            raise bad(f"{where}（{s['id']}）的 current={current}，但只有 {len(versions)} 版")
        if not isinstance(s.get("pending", []), list):
            raise bad(f"{where}（{s['id']}）的 pending 应为列表")
    from assistant.brief import brief_from_dict
    from assistant.outline import Outline

    try:
        brief_from_dict(data["brief"])
        # A record built without an outline (an imported text) has {} here.
        outline = Outline.from_dict(data["outline"]) if data["outline"] else None
    except InputError as exc:
        raise bad(str(exc)) from None
    if outline is not None and len(outline.sections) != len(data["sections"]):
        raise bad(f"提纲有 {len(outline.sections)} 节，sections 却有 {len(data['sections'])} 节")


def default_title(brief: dict[str, Any]) -> str:
    session = brief.get("session") or {}
    occasion = brief.get("occasion")
    if occasion == "closing_session":
        from assistant.brief import brief_from_dict

        name = brief_from_dict(brief).session_name or "××人民代表大会第×次会议"
        return f"在{name}闭幕式上的讲话"
    labels = {
        "experience_exchange": "经验交流会",
        "symposium": "座谈会",
        "presidium_meeting": "主席团工作会议",
    }
    place = brief.get("locality") or ""
    _ = session
    return f"在{place}{labels.get(occasion, '会议')}上的讲话"


def section_diff(section: SectionRecord, old: int | None = None, new: int | None = None) -> str:
    """Sentence-level unified diff between two versions of a section (default: previous → current)."""
    new = new or section.current
    old = old or new - 1
    if old < 1:
        raise InputError(f"第 {section.id} 节只有一版，没有可比较的修改")
    a = sentences(section.version(old)["text"])
    b = sentences(section.version(new)["text"])
    lines = difflib.unified_diff(
        a, b, fromfile=f"{section.id} 第{old}版", tofile=f"{section.id} 第{new}版", lineterm=""
    )
    return "\n".join(lines) + "\n"


@contextlib.contextmanager
def draft_lock(directory: str | Path, command: str = "") -> Iterator[None]:
    """One writer per draft directory (draft, resume, regen), so no run's sections are
    silently lost to another's save. The lock is an flock on DIR/.lock: the kernel drops
    it when its process dies, even by kill -9, so a stale lock is taken over by the next
    run without asking; the file only says who holds it, for the message."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / LOCK_NAME
    fh = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the whole block
    try:
        try:
            import fcntl
        except ImportError:  # not POSIX: no lock rather than no drafting
            yield
            return
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.seek(0)
            holder = fh.read().strip() or "另一个进程"
            raise InputError(
                f"草稿目录 {directory} 正在被另一个命令写入（{holder}）；"
                "请等它结束后再运行，或换一个目录"
            ) from None
        fh.seek(0)
        fh.truncate()
        what = command or " ".join(["assistant", *sys.argv[1:2]])
        fh.write(f"pid {os.getpid()}@{socket.gethostname()}，{what}，始于 {now()}")
        fh.flush()
        try:
            yield
        finally:
            fh.seek(0)
            fh.truncate()
            fh.flush()
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
    finally:
        fh.close()
