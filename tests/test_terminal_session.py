"""The README's everyday commands typed into a real terminal (tmux), against the fake model,
checking what the screen shows. Skipped where tmux is not installed."""

from __future__ import annotations

import itertools
import os
import shlex
import shutil
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from fakellm import FakeLLMServer

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux 未安装")

PARAGRAPHS = [
    "过去一年，全镇上下团结一心、真抓实干，各项事业取得了新的成绩。",
    "我们要坚持党的领导，把党的领导贯穿人大工作的全过程和各方面。",
    "镇人民政府要自觉接受人大监督，认真办理代表提出的建议、批评和意见。",
    "各位代表要密切联系群众，听民声、察民情、解民忧，当好群众的贴心人。",
    "新的一年，任务艰巨、使命光荣，我们要以更加饱满的热情投入工作。",
]


def _width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


class Terminal:
    def __init__(self, name: str, env: dict[str, str], cwd: Path) -> None:
        self.name = name
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        shell = f"env -i {exports} bash --norc --noprofile"
        subprocess.run(
            [
                "tmux",
                "new-session",
                "-d",
                "-s",
                name,
                "-x",
                "120",
                "-y",
                "50",
                "-c",
                str(cwd),
                shell,
            ],
            check=True,
        )
        self.n = 0

    def run(self, command: str, timeout: float = 180) -> str:
        """Type a command, wait for it to finish, return what it put on the screen."""
        self.n += 1
        start, done = f"__START_{self.n}__", f"__DONE_{self.n}__"
        subprocess.run(["tmux", "clear-history", "-t", self.name], check=True)
        subprocess.run(
            [
                "tmux",
                "send-keys",
                "-t",
                self.name,
                f"clear; echo {start}; {command}; echo {done}",
                "Enter",
            ],
            check=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = subprocess.run(
                ["tmux", "capture-pane", "-p", "-J", "-S", "-2000", "-t", self.name],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            lines = screen.splitlines()
            if any(line.strip() == done for line in lines):
                begin = max(i for i, line in enumerate(lines) if line.strip() == start)
                end = max(i for i, line in enumerate(lines) if line.strip() == done)
                return "\n".join(lines[begin + 1 : end])
            time.sleep(0.3)
        raise AssertionError(f"{command!r} did not finish; screen:\n{screen}")

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], check=False)


@pytest.fixture
def terminal(tmp_path):
    counter = itertools.count()

    def reply(request):
        last = request["messages"][-1]["content"]
        if "问题" in last or "问：" in last:
            return "闭幕式讲话一般要求镇人民政府自觉接受人大监督[1]。"
        return PARAGRAPHS[next(counter) % len(PARAGRAPHS)]

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "assistant"
    shim.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m assistant "$@"\n')
    shim.chmod(0o755)
    work = tmp_path / "work"
    work.mkdir()
    with FakeLLMServer(responder=reply) as srv:
        env = {
            "PATH": f"{bin_dir}:/usr/bin:/bin",
            "HOME": str(tmp_path),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "PYTHONPATH": str(ROOT),
            "ASSISTANT_HOME": str(tmp_path / "home"),
            "OPENAI_BASE_URL": srv.base_url,
            "OPENAI_API_KEY": "sk-test",
            "ASSISTANT_MODEL": "fake-model",
            "ASSISTANT_EMBEDDINGS_MODEL": "fake-embed",
            "HF_HUB_OFFLINE": "1",
            "ANONYMIZED_TELEMETRY": "False",
        }
        term = Terminal(f"assistant-test-{os.getpid()}", env, work)
        try:
            yield term, work
        finally:
            term.close()


def test_everyday_commands_on_screen(terminal):
    term, work = terminal

    screen = term.run("assistant")
    assert "三件常做的事" in screen and "assistant draft --brief mybrief.toml" in screen

    screen = term.run("assistant brief new mybrief.toml")
    assert "已写出简报模板：mybrief.toml" in screen
    screen = term.run("assistant brief check mybrief.toml")
    assert "简报有效：人代会闭幕式讲话，（未填地方）" in screen  # a blank template, no facts
    from assistant.paths import examples_dir

    filled = (examples_dir() / "brief-closing.toml").read_text(encoding="utf-8")
    (work / "mybrief.toml").write_text(filled, encoding="utf-8")  # the writer fills it in
    screen = term.run("assistant brief check mybrief.toml")
    assert "简报有效：人代会闭幕式讲话，青山镇" in screen

    screen = term.run("assistant corpus list")
    table = [line for line in screen.splitlines() if line[:1] in "┏┃┡│└"]
    assert any("gaodu-closing-2023" in line for line in table)
    assert len({_width(line) for line in table}) == 1, "Chinese table columns out of line"

    screen = term.run('assistant ask "闭幕式讲话中如何对一府一委两院提出要求？" -k 3')
    assert "自觉接受人大监督" in screen and "Traceback" not in screen

    screen = term.run(
        "assistant draft --brief mybrief.toml --out drafts/q1 --scale 0.12 -n 1 --max-repairs 0 --quiet"
    )
    assert "drafts/q1" in screen and "Traceback" not in screen
    assert (work / "drafts" / "q1" / "draft.json").is_file()

    screen = term.run("assistant show drafts/q1")
    assert "各位代表" in screen and "按每分钟 220 字约讲" in screen

    screen = term.run("assistant export drafts/q1")
    assert "draft.docx" in screen and (work / "drafts" / "q1" / "draft.docx").is_file()

    screen = term.run("assistant regen drafts/q1 nosuchsection")
    assert "错误" in screen and "Traceback" not in screen  # one line that says what to do
