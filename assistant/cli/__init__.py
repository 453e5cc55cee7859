"""The `assistant` command line: a thin layer over the package's nouns.

Each sub-app lives in its own module; this module composes them and turns
AssistantError into a one-line message (re-raised when ASSISTANT_DEBUG is set).
"""

from __future__ import annotations

import os
import sys

import typer

from assistant.errors import AssistantError

app = typer.Typer(
    name="assistant",
    help="讲话稿写作助手：语料检索、分节起草、单节重写、问答与评测。",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


def _register() -> None:
    # Imported here so that importing assistant.cli stays cheap and side-effect free.
    from assistant.cli import corpus_cmds, draft_cmds, eval_cmds, model_cmds, store_cmds

    app.add_typer(corpus_cmds.corpus_app, name="corpus")
    store_cmds.register(corpus_cmds.corpus_app)
    eval_cmds.register(app)
    draft_cmds.register(app)
    model_cmds.register(app)


_register()


def _scrub(text: str) -> str:
    """No key from the environment in anything we print, whatever raised it."""
    for name, value in os.environ.items():
        if name.endswith(("_API_KEY", "_KEY", "_TOKEN")) and len(value) >= 8:
            text = text.replace(value, "***")
    return text


def _register_tooling() -> None:
    # Setting up, checking and serving: one block so it merges apart from the groups above.
    from assistant.cli import overview, serve_cmds, setup_cmds

    setup_cmds.register(app)
    serve_cmds.register(app)
    overview.install(app)  # last: it adds an example to every command registered above


_register_tooling()


def main() -> None:
    try:
        app()
    except AssistantError as exc:
        if os.environ.get("ASSISTANT_DEBUG"):
            raise
        typer.secho(f"错误：{_scrub(str(exc))}", err=True, fg=typer.colors.RED)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        if os.environ.get("ASSISTANT_DEBUG"):
            raise
        # draft saves after every paragraph; the command said where to resume.
        typer.secho("\n已中断（Ctrl-C）。", err=True, fg=typer.colors.YELLOW)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - a bug must not dump a traceback on a writer
        if os.environ.get("ASSISTANT_DEBUG"):
            raise
        detail = _scrub(" ".join(str(exc).split()))[:200]
        typer.secho(
            f"内部错误：{type(exc).__name__}: {detail}；设置 ASSISTANT_DEBUG=1 重试可查看详情，"
            "并请报告此问题",
            err=True,
            fg=typer.colors.RED,
        )
        sys.exit(1)
