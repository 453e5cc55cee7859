"""What `assistant` with no arguments shows, and an example in every command's --help.

The examples live here, by command path, so the command modules stay as they are; a command
whose own help already has one (示例/例：) keeps it. tests/test_cli_overview.py fails for a
command that has none, so a new command gets one.
"""

from __future__ import annotations

from collections.abc import Iterator

import typer

OVERVIEW = """讲话稿写作助手：按简报分节起草人代会闭幕式等讲话稿，逐节修改，导出 Word。

三件常做的事：

  1. 写一篇新稿：写简报 → 检查 → 起草
       assistant brief new mybrief.toml
       assistant brief check mybrief.toml
       assistant draft --brief mybrief.toml --out drafts/q1

  2. 改一节、导出 Word：看全文 → 重写某节 → 导出
       assistant show drafts/q1
       assistant regen drafts/q1 s05 --instruction "更简洁，突出乡村振兴"
       assistant export drafts/q1

  3. 查语料、评稿：检索范文 → 问答 → 打分
       assistant corpus search "向大会表示祝贺" -k 3
       assistant ask "闭幕式讲话中如何对一府一委两院提出要求？"
       assistant eval score drafts/q1

初次使用：assistant setup（安装模型、建立索引），assistant doctor（检查安装）。
想让模型常驻、多次调用更快：另开一个终端运行 assistant serve。
全部命令：assistant --help；每个命令的用法：assistant 命令 --help"""

EXAMPLES: dict[str, str] = {
    "draft": "assistant draft --brief mybrief.toml --out drafts/q1",
    "diff": "assistant diff drafts/q1 s05",
    "ask": 'assistant ask "闭幕式讲话中如何对一府一委两院提出要求？" -k 3',
    "models": "assistant models --json",
    "corpus list": "assistant corpus list --json",
    "corpus show": "assistant corpus show gaodu-closing-2023 --sections",
    "corpus add": "assistant corpus add my-speech.txt --occasion closing_session --level 镇",
    "corpus ingest": "assistant corpus ingest --json",
    "corpus search": 'assistant corpus search "向大会表示祝贺" -k 3 --role thanks',
    "eval score": "assistant eval score drafts/q1 --json",
    "eval run": "assistant eval run --cases 'evals/cases/new-*.toml' --model qwen2.5-coder-0.5b",
    "eval compare": "assistant eval compare eval-runs/a eval-runs/b",
    "brief new": "assistant brief new mybrief.toml",
    "brief check": "assistant brief check mybrief.toml",
    "model install": "assistant model install qwen2.5-coder-0.5b",
    "model path": "assistant model path qwen2.5-coder-0.5b",
}


def _has_example(text: str | None) -> bool:
    return bool(text) and ("示例" in text or "例：" in text)


def commands(app: typer.Typer, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, object]]:
    """(command path, CommandInfo) for every leaf command registered on `app`."""
    for info in app.registered_commands:
        name = info.name or (info.callback.__name__.replace("_", "-") if info.callback else "")
        yield " ".join((*prefix, name)), info
    for group in app.registered_groups:
        if group.typer_instance is not None:
            yield from commands(group.typer_instance, (*prefix, group.name or ""))


def add_examples(app: typer.Typer) -> None:
    for path, info in commands(app):
        doc = getattr(info.callback, "__doc__", None)
        if _has_example(info.help) or _has_example(doc) or _has_example(info.epilog):
            continue
        if path in EXAMPLES:
            info.epilog = f"示例：{EXAMPLES[path]}"


def install(app: typer.Typer) -> None:
    """No arguments: the overview instead of a bare usage line."""
    app.info.no_args_is_help = False

    @app.callback(invoke_without_command=True, help=app.info.help)
    def root(ctx: typer.Context) -> None:
        if ctx.invoked_subcommand is None:
            typer.echo(OVERVIEW)
            raise typer.Exit(0)

    add_examples(app)
