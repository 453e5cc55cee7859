"""The CLI as a person meets it: the overview with no arguments, an example in every
--help, and colour only on a terminal."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app, overview

ROOT = Path(__file__).resolve().parents[1]


def test_no_arguments_shows_the_three_flows_with_examples():
    result = CliRunner().invoke(app, [])
    assert result.exit_code == 0
    out = result.output
    for flow, example in [
        ("1. 写一篇新稿", "assistant draft --brief mybrief.toml"),
        ("2. 改一节、导出 Word", "assistant regen drafts/q1 s05"),
        ("3. 查语料、评稿", "assistant ask "),
    ]:
        assert flow in out and example in out
    assert "Usage:" not in out  # not the bare usage line


def _leaf_paths():
    return [path for path, _info in overview.commands(app)]


@pytest.mark.parametrize("path", _leaf_paths())
def test_every_help_has_an_example(path):
    result = CliRunner().invoke(app, [*path.split(), "--help"], terminal_width=100)
    assert result.exit_code == 0
    assert "示例" in result.output or "例：" in result.output, f"assistant {path} --help"


def test_examples_name_real_commands():
    paths = set(_leaf_paths())
    for path, example in overview.EXAMPLES.items():
        assert path in paths, path
        assert example.startswith(f"assistant {path}"), example


def test_completion_is_offered():
    result = CliRunner().invoke(app, ["--help"])
    assert "--install-completion" in result.output


def _doctor_env(tmp_path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update(
        PYTHONPATH=str(ROOT),
        ASSISTANT_HOME=str(tmp_path),
        OPENAI_BASE_URL="http://127.0.0.1:9/v1",
        ASSISTANT_MODEL="m",
        TERM="xterm-256color",
    )
    return env


def test_colour_only_on_a_terminal(tmp_path):
    cmd = [sys.executable, "-m", "assistant", "doctor"]
    env = _doctor_env(tmp_path)
    piped = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert "✗" in piped.stdout and "\x1b[" not in piped.stdout + piped.stderr

    leader, follower = pty.openpty()
    proc = subprocess.Popen(cmd, env=env, stdout=follower, stderr=follower, close_fds=True)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=120)
    os.close(leader)
    on_tty = b"".join(chunks).decode("utf-8", "replace")
    assert "✗" in on_tty and "\x1b[" in on_tty


def test_brief_check_json_for_scripts(tmp_path):
    import json

    from assistant.paths import examples_dir

    brief = examples_dir() / "brief-closing.toml"  # `brief new` is blank: check the example
    result = CliRunner().invoke(app, ["brief", "check", str(brief), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["valid"] and data["brief"]["locality"] == "青山镇"
    assert any(s["role"] == "requirements" for s in data["sections"])


def test_setup_quiet_prints_only_results(monkeypatch):
    from assistant import local_model, setup_steps

    monkeypatch.setattr(setup_steps, "install_runtime", lambda say: say("编译中") or "已安装")
    monkeypatch.setattr(local_model, "install_spec", lambda spec, progress=None: Path("/m.gguf"))
    loud = CliRunner().invoke(app, ["setup", "--no-index"])
    quiet = CliRunner().invoke(app, ["setup", "--no-index", "--quiet"])
    assert loud.exit_code == quiet.exit_code == 0
    assert "==> 编译中" in loud.stderr and quiet.stderr == ""
    assert "内置模型：/m.gguf" in quiet.stdout
