"""`assistant draft | regen | show | diff | ask | brief new`: the drafting commands."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from assistant.errors import InputError

brief_app = typer.Typer(help="简报：生成模板、检查简报。", no_args_is_help=True)

ModelOpt = Annotated[
    str | None,
    typer.Option("--model", "-m", help="模型名，或本地 GGUF 文件路径（默认：内置本地模型）"),
]
ProviderOpt = Annotated[
    str | None,
    typer.Option(
        "--provider",
        "-p",
        help="服务商预设：deepseek、qwen、moonshot、zhipu、openai、ollama、vllm、local",
    ),
]


MAX_QUESTION = 2000
MAX_INSTRUCTION = 500


def _user_text(text: str, what: str, limit: int) -> str:
    """A question or instruction typed by the user: control and zero-width characters
    dropped; empty, unreadable or oversized text refused with what to do."""
    import unicodedata

    cleaned = "".join(
        ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf")
    ).strip()
    if not any(ch.isalnum() for ch in cleaned):
        raise InputError(f"{what}为空或没有可读的文字；请用中文写出{what}")
    if len(cleaned) > limit:
        raise InputError(f"{what}过长（{len(cleaned)} 字，上限 {limit} 字）；请写得简短些")
    return cleaned


def _llm(model: str | None, provider: str | None):
    from assistant.llm import LLM

    return LLM.from_config(model=model, provider=provider)


class Progress:
    """Progress on stderr: a line per section with speed and elapsed time; tokens stream dimmed."""

    def __init__(self, stream_tokens: bool) -> None:
        self.stream_tokens = stream_tokens and sys.stderr.isatty()
        self.start = time.monotonic()
        self.chars = 0
        self.line_open = False  # a section line waits for its "N 字" end

    def close_line(self) -> None:
        """End an unfinished progress line, so an error message starts a line of its own."""
        if self.line_open:
            sys.stderr.write("\n")
            sys.stderr.flush()
            self.line_open = False

    def __call__(self, event) -> None:  # DraftEvent
        err = sys.stderr
        elapsed = time.monotonic() - self.start
        if event.kind == "outline":
            err.write(f"提纲（共 {event.total} 节）：\n{event.text}\n\n")
        elif event.kind == "section_start":
            self.line_open = True
            err.write(f"[{event.index}/{event.total}] {event.title} …")
            if self.stream_tokens:
                err.write("\n")
            err.flush()
        elif event.kind == "token" and self.stream_tokens:
            err.write(f"\x1b[2m{event.text}\x1b[0m")
            err.flush()
        elif event.kind == "paragraph":
            err.write("\n" if self.stream_tokens else "·")
            err.flush()
        elif event.kind == "repair":
            err.write(f"\n    ↻ 检查未通过，重写：{event.text}\n")
        elif event.kind == "section_done":
            from assistant.text import han_count

            n = han_count(event.text)
            self.chars += n
            speed = f"，{event.tokens_per_second:.1f} tokens/s" if event.tokens else ""
            prefix = "\n" if self.stream_tokens and event.tokens else ""
            err.write(f"{prefix} {n} 字{speed}，已用 {elapsed:.0f} 秒\n")
            self.line_open = False
        elif event.kind == "done":
            err.write(f"完成：共 {self.chars} 字，用时 {elapsed:.0f} 秒\n")
        err.flush()


def draft(
    brief: Annotated[
        Path | None, typer.Option("--brief", "-b", help="简报文件（TOML/YAML），见 examples/")
    ] = None,
    resume: Annotated[
        Path | None,
        typer.Option("--resume", help="续写中断的草稿目录（沿用其中的简报、提纲和篇幅）"),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="草稿目录（默认 ./drafts/时间-地方-场合）；目录中有未完成的同一简报草稿时续写",
        ),
    ] = None,
    model: ModelOpt = None,
    provider: ProviderOpt = None,
    outline_file: Annotated[
        Path | None,
        typer.Option("--outline", help="使用修改过的提纲文件（由 --outline-only 生成）"),
    ] = None,
    outline_only: Annotated[
        bool, typer.Option("--outline-only", help="只生成提纲（outline.yaml），供审阅修改")
    ] = False,
    max_repairs: Annotated[
        int | None,
        typer.Option(
            help="每段的候选都未通过检查时，带着问题重写几次（0–3；默认：内置模型 0，"
            "测得重写从未让它的段落通过检查；其他服务 1）",
            min=0,
            max=3,
        ),
    ] = None,
    candidates: Annotated[
        int | None,
        typer.Option(
            "--candidates",
            "-n",
            help="每段最多抽取几个候选：逐个抽取，有一个通过全部检查就停，否则由检查挑最好的（默认 3，见 README 的测量）",
            min=1,
            max=8,
        ),
    ] = None,
    scale: Annotated[
        float | None,
        typer.Option(
            help="按比例缩放每节字数预算（如 0.2 用于快速试跑；续写时默认沿用原值）",
            min=0.05,
            max=3.0,
        ),
    ] = None,
    strategy: Annotated[
        str,
        typer.Option(
            "--strategy",
            help="写法：free（按段落计划自由写）或 rewrite（以同类范文段落为底稿改写）",
        ),
    ] = "free",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="不显示逐字输出")] = False,
) -> None:
    """按简报分节起草讲话稿，打印草稿目录（draft.json + draft.md）。"""
    from assistant.brief import brief_from_dict, load_brief
    from assistant.draftdoc import DraftDoc, draft_lock
    from assistant.drafting import (
        DEFAULT_CANDIDATES,
        default_out_dir,
        draft_speech,
        ensure_store_ready,
    )
    from assistant.outline import build_outline, load_outline, save_outline

    if resume is not None:
        if out is not None and out.resolve() != resume.resolve():
            raise InputError("--resume 与 --out 指向不同目录；续写时只给 --resume DIR")
        doc = DraftDoc.load(resume)
        b = load_brief(brief) if brief is not None else brief_from_dict(doc.brief)
        out = resume
        if doc.status == "complete":
            typer.echo(str(resume))
            sys.stderr.write("草稿已经写完，无需续写；要改某一节请用 assistant regen\n")
            return
    elif brief is None:
        raise InputError("缺少 --brief 简报文件；续写中断的草稿请用 --resume DIR")
    else:
        b = load_brief(brief)
    if outline_only:
        target = out or default_out_dir(b)
        target.mkdir(parents=True, exist_ok=True)
        path = target / "outline.yaml"
        outline = build_outline(b)
        if scale not in (None, 1.0):
            from assistant.outline import with_budgets_scaled

            outline = with_budgets_scaled(outline, scale)
        save_outline(outline, path)
        sys.stderr.write(outline.plan_text() + "\n")
        typer.echo(str(path))
        return
    outline = load_outline(outline_file) if outline_file else None
    out = out or default_out_dir(b)
    ensure_store_ready(lambda msg: sys.stderr.write(msg + "\n"))
    llm = _llm(model, provider)
    progress = Progress(stream_tokens=not quiet)
    try:
        with draft_lock(out, "assistant draft"):
            result = draft_speech(
                b,
                llm=llm,
                out_dir=out,
                outline=outline,
                on_event=progress,
                budget_factor=scale,
                max_repairs=max_repairs,
                candidates=candidates or DEFAULT_CANDIDATES,
                strategy=strategy,
            )
    except BaseException:
        progress.close_line()
        if (out / "draft.json").is_file():
            sys.stderr.write(f"已写完的段落保存在 {out}；续写：assistant draft --resume {out}\n")
        raise
    finally:
        llm.close()
    typer.echo(str(result.dir))


def regen(
    draft_dir: Annotated[Path, typer.Argument(help="草稿目录")],
    section: Annotated[
        str, typer.Argument(help="节的编号（如 s05-situation 或 s05）或从 1 开始的序号")
    ],
    instruction: Annotated[
        str | None, typer.Option("--instruction", "-i", help="修改要求，如“更简洁，突出乡村振兴”")
    ] = None,
    paragraph: Annotated[
        int | None,
        typer.Option(
            "--paragraph", "-k", help="只重写这一节的第 K 段（从 1 数起），其他段原样保留", min=1
        ),
    ] = None,
    model: ModelOpt = None,
    provider: ProviderOpt = None,
) -> None:
    """只重写草稿中的一节（或其中一段），按原提纲的段落计划写，其他各节原样保留；旧版本保留可查。

    例：assistant regen drafts/q1 s05 --instruction "更简洁，突出乡村振兴"；
    assistant regen drafts/q1 s06 --paragraph 2
    """
    from assistant.draftdoc import DraftDoc, draft_lock
    from assistant.drafting import ensure_store_ready, regenerate_section

    if instruction is not None:
        instruction = _user_text(instruction, "修改要求", MAX_INSTRUCTION)
    DraftDoc.load(draft_dir)  # not a draft: say so before starting anything
    ensure_store_ready(lambda msg: sys.stderr.write(msg + "\n"))
    llm = _llm(model, provider)
    progress = Progress(stream_tokens=True)
    try:
        with draft_lock(draft_dir, "assistant regen"):
            doc, record = regenerate_section(
                draft_dir,
                section,
                llm=llm,
                instruction=instruction,
                paragraph=paragraph,
                on_event=progress,
            )
    except BaseException:
        progress.close_line()
        raise
    finally:
        llm.close()
    typer.echo(
        f"已重写 {record.id}（第 {record.current} 版）。查看改动：assistant diff {draft_dir} {record.id}"
    )


def show(
    draft_dir: Annotated[Path, typer.Argument(help="草稿目录")],
    version: Annotated[
        int | None,
        typer.Option("--version", "-v", min=1, help="显示第 N 版全文（1 为初稿，每次重写加一版）"),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
    rate: Annotated[
        int | None, typer.Option("--rate", help="讲话语速（字/分钟），用于估计讲话时长；默认 220")
    ] = None,
) -> None:
    """显示草稿全文（默认最新版），并估计讲话时长。

    示例：assistant show drafts/q1 --version 1
    """
    from assistant.draftdoc import DraftDoc
    from assistant.speaking import estimate

    doc = DraftDoc.load(draft_dir)
    speaking = estimate(doc.text(version), rate)
    if json_out:
        typer.echo(
            json.dumps(
                {
                    "dir": str(doc.dir),
                    "status": doc.status,
                    "versions": len(doc.history),
                    "text": doc.text(version),
                    "speaking": speaking.as_dict(),
                    "sections": [
                        {
                            "id": s.id,
                            "role": s.role,
                            "title": s.title,
                            "current": s.current,
                            "versions": len(s.versions),
                        }
                        for s in doc.sections
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    if doc.status != "complete":
        sys.stderr.write("（草稿尚未完成，可用同一 --out 重新运行 draft 续写）\n")
    typer.echo(doc.render(version))
    typer.secho(speaking.line(), err=True, dim=True)


def diff(
    draft_dir: Annotated[Path, typer.Argument(help="草稿目录")],
    section: Annotated[str, typer.Argument(help="节的编号或序号")],
) -> None:
    """显示某一节最近一次重写改了什么（按句比较）。"""
    from assistant.draftdoc import DraftDoc, section_diff

    doc = DraftDoc.load(draft_dir)
    typer.echo(section_diff(doc.find(section)), nl=False)


def export(
    draft_dir: Annotated[Path, typer.Argument(help="草稿目录")],
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="输出的 .docx 文件（默认草稿目录下 draft.docx）"),
    ] = None,
    version: Annotated[
        int | None, typer.Option("--version", "-v", min=1, help="导出第 N 版（默认最新版）")
    ] = None,
    large_print: Annotated[
        bool,
        typer.Option("--large-print", help="领导念稿用大字版：标题 24 磅、正文 18 磅、行距 30 磅"),
    ] = False,
    rate: Annotated[
        int | None, typer.Option("--rate", help="讲话语速（字/分钟），用于估计讲话时长；默认 220")
    ] = None,
) -> None:
    """导出 Word 文件（A4、仿宋_GB2312 三号正文两端对齐、小标宋标题、页码“— 1 —”）。

    示例：assistant export drafts/q1 --large-print -o 念稿.docx
    """
    from assistant.draftdoc import DraftDoc
    from assistant.speaking import estimate
    from assistant.wordfile import export_docx

    if out is not None and out.suffix.lower() != ".docx":
        raise InputError(f"输出文件应以 .docx 结尾：{out}")
    speaking = estimate(DraftDoc.load(draft_dir).text(version), rate)
    typer.echo(str(export_docx(draft_dir, out, version, large_print=large_print)))
    typer.secho(speaking.line(), err=True, dim=True)


def ask(
    question: Annotated[str, typer.Argument(help="关于语料库（或草稿）的问题")],
    k: Annotated[int, typer.Option("-k", help="检索的段落数", min=1, max=20)] = 5,
    json_out: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
    draft_dir: Annotated[
        Path | None,
        typer.Option("--draft", help="就这个草稿目录提问（如“第三点和哪篇范文最像？”）"),
    ] = None,
    model: ModelOpt = None,
    provider: ProviderOpt = None,
) -> None:
    """根据语料库回答问题，并标注出处（讲话编号与段落）。"""
    from assistant.ask import ask as ask_corpus
    from assistant.ask import ask_draft
    from assistant.drafting import ensure_store_ready

    question = _user_text(question, "问题", MAX_QUESTION)
    ensure_store_ready(lambda msg: sys.stderr.write(msg + "\n"))
    llm = _llm(model, provider)
    try:
        if draft_dir is not None:
            answer = ask_draft(draft_dir, question, llm=llm, k=k)
        else:
            answer = ask_corpus(question, llm=llm, k=k)
    finally:
        llm.close()
    if json_out:
        typer.echo(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
        return
    typer.echo(answer.answer)
    for c in answer.citations:
        where = f"{c.speech_id} · {c.role}" + (f" · 第{c.ordinal}点" if c.ordinal else "")
        snippet = c.text.replace("\n", "")[:60]
        typer.echo(f"[{c.n}] {where}：{snippet}……")


def brief_new(
    path: Annotated[Path, typer.Argument(help="要写出的简报文件（.toml）")] = Path("brief.toml"),
    force: Annotated[bool, typer.Option("--force", help="覆盖已有文件")] = False,
) -> None:
    """写出一份带注释、不含任何事实的简报模板。"""
    from assistant.paths import examples_dir

    if path.exists() and not force:
        raise InputError(f"{path} 已存在；换个文件名或加 --force 覆盖")
    # The blank template, never the filled example: a figure the writer forgot to replace
    # would pass every guard as a "brief fact".
    template = (examples_dir() / "brief-template.toml").read_text(encoding="utf-8")
    path.write_text(template, encoding="utf-8")
    typer.echo(
        f"已写出简报模板：{path}。填写其中的地方、日期、会议、讲话人和成绩后运行："
        f"assistant brief check {path}"
    )


def brief_check(
    path: Annotated[Path, typer.Argument(help="简报文件")],
    json_out: Annotated[bool, typer.Option("--json", help="输出 JSON（简报与提纲各节）")] = False,
) -> None:
    """检查简报是否有效，并显示将生成的提纲。"""
    from assistant.brief import load_brief
    from assistant.outline import build_outline

    b = load_brief(path)
    if json_out:
        outline = build_outline(b)
        sections = [
            {"id": s.id, "role": s.role, "title": s.title, "budget": s.budget}
            for s in outline.sections
        ]
        data = {"valid": True, "brief": b.to_dict(), "sections": sections}
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        return
    typer.echo(f"简报有效：{b.occasion_label}，{b.locality or '（未填地方）'}，目标 {b.length} 字")
    typer.echo(build_outline(b).summary())


def register(app: typer.Typer) -> None:
    app.command("draft")(draft)
    app.command("regen")(regen)
    app.command("show")(show)
    app.command("diff")(diff)
    app.command("ask")(ask)
    app.command("export")(export)
    brief_app.command("new")(brief_new)
    brief_app.command("check")(brief_check)
    app.add_typer(brief_app, name="brief")
