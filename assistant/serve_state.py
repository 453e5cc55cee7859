"""The state file of a running `assistant serve`, so other commands use its warm model.

`serve` writes `<ASSISTANT_HOME>/server.json` once llama.cpp answers and removes it on exit.
A reader trusts it only while the recorded process lives and the port answers as llama.cpp's server;
a file left by a server that died (kill -9, reboot) is removed on first sight.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

from assistant import paths


@dataclass(frozen=True)
class ServerState:
    pid: int  # the llama.cpp server process
    owner_pid: int  # the `assistant serve` process
    port: int
    model: str  # catalog name or path, as given
    model_path: str  # resolved GGUF path: what a caller matches on
    started: float

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"


def state_file() -> Path:
    return paths.home() / "server.json"


def write(state: ServerState) -> Path:
    path = state_file()
    paths.ensure_dir(path.parent)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(asdict(state), ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)
    return path


def read() -> ServerState | None:
    try:
        data = json.loads(state_file().read_text(encoding="utf-8"))
        return ServerState(**data)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError):
        return None  # unreadable or from another version: treated as stale by find_running


def remove(expected: ServerState | None = None) -> None:
    """Remove the state file (only if it is still `expected`'s, when given)."""
    if expected is not None and read() != expected:
        return
    with contextlib.suppress(FileNotFoundError):
        state_file().unlink()


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True


API_TITLE = "llama.cpp"  # in the title of llama-cpp-python's OpenAPI schema


def healthy(port: int, timeout: float = 2.0) -> bool:
    """The port answers as llama-cpp-python's server. Its /v1/* routes wait on the model's
    lock (a busy server would look dead), the OpenAPI schema does not."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/openapi.json", timeout=timeout) as r:
            title = json.loads(r.read() or b"{}").get("info", {}).get("title", "")
            return r.status == 200 and API_TITLE in title
    except (urllib.error.URLError, OSError, ValueError, AttributeError):
        return False


def find_running(model_path: Path | None = None, *, timeout: float = 2.0) -> ServerState | None:
    """The running server (for `model_path` when given), else None; a stale file is removed."""
    path = state_file()
    if not path.exists():
        return None
    state = read()
    if state is None or not pid_alive(state.pid) or not healthy(state.port, timeout):
        # A server that is still loading has no state file yet (serve writes it when ready),
        # so a file that does not answer belongs to a dead or hung server.
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        return None
    if model_path is not None and Path(state.model_path).resolve() != Path(model_path).resolve():
        return None
    return state


def new_state(*, pid: int, port: int, model: str, model_path: Path) -> ServerState:
    return ServerState(
        pid=pid,
        owner_pid=os.getpid(),
        port=port,
        model=model,
        model_path=str(Path(model_path).resolve()),
        started=time.time(),
    )
