"""`assistant serve`: a state file other commands find, health-checked, stale ones removed;
on the real model, two CLI calls at once on one server are served in turn."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant import local_model, paths, serve_state
from assistant.config import resolve_endpoint


class _LlamaLike(BaseHTTPRequestHandler):
    """Answers like llama-cpp-python's server where the health check looks."""

    def do_GET(self):  # noqa: N802
        if self.path == "/openapi.json":
            body = json.dumps({"info": {"title": "🦙 llama.cpp Python API"}}).encode()
            self.send_response(200)
        else:
            body = b"{}"
            self.send_response(404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _LlamaLike)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def gguf(tmp_path):
    path = tmp_path / "tiny.gguf"
    path.write_bytes(b"GGUF")
    return path


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _state(port: int, model_path: Path, pid: int | None = None) -> serve_state.ServerState:
    return serve_state.new_state(
        pid=pid or os.getpid(), port=port, model=str(model_path), model_path=model_path
    )


def test_running_server_is_found_and_matched_by_model(fake_server, gguf, tmp_path):
    state = _state(fake_server.server_address[1], gguf)
    serve_state.write(state)
    assert serve_state.state_file().parent == paths.home()
    assert serve_state.find_running() == state
    assert serve_state.find_running(gguf) == state
    other = tmp_path / "other.gguf"
    assert serve_state.find_running(other) is None
    assert serve_state.state_file().exists()  # another model's server is not stale


@pytest.mark.parametrize("why", ["dead pid", "port closed", "not llama", "garbage"])
def test_stale_state_file_is_ignored_and_removed(why, fake_server, gguf):
    port = fake_server.server_address[1]
    if why == "dead pid":
        serve_state.write(_state(port, gguf, pid=_dead_pid()))
    elif why == "port closed":
        serve_state.write(_state(local_model.free_port(), gguf))
    elif why == "not llama":
        with ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler) as other:
            serve_state.write(_state(other.server_address[1], gguf))
            threading.Thread(target=other.handle_request, daemon=True).start()
            assert serve_state.find_running() is None
            assert not serve_state.state_file().exists()
            return
    else:
        paths.ensure_dir(paths.home())
        serve_state.state_file().write_text("{not json", encoding="utf-8")
    assert serve_state.find_running() is None
    assert not serve_state.state_file().exists()


def test_remove_leaves_a_newer_servers_file(fake_server, gguf):
    mine = _state(fake_server.server_address[1], gguf)
    newer = _state(fake_server.server_address[1], gguf, pid=os.getppid())
    serve_state.write(newer)
    serve_state.remove(mine)
    assert serve_state.read() == newer


def test_commands_use_the_running_server_instead_of_starting_one(fake_server, gguf, monkeypatch):
    started = []
    real_start = local_model.LocalServer.start

    def start(self):  # an attached server's start() is a no-op; record real launches only
        if self.attached:
            return real_start(self)
        started.append(self)
        return self

    monkeypatch.setattr(local_model.LocalServer, "start", start)
    local_model.stop_all()
    port = fake_server.server_address[1]
    serve_state.write(_state(port, gguf))
    endpoint = resolve_endpoint(model=str(gguf), require_key=False)
    try:
        server = local_model.shared_server(endpoint)
        assert server.attached and server.base_url == f"http://127.0.0.1:{port}/v1"
        assert started == []
        assert local_model.shared_server(endpoint) is server  # kept for the process

        # The serve goes away: the next call starts the process's own server.
        fake_server.shutdown()
        fake_server.server_close()
        own = local_model.shared_server(endpoint)
        assert not own.attached and started == [own]
        assert not serve_state.state_file().exists()
    finally:
        local_model.stop_all()


def test_attached_server_is_never_stopped(fake_server, gguf):
    server = local_model.LocalServer.attach(gguf, fake_server.server_address[1])
    server.stop()
    assert server.running and server.attached


def test_server_queues_requests_and_takes_a_fixed_port(gguf):
    server = local_model.LocalServer(gguf, port=18123, prompt_cache=True)
    cmd = server.command(18123)
    assert cmd[cmd.index("--interrupt_requests") + 1] == "False"
    assert cmd[cmd.index("--cache") + 1] == "True"
    assert server.fixed_port == 18123


def test_serve_refuses_a_second_serve_and_a_busy_port(fake_server, gguf, monkeypatch):
    from assistant.cli import app

    monkeypatch.setattr(local_model, "model_path", lambda name: gguf)
    serve_state.write(_state(fake_server.server_address[1], gguf))
    result = CliRunner().invoke(app, ["serve", "--model", str(gguf)])
    assert result.exit_code != 0 and "已有 assistant serve 在运行" in str(result.exception or "")

    serve_state.remove()
    busy = fake_server.server_address[1]
    result = CliRunner().invoke(app, ["serve", "--model", str(gguf), "--port", str(busy)])
    assert result.exit_code != 0 and f"端口 {busy} 已被占用" in str(result.exception or "")


# -- on the real model ---------------------------------------------------------------------
MODEL = "qwen2.5-coder-0.5b"


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(ASSISTANT_HOME=str(home), ASSISTANT_MODELS_DIR=str(paths.models_dir()))
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    return env


@pytest.mark.slow
def test_two_calls_at_once_are_served_in_turn_by_one_server(tmp_path):
    from test_e2e_local import _require_local_model

    _require_local_model()
    home = tmp_path / "home"
    env = _env(home)
    cli = [sys.executable, "-m", "assistant"]
    # Index first: two asks on a fresh home would otherwise both build it at once.
    subprocess.run([*cli, "corpus", "ingest"], env=env, check=True, capture_output=True)
    serve = subprocess.Popen(
        [*cli, "serve", "--model", MODEL],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        state_path = home / "server.json"
        deadline = time.monotonic() + 180
        while not state_path.exists():
            assert serve.poll() is None, serve.stderr.read()
            assert time.monotonic() < deadline, "serve did not become ready"
            time.sleep(0.5)
        asks = [
            subprocess.Popen(
                [*cli, "ask", question, "--model", MODEL, "-k", "2", "--json"],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for question in ("闭幕式讲话怎样感谢代表？", "座谈会讲话怎样开头？")
        ]
        outs = [p.communicate(timeout=600) for p in asks]
        for proc, (out, err) in zip(asks, outs, strict=True):
            assert proc.returncode == 0, err
            assert json.loads(out)["answer"].strip()
        # Only serve's own start is in the llama.cpp log: neither ask started a server.
        logs = list((home / "logs").glob("llama-server-*.log"))
        starts = sum(p.read_text(errors="replace").count("\n=== ") for p in logs)
        assert starts == 1
    finally:
        serve.send_signal(signal.SIGTERM)
        serve.wait(timeout=60)
    assert not (home / "server.json").exists()
