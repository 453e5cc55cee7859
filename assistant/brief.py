"""The brief: what the writer tells us about the speech to draft.

Every fact in a draft comes from here. A brief is a TOML or YAML file; see
examples/brief-closing.toml for a commented example and `assistant brief new`
for a template. Validation errors name the field and say what is wrong.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from assistant.corpus import OCCASIONS
from assistant.errors import InputError
from assistant.text import chinese_number

# Briefs may name any level of government; the corpus metadata uses a narrower set.
LEVELS = ("镇", "乡", "街道", "县", "区", "市", "省")
MAX_REQUIREMENTS = 6  # the outline's enumerated points
__all__ = ["OCCASIONS", "LEVELS", "Brief", "BriefError", "load_brief", "parse_brief"]


class BriefError(InputError):
    """A brief that cannot be used; the message names the field."""


@dataclass(frozen=True)
class Session:
    congress: int | None = None  # 届
    meeting: int | None = None  # 次
    name: str | None = None  # full name when the writer gives it


@dataclass(frozen=True)
class Speaker:
    name: str | None = None
    role: str | None = None  # e.g. 镇党委书记
    organ: str | None = None  # on whose behalf: 镇党委 / 县委 / 市委


@dataclass(frozen=True)
class OutlineItem:
    role: str
    title: str = ""
    points: tuple[str, ...] = ()
    chars: int | None = None


@dataclass(frozen=True)
class Brief:
    occasion: str
    locality: str | None = None
    level: str | None = None
    date: dt.date | None = None
    session: Session = field(default_factory=Session)
    speaker: Speaker = field(default_factory=Speaker)
    reports: tuple[str, ...] = ()  # 审议通过的报告
    elections: tuple[str, ...] = ()  # 选举事项
    achievements: tuple[str, ...] = ()  # 回顾：成绩与数字，每条一句
    situation: tuple[str, ...] = ()  # 形势与定位，如"2026年是'十五五'开局之年"
    themes: tuple[str, ...] = ()  # 需要强调的重点
    requirements: tuple[str, ...] = ()  # 希望提出的要求（各成一点）
    documents: tuple[str, ...] = ()  # 讲话可以引用的文件名称（《…》），其余文件名视为编造
    length: int = 3000  # 目标汉字数
    title: str | None = None
    outline: tuple[OutlineItem, ...] = ()
    source: Path | None = None

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    @property
    def occasion_label(self) -> str:
        return OCCASIONS[self.occasion]

    @property
    def session_name(self) -> str | None:
        """e.g. 青山镇第十八届人民代表大会第六次会议 (None if the brief lacks the pieces)."""
        if self.session.name:
            return self.session.name
        s = self.session
        if self.locality and s.congress and s.meeting:
            return (
                f"{self.locality}第{chinese_number(s.congress)}届人民代表大会"
                f"第{chinese_number(s.meeting)}次会议"
            )
        return None

    def fact_items(self) -> list[tuple[str, str]]:
        """Every user-supplied fact as (field, text): what coverage and invented-fact checks use."""
        items: list[tuple[str, str]] = []
        for name in ("locality", "title"):
            value = getattr(self, name)
            if value:
                items.append((name, value))
        if self.session_name:
            items.append(("session", self.session_name))
        if self.speaker.name:
            items.append(("speaker.name", self.speaker.name))
        if self.speaker.role:
            items.append(("speaker.role", self.speaker.role))
        if self.speaker.organ:
            items.append(("speaker.organ", self.speaker.organ))
        if self.date:
            items.append(("date", f"{self.date.year}年{self.date.month}月{self.date.day}日"))
        for name in (
            "reports",
            "elections",
            "achievements",
            "situation",
            "themes",
            "requirements",
            "documents",
        ):
            for value in getattr(self, name):
                items.append((name, value))
        for item in self.outline:
            for point in item.points:
                items.append(("outline", point))
        return items

    def facts_text(self) -> str:
        """All user-supplied text in one string (numbers found here are not invented)."""
        return "\n".join(text for _, text in self.fact_items())

    def to_dict(self) -> dict[str, Any]:
        return {
            "occasion": self.occasion,
            "locality": self.locality,
            "level": self.level,
            "date": self.date.isoformat() if self.date else None,
            "title": self.title,
            "session": {
                "congress": self.session.congress,
                "meeting": self.session.meeting,
                "name": self.session.name,
            },
            "speaker": {
                "name": self.speaker.name,
                "role": self.speaker.role,
                "organ": self.speaker.organ,
            },
            "reports": list(self.reports),
            "elections": list(self.elections),
            "achievements": list(self.achievements),
            "situation": list(self.situation),
            "themes": list(self.themes),
            "documents": list(self.documents),
            "requirements": list(self.requirements),
            "length": self.length,
            "outline": [
                {"role": o.role, "title": o.title, "points": list(o.points), "chars": o.chars}
                for o in self.outline
            ],
        }


def _str(data: dict, key: str, where: str, required: bool = False) -> str | None:
    value = data.get(key)
    if value is None or value == "":
        if required:
            raise BriefError(f"简报缺少字段 {where}{key}（必填）")
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise BriefError(f"简报字段 {where}{key} 应为文字，实际是 {type(value).__name__}")
    return value.strip()


def _int(data: dict, key: str, where: str, lo: int, hi: int) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise BriefError(f"简报字段 {where}{key} 应为整数，实际是 {value!r}")
    if not lo <= value <= hi:
        raise BriefError(f"简报字段 {where}{key} 应在 {lo}–{hi} 之间，实际是 {value}")
    return value


def _list(data: dict, key: str) -> tuple[str, ...]:
    value = data.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise BriefError(f"简报字段 {key} 应为文字列表")
    out = []
    for i, item in enumerate(value, 1):
        if not isinstance(item, str | int | float) or isinstance(item, bool):
            raise BriefError(f"简报字段 {key} 第{i}项应为文字，实际是 {item!r}")
        text = str(item).strip()
        if text:
            out.append(text)
    return tuple(out)


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise BriefError(f"简报字段 date 应为 YYYY-MM-DD 格式的日期，实际是 {value!r}")


_KNOWN_KEYS = {
    "occasion",
    "locality",
    "level",
    "date",
    "title",
    "session",
    "speaker",
    "reports",
    "elections",
    "achievements",
    "situation",
    "themes",
    "requirements",
    "documents",
    "length",
    "outline",
}


def parse_brief(data: dict[str, Any], source: Path | None = None) -> Brief:
    """Validate a mapping (from TOML/YAML) into a Brief."""
    if not isinstance(data, dict):
        raise BriefError("简报应为键值结构（TOML 表或 YAML 映射）")
    unknown = sorted(set(data) - _KNOWN_KEYS)
    if unknown:
        raise BriefError(
            f"简报中有未知字段：{', '.join(unknown)}；可用字段：{', '.join(sorted(_KNOWN_KEYS))}"
        )
    occasion = _str(data, "occasion", "", required=True)
    if occasion not in OCCASIONS:
        allowed = "、".join(f"{k}（{v}）" for k, v in OCCASIONS.items())
        raise BriefError(f"简报字段 occasion 的值 {occasion!r} 无效；可选：{allowed}")
    level = _str(data, "level", "")
    if level is not None and level not in LEVELS:
        raise BriefError(f"简报字段 level 的值 {level!r} 无效；可选：{'、'.join(LEVELS)}")
    session_data, speaker_data = _tables(data)
    length = data.get("length", 3000)
    if isinstance(length, bool) or not isinstance(length, int) or not 300 <= length <= 20000:
        raise BriefError(f"简报字段 length（目标汉字数）应为 300–20000 的整数，实际是 {length!r}")
    outline = _outline_items(data)
    requirements = _list(data, "requirements")
    if len(requirements) > MAX_REQUIREMENTS:
        # The outline has room for six points; a seventh was silently dropped before.
        raise BriefError(
            f"简报字段 requirements 有 {len(requirements)} 条，最多 {MAX_REQUIREMENTS} 条"
            "（讲话的要求通常 3–5 点）；请合并相近的要求"
        )
    return Brief(
        occasion=occasion,
        locality=_str(data, "locality", ""),
        level=level,
        date=_date(data.get("date")),
        title=_str(data, "title", ""),
        session=Session(
            congress=_int(session_data, "congress", "session.", 1, 99),
            meeting=_int(session_data, "meeting", "session.", 1, 99),
            name=_str(session_data, "name", "session."),
        ),
        speaker=Speaker(
            name=_str(speaker_data, "name", "speaker."),
            role=_str(speaker_data, "role", "speaker."),
            organ=_str(speaker_data, "organ", "speaker."),
        ),
        reports=_list(data, "reports"),
        elections=_list(data, "elections"),
        achievements=_list(data, "achievements"),
        situation=_list(data, "situation"),
        themes=_list(data, "themes"),
        requirements=requirements,
        documents=_list(data, "documents"),
        length=length,
        outline=outline,
        source=source,
    )


def _tables(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The brief's [session] and [speaker] tables, each holding only its own keys."""
    session_data = data.get("session") or {}
    speaker_data = data.get("speaker") or {}
    if not isinstance(session_data, dict):
        raise BriefError("简报字段 session 应为表：congress（届）、meeting（次）、name")
    if not isinstance(speaker_data, dict):
        raise BriefError("简报字段 speaker 应为表：name、role、organ")
    for table, data_, allowed in (
        ("session", session_data, {"congress", "meeting", "name"}),
        ("speaker", speaker_data, {"name", "role", "organ"}),
    ):
        extra = sorted(set(data_) - allowed)
        if extra:
            raise BriefError(
                f"简报字段 {table} 中有未知项：{', '.join(extra)}（可用：{', '.join(sorted(allowed))}）；"
                "TOML 中写在 [表] 之后的键都属于该表，顶层字段请写在所有 [表] 之前"
            )
    return session_data, speaker_data


def _outline_items(data: dict[str, Any]) -> tuple[OutlineItem, ...]:
    """The brief's own outline, each item a section of the speech."""
    from assistant.outline import ROLE_LABELS  # outline imports this module

    outline = []
    for i, item in enumerate(data.get("outline") or [], 1):
        if not isinstance(item, dict) or not item.get("role"):
            raise BriefError(f"简报字段 outline 第{i}项应为含 role 的表")
        if item["role"] not in ROLE_LABELS:
            raise BriefError(
                f"简报字段 outline 第{i}项的 role “{item['role']}” 不是讲话的一节；"
                f"可用：{'、'.join(ROLE_LABELS)}"
            )
        outline.append(
            OutlineItem(
                role=str(item["role"]),
                title=str(item.get("title") or ""),
                points=_list(item, "points"),
                chars=_int(item, "chars", f"outline[{i}].", 50, 10000),
            )
        )
    return tuple(outline)


def load_brief(path: str | Path) -> Brief:
    path = Path(path)
    if not path.is_file():
        raise BriefError(f"找不到简报文件：{path}（可用 `assistant brief new` 生成模板）")
    from assistant.textio import decode_bytes

    raw = path.read_bytes()
    if not raw.strip():
        raise BriefError(f"简报文件 {path} 是空的（可用 `assistant brief new` 生成模板）")
    try:
        # Offices save from Notepad in GBK as often as in UTF-8: the corpus's rules apply.
        text, _ = decode_bytes(raw, name=f"简报文件 {path}")
    except InputError as exc:
        raise BriefError(str(exc)) from None
    try:
        if path.suffix.lower() == ".toml":
            data = tomllib.loads(text)
        elif path.suffix.lower() in (".yaml", ".yml"):
            data = yaml.safe_load(text)
        else:
            raise BriefError(f"简报文件 {path} 应为 .toml、.yaml 或 .yml")
    except (tomllib.TOMLDecodeError, yaml.YAMLError) as exc:
        raise BriefError(f"简报文件 {path} 格式有误：{exc}") from exc
    if isinstance(data, dict) and isinstance(data.get("brief"), str):
        # an eval case naming its brief's file (brief = "../../examples/…")
        return load_brief(path.parent / data["brief"])
    if isinstance(data, dict) and isinstance(data.get("brief"), dict):
        # an eval case (evals/cases/*.toml): its inline [brief] is the brief, so a writer can
        # draft any case as it stands
        data = data["brief"]
    return parse_brief(data or {}, source=path)


def brief_from_dict(data: dict[str, Any]) -> Brief:
    """Rebuild a Brief from Brief.to_dict() output (as stored in draft.json)."""
    return parse_brief({k: v for k, v in data.items() if v not in (None, [], {})})
