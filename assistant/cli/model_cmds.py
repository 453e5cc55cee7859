"""`assistant models`, `assistant model install`, `assistant model path`: thin wrappers."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from assistant import config, local_model
from assistant.errors import AssistantError


def _fail(exc: AssistantError) -> None:
    typer.secho(f"错误：{exc}", err=True, fg=typer.colors.RED)
    raise typer.Exit(exc.exit_code)


def _mb(size: int) -> str:
    return f"{size / (1 << 20):.0f} MB"


def models_report() -> dict[str, Any]:
    """Presets, the endpoint in effect and installed local models: never a key's value."""
    presets = [
        {
            "name": p.name,
            "label": p.label,
            "base_url": p.base_url or "（自动启动，127.0.0.1 随机端口）",
            "default_model": p.default_model,
            "key_env": p.key_env,
            "key_set": config.key_is_set(p),
            "context_window": p.context_window,
        }
        for p in config.PRESETS.values()
    ]
    try:
        configured: dict[str, Any] = config.resolve_endpoint(require_key=False).describe()
    except AssistantError as exc:
        configured = {"error": str(exc)}
    installed = {m.name: m for m in local_model.installed_models()}
    local = [
        {
            "name": spec.name,
            "description": spec.description,
            "installed": spec.name in installed,
            "path": str(installed[spec.name].path) if spec.name in installed else None,
            "size": installed[spec.name].size if spec.name in installed else spec.size,
            "verified": installed[spec.name].verified if spec.name in installed else False,
            "default": spec.name == local_model.DEFAULT_LOCAL_MODEL,
        }
        for spec in local_model.CATALOG.values()
    ]
    return {
        "presets": presets,
        "configured": configured,
        "local_models": local,
        "llama_cpp": local_model.llama_cpp_available(),
    }


def _print_report(report: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title="可用的 provider 预设", title_justify="left")
    table.add_column("名称")
    table.add_column("Base URL", overflow="fold")
    table.add_column("默认模型", overflow="fold")
    table.add_column("Key 环境变量", overflow="fold")
    for p in report["presets"]:
        key = "（不需要）"
        if p["key_env"]:
            key = f"{p['key_env']}（{'已设置' if p['key_set'] else '未设置'}）"
        table.add_row(p["name"], p["base_url"], p["default_model"], key)
    console.print(table)

    conf = report["configured"]
    if "error" in conf:
        console.print(f"[red]当前配置有误：{conf['error']}[/red]")
    else:
        where = conf["base_url"] or "内置本地模型"
        line = f"当前使用：{conf['provider']} / {conf['model']} @ {where}（来自 {conf['source']}）"
        if conf["key_env"] and not conf["key_set"]:
            line += f"  [yellow]缺少 {conf['key_env']}[/yellow]"
        console.print(line)

    table = Table(title="内置本地模型", title_justify="left")
    for col in ("名称", "状态", "大小"):
        table.add_column(col, overflow="fold")
    for m in report["local_models"]:
        if not m["installed"]:
            state = f"未安装（assistant model install {m['name']}）"
        else:
            state = "已安装，已校验" if m["verified"] else "已安装，未校验"
        name = m["name"] + ("（默认）" if m["default"] else "")
        table.add_row(name, state, _mb(m["size"]))
    console.print(table)
    if not report["llama_cpp"]:
        console.print(f"[yellow]{local_model.LLAMA_INSTALL_HINT}[/yellow]")


def _progress_printer(name: str):
    last = {"pct": -1}

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "download":
            if done == 0:
                typer.echo(f"{name}：下载 {total} 个数据包（pip 缓存中已有的不再下载）…", err=True)
            return
        pct = int(done * 100 / total) if total else 100
        if pct >= last["pct"] + 10 or done == total:
            last["pct"] = pct
            typer.echo(f"{name}：拼接并校验 {pct}%（{_mb(done)} / {_mb(total)}）", err=True)

    return progress


def register(app: typer.Typer) -> None:
    """Add `models` and the `model` sub-app to the root app."""
    model_app = typer.Typer(help="内置本地模型：安装与查看路径。", no_args_is_help=True)

    @app.command("models")
    def models_cmd(
        as_json: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
    ) -> None:
        """列出 provider 预设、当前配置的端点和内置本地模型。"""
        report = models_report()
        if as_json:
            typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
        else:
            _print_report(report)

    @model_app.command("install")
    def install_cmd(
        name: Annotated[str | None, typer.Argument(help="模型名（默认：内置默认模型）")] = None,
        all_models: Annotated[bool, typer.Option("--all", help="安装全部内置模型")] = False,
    ) -> None:
        """下载数据包、拼接出 GGUF 并校验 sha256（已安装且校验通过时不做任何事）。"""
        names = (
            list(local_model.CATALOG) if all_models else [name or local_model.DEFAULT_LOCAL_MODEL]
        )
        try:
            for n in names:
                spec = local_model.spec_for(n)
                path = local_model.install_spec(spec, progress=_progress_printer(n))
                typer.echo(str(path))
        except AssistantError as exc:
            _fail(exc)

    @model_app.command("path")
    def path_cmd(name: Annotated[str, typer.Argument(help="模型名或 .gguf 路径")]) -> None:
        """打印已安装模型的 GGUF 文件路径。"""
        try:
            typer.echo(str(local_model.model_path(name)))
        except AssistantError as exc:
            _fail(exc)

    app.add_typer(model_app, name="model")
