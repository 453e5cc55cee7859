"""`assistant serve`: the embedded model kept warm as an OpenAI-compatible server."""

from __future__ import annotations

import signal
import socket
from typing import Annotated

import typer

from assistant.errors import ConfigError


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def serve(
    model: Annotated[
        str | None,
        typer.Option("--model", "-m", help="内置模型名或 .gguf 路径（默认：内置默认模型）"),
    ] = None,
    port: Annotated[
        int | None,
        typer.Option("--port", "-P", min=1, max=65535, help="端口（默认：随机空闲端口）"),
    ] = None,
) -> None:
    """在前台运行内置模型（OpenAI 兼容接口，127.0.0.1，保留提示缓存）。

    运行期间，draft、regen、ask 等命令自动使用它，不再各自加载模型；
    同时来的请求依次处理。其他工具可设 OPENAI_BASE_URL 指向它。Ctrl-C 停止。

    示例：assistant serve --model qwen2.5-coder-0.5b --port 8081
    """
    from assistant import config, local_model, serve_state

    name = model or local_model.DEFAULT_LOCAL_MODEL
    endpoint = config.resolve_endpoint(
        model=name, provider=config.LOCAL_PROVIDER, require_key=False
    )
    path = local_model.model_path(name).resolve()
    running = serve_state.find_running()
    if running is not None:
        raise ConfigError(
            f"已有 assistant serve 在运行（{running.model}，{running.base_url}，pid {running.owner_pid}）；"
            "先停止它，或直接使用它"
        )
    if port is not None and not _port_free(port):
        raise ConfigError(f"端口 {port} 已被占用；换一个端口（--port）或不指定，由程序选空闲端口")
    server = local_model.LocalServer(
        path,
        n_ctx=endpoint.local.n_ctx,
        n_threads=endpoint.local.n_threads,
        alias=name,
        prompt_cache=True,
        port=port,
    )
    typer.secho(f"正在加载 {name}（{path}）…", err=True)

    def _stop(signum, _frame):  # SIGTERM ends the foreground wait like Ctrl-C does
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, _stop)
    state = None
    try:
        server.start()
        assert server.proc is not None and server.port is not None
        state = serve_state.new_state(
            pid=server.proc.pid, port=server.port, model=name, model_path=path
        )
        serve_state.write(state)
        typer.echo(
            f"内置模型 {name} 已就绪：{server.base_url}（OpenAI 兼容，模型名 {name}）\n"
            f"draft、regen、ask 会自动使用它；其他工具：export OPENAI_BASE_URL={server.base_url}\n"
            "按 Ctrl-C 停止。"
        )
        code = server.proc.wait()
        typer.secho(f"模型服务已退出（退出码 {code}），日志：{server.log_path}", err=True)
        raise typer.Exit(1)
    except KeyboardInterrupt:
        typer.secho("正在停止模型服务…", err=True)
    finally:
        if state is not None:
            serve_state.remove(state)
        server.stop()
        signal.signal(signal.SIGTERM, previous)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
