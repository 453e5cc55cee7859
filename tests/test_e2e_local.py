"""End to end on the real embedded model: ingest, draft, regen, ask — no fakes, no network.

Uses the small Qwen2.5-Coder-0.5B GGUF (installed by `make test`) with small section
budgets so the run takes a few minutes on two cores. In CI a missing model or
llama-cpp-python is a failure, not a skip: this is the test that proves the product runs.
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant import paths

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "brief-closing.toml"
MODEL = "qwen2.5-coder-0.5b"

pytestmark = pytest.mark.slow


def _require_local_model() -> None:
    problems = []
    if importlib.util.find_spec("llama_cpp") is None:
        problems.append("llama-cpp-python is not installed (run scripts/setup.sh)")
    if not (paths.models_dir() / f"{MODEL}.gguf").is_file():
        problems.append(f"model {MODEL} is not installed (run `assistant model install {MODEL}`)")
    if problems:
        # `make test` installs the model first, so there it must be present: fail, never skip.
        if os.environ.get("CI") or os.environ.get("ASSISTANT_REQUIRE_LOCAL_MODEL"):
            pytest.fail("; ".join(problems))
        pytest.skip("; ".join(problems))


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    _require_local_model()
    from assistant.cli import app

    home = tmp_path_factory.mktemp("e2e-home")
    out = home / "draft"
    env = {"ASSISTANT_HOME": str(home), "ASSISTANT_MODELS_DIR": str(paths.models_dir())}
    runner = CliRunner()
    mp = pytest.MonkeyPatch()
    for k, v in env.items():
        mp.setenv(k, v)
    try:
        result = runner.invoke(
            app,
            [
                "draft",
                "--brief",
                str(EXAMPLE),
                "--model",
                MODEL,
                "--out",
                str(out),
                "--scale",
                "0.12",
                "--max-repairs",
                "1",
                "--quiet",
            ],
        )
        yield runner, result, out, mp
    finally:
        from assistant.local_model import stop_all

        stop_all()
        mp.undo()


def test_draft_runs_on_the_embedded_model(drafted):
    _runner, result, out, _mp = drafted
    assert result.exit_code == 0, result.output + repr(result.exception)
    assert result.stdout.strip().endswith(str(out))
    doc = json.loads((out / "draft.json").read_text(encoding="utf-8"))
    assert doc["status"] == "complete"
    assert doc["provenance"]["model"] == MODEL
    model_sections = [s for s in doc["sections"] if s["versions"][0]["source"] == "model"]
    assert len(model_sections) >= 8
    for s in model_sections:
        v = s["versions"][0]
        # Written paragraph by paragraph, each from real model calls, choice recorded.
        assert v["paragraphs"], s["id"]
        for p in v["paragraphs"]:
            assert p["calls"] and p["calls"][0]["completion_tokens"] > 0
            assert 1 <= p["chosen"] <= p["candidates"]
        assert v["text"].strip()
    # The record says how much the model wrote and how much the program supplied.
    authorship = doc["provenance"]["authorship"]
    assert authorship["model_han"] > 0 and authorship["program_han"] > 0
    md = (out / "draft.md").read_text(encoding="utf-8")
    assert "各位代表、同志们：" in md and "谢谢大家！" in md
    from assistant.brief import load_brief
    from assistant.corpus import load_corpus
    from assistant.scoring import find_invented_numbers, find_leaks

    brief = load_brief(EXAMPLE)
    body = "\n".join(s["versions"][-1]["text"] for s in doc["sections"])
    # Whatever a weak model writes, no figure or foreign place survives unmarked.
    assert find_leaks(body, brief, load_corpus()) == []
    leftover = [n for n in find_invented_numbers(body, brief) if f"【待核：{n}" not in body]
    assert leftover == []


def test_regen_on_the_embedded_model_changes_only_that_section(drafted):
    runner, result, out, _mp = drafted
    assert result.exit_code == 0
    from assistant.cli import app

    before = json.loads((out / "draft.json").read_text(encoding="utf-8"))
    # the call: a section the model writes (its id depends on the outline of the brief)
    at = next(i for i, s in enumerate(before["sections"]) if s["role"] == "call")
    sid = before["sections"][at]["id"]
    r = runner.invoke(app, ["regen", str(out), sid, "--model", MODEL, "--instruction", "更简短"])
    assert r.exit_code == 0, r.output + repr(r.exception)
    after = json.loads((out / "draft.json").read_text(encoding="utf-8"))
    changed = [
        a["id"] for a, b in zip(before["sections"], after["sections"], strict=True) if a != b
    ]
    assert changed == [sid]
    assert len(after["sections"][at]["versions"]) == 2


def test_ask_on_the_embedded_model_cites_the_corpus(drafted):
    runner, result, _out, _mp = drafted
    from assistant.cli import app

    r = runner.invoke(app, ["ask", "人大代表应当怎样履职？", "--model", MODEL, "--json"])
    assert r.exit_code == 0, r.output + repr(r.exception)
    data = json.loads(r.stdout)
    assert data["found"] is True
    assert data["citations"] and all(c["speech_id"] for c in data["citations"])
    r2 = runner.invoke(app, ["ask", "量子计算机的纠错码怎么设计？", "--model", MODEL, "--json"])
    assert json.loads(r2.stdout)["found"] is False


_POOLED_SCRIPT = """
import sys
import llama_cpp
from llama_cpp import llama
from assistant.drafting import write
from assistant.llama_serve import patch_sampler
if sys.argv[2] == "pooled":
    patch_sampler(llama.Llama, llama_cpp)
m = llama.Llama(model_path=sys.argv[1], n_ctx=1024, n_threads=2, verbose=False)
from assistant.drafting import followup
text = write.text_grammar(None) if sys.argv[3] == "drafting" else followup.GRAMMAR
grammar = llama_cpp.LlamaGrammar.from_string(text, verbose=False)
ask = "请用“一是、二是、三是”列出加强人大代表工作的三点要求，每点前面写小标题加冒号。"
r = m.create_chat_completion(
    messages=[{"role": "user", "content": ask}], max_tokens=60, seed=7, temperature=0.7,
    grammar=grammar, logit_bias={"25": -5.0}, frequency_penalty=0.3,
)
sys.stdout.write(r["choices"][0]["message"]["content"])
"""


@pytest.mark.parametrize("which", ["drafting", "followup"])
def test_the_servers_pooled_grammar_samples_what_the_whole_vocabulary_grammar_does(which):
    """assistant.llama_serve cuts the candidates to a pool before the grammar reads them (the
    grammar over Qwen's whole vocabulary halved decoding speed): with the same seed the
    paragraph is the same, and it keeps the grammar (no colon, no 一是). The follow-up's
    one-sentence grammar is not pooled (after its 。 only the end may come) and runs as
    llama-cpp-python runs it."""
    import subprocess
    import sys

    _require_local_model()
    model = str(paths.models_dir() / f"{MODEL}.gguf")

    def draw(arm: str) -> str:
        proc = subprocess.run(
            [sys.executable, "-c", _POOLED_SCRIPT, model, arm, which],
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr[-2000:]
        return proc.stdout

    pooled = draw("pooled")
    assert pooled and "：" not in pooled and "一是" not in pooled
    assert pooled == draw("whole")


def test_every_biased_wording_is_one_token_of_the_embedded_model():
    """A logit bias reaches a wording only as one token: write.logit_bias skips any the
    tokenizer splits, so a wording added to LOGIT_BIAS_TEXT that is not one token (首先是 is;
    从以下几个方面 is not) would do nothing, silently."""
    _require_local_model()
    from llama_cpp import Llama

    from assistant.drafting.write import LOGIT_BIAS_TEXT

    vocab = Llama(str(paths.models_dir() / f"{MODEL}.gguf"), vocab_only=True, verbose=False)
    split = [t for t in LOGIT_BIAS_TEXT if len(vocab.tokenize(t.encode(), add_bos=False)) != 1]
    assert not split, f"not one token: {split}"
