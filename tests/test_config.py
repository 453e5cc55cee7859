"""Endpoint resolution: flag > env > config file > the embedded model; keys stay secret."""

from __future__ import annotations

import pytest

from assistant import paths
from assistant.config import (
    NO_KEY,
    PRESETS,
    Endpoint,
    preset,
    resolve_endpoint,
)
from assistant.errors import ConfigError

SECRET = "sk-very-secret-0123456789"


def write_config(text: str) -> None:
    path = paths.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_nothing_configured_means_the_embedded_model():
    ep = resolve_endpoint()
    assert ep.provider == "local"
    assert ep.is_local
    assert ep.source == "default"
    assert ep.model == PRESETS["local"].default_model


def test_required_presets_exist_with_urls():
    for name in ("deepseek", "qwen", "moonshot", "zhipu", "openai", "ollama", "vllm", "llamacpp"):
        p = PRESETS[name]
        assert p.base_url.startswith("http"), name
        assert p.default_model, name
    assert PRESETS["qwen"].base_url == "https://dashscope.aliyuncs.com/compatible-mode/v1"
    assert PRESETS["ollama"].base_url == "http://localhost:11434/v1"
    assert preset("dashscope").name == "qwen"
    assert preset("DeepSeek").name == "deepseek"


def test_unknown_provider_lists_the_known_ones():
    with pytest.raises(ConfigError) as err:
        resolve_endpoint(provider="nosuch")
    assert "nosuch" in str(err.value)
    assert "deepseek" in str(err.value)


def test_provider_flag_needs_its_key_and_says_which(monkeypatch):
    with pytest.raises(ConfigError) as err:
        resolve_endpoint(provider="moonshot")
    assert "MOONSHOT_API_KEY" in str(err.value)
    # An OpenAI key is no substitute for Moonshot's: the message must not suggest it.
    assert "OPENAI_API_KEY" not in str(err.value)
    monkeypatch.setenv("MOONSHOT_API_KEY", SECRET)
    ep = resolve_endpoint(provider="moonshot")
    assert ep.api_key == SECRET
    assert ep.base_url == "https://api.moonshot.cn/v1"
    assert ep.source == "flag"


def test_require_key_false_resolves_without_a_key():
    ep = resolve_endpoint(provider="zhipu", require_key=False)
    assert ep.provider == "zhipu"
    assert ep.describe()["key_set"] is False


def test_openai_env_vars_point_to_a_compatible_server(monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", "https://api.deepseek.com/v1")
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    ep = resolve_endpoint()
    # The URL is a known preset's, so its default model applies.
    assert ep.provider == "deepseek"
    assert ep.model == "deepseek-chat"
    assert ep.api_key == SECRET
    assert ep.source == "env"


def test_unknown_base_url_needs_a_model(monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", "https://llm.example.org/v1")
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    with pytest.raises(ConfigError) as err:
        resolve_endpoint()
    assert "ASSISTANT_MODEL" in str(err.value)
    monkeypatch.setenv("ASSISTANT_MODEL", "my-model")
    ep = resolve_endpoint()
    assert (ep.provider, ep.model, ep.base_url) == (
        "custom",
        "my-model",
        "https://llm.example.org/v1",
    )


def test_localhost_base_url_needs_no_key(monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9999/v1")
    ep = resolve_endpoint(model="m")
    assert ep.base_url == "http://127.0.0.1:9999/v1"
    assert ep.api_key == NO_KEY


def test_bare_openai_key_means_openai(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    ep = resolve_endpoint()
    assert ep.provider == "openai"


def test_flag_beats_env_beats_file(monkeypatch):
    write_config('provider = "moonshot"\nmodel = "moonshot-v1-8k"\n')
    monkeypatch.setenv("MOONSHOT_API_KEY", SECRET)
    monkeypatch.setenv("DASHSCOPE_API_KEY", SECRET)
    monkeypatch.setenv("DEEPSEEK_API_KEY", SECRET)
    ep = resolve_endpoint()
    assert (ep.provider, ep.model, ep.source) == ("moonshot", "moonshot-v1-8k", "config file")
    assert ep.context_window == 8192  # moonshot-v1-8k's own window

    monkeypatch.setenv("ASSISTANT_PROVIDER", "qwen")
    ep = resolve_endpoint()
    # The file's model belongs to moonshot; it must not be sent to DashScope.
    assert (ep.provider, ep.model, ep.source) == ("qwen", "qwen-plus", "env")

    ep = resolve_endpoint(provider="deepseek")
    assert (ep.provider, ep.model, ep.source) == ("deepseek", "deepseek-chat", "flag")

    ep = resolve_endpoint(provider="deepseek", model="deepseek-reasoner")
    assert ep.model == "deepseek-reasoner"


def test_env_model_alone_keeps_the_file_provider(monkeypatch):
    write_config('provider = "ollama"\n')
    monkeypatch.setenv("ASSISTANT_MODEL", "qwen2.5:14b")
    ep = resolve_endpoint()
    assert (ep.provider, ep.model) == ("ollama", "qwen2.5:14b")
    assert ep.api_key == NO_KEY


def test_model_name_alone_picks_its_provider(monkeypatch):
    monkeypatch.setenv("DEEPSEEK_API_KEY", SECRET)
    assert resolve_endpoint(model="deepseek-chat").provider == "deepseek"
    assert resolve_endpoint(model="qwen2.5-coder-0.5b").provider == "local"
    assert resolve_endpoint(model="/models/x.gguf").provider == "local"


def test_file_api_key_env_names_the_variable(monkeypatch):
    write_config('provider = "deepseek"\napi_key_env = "MY_DS_KEY"\ncontext_window = 4096\n')
    monkeypatch.setenv("MY_DS_KEY", SECRET)
    ep = resolve_endpoint()
    assert ep.api_key == SECRET
    assert ep.key_env == "MY_DS_KEY"
    assert ep.context_window == 4096


def test_file_must_not_hold_the_key():
    write_config(f'provider = "deepseek"\napi_key = "{SECRET}"\n')
    with pytest.raises(ConfigError) as err:
        resolve_endpoint()
    assert "api_key_env" in str(err.value)
    assert SECRET not in str(err.value)


def test_bad_toml_and_unknown_keys_are_named():
    write_config("provider = \n")
    with pytest.raises(ConfigError, match="TOML"):
        resolve_endpoint()
    write_config('provder = "deepseek"\n')
    with pytest.raises(ConfigError, match="provder"):
        resolve_endpoint()


def test_local_table_sets_the_embedded_server(monkeypatch):
    write_config("[local]\nn_ctx = 4096\nn_threads = 1\n")
    ep = resolve_endpoint()
    assert ep.context_window == 4096
    assert (ep.local.n_ctx, ep.local.n_threads) == (4096, 1)


def test_key_never_in_repr_str_or_describe(monkeypatch):
    monkeypatch.setenv("DEEPSEEK_API_KEY", SECRET)
    ep = resolve_endpoint(provider="deepseek")
    assert ep.api_key == SECRET
    for text in (repr(ep), str(ep), str(ep.describe()), f"{ep}"):
        assert SECRET not in text
    assert Endpoint("x", "http://h/v1", "m", api_key=SECRET).host == "h"


@pytest.mark.parametrize("vendor", ["deepseek", "qwen", "moonshot", "zhipu"])
def test_an_openai_key_is_never_sent_to_another_vendor(monkeypatch, vendor):
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    with pytest.raises(ConfigError) as err:
        resolve_endpoint(provider=vendor)
    assert PRESETS[vendor].key_env in str(err.value)
    ep = resolve_endpoint(provider=vendor, require_key=False)
    assert ep.api_key != SECRET
    assert not ep.describe()["key_set"]
    # Chosen by the environment or the config file: the same.
    monkeypatch.setenv("ASSISTANT_PROVIDER", vendor)
    assert resolve_endpoint(require_key=False).api_key != SECRET
    monkeypatch.delenv("ASSISTANT_PROVIDER")
    write_config(f'provider = "{vendor}"\n')
    assert resolve_endpoint(require_key=False).api_key != SECRET


def test_a_vendor_key_goes_to_its_vendor_only(monkeypatch):
    monkeypatch.setenv("DEEPSEEK_API_KEY", "sk-deepseek-0000")
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    assert resolve_endpoint(provider="deepseek").api_key == "sk-deepseek-0000"
    assert resolve_endpoint(provider="openai").api_key == SECRET
    # A file naming a vendor's URL gets that vendor's key, not the OpenAI one.
    write_config('base_url = "https://api.moonshot.cn/v1"\n')
    assert resolve_endpoint(require_key=False).api_key != SECRET


def test_openai_key_goes_to_a_custom_url_the_user_configured(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    write_config('base_url = "https://llm.example.org/v1"\nmodel = "m"\n')
    ep = resolve_endpoint()
    assert (ep.provider, ep.api_key) == ("custom", SECRET)
