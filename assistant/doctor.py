"""`assistant doctor`: what is wrong with this install, and what to do about each thing.

Each check returns one Finding: a status, what was found, and (when not ok) the one thing
to do. Checks never print or log a key's value, only whether one is set.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from assistant.errors import AssistantError

OK, WARN, FAIL, SKIP = "ok", "warn", "fail", "skip"
MIN_PYTHON = (3, 11)


@dataclass(frozen=True)
class Finding:
    name: str
    status: str  # ok | warn | fail | skip
    detail: str
    fix: str = ""

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def _embedded(endpoint: Any) -> bool:
    """The embedded model (llama.cpp run by us), not merely a server on this machine."""
    from assistant.config import LOCAL_PROVIDER

    return endpoint.provider == LOCAL_PROVIDER


# -- Python and the runtime ------------------------------------------------------------------
def check_python(version: Sequence[int] = tuple(sys.version_info[:3])) -> Finding:
    shown = ".".join(str(v) for v in version)
    if tuple(version[:2]) >= MIN_PYTHON:
        return Finding("Python", OK, f"{shown}（{sys.executable}）")
    need = ".".join(map(str, MIN_PYTHON))
    return Finding(
        "Python", FAIL, f"{shown} 太旧", f"用 Python {need} 或更新的版本重新安装：pipx install ."
    )


def check_runtime(endpoint: Any, available: Callable[[], bool] | None = None) -> Finding:
    from assistant.local_model import llama_cpp_available

    have = (available or llama_cpp_available)()
    if have:
        try:
            version = importlib.metadata.version("llama-cpp-python")
        except importlib.metadata.PackageNotFoundError:
            version = "版本未知"
        return Finding("llama.cpp 运行时", OK, f"llama-cpp-python {version}")
    if endpoint is not None and not _embedded(endpoint):
        return Finding("llama.cpp 运行时", SKIP, "未安装；当前用远程端点，不需要它")
    return Finding(
        "llama.cpp 运行时",
        FAIL,
        "未安装 llama-cpp-python[server]，内置模型无法运行",
        "运行 assistant setup（按安全的 CPU 参数编译一次并缓存）",
    )


# -- the model file --------------------------------------------------------------------------
def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            h.update(block)
    return h.hexdigest()


def check_model_file(
    name: str, path: Path, *, sha256: str | None = None, size: int | None = None
) -> Finding:
    """A model file: present, of the expected size and SHA-256 (hashed in full, no sidecar)."""
    what = f"模型 {name}"
    if not path.is_file():
        return Finding(
            what,
            FAIL,
            f"找不到 {path}",
            f"运行 assistant setup {name}（或 assistant model install {name}）",
        )
    actual_size = path.stat().st_size
    if size is not None and actual_size != size:
        return Finding(
            what,
            FAIL,
            f"{path} 大小 {actual_size} 字节，应为 {size}（下载不完整或被改动）",
            f"删除该文件后运行 assistant model install {name}",
        )
    digest = sha256_of(path)
    if sha256 is not None and digest != sha256:
        return Finding(
            what,
            FAIL,
            f"{path} 的 SHA-256 为 {digest[:16]}…，应为 {sha256[:16]}…",
            f"删除该文件后运行 assistant model install {name}",
        )
    note = "与目录记录一致" if sha256 else "无目录记录，仅供核对"
    return Finding(what, OK, f"{path}（{actual_size >> 20} MB，SHA-256 {digest[:16]}…，{note}）")


def check_model(endpoint: Any) -> Finding:
    from assistant import local_model

    if endpoint is not None and not _embedded(endpoint):
        return Finding("内置模型", SKIP, f"当前用远程模型 {endpoint.model}，不需要本地模型文件")
    name = endpoint.model if endpoint is not None else local_model.DEFAULT_LOCAL_MODEL
    if name.lower().endswith(".gguf"):
        return check_model_file(name, Path(name).expanduser())
    try:
        spec = local_model.spec_for(name)
    except AssistantError as exc:
        return Finding("内置模型", FAIL, str(exc), "用 assistant models 查看可用的模型名")
    return check_model_file(
        name, local_model.installed_path(spec), sha256=spec.sha256, size=spec.size
    )


# -- the corpus index ------------------------------------------------------------------------
def check_index(store: Any = None) -> Finding:
    """The vector store exists and holds the current corpus (by content hash, no embedding)."""
    from assistant.store import Store

    store = store if store is not None else Store()
    try:
        stale = store.stale()
    except AssistantError as exc:
        return Finding("语料索引", FAIL, str(exc), "按上面的提示处理后运行 assistant corpus ingest")
    except Exception as exc:  # chromadb raises many kinds; doctor must still report
        return Finding(
            "语料索引",
            FAIL,
            f"打不开向量库 {store.location}：{type(exc).__name__}",
            "运行 assistant corpus ingest --rebuild",
        )
    parts = []
    if stale["missing"]:
        parts.append(f"未入库 {len(stale['missing'])} 篇（{'、'.join(stale['missing'][:3])}…）")
    if stale["changed"]:
        parts.append(
            f"已改动未重建 {len(stale['changed'])} 篇（{'、'.join(stale['changed'][:3])}）"
        )
    if stale["removed"]:
        parts.append(f"已删除仍在库中 {len(stale['removed'])} 篇")
    if parts:
        return Finding(
            "语料索引",
            WARN,
            f"{store.location}：" + "；".join(parts),
            "运行 assistant corpus ingest",
        )
    return Finding("语料索引", OK, f"{store.location}：与语料库一致")


# -- the endpoint ----------------------------------------------------------------------------
def check_endpoint(endpoint: Any, *, timeout: float = 3.0) -> list[Finding]:
    """Where requests go: the key (set or not, never its value) and whether it answers."""
    if endpoint is None:
        return []
    if _embedded(endpoint):
        from assistant import serve_state

        state = serve_state.find_running()
        if state is not None:
            return [
                Finding(
                    "模型端点",
                    OK,
                    f"内置模型 {endpoint.model}，使用已运行的 serve（{state.base_url}）",
                )
            ]
        return [Finding("模型端点", OK, f"内置模型 {endpoint.model}（按需在 127.0.0.1 启动）")]
    out = []
    key_set = endpoint.describe()["key_set"]
    if endpoint.key_env and not key_set and endpoint.is_local:
        out.append(Finding("API key", SKIP, f"{endpoint.key_env} 未设置；本机端点通常不需要"))
    elif endpoint.key_env and not key_set:
        out.append(
            Finding(
                "API key",
                FAIL,
                f"{endpoint.provider} 需要 {endpoint.key_env}，未设置",
                f"设置环境变量 {endpoint.key_env}（export {endpoint.key_env}=…），或换一个 provider",
            )
        )
    elif endpoint.key_env:
        out.append(Finding("API key", OK, f"{endpoint.key_env} 已设置（不显示其值）"))
    url = endpoint.base_url.rstrip("/") + "/models"
    req = urllib.request.Request(url)
    if key_set:
        req.add_header("Authorization", f"Bearer {endpoint.api_key}")
    where = f"{endpoint.provider} @ {endpoint.base_url}"
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            out.append(
                Finding(
                    "模型端点", OK, f"{where} 可达（HTTP {resp.status}），模型 {endpoint.model}"
                )
            )
    except urllib.error.HTTPError as exc:
        if exc.code in (401, 403):
            out.append(
                Finding(
                    "模型端点",
                    FAIL,
                    f"{where} 拒绝了 key（HTTP {exc.code}）",
                    f"检查 {endpoint.key_env or 'OPENAI_API_KEY'} 是否正确、是否过期",
                )
            )
        else:
            out.append(Finding("模型端点", WARN, f"{where} 可达，但 /models 返回 HTTP {exc.code}"))
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        out.append(
            Finding(
                "模型端点",
                FAIL,
                f"连不上 {where}：{reason}",
                "确认服务已启动、地址正确（OPENAI_BASE_URL / --provider / 配置文件的 base_url）",
            )
        )
    return out


# -- fonts -----------------------------------------------------------------------------------
# The names Word export writes, and other names under which the same typeface is installed.
FONT_ALIASES: dict[str, tuple[str, ...]] = {
    "方正小标宋简体": ("方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK"),
    "仿宋_GB2312": ("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong"),
    "黑体": ("黑体", "SimHei"),
    "楷体_GB2312": ("楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi"),
}


def installed_font_families() -> set[str] | None:
    """Font families fontconfig knows, or None when there is no fc-list to ask."""
    fc = shutil.which("fc-list")
    if fc is None:
        return None
    try:
        out = subprocess.run(
            [fc, ":", "family"], capture_output=True, text=True, timeout=20, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return {name.strip() for line in out.splitlines() for name in line.split(",") if name.strip()}


def check_fonts(families: Iterable[str] | None = None, *, probe: bool = True) -> Finding:
    fams = set(families) if families is not None else (installed_font_families() if probe else None)
    if fams is None:
        return Finding("Word 字体", SKIP, "没有 fc-list，无法查看本机字体")
    missing = [name for name, aliases in FONT_ALIASES.items() if not fams.intersection(aliases)]
    if not missing:
        return Finding("Word 字体", OK, "公文字体齐全：" + "、".join(FONT_ALIASES))
    return Finding(
        "Word 字体",
        WARN,
        f"本机缺 {'、'.join(missing)}；导出的 .docx 仍写明这些字体，在装有它们的电脑上显示正确",
        "要在本机预览正确，安装这些字体（如放入 ~/.local/share/fonts 后运行 fc-cache）",
    )


# -- all of it -------------------------------------------------------------------------------
def run_all() -> list[Finding]:
    from assistant import config

    findings = [check_python()]
    try:
        endpoint = config.resolve_endpoint(require_key=False)
    except AssistantError as exc:
        endpoint = None
        findings.append(Finding("配置", FAIL, str(exc), "改正配置文件或环境变量后重试"))
    else:
        findings.append(
            Finding("配置", OK, f"{endpoint.provider} / {endpoint.model}（来自 {endpoint.source}）")
        )
    findings.append(check_runtime(endpoint))
    findings.append(check_model(endpoint))
    findings.append(check_index())
    findings.extend(check_endpoint(endpoint))
    findings.append(check_fonts())
    return findings


def as_json(findings: Sequence[Finding]) -> str:
    return json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2)


def failed(findings: Sequence[Finding]) -> bool:
    return any(f.status == FAIL for f in findings)
