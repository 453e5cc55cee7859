"""`assistant corpus ingest` and `assistant corpus search`: the vector store from the command line.

`search` on an empty store first ingests the corpus (with a note and a progress bar on
stderr), so the first search on a fresh machine just works; `ingest` remains the explicit way.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer

from assistant.errors import InputError

StoreOpt = Annotated[
    str | None,
    typer.Option(
        "--store",
        metavar="URL",
        help="Chroma 服务地址（如 http://127.0.0.1:8000）；默认用 ASSISTANT_CHROMA_URL，否则本地库。",
    ),
]


def _roles() -> tuple[str, ...]:
    from assistant.structure import ROLES

    return tuple(ROLES)


def _check_choice(value: str | None, allowed: Any, what: str, flag: str) -> None:
    if value is not None and value not in allowed:
        raise InputError(f"{flag} 的值 “{value}” 不是有效的{what}：可选 {'、'.join(allowed)}。")


def _stderr():
    from rich.console import Console

    return Console(stderr=True)


def _run_ingest(store, rebuild: bool = False):
    """Ingest with a rich progress bar on stderr (stdout stays clean for --json)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn("[bold]嵌入[/bold] {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("块"),
        console=_stderr(),
        transient=True,
    ) as bar:
        task = bar.add_task("准备中", total=None)

        def progress(speech_id: str, done: int, total: int) -> None:
            bar.update(task, description=speech_id, completed=done, total=total)

        return store.ingest(rebuild=rebuild, progress=progress)


def _summary(report) -> str:
    return (
        f"已入库：新增 {len(report.added)} 篇、更新 {len(report.updated)} 篇、"
        f"未变 {len(report.unchanged)} 篇、移除 {len(report.removed)} 篇；"
        f"嵌入 {report.chunks_embedded} 块、删除 {report.chunks_deleted} 块，"
        f"库中共 {report.chunks_total} 块；用时 {report.seconds:.2f} 秒。\n"
        f"  嵌入模型 {report.embedder}，集合 {report.collection}，位置 {report.location}"
    )


def ingest_cmd(
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="删除本嵌入模型的集合后从头重建。")
    ] = False,
    store_url: StoreOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出入库摘要。")] = False,
) -> None:
    """把语料库切块、嵌入并存入向量库（按内容哈希增量更新，未变的讲话不再嵌入）。"""
    from assistant.store import Store

    report = _run_ingest(Store(url=store_url), rebuild=rebuild)
    if as_json:
        typer.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        typer.echo(_summary(report))


def search_cmd(
    query: Annotated[
        str, typer.Argument(metavar="QUERY", help="要查找的内容，如“向代表表示感谢”。")
    ],
    k: Annotated[int, typer.Option("-k", "--k", min=1, max=100, help="返回条数。")] = 5,
    role: Annotated[
        str | None, typer.Option("--role", help="只检索某一结构部分，如 requirements、thanks。")
    ] = None,
    occasion: Annotated[
        str | None, typer.Option("--occasion", help="只检索某类场合，如 closing_session。")
    ] = None,
    level: Annotated[
        str | None, typer.Option("--level", help="只检索某一层级：镇/县/市/区。")
    ] = None,
    year_from: Annotated[
        int | None, typer.Option("--year-from", min=1949, max=2100, help="年份下限（含）。")
    ] = None,
    year_to: Annotated[
        int | None, typer.Option("--year-to", min=1949, max=2100, help="年份上限（含）。")
    ] = None,
    method: Annotated[
        str | None,
        typer.Option("--method", help="检索方法：lexical（默认，实测最好）、hybrid、dense。"),
    ] = None,
    store_url: StoreOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出命中结果。")] = False,
) -> None:
    """按语义与字面检索语料库中的段落，可按结构部分、场合、层级、年份过滤。"""
    from assistant.corpus import LEVELS, OCCASIONS
    from assistant.retrieval import DEFAULT_METHOD, METHODS, default_store, retrieve

    _check_choice(role, _roles(), "结构部分", "--role")
    _check_choice(occasion, tuple(OCCASIONS), "场合", "--occasion")
    _check_choice(level, tuple(LEVELS), "层级", "--level")
    _check_choice(method, METHODS, "检索方法", "--method")

    store = default_store(store_url)
    if store.count() == 0:
        _stderr().print(
            "检索库为空，先把语料库入库（只需一次；以后可用 assistant corpus ingest 更新）……"
        )
        report = _run_ingest(store)
        _stderr().print(_summary(report))
    hits = retrieve(
        query,
        k,
        role=role,
        occasion=occasion,
        level=level,
        year_from=year_from,
        year_to=year_to,
        method=method or DEFAULT_METHOD,
        store=store,
    )
    if as_json:
        typer.echo(json.dumps([h.as_dict() for h in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        typer.echo("没有符合条件的结果。")
        return
    for rank, hit in enumerate(hits, start=1):
        ordinal = f" #{hit.ordinal}" if hit.ordinal is not None else ""
        typer.secho(
            f"{rank}. {hit.speech_id} 【{hit.role}{ordinal}】 score={hit.score:.4f}", bold=True
        )
        typer.echo(hit.text)
        typer.echo("")
    sys.stdout.flush()


def register(corpus_app: typer.Typer) -> None:
    """Add `ingest` and `search` to the `corpus` sub-app."""
    corpus_app.command("ingest")(ingest_cmd)
    corpus_app.command("search")(search_cmd)
