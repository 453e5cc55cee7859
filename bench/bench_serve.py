"""Wall time of `ask` and `regen` as a writer runs them: cold (each command loads the model)
vs warm (`assistant serve` already running). Prints a Markdown table; asserts nothing.

Runs the real embedded model: wrap it in `flock /work/model.lock` on a shared machine.

    python bench/bench_serve.py --model qwen2.5-coder-0.5b --runs 2
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "闭幕式讲话中如何对一府一委两院提出要求？"


def _cli(env: dict[str, str], *args: str, check: bool = True) -> float:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", *args], env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    if check and proc.returncode != 0:
        raise SystemExit(f"assistant {' '.join(args)} failed:\n{proc.stderr[-2000:]}")
    return seconds


def _first_model_section(draft_dir: Path) -> str:
    """Fixed sections (salutation, thanks…) are the program's text and cannot be regenerated."""
    doc = json.loads((draft_dir / "draft.json").read_text(encoding="utf-8"))
    for s in doc["sections"]:
        if s["versions"][0]["source"] == "model":
            return str(s["id"])
    raise SystemExit("the draft has no section written by the model")


def _start_serve(env: dict[str, str], model: str, home: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", "serve", "--model", model],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 300
    while not (home / "server.json").exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"serve did not start:\n{proc.stderr.read() if proc.stderr else ''}")
        time.sleep(0.2)
    return proc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default="qwen2.5-coder-0.5b")
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument(
        "--section", help="the section regen rewrites (default: the first the model wrote)"
    )
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        home = Path(tmp) / "home"
        env = dict(os.environ, ASSISTANT_HOME=str(home), PYTHONPATH=str(ROOT))
        env.setdefault("ASSISTANT_MODELS_DIR", str(Path.home() / ".local/share/assistant/models"))
        draft_dir = Path(tmp) / "draft"
        print("准备：入库语料、写一份小草稿（不计时）…", file=sys.stderr)
        _cli(env, "corpus", "ingest")
        brief = str(ROOT / "examples" / "brief-closing.toml")
        draft = ["draft", "--brief", brief, "--model", args.model, "--out", str(draft_dir)]
        _cli(env, *draft, "--scale", "0.12", "--max-repairs", "0", "-n", "1", "--quiet")

        section = args.section or _first_model_section(draft_dir)
        ask = ["ask", QUESTION, "--model", args.model, "-k", "3"]
        regen = ["regen", str(draft_dir), section, "--model", args.model]
        times: dict[tuple[str, str], list[float]] = {}
        for mode in ("cold", "warm"):
            serve = _start_serve(env, args.model, home) if mode == "warm" else None
            try:
                for _ in range(args.runs):
                    times.setdefault(("ask", mode), []).append(_cli(env, *ask))
                    times.setdefault(("regen", mode), []).append(_cli(env, *regen))
            finally:
                if serve is not None:
                    serve.send_signal(signal.SIGTERM)
                    serve.wait(timeout=60)

    print(
        f"model {args.model}, regen {section}, {args.runs} runs each, wall time per command (s)\n"
    )
    print("| command | cold (median) | warm with serve (median) | cold runs | warm runs |")
    print("| --- | --- | --- | --- | --- |")
    for cmd in ("ask", "regen"):
        cold, warm = times[(cmd, "cold")], times[(cmd, "warm")]
        print(
            f"| {cmd} | {statistics.median(cold):.1f} | {statistics.median(warm):.1f} | "
            f"{', '.join(f'{t:.1f}' for t in cold)} | {', '.join(f'{t:.1f}' for t in warm)} |"
        )


if __name__ == "__main__":
    main()
