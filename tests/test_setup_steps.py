"""`assistant setup`: each step runs once, with the flags that work, and is skipped when done."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import local_model, setup_steps
from assistant.errors import ModelError


def test_runtime_is_built_once_with_safe_cpu_flags(tmp_path, monkeypatch):
    monkeypatch.setenv("ASSISTANT_WHEELHOUSE", str(tmp_path))
    monkeypatch.setattr(local_model, "llama_cpp_available", lambda: False)
    calls: list[tuple[tuple[str, ...], dict | None]] = []

    def fake_pip(*args, env=None):
        calls.append((args, env))
        if args[0] == "wheel":  # what pip wheel leaves behind
            (
                tmp_path / f"llama_cpp_python-{setup_steps.LLAMA_VERSION}-py3-none-linux_x86_64.whl"
            ).write_bytes(b"")

    monkeypatch.setattr(setup_steps, "_pip", fake_pip)
    said: list[str] = []
    setup_steps.install_runtime(said.append)
    assert [c[0][0] for c in calls] == ["wheel", "install"]
    assert "-DGGML_NATIVE=OFF" in calls[0][1]["CMAKE_ARGS"]
    assert calls[1][0][-1] == setup_steps.LLAMA_REQUIREMENT
    assert any("编译" in s for s in said)

    calls.clear()
    setup_steps.install_runtime(said.append)  # the wheel is kept: no second build
    assert [c[0][0] for c in calls] == ["install"]


def test_runtime_present_is_left_alone(monkeypatch):
    monkeypatch.setattr(local_model, "llama_cpp_available", lambda: True)
    monkeypatch.setattr(setup_steps, "_pip", lambda *a, **k: pytest.fail("pip must not run"))
    assert setup_steps.install_runtime(lambda _m: None) == "已安装"


def test_pip_failure_is_one_clear_error(monkeypatch):
    monkeypatch.setattr(local_model, "llama_cpp_available", lambda: False)
    with pytest.raises(ModelError, match="pip"):
        setup_steps._pip("install", "--no-index", "a-package-that-does-not-exist-xyz")


def test_setup_runs_runtime_models_and_index_in_order(monkeypatch):
    order: list[str] = []
    monkeypatch.setattr(setup_steps, "install_runtime", lambda say: order.append("runtime") or "ok")
    monkeypatch.setattr(
        local_model,
        "install_spec",
        lambda spec, progress=None: order.append(f"model:{spec.name}") or Path(spec.filename),
    )
    result = setup_steps.run_setup(
        ["qwen2.5-coder-0.5b"], ingest=lambda: order.append("index") or "indexed"
    )
    assert order == ["runtime", "model:qwen2.5-coder-0.5b", "index"]
    assert result.index == "indexed" and result.models == (Path("qwen2.5-coder-0.5b.gguf"),)

    order.clear()
    setup_steps.run_setup(runtime=False, index=False)
    assert order == [f"model:{local_model.DEFAULT_LOCAL_MODEL}"]


def test_setup_sh_is_a_thin_wrapper():
    script = (Path(__file__).resolve().parents[1] / "scripts" / "setup.sh").read_text()
    assert '"$VENV/bin/assistant" setup "$@"' in script
    assert 'pip" wheel' not in script and "model install" not in script
