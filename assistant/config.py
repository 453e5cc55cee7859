"""Which LLM endpoint to talk to: provider presets and the flag > env > file > default rule.

Every endpoint is OpenAI-compatible; a provider is just a base URL, a default model and
the name of the environment variable holding its key. The key itself is read from the
environment only, never from the config file, and never shows in a repr or a message.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from assistant import paths
from assistant.errors import ConfigError
from assistant.model_catalog import CATALOG, DEFAULT_LOCAL_MODEL

# Placeholder sent to servers that ignore the key (ollama, vllm, llama.cpp): the openai
# client refuses to start without some key.
NO_KEY = "sk-no-key-required"

LOCAL_PROVIDER = "local"
DEFAULT_LOCAL_N_CTX = 8192
DEFAULT_LOCAL_THREADS = 2


@dataclass(frozen=True)
class Provider:
    name: str
    base_url: str  # empty for the embedded model: its server picks a free port when started
    default_model: str
    key_env: str | None  # None: the server needs no key
    context_window: int
    is_local: bool
    label: str


PRESETS: dict[str, Provider] = {
    p.name: p
    for p in (
        Provider(
            "deepseek",
            "https://api.deepseek.com/v1",
            "deepseek-chat",
            "DEEPSEEK_API_KEY",
            65536,
            False,
            "DeepSeek 深度求索",
        ),
        Provider(
            "qwen",
            "https://dashscope.aliyuncs.com/compatible-mode/v1",
            "qwen-plus",
            "DASHSCOPE_API_KEY",
            131072,
            False,
            "通义千问（阿里云百炼 DashScope 兼容模式）",
        ),
        Provider(
            "moonshot",
            "https://api.moonshot.cn/v1",
            "moonshot-v1-32k",
            "MOONSHOT_API_KEY",
            32768,
            False,
            "Moonshot 月之暗面 Kimi",
        ),
        Provider(
            "zhipu",
            "https://open.bigmodel.cn/api/paas/v4",
            "glm-4-plus",
            "ZHIPUAI_API_KEY",
            131072,
            False,
            "智谱 GLM",
        ),
        Provider(
            "openai",
            "https://api.openai.com/v1",
            "gpt-4o-mini",
            "OPENAI_API_KEY",
            128000,
            False,
            "OpenAI",
        ),
        Provider(
            "ollama",
            "http://localhost:11434/v1",
            "qwen2.5:7b",
            None,
            8192,
            True,
            "Ollama（本机）",
        ),
        Provider(
            "vllm",
            "http://localhost:8000/v1",
            "Qwen/Qwen2.5-7B-Instruct",
            None,
            32768,
            True,
            "vLLM（本机或内网）",
        ),
        Provider(
            "llamacpp",
            "http://localhost:8080/v1",
            "default",
            None,
            8192,
            True,
            "llama.cpp server（自行启动）",
        ),
        Provider(
            LOCAL_PROVIDER,
            "",
            DEFAULT_LOCAL_MODEL,
            None,
            DEFAULT_LOCAL_N_CTX,
            True,
            "内置本地模型（llama-cpp-python，自动启动）",
        ),
    )
}
ALIASES = {"dashscope": "qwen", "kimi": "moonshot", "glm": "zhipu", "llama.cpp": "llamacpp"}

# Models whose context differs from their provider's default.
MODEL_CONTEXT = {
    "moonshot-v1-8k": 8192,
    "moonshot-v1-32k": 32768,
    "moonshot-v1-128k": 131072,
    "deepseek-reasoner": 65536,
    "qwen-turbo": 131072,
    "qwen-max": 32768,
    "glm-4-flash": 131072,
    "gpt-4o": 128000,
    "gpt-4.1": 1047576,
    "gpt-4.1-mini": 1047576,
}

ENV_KEY = "OPENAI_API_KEY"
ENV_BASE_URL = "OPENAI_BASE_URL"
ENV_MODEL = "ASSISTANT_MODEL"
ENV_PROVIDER = "ASSISTANT_PROVIDER"
FILE_KEYS = {
    "provider",
    "model",
    "base_url",
    "api_key_env",
    "context_window",
    "local",
    "speaking_rate",
}


@dataclass(frozen=True)
class LocalSettings:
    """How the embedded model's server runs (the [local] table of config.toml)."""

    n_ctx: int = DEFAULT_LOCAL_N_CTX
    n_threads: int = DEFAULT_LOCAL_THREADS
    # llama.cpp's RAM prompt cache: keeps KV states of earlier prompts, so alternating
    # prompts that share a prefix skip re-processing it (the last prompt is reused anyway).
    prompt_cache: bool = False


@dataclass(frozen=True)
class Endpoint:
    provider: str
    base_url: str
    model: str
    api_key: str = field(repr=False, default=NO_KEY)
    context_window: int = 8192
    is_local: bool = False
    source: str = "default"  # flag | env | config file | default: where the endpoint came from
    key_env: str | None = None
    local: LocalSettings = field(default_factory=LocalSettings)

    @property
    def host(self) -> str:
        if self.provider == LOCAL_PROVIDER and not self.base_url:
            return "local"
        return urlsplit(self.base_url).netloc or self.base_url

    def describe(self) -> dict[str, Any]:
        """A JSON-friendly view without the key (only whether one is set)."""
        return {
            "provider": self.provider,
            "base_url": self.base_url,
            "model": self.model,
            "context_window": self.context_window,
            "is_local": self.is_local,
            "source": self.source,
            "key_env": self.key_env,
            "key_set": self.api_key not in ("", NO_KEY),
        }

    def __str__(self) -> str:
        where = self.base_url or "embedded"
        return f"{self.provider}:{self.model} @ {where}"


def preset(name: str) -> Provider:
    key = ALIASES.get(name.lower(), name.lower())
    if key not in PRESETS:
        known = "、".join(PRESETS)
        raise ConfigError(f"未知的 provider “{name}”；可用：{known}（`assistant models` 查看详情）")
    return PRESETS[key]


def read_config_file(path: Path | None = None) -> dict[str, Any]:
    """The user's config.toml as a dict ({} when absent); rejects keys stored in the file."""
    path = path or paths.config_file()
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"配置文件 {path} 不是合法的 TOML：{exc}") from None
    if "api_key" in data:
        # Refuse rather than use it: a key in a plain file ends up in backups and screenshots.
        raise ConfigError(
            f"配置文件 {path} 不应保存 API key 本身：删除 api_key，改写 api_key_env = "
            '"DEEPSEEK_API_KEY" 之类的环境变量名，并在环境中设置该变量'
        )
    unknown = set(data) - FILE_KEYS
    if unknown:
        raise ConfigError(
            f"配置文件 {path} 有未知的键：{'、'.join(sorted(unknown))}；"
            f"可用的键：{'、'.join(sorted(FILE_KEYS))}"
        )
    return data


def _local_settings(data: dict[str, Any]) -> LocalSettings:
    table = data.get("local") or {}
    if not isinstance(table, dict):
        raise ConfigError("配置文件中的 local 应是一个表：[local] n_ctx = 8192, n_threads = 2")
    try:
        n_ctx = int(table.get("n_ctx", DEFAULT_LOCAL_N_CTX))
        n_threads = int(
            os.environ.get("ASSISTANT_N_THREADS") or table.get("n_threads", DEFAULT_LOCAL_THREADS)
        )
    except (TypeError, ValueError):
        raise ConfigError("[local] 的 n_ctx 与 n_threads 须为整数") from None
    if n_ctx < 512 or n_threads < 1:
        raise ConfigError("[local] n_ctx 至少 512，n_threads 至少 1")
    cache_env = os.environ.get("ASSISTANT_PROMPT_CACHE")
    if cache_env is not None:
        prompt_cache = cache_env.strip().lower() in ("1", "true", "yes", "on")
    else:
        prompt_cache = bool(table.get("prompt_cache", False))
    return LocalSettings(n_ctx=n_ctx, n_threads=n_threads, prompt_cache=prompt_cache)


def _provider_for_url(url: str) -> Provider | None:
    norm = url.rstrip("/")
    for p in PRESETS.values():
        if p.base_url and p.base_url.rstrip("/") in (norm, norm + "/v1"):
            return p
    return None


_MODEL_PREFIXES = (
    ("deepseek", "deepseek"),
    ("qwen-", "qwen"),
    ("qwq", "qwen"),
    ("moonshot", "moonshot"),
    ("kimi", "moonshot"),
    ("glm", "zhipu"),
    ("gpt-", "openai"),
    ("o1", "openai"),
    ("o3", "openai"),
    ("o4", "openai"),
)


def _provider_for_model(model: str) -> str:
    """Guess the provider from a bare model name: catalog names and GGUF paths are local."""
    low = model.lower()
    if low in CATALOG or low.endswith(".gguf"):
        return LOCAL_PROVIDER
    for prefix, name in _MODEL_PREFIXES:
        if low.startswith(prefix):
            return name
    return LOCAL_PROVIDER


def resolve_endpoint(
    model: str | None = None,
    provider: str | None = None,
    *,
    require_key: bool = True,
) -> Endpoint:
    """The endpoint to use: flag > environment > config file > the embedded local model.

    The highest layer that names a provider or a base URL decides *where*; a model named
    in that layer or above wins, a model from a lower layer counts only when that layer did
    not point somewhere else (so a file's `deepseek-chat` is never sent to moonshot). With
    no provider anywhere, a bare model name picks its provider (`deepseek-chat` → deepseek,
    a catalog name or a .gguf path → the embedded model); with nothing at all, the embedded
    model runs. Raises ConfigError when the chosen provider needs a key that is not set.
    """
    data = read_config_file()
    layers = _layers(model, provider, data)
    where = _deciding_layer(layers)
    source, where_layer = layers[where] if where < len(layers) else _DEFAULT_LAYER
    prov = _provider_of(where_layer)
    base_url = str(where_layer.get("base_url") or prov.base_url)
    chosen_model = _model_for(layers, where, prov)
    if not chosen_model:
        raise ConfigError(
            f"端点 {base_url} 没有默认模型：用 --model 或环境变量 {ENV_MODEL} 指定模型名"
        )
    # The file's api_key_env / context_window describe the file's endpoint only.
    file_applies = where == _FILE_LAYER
    key_env = str(data["api_key_env"]) if file_applies and data.get("api_key_env") else prov.key_env
    api_key = _api_key(prov, key_env, source, where_layer, require_key)
    local = _local_settings(data)
    if prov.name == LOCAL_PROVIDER:
        context = local.n_ctx
    elif file_applies and data.get("context_window"):
        context = int(data["context_window"])
    else:
        context = MODEL_CONTEXT.get(chosen_model, prov.context_window)
    return Endpoint(
        provider=prov.name,
        base_url=base_url,
        model=chosen_model,
        api_key=api_key or NO_KEY,
        context_window=context,
        is_local=prov.is_local,
        source=source,
        key_env=key_env,
        local=local,
    )


_Layer = tuple[str, dict[str, Any]]
_ENV_LAYER, _FILE_LAYER = 1, 2
_DEFAULT_LAYER: _Layer = ("default", {"provider": LOCAL_PROVIDER})


def _layers(model: str | None, provider: str | None, data: dict[str, Any]) -> list[_Layer]:
    """What each layer names, highest first: flag, environment, config file."""
    env = os.environ
    return [
        ("flag", {"provider": provider, "model": model}),
        (
            "env",
            {
                "provider": env.get(ENV_PROVIDER) or None,
                "model": env.get(ENV_MODEL) or None,
                "base_url": env.get(ENV_BASE_URL) or None,
            },
        ),
        (
            "config file",
            {
                "provider": data.get("provider"),
                "model": data.get("model"),
                "base_url": data.get("base_url"),
            },
        ),
    ]


def _deciding_layer(layers: list[_Layer]) -> int:
    """The index of the layer that says where the model runs (len(layers): the default).
    With no provider or URL anywhere, the first layer naming a model gets that model's
    provider, and a bare OPENAI_API_KEY means OpenAI itself (the ecosystem's convention)."""
    where = next(
        (i for i, (_, lay) in enumerate(layers) if lay.get("provider") or lay.get("base_url")),
        None,
    )
    if where is not None:
        return where
    first_model = next(
        ((i, lay["model"]) for i, (_, lay) in enumerate(layers) if lay["model"]), None
    )
    if first_model is not None:
        layers[first_model[0]][1]["provider"] = _provider_for_model(str(first_model[1]))
        return first_model[0]
    if os.environ.get(ENV_KEY):
        layers[_ENV_LAYER][1]["provider"] = "openai"
        return _ENV_LAYER
    return len(layers)


def _provider_of(layer: dict[str, Any]) -> Provider:
    """The deciding layer's provider: its preset, or the one its base URL belongs to, or a
    custom endpoint."""
    if layer.get("provider"):
        return preset(str(layer["provider"]))
    base_url = str(layer.get("base_url"))
    host = (urlsplit(base_url).hostname or "").lower()
    on_this_machine = host in ("localhost", "127.0.0.1", "::1")
    return _provider_for_url(base_url) or Provider(
        "custom", base_url, "", ENV_KEY, 32768, on_this_machine, "自定义兼容端点"
    )


def _model_for(layers: list[_Layer], where: int, prov: Provider) -> str:
    """The model: named at the deciding layer or above, or below it by a layer that did not
    point elsewhere (or pointed at the same provider); else the provider's default."""
    for i, (_, lay) in enumerate(layers):
        if not lay["model"]:
            continue
        elsewhere = lay.get("provider") or lay.get("base_url")
        same = lay.get("provider") and preset(str(lay["provider"])).name == prov.name
        if i <= where or not elsewhere or same:
            return str(lay["model"])
    return prov.default_model


def _api_key(
    prov: Provider, key_env: str, source: str, layer: dict[str, Any], require_key: bool
) -> str:
    """A key goes only to the endpoint it was issued for: a vendor's own variable to that
    vendor; OPENAI_API_KEY to OpenAI, or to a base URL the user set beside it in the
    environment (OPENAI_BASE_URL + OPENAI_API_KEY is the ecosystem's pair), never to
    another vendor chosen by --provider, ASSISTANT_PROVIDER or the config file."""
    env = os.environ
    openai_key_fits = prov.name in ("openai", "custom") or (
        source == "env" and bool(layer.get("base_url")) and not layer.get("provider")
    )
    if not key_env:
        return env[ENV_KEY] if env.get(ENV_KEY) and prov.name == "custom" else NO_KEY
    api_key = env.get(key_env) or (env.get(ENV_KEY) if openai_key_fits else "") or ""
    if not api_key and require_key and not prov.is_local:
        alt = f" 或 {ENV_KEY}" if key_env != ENV_KEY and openai_key_fits else ""
        raise ConfigError(
            f"{prov.name} 需要 API key：请设置环境变量 {key_env}{alt}；"
            "或用 --provider local 改用内置本地模型"
        )
    return api_key


def key_is_set(p: Provider) -> bool:
    return bool(p.key_env and os.environ.get(p.key_env))
