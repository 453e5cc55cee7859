"""Faults from the LLM endpoint, injected by a real fake server on 127.0.0.1.

For each fault: the client retries where retrying makes sense (and only a bounded number
of times), then fails with one Chinese line that says what happened and what to do; the
commands exit non-zero without a traceback; an interrupted draft keeps its finished work
and `assistant draft --resume DIR` finishes it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from fakellm import FakeLLMServer, closed_port
from test_drafting import EXAMPLE, Writer, fake_retrieve

from assistant.config import Endpoint
from assistant.draftdoc import DraftDoc
from assistant.errors import ModelError
from assistant.llm import LLM

KEY = "sk-canary-7e1d9c0b5a"
MSG = [{"role": "user", "content": "你好"}]


def _llm(url: str, deadline: float = 3.0) -> LLM:
    return LLM(Endpoint("custom", url, "fake-model", api_key=KEY), timeout=deadline)


# name → (script the server, retried?, words of the message)
FAULTS = {
    "429 with Retry-After": (lambda s, n: s.fail_next(429, times=n, retry_after="0"), True, "限流"),
    "429 without Retry-After": (
        lambda s, n: s.fail_next(429, times=n, retry_after_ms=None),
        True,
        "限流",
    ),
    "500": (lambda s, n: s.fail_next(500, times=n), True, "服务端出错"),
    "502": (lambda s, n: s.fail_next(502, times=n), True, "服务端出错"),
    "503": (lambda s, n: s.fail_next(503, times=n), True, "服务端出错"),
    "408": (lambda s, n: s.fail_next(408, times=n), True, "408"),
    "401": (lambda s, n: s.fail_next(401, times=n), False, "API key"),
    "403": (lambda s, n: s.fail_next(403, times=n), False, "拒绝访问"),
    "404 wrong model": (
        lambda s, n: s.fail_next(404, times=n, message="model not found"),
        False,
        "找不到模型",
    ),
    "empty choices": (lambda s, n: s.empty_next(times=n), False, "空"),
    "never answers": (lambda s, n: s.hang_next(30, times=n), True, "秒内"),
}
STREAM_FAULTS = {
    "malformed SSE line": (lambda s, n: s.malformed_next(times=n), "断开"),
    "stream cut after 2 chunks": (lambda s, n: s.drop_next_stream(2, times=n), "断开"),
    "empty choices in a stream": (lambda s, n: s.empty_next(times=n), "断开"),
}


def _one_line(msg: str, *words: str) -> None:
    assert "\n" not in msg and KEY not in msg
    assert any("\u4e00" <= ch <= "\u9fff" for ch in msg)
    for w in words:
        assert w in msg, (w, msg)


@pytest.mark.parametrize("name", list(FAULTS))
def test_a_fault_that_persists_fails_in_bounded_attempts_with_one_line(name):
    script, retried, word = FAULTS[name]
    with FakeLLMServer(replies=["好的。"] * 5) as srv:
        script(srv, 10)
        llm = _llm(srv.base_url)
        with pytest.raises(ModelError) as err:
            llm.chat(MSG, max_tokens=20)
        attempts = len(srv.chat_requests)
    _one_line(str(err.value), word)
    assert attempts == (llm.max_retries + 1 if retried else 1)


@pytest.mark.parametrize("name", [n for n, f in FAULTS.items() if f[1]])
def test_a_passing_fault_is_survived_by_the_clients_retry(name):
    script, _, _ = FAULTS[name]
    with FakeLLMServer(replies=["好的。"]) as srv:
        script(srv, 1)
        assert _llm(srv.base_url).chat(MSG, max_tokens=20).text == "好的。"


@pytest.mark.parametrize("name", list(STREAM_FAULTS))
def test_a_broken_stream_is_rerun_once_then_named(name):
    script, word = STREAM_FAULTS[name]
    with FakeLLMServer(replies=["第一句话说完了。"] * 3) as srv:
        script(srv, 1)
        pieces: list[str] = []
        result = _llm(srv.base_url).chat(MSG, max_tokens=20, on_token=pieces.append,
                                          on_retry=pieces.clear)  # fmt: skip
        assert result.text == "第一句话说完了。" == "".join(pieces)
        script(srv, 2)
        with pytest.raises(ModelError) as err:
            _llm(srv.base_url).chat(MSG, max_tokens=20, on_token=lambda t: None)
    _one_line(str(err.value), word)


def test_connect_refused_is_named_with_what_to_do():
    with pytest.raises(ModelError) as err:
        _llm(closed_port()).chat(MSG, max_tokens=20)
    _one_line(str(err.value), "连不上", "--provider")


def test_a_reply_cut_by_max_tokens_says_so():
    with FakeLLMServer(replies=["第一句话说完了。第二句话"]) as srv:
        srv.truncate_next(12)
        result = _llm(srv.base_url).chat(MSG, max_tokens=5)
    assert result.finish_reason == "length"


def test_the_deadline_covers_every_attempt():
    """900 s per attempt × 3 attempts was a 45-minute stall: attempts share one deadline."""
    llm = LLM(Endpoint("local-like", "http://127.0.0.1:9/v1", "m", is_local=True))
    timeout = llm.client().timeout
    assert timeout.read * (llm.max_retries + 1) <= llm.timeout
    assert timeout.connect <= 10
    assert llm.timeout <= 900


def test_the_deadline_can_be_set_and_a_bad_value_is_named(monkeypatch):
    monkeypatch.setenv("ASSISTANT_LLM_DEADLINE", "42")
    assert LLM(Endpoint("x", "http://h/v1", "m")).timeout == 42
    monkeypatch.setenv("ASSISTANT_LLM_DEADLINE", "abc")
    with pytest.raises(ModelError, match="ASSISTANT_LLM_DEADLINE"):
        LLM(Endpoint("x", "http://h/v1", "m"))


# -- the commands: one line, non-zero exit, no traceback; a draft resumes -----------------


def run_main(argv: list[str], capsys) -> tuple[int, str, str]:
    from assistant.cli import main

    old = sys.argv
    sys.argv = ["assistant", *argv]
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.argv = old
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def endpoint_env(monkeypatch):
    import assistant.drafting
    import assistant.drafting.pipeline as pipeline
    import assistant.retrieval

    monkeypatch.setattr(assistant.drafting, "ensure_store_ready", lambda progress=None: None)
    monkeypatch.setattr(pipeline, "_default_retrieve", fake_retrieve)
    monkeypatch.setattr(assistant.retrieval, "retrieve", _ask_retrieve)
    _ask_found(monkeypatch)
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.setenv("ASSISTANT_MODEL", "fake-model")
    monkeypatch.setenv("ASSISTANT_LLM_DEADLINE", "3")
    monkeypatch.delenv("ASSISTANT_DEBUG", raising=False)

    def point(url: str) -> None:
        monkeypatch.setenv("OPENAI_BASE_URL", url)

    return point


def _ask_found(monkeypatch):
    """ask finds one passage without a store, so every fault reaches the model call."""
    from types import SimpleNamespace

    import assistant.ask
    from assistant.passages import Passage

    passage = Passage("gaodu-closing-2023", "thanks", None, "", "向各位代表表示衷心感谢。", 3)
    understanding = SimpleNamespace(to_dict=lambda: {"kind": "genre"})
    found = assistant.ask.Plan(understanding, (passage,), 1.0, True, "致谢")
    monkeypatch.setattr(assistant.ask, "context", lambda store=None: SimpleNamespace(catalogue=[]))
    monkeypatch.setattr(assistant.ask, "plan", lambda question, ctx, k=5: found)


def _ask_retrieve(query, k=5, **filters):
    from test_drafting import FakeHit

    return [FakeHit("gaodu-closing-2023", "congress_work", 1, "代表要依法履职，密切联系群众。")]


def _commands(tmp_path: Path, finished: Path) -> dict[str, list[str]]:
    return {
        "draft": ["draft", "--brief", str(EXAMPLE), "--out", str(tmp_path / "d"), "-n", "1",
                  "-q", "--scale", "0.3"],
        "regen": ["regen", str(finished), "s02"],
        "ask": ["ask", "闭幕讲话一般怎样致谢？"],  # a question the corpus answers: the model is called
        "eval run": ["eval", "run", "--cases", "evals/cases/new-fenglin-*.toml", "--scale", "0.2",
                     "--no-cache", "-n", "1", "--out", str(tmp_path / "eval")],
    }  # fmt: skip


CLI_FAULTS = ["429 without Retry-After", "503", "401", "404 wrong model", "never answers"]


@pytest.fixture(scope="module")
def finished(tmp_path_factory):
    from test_drafting import draft_with

    from assistant import paths
    from assistant.corpus import load_corpus

    base = tmp_path_factory.mktemp("fin")
    corpus = load_corpus([paths.bundled_corpus_dir()])
    with FakeLLMServer(responder=Writer()) as srv:
        draft_with(srv, base, corpus, candidates=1)
    return base / "d"


@pytest.mark.parametrize("command", ["draft", "regen", "ask", "eval run"])
@pytest.mark.parametrize("fault", CLI_FAULTS + ["connect refused"])
def test_every_command_fails_on_one_line_without_a_traceback(
    command, fault, tmp_path, finished, endpoint_env, capsys, monkeypatch
):
    import shutil

    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    copy = tmp_path / "fin"
    shutil.copytree(finished, copy)
    argv = _commands(tmp_path, copy)[command]
    with FakeLLMServer(responder=Writer()) as srv:
        if fault == "connect refused":
            endpoint_env(closed_port())
        else:
            FAULTS[fault][0](srv, 10_000)
            endpoint_env(srv.base_url)
        code, out, err = run_main(argv, capsys)
    assert code != 0
    assert "Traceback" not in err + out and KEY not in err + out
    lines = [ln for ln in err.splitlines() if ln.startswith("错误：")]
    if command == "eval run":
        # eval run records each case's error in its report and exits 2.
        assert code == 2
        report = (tmp_path / "eval" / "results.json").read_text(encoding="utf-8")
        assert "ModelError" in report and KEY not in report
    else:
        assert len(lines) == 1, err
        _one_line(lines[0])


def test_an_interrupted_draft_resumes_after_any_fault(tmp_path, endpoint_env, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    d = tmp_path / "d"
    for fault in CLI_FAULTS:
        with FakeLLMServer(responder=Writer()) as srv:
            endpoint_env(srv.base_url)
            armed = {"n": 0}
            writer = srv.responder

            def responder(body, srv=srv, fault=fault, armed=armed, writer=writer):
                armed["n"] += 1
                # break in mid-draft, one paragraph in (five faults in a row: each must land
                # before the draft ends, now that a clean first candidate is the only call)
                if armed["n"] == 2:
                    FAULTS[fault][0](srv, 10_000)
                return writer(body)

            srv.responder = responder
            args = ["draft", "--resume", str(d)] if d.exists() else [
                "draft", "--brief", str(EXAMPLE), "--out", str(d), "--scale", "0.3"]  # fmt: skip
            code, out, err = run_main([*args, "-n", "1", "-q"], capsys)
            assert code != 0 and "Traceback" not in err, (fault, err)
            assert f"assistant draft --resume {d}" in err
        doc = DraftDoc.load(d)
        assert doc.status == "in_progress"
        # Nothing broken is saved as complete: every written section has its text.
        assert all(s.text.strip() for s in doc.sections if s.current)
    kept = {s.id: s.text for s in doc.sections if s.current}
    assert kept
    with FakeLLMServer(responder=Writer()) as srv:
        endpoint_env(srv.base_url)
        code, out, err = run_main(["draft", "--resume", str(d), "-n", "1", "-q"], capsys)
    assert code == 0, err
    doc = DraftDoc.load(d)
    assert doc.status == "complete"
    assert {sid: doc.find(sid).text for sid in kept} == kept


# -- kill -9 and Ctrl-C in mid-draft -------------------------------------------------------

DRIVER = """
import sys
import assistant.drafting as d
import assistant.drafting.pipeline as p
d.ensure_store_ready = lambda progress=None: None
p._default_retrieve = lambda query, **kw: []
from assistant.cli import main
sys.argv = ["assistant", *sys.argv[1:]]
main()
"""


@pytest.mark.parametrize("signal_name", ["SIGKILL", "SIGINT"])
def test_a_killed_draft_keeps_its_sections_and_resumes(
    signal_name, tmp_path, endpoint_env, capsys, monkeypatch
):
    import os
    import signal
    import subprocess
    import threading
    import time

    monkeypatch.chdir(tmp_path)
    d = tmp_path / "d"
    with FakeLLMServer(responder=Writer()) as srv:
        endpoint_env(srv.base_url)
        writer = srv.responder
        sig = getattr(signal, signal_name)
        running: dict[str, subprocess.Popen] = {}
        killed = threading.Event()

        def slow(body):
            # The eighth call is answered only after the signal is sent, from here, while
            # the draft waits for it: a kill sent by a polling loop once landed after a
            # loaded machine had let the draft finish (exit 0 instead of 130).
            if len(srv.chat_requests) >= 8 and not killed.is_set() and "proc" in running:
                killed.set()
                os.kill(running["proc"].pid, sig)
                time.sleep(1.0)  # inside the 3 s call deadline
            return writer(body)

        srv.responder = slow
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
        running["proc"] = proc = subprocess.Popen(
            [sys.executable, "-c", DRIVER, "draft", "--brief", str(EXAMPLE), "--out", str(d),
             "--scale", "0.3", "-n", "1", "-q"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            # a shell's background job (make test run with &) ignores SIGINT, and a child
            # inherits that: the user at a terminal does not, so neither does this draft
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )  # fmt: skip
        _, err = proc.communicate(timeout=90)
        assert killed.is_set(), f"the draft finished in fewer than eight calls: {err}"
        if signal_name == "SIGINT":
            assert proc.returncode == 130 and "Traceback" not in err, err
            assert f"--resume {d}" in err
        else:
            assert proc.returncode == -signal.SIGKILL
        partial = DraftDoc.load(d)
        assert partial.status == "in_progress"
        kept = {s.id: s.text for s in partial.sections if s.current}
        assert kept and all(kept.values())
        code, out, err = run_main(["draft", "--resume", str(d), "-n", "1", "-q"], capsys)
    assert code == 0, err
    doc = DraftDoc.load(d)
    assert doc.status == "complete"
    assert {sid: doc.find(sid).text for sid in kept} == kept


# -- secrets: a canary key never lands in any artefact ------------------------------------


def test_the_key_appears_in_no_output_and_no_file(tmp_path, endpoint_env, capsys, monkeypatch):
    from assistant import paths

    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    monkeypatch.setenv("ASSISTANT_DEBUG", "1")  # debug output included
    d = tmp_path / "d"
    seen = ""
    with FakeLLMServer(responder=Writer()) as srv:
        endpoint_env(srv.base_url)
        monkeypatch.setenv("ASSISTANT_DEBUG", "1")
        runs = [
            ["draft", "--brief", str(EXAMPLE), "--out", str(d), "--scale", "0.3", "-n", "1", "-q"],
            ["regen", str(d), "s02", "--instruction", "更简洁"],
            ["export", str(d)],
            ["show", str(d), "--json"],
            ["ask", "代表如何依法履职？", "--json"],
            ["models"],
            ["eval", "run", "--cases", "evals/cases/new-fenglin-*.toml", "--scale", "0.2",
             "-n", "1", "--out", str(tmp_path / "eval")],
            ["eval", "score", str(d)],
        ]  # fmt: skip
        for argv in runs:
            code, out, err = run_main(argv, capsys)
            seen += out + err
            assert code in (0, 1, 2), (argv, err)
        # the key did go to the endpoint it was meant for
        assert srv.chat_requests[0].headers["authorization"] == f"Bearer {KEY}"
    assert KEY not in seen
    for root in (tmp_path, paths.home()):
        for path in root.rglob("*"):
            if not path.is_file():
                continue
            blobs = [path.read_bytes()]
            if path.suffix == ".docx":  # compressed: look inside
                import zipfile

                with zipfile.ZipFile(path) as z:
                    blobs += [z.read(n) for n in z.namelist()]
            assert all(KEY.encode() not in b for b in blobs), path
