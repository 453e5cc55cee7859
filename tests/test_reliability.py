"""Reliability: flag ranges, broken draft records, locks, fences, cut-off replies, deadlines.

Each test here guards a defect named in issue 8 (or the behaviour the issue asks for where
the rewritten drafting code no longer has the defect).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from fakellm import FakeLLMServer
from test_drafting import Writer, draft_with
from typer.testing import CliRunner

from assistant.cli import app
from assistant.draftdoc import DraftDoc
from assistant.errors import InputError

runner = CliRunner()


@pytest.mark.parametrize(
    "args",
    [
        ["draft", "--brief", "x.toml", "--max-repairs", "-1"],
        ["draft", "--brief", "x.toml", "--max-repairs", "9"],
        ["draft", "--brief", "x.toml", "--candidates", "0"],
        ["draft", "--brief", "x.toml", "--scale", "0"],
        ["draft", "--brief", "x.toml", "--scale", "-1"],
        ["regen", "d", "s01", "--paragraph", "0"],
        ["ask", "问题", "-k", "0"],
        ["show", "d", "--version", "0"],
        ["export", "d", "--version", "-2"],
        ["eval", "run", "--repeat", "0"],
        ["eval", "run", "--concurrency", "0"],
        ["eval", "run", "--scale", "2"],
        ["corpus", "search", "祝贺", "-k", "0"],
        ["corpus", "search", "祝贺", "--year-from", "-5"],
    ],
)
def test_flags_out_of_range_are_usage_errors_not_tracebacks(args):
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output


# -- draft.json that is valid JSON but not a draft record -------------------------------


@pytest.fixture(scope="module")
def corpus():
    from assistant import paths
    from assistant.corpus import load_corpus

    return load_corpus([paths.bundled_corpus_dir()])


@pytest.fixture(scope="module")
def finished(tmp_path_factory, corpus) -> Path:
    """One complete draft, written once; tests copy it before spoiling it."""
    base = tmp_path_factory.mktemp("finished")
    with FakeLLMServer(responder=Writer()) as srv:
        draft_with(srv, base, corpus, candidates=1)
    return base / "d"


def _copy(finished: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy"
    shutil.copytree(finished, target)
    return target


def _spoil(directory: Path, change) -> None:
    path = directory / "draft.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    result = change(data)
    data = result if isinstance(result, list) else data  # the one spoil that replaces it
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _drop(key):
    return lambda d: d.pop(key) and None


def _set_date(value):
    return lambda d: d["brief"].__setitem__("date", value)


SPOILS = {
    "no brief": (_drop("brief"), "brief"),
    "no sections": (_drop("sections"), "sections"),
    "no outline": (_drop("outline"), "outline"),
    "brief is a list": (lambda d: d.__setitem__("brief", []), "brief"),
    "bad date": (_set_date("2024-13-45"), "date"),
    "date is a number": (_set_date(20240101), "date"),
    "section without id": (lambda d: d["sections"][1].pop("id"), "id"),
    "current past the versions": (lambda d: d["sections"][1].__setitem__("current", 7), "current"),
    "version without text": (lambda d: d["sections"][1]["versions"][0].pop("text"), "versions"),
    "outline lost a section": (lambda d: d["outline"]["sections"].pop(), "提纲"),
    "top level is a list": (lambda d: [d], "顶层"),
    "no format": (_drop("format"), "格式版本"),
}


@pytest.mark.parametrize("name", list(SPOILS))
def test_a_spoiled_draft_json_gives_one_clear_line(finished, tmp_path, name):
    change, word = SPOILS[name]
    d = _copy(finished, tmp_path)
    _spoil(d, change)
    with pytest.raises(InputError) as err:
        DraftDoc.load(d)
    msg = str(err.value)
    assert "draft.json" in msg and word in msg and "\n" not in msg
    # Through the CLI: the same line, no traceback, non-zero exit.
    for args in (["show", str(d)], ["export", str(d)], ["diff", str(d), "s02"]):
        result = runner.invoke(app, args)
        assert result.exit_code != 0
        assert isinstance(result.exception, InputError), (args, result.exception)
