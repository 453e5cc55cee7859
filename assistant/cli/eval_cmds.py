"""`assistant eval score|run|compare`: score any text, run the eval cases, compare two runs."""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

eval_app = typer.Typer(
    help="评测：给讲话稿打分、批量起草并评分、比较两次评测。", no_args_is_help=True
)


def _stderr(msg: str) -> None:
    sys.stderr.write(msg + "\n")


JudgeFlag = Annotated[
    bool,
    typer.Option(
        "--judge",
        help="另请评审模型按评分标准打分（用 --model/--provider 指定的模型，温度 0）；"
        "小模型的评分与人工判断未必一致，见 bench/bench_judge.py",
    ),
]


PairwiseFlag = Annotated[
    bool,
    typer.Option(
        "--pairwise",
        help="另请评审模型在草稿与参考稿之间二选一（A/B 顺序各问一次，两次不一致记为平）；"
        "用 --model/--provider 指定的模型，宜用较强的远程模型",
    ),
]


def _judge_llm(model: str | None, provider: str | None, use_cache: bool):
    """The judge's own client (never the drafting one), so its temperature and calls
    stay apart from the drafts'."""
    from assistant.llm import LLM, ResponseCache

    return LLM.from_config(
        model=model, provider=provider, cache=ResponseCache.default() if use_cache else None
    )


@eval_app.command("score")
def score_cmd(
    file: Annotated[
        Path,
        typer.Argument(
            help="要评分的讲话稿（文本或 Markdown），或草稿目录（读取其简报、提纲和写作记录）"
        ),
    ],
    brief: Annotated[Path | None, typer.Option("--brief", help="简报文件（TOML/YAML）")] = None,
    occasion: Annotated[
        str | None,
        typer.Option(
            "--occasion",
            help="场合：closing_session / experience_exchange / symposium / presidium_meeting",
        ),
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", help="讲话日期 YYYY-MM-DD（判断提法是否过时）")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
    judge: JudgeFlag = False,
    model: Annotated[
        str | None, typer.Option("--model", "-m", help="评审模型名（仅用于 --judge）")
    ] = None,
    provider: Annotated[
        str | None, typer.Option("--provider", "-p", help="评审模型的服务商预设（仅用于 --judge）")
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="评审时不用响应缓存")] = False,
    reference: Annotated[
        str | None,
        typer.Option(
            "--reference",
            help="与语料库中这篇参考稿对照（结构、各部分内容、要点覆盖、各检查差距）",
        ),
    ] = None,
    pairwise: PairwiseFlag = False,
) -> None:
    """给任意讲话稿打分（确定性检查；加 --judge 再请评审模型打分；加 --reference 与参考稿对照）。"""
    from assistant.brief import load_brief
    from assistant.errors import InputError
    from assistant.scoring import score_text

    b = load_brief(brief) if brief else None
    _check_occasion(occasion)
    when = _parse_date(date)
    if pairwise and not reference:
        raise InputError("--pairwise 需要同时给出 --reference 参考稿")
    ref_speech = None
    if reference:
        from assistant.corpus import get_speech

        ref_speech = get_speech(reference)
        occasion = occasion or (b.occasion if b else None) or ref_speech.occasion
    llm = _judge_llm(model, provider, not no_cache) if judge or pairwise else None
    judge_fn = None
    if judge:
        from assistant.checks.judge import make_judge

        judge_fn = make_judge(llm, temperature=0.0)
    scored = _scored_input(file, b)
    try:
        card = score_text(
            scored.text,
            brief=scored.brief,
            occasion=occasion,
            date=when,
            judge=judge_fn,
            outline=scored.outline,
            provenance=scored.provenance,
            sections=scored.sections,
            exclude_ids=[reference] if reference else [],
        )
        block = None
        if ref_speech is not None:
            block = _against_reference(
                scored, card, ref_speech, occasion, when, llm if pairwise else None
            )
    finally:
        if llm is not None:
            llm.close()
    for name, why in card.skipped:
        _stderr(f"跳过 {name}：{why}")
    _print_card(card, block, as_json)


def _check_occasion(occasion: str | None) -> None:
    from assistant.brief import OCCASIONS
    from assistant.errors import InputError

    if occasion and occasion not in OCCASIONS:
        raise InputError(f"--occasion {occasion!r} 无效；可选：{'、'.join(OCCASIONS)}")


def _parse_date(date: str | None) -> dt.date | None:
    from assistant.errors import InputError

    if not date:
        return None
    try:
        return dt.date.fromisoformat(date)
    except ValueError:
        raise InputError(f"--date {date!r} 应为 YYYY-MM-DD") from None


@dataclass
class _Scored:
    """What `eval score` reads: the text, and from a draft directory its brief, outline
    budgets, record of who wrote what and sections."""

    text: str
    brief: Any = None
    outline: Any = None
    provenance: Any = None
    sections: list[tuple[str, str]] | None = None


def _scored_input(file: Path, brief: Any) -> _Scored:
    from assistant.errors import InputError
    from assistant.scoring import read_text

    text = "" if file.is_dir() else read_text(file)
    draft_dir = file if file.is_dir() else file.parent
    if (draft_dir / "draft.json").is_file() and (file.is_dir() or file.name == "draft.md"):
        # A draft directory: its own brief, outline budgets and record of who wrote what.
        from assistant.brief import brief_from_dict
        from assistant.draftdoc import DraftDoc
        from assistant.outline import Outline

        doc = DraftDoc.load(draft_dir)
        return _Scored(
            text=doc.text() if file.is_dir() else text,
            brief=brief or brief_from_dict(doc.brief),
            outline=Outline.from_dict(doc.outline),
            provenance=doc.authorship(),
            sections=[(x.id, x.text) for x in doc.sections] if file.is_dir() else None,
        )
    if file.is_dir():
        raise InputError(f"{file} 是目录但不是草稿目录（没有 draft.json）")
    return _Scored(text=text, brief=brief)


def _against_reference(
    scored: _Scored, card: Any, ref_speech: Any, occasion: str | None, when: Any, pair_llm: Any
) -> dict:
    """The draft beside the reference speech, scored by the same checks."""
    from assistant.reference import compare_texts, make_pairwise
    from assistant.scoring import score_text

    ref_card = score_text(
        ref_speech.text,
        brief=scored.brief,
        occasion=occasion,
        date=when,
        exclude_ids=[ref_speech.id],
        checks=[c.name for c in card.checks if c.name != "judge"],
    )
    return compare_texts(
        scored.text,
        ref_speech.text,
        reference_id=ref_speech.id,
        occasion=occasion,
        draft_card=card,
        reference_card=ref_card,
        pairwise=make_pairwise(pair_llm) if pair_llm is not None else None,
        brief=scored.brief,
    )


def _print_card(card: Any, block: dict | None, as_json: bool) -> None:
    if as_json:
        out = card.to_dict()
        if block is not None:
            out["reference"] = block
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    verdict = "通过" if card.passed else "未通过"
    typer.echo(f"总分 {card.score:.3f}（{verdict}）")
    for c in card.checks:
        mark = "✓" if c.passed else "✗"
        typer.echo(f"{mark} {c.name}  {c.score:.2f}")
        for line in c.reason.splitlines():
            typer.echo(f"    {line}")
    if block is not None:
        from assistant.reference_report import render_text

        typer.echo(render_text(block))


def _print_case(done: int, total: int, name: str, record: dict) -> None:
    if record.get("error"):
        verdict = f"出错：{record['error']}"
    else:
        verdict = (
            "通过" if record.get("passed") else "未通过"
        ) + f"，得分 {record.get('score', 0):.2f}"
    _stderr(f"[{done}/{total}] {name}：{verdict}（{record.get('seconds', 0):.0f} 秒）")


@eval_app.command("run")
def run_cmd(
    cases: Annotated[
        str | None, typer.Option("--cases", help="用例文件的 glob（默认 evals/cases/*.toml）")
    ] = None,
    model: Annotated[str | None, typer.Option("--model", "-m", help="模型名")] = None,
    provider: Annotated[str | None, typer.Option("--provider", "-p", help="服务商预设")] = None,
    repeat: Annotated[int, typer.Option("--repeat", min=1, max=20, help="每个用例起草几次")] = 1,
    out: Annotated[
        Path | None, typer.Option("--out", help="输出目录（默认数据目录下 evals/run-时间）")
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="不用响应缓存")] = False,
    concurrency: Annotated[
        int | None,
        typer.Option("--concurrency", min=1, max=16, help="并发数（本地模型默认 1，远程默认 4）"),
    ] = None,
    scale: Annotated[
        float,
        typer.Option(
            "--scale",
            min=0.05,
            max=1.0,
            help="按比例缩短每个用例的目标字数（起草预算与长度评分同步缩放），用于在慢速本地模型上快速评测",
        ),
    ] = 1.0,
    judge: JudgeFlag = False,
    candidates: Annotated[
        int | None,
        typer.Option("--candidates", "-n", min=1, max=8, help="每段抽几个候选（默认同 draft）"),
    ] = None,
    strategy: Annotated[
        str | None, typer.Option("--strategy", help="写法：free 或 rewrite（默认 free）")
    ] = None,
    pairwise: PairwiseFlag = False,
) -> None:
    """起草每个用例并评分，写出 results.json 与 report.html；退出码 0 全部达标，1 未达标，2 出错。"""
    from rich.console import Console

    from assistant.errors import AssistantError
    from assistant.evalrun import EXIT_ERROR, load_cases, rich_table, run_cases

    judge_llm = None
    try:
        selected = load_cases(cases)
        if scale != 1.0:
            from assistant.evalrun import scale_case

            selected = [scale_case(c, scale) for c in selected]
        from assistant.drafting import ensure_store_ready

        ensure_store_ready(_stderr)
        judge_fn, pairwise_fn = None, None
        if judge or pairwise:
            judge_llm = _judge_llm(model, provider, not no_cache)
        if judge:
            from assistant.checks.judge import make_judge

            judge_fn = make_judge(judge_llm, temperature=0.0)
        if pairwise:
            from assistant.reference import make_pairwise

            pairwise_fn = make_pairwise(judge_llm)
        result = run_cases(
            selected,
            model=model,
            provider=provider,
            repeat=repeat,
            out_dir=out,
            use_cache=not no_cache,
            concurrency=concurrency,
            judge=judge_fn,
            pairwise=pairwise_fn,
            on_case=_print_case,
            drafting={
                k: v
                for k, v in (("candidates", candidates), ("strategy", strategy))
                if v is not None
            },
        )
    except AssistantError as exc:
        _stderr(f"错误：{exc}")
        raise typer.Exit(EXIT_ERROR) from None
    finally:
        if judge_llm is not None:
            judge_llm.close()
    Console(stderr=True).print(rich_table(result.data))
    s = result.data["summary"]
    _stderr(f"用例 {s['cases']}：通过 {s['passed']}，未通过 {s['failed']}，错误 {s['errors']}")
    typer.echo(str(result.out_dir))
    raise typer.Exit(result.exit_code)


@eval_app.command("compare")
def compare_cmd(
    run_a: Annotated[Path, typer.Argument(help="评测 A 的输出目录或 results.json")],
    run_b: Annotated[Path, typer.Argument(help="评测 B 的输出目录或 results.json")],
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
) -> None:
    """比较两次评测：各用例得分，以及用例和各检查的通过/未通过翻转。"""
    from assistant.evalrun import compare, render_comparison

    cmp = compare(run_a, run_b)
    if as_json:
        typer.echo(json.dumps(cmp.to_dict(), ensure_ascii=False, indent=2))
    else:
        typer.echo(render_comparison(cmp))


def register(app: typer.Typer) -> None:
    """Add the `eval` sub-app to the root app."""
    app.add_typer(eval_app, name="eval")
