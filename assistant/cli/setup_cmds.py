"""`assistant setup`: finish an install (runtime, embedded model, corpus index)."""

from __future__ import annotations

from typing import Annotated

import typer


def _say(msg: str) -> None:
    typer.secho(f"==> {msg}", err=True, bold=True)


def setup(
    models: Annotated[
        list[str] | None,
        typer.Argument(help="要安装的内置模型（默认：内置默认模型），如 qwen2.5-coder-0.5b"),
    ] = None,
    no_runtime: Annotated[
        bool, typer.Option("--no-runtime", help="不安装 llama.cpp 运行时（只用远程端点时）")
    ] = False,
    no_index: Annotated[bool, typer.Option("--no-index", help="不建立语料索引")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="不显示进度，只输出结果")] = False,
) -> None:
    """安装之后的准备工作：llama.cpp 运行时、内置模型（拼接并校验 SHA-256）、语料索引。

    每一步已完成时跳过，重复运行只需几秒。

    示例：assistant setup qwen2.5-coder-0.5b
    """
    from assistant.cli.model_cmds import _progress_printer
    from assistant.cli.store_cmds import _run_ingest, _summary
    from assistant.setup_steps import run_setup
    from assistant.store import Store

    result = run_setup(
        models or (),
        runtime=not no_runtime,
        index=not no_index,
        say=(lambda _msg: None) if quiet else _say,
        model_progress=None if quiet else _progress_printer,
        ingest=(lambda: _summary(Store().ingest()))
        if quiet
        else (lambda: _summary(_run_ingest(Store()))),
    )
    typer.echo(f"llama.cpp 运行时：{result.runtime}")
    for path in result.models:
        typer.echo(f"内置模型：{path}")
    typer.echo(f"语料索引：{result.index}")
    typer.echo(
        "完成。试试：assistant brief new mybrief.toml，然后 assistant draft --brief mybrief.toml"
    )


_MARK = {"ok": ("✓", "green"), "warn": ("!", "yellow"), "fail": ("✗", "red"), "skip": ("-", None)}


def doctor(
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON（每项一个对象）")] = False,
) -> None:
    """检查安装：Python、模型文件及其 SHA-256、llama.cpp 运行时、语料索引、模型端点、Word 字体。

    每一项不正常时给出怎么做；有一项失败时退出码为 1。API key 只说是否设置，从不显示。

    示例：assistant doctor --json
    """
    from assistant import doctor as checks

    findings = checks.run_all()
    if as_json:
        typer.echo(checks.as_json(findings))
    else:
        for f in findings:
            mark, colour = _MARK.get(f.status, ("?", None))
            typer.secho(f"{mark} {f.name}：{f.detail}", fg=colour)
            if f.fix:
                typer.echo(f"    → {f.fix}")
    if checks.failed(findings):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("setup")(setup)
    app.command("doctor")(doctor)
