"""Reliability: flag ranges, broken draft records, locks, fences, cut-off replies, deadlines.

Each test here guards a defect named in issue 8 (or the behaviour the issue asks for where
the rewritten drafting code no longer has the defect).
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from assistant.cli import app

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
