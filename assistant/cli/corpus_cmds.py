"""`assistant corpus ...`: list, show and add speeches (ingest and search live in store_cmds)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

corpus_app = typer.Typer(
    help="语料库：列出、查看、添加讲话稿，建立索引与检索。", no_args_is_help=True
)


def _print_json(value: Any) -> None:
    typer.echo(json.dumps(value, ensure_ascii=False, indent=2))


@corpus_app.command("list")
def list_cmd(
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出（每篇一个对象）。")] = False,
) -> None:
    """列出语料库中的讲话稿及其元数据。"""
    from assistant.corpus import OCCASIONS, load_corpus

    speeches = load_corpus()
    if as_json:
        _print_json([s.metadata() for s in speeches])
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"语料库：{len(speeches)} 篇讲话稿")
    table.add_column("id", no_wrap=True)
    for name in ("场合", "层级", "地点", "日期/年份", "讲话人"):
        table.add_column(name)
    table.add_column("汉字数", justify="right", no_wrap=True)
    table.add_column("标题", overflow="fold")
    for s in speeches:
        speaker = " ".join(x for x in (s.speaker_role, s.speaker) if x) or "—"
        table.add_row(
            s.id,
            OCCASIONS.get(s.occasion or "", s.occasion or "—"),
            s.level or "—",
            s.locality or "—",
            s.date or (str(s.year) if s.year else "—"),
            speaker,
            f"{s.chars:,}",
            s.title or "—",
        )
    # Piped output has no terminal width; a wide fixed width keeps rows on one line.
    Console(width=None if sys.stdout.isatty() else 160).print(table)


@corpus_app.command("show")
def show_cmd(
    speech_id: Annotated[str, typer.Argument(metavar="ID", help="讲话稿 id（见 corpus list）。")],
    sections: Annotated[
        bool, typer.Option("--sections", help="按结构分节显示（称谓、开场、要求……）。")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出。")] = False,
) -> None:
    """显示一篇讲话稿的元数据与正文。"""
    from assistant.corpus import get_speech

    speech = get_speech(speech_id)
    parsed_sections: list[dict[str, Any]] | None = None
    if sections:
        # Imported lazily: the parser is its own module and only this option needs it.
        from assistant.structure import parse_speech

        parsed = parse_speech(speech.text, speech.occasion)
        parsed_sections = [
            {"role": s.role, "ordinal": s.ordinal, "heading": s.heading, "text": s.text}
            for s in parsed.sections
        ]
    if as_json:
        payload: dict[str, Any] = speech.metadata()
        if parsed_sections is not None:
            payload["sections"] = parsed_sections
        else:
            payload["text"] = speech.text
        _print_json(payload)
        return

    meta = speech.metadata()
    labels = {
        "id": "id",
        "title": "标题",
        "occasion": "场合",
        "level": "层级",
        "locality": "地点",
        "date": "日期",
        "year": "年份",
        "speaker_role": "讲话人职务",
        "speaker": "讲话人",
        "source": "来源",
        "chars": "汉字数",
    }
    for key, label in labels.items():
        value = meta[key]
        if key == "occasion" and value:
            value = f"{value}（{speech.occasion_label}）"
        typer.echo(f"{label}：{value if value not in (None, '') else '—'}")
    typer.echo("")
    if parsed_sections is None:
        typer.echo(speech.text)
        return
    for sec in parsed_sections:
        ordinal = f" #{sec['ordinal']}" if sec["ordinal"] is not None else ""
        heading = f" {sec['heading']}" if sec["heading"] else ""
        typer.secho(f"【{sec['role']}{ordinal}】{heading}", bold=True)
        typer.echo(sec["text"])
        typer.echo("")


def _tty_prompter(key: str, question: str, default: Any) -> Any:
    # Only reached when stdin is a terminal: an empty answer means "unknown" (left null).
    answer = typer.prompt(f"{question}（不知道请直接回车）", default="", show_default=False)
    return answer.strip() or None


@corpus_app.command("add")
def add_cmd(
    files: Annotated[
        list[Path], typer.Argument(metavar="FILE...", help=".txt 或 .md 讲话稿（可多个）。")
    ],
    speech_id: Annotated[
        str | None, typer.Option("--id", help="id（默认取文件名；仅限单个文件）。")
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="标题。")] = None,
    occasion: Annotated[
        str | None,
        typer.Option(
            "--occasion",
            help="场合：closing_session、experience_exchange、symposium、presidium_meeting。",
        ),
    ] = None,
    level: Annotated[str | None, typer.Option("--level", help="层级：镇、县、市、区。")] = None,
    locality: Annotated[str | None, typer.Option("--locality", help="地点，如 高都镇。")] = None,
    date: Annotated[str | None, typer.Option("--date", help="日期 YYYY-MM-DD。")] = None,
    year: Annotated[int | None, typer.Option("--year", min=1949, max=2100, help="年份。")] = None,
    speaker_role: Annotated[
        str | None, typer.Option("--speaker-role", help="讲话人职务，如 镇党委书记。")
    ] = None,
    speaker: Annotated[str | None, typer.Option("--speaker", help="讲话人姓名。")] = None,
    force: Annotated[bool, typer.Option("--force", help="替换已添加过的同 id 讲话稿。")] = False,
) -> None:
    """添加自己的讲话稿（UTF-8、GBK/GB18030、UTF-16 均可）。元数据取自文件头信息或选项，缺的留空。"""
    from assistant.corpus import add_speeches

    overrides = {
        "id": speech_id,
        "title": title,
        "occasion": occasion,
        "level": level,
        "locality": locality,
        "date": date,
        "year": year,
        "speaker_role": speaker_role,
        "speaker": speaker,
    }
    prompter = _tty_prompter if sys.stdin.isatty() else None
    added = add_speeches(files, overrides, force=force, prompter=prompter)
    for speech in added:
        typer.echo(f"已添加：{speech.id}（{speech.chars:,} 字）→ {speech.path}")
        missing = [k for k in ("title", "occasion", "level", "year") if getattr(speech, k) is None]
        if missing:
            typer.echo(f"  未填写：{', '.join(missing)}（可用 --force 连同选项重新添加来补上）")
    typer.echo("下一步：运行 `assistant corpus ingest` 把新讲话稿加入检索索引。")
