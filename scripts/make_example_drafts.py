"""Regenerate the example drafts in examples/drafts/ from new eval briefs, on the
embedded default model, with each draft's eval scorecard beside it.

    .venv/bin/python scripts/make_example_drafts.py [CASE ...] [--model M] [--scale 1.0]

Default cases: a township closing speech (2026, no figures) and a county symposium of
township congress chairs (2016): two occasions, two levels, two 提法 years. Each case gets
examples/drafts/<case>/draft.md, brief.toml (the case's brief) and score.txt (what the
eval says, writer-level checks included, and how much of the text the model wrote).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CASES = ("new-baisha-closing-2026-sparse", "new-shiqiao-chairs-symposium-2016")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cases", nargs="*", default=list(DEFAULT_CASES))
    ap.add_argument("--model", default=None)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument(
        "--rescore",
        action="store_true",
        help="score the drafts already in examples/drafts/ with today's checks; no model",
    )
    args = ap.parse_args()
    if args.rescore:
        return rescore(args.cases)

    from assistant import scoring
    from assistant.drafting import draft_speech, ensure_store_ready
    from assistant.evalrun import load_cases
    from assistant.llm import LLM

    cases = {c.name: c for c in load_cases()}
    ensure_store_ready()
    llm = LLM.from_config(model=args.model, provider=None)
    try:
        for name in args.cases:
            case = cases[name]
            target = ROOT / "examples" / "drafts" / name
            work = Path(tempfile.mkdtemp(prefix="example-draft-"))
            t0 = time.monotonic()
            draft = draft_speech(case.brief, llm=llm, out_dir=work, budget_factor=args.scale)
            seconds = time.monotonic() - t0
            card = scoring.score_text(
                draft.text,
                brief=case.brief,
                outline=draft.outline,
                provenance=draft.authorship,
                sections=draft.sections,
            )
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy(work / "draft.md", target / "draft.md")
            shutil.copy(work / "draft.json", target / "draft.json")  # plan, records, repairs
            if case.path:
                shutil.copy(case.path, target / "case.toml")
            a = draft.authorship
            head = (
                f"模型：{llm.endpoint.model}；用时 {seconds:.0f} 秒；"
                f"模型写 {a['model_han']} 字，程序提供 {a['program_han']} 字，标记 {a['marks']} 处"
            )
            write_scorecard(target, head, card)
            print(f"{name}: {target} ({seconds:.0f} s, score {card.score:.3f})")
    finally:
        llm.close()
    return 0


def write_scorecard(target: Path, head: str, card) -> None:
    lines = [head, f"总分 {card.score:.3f}，{'通过' if card.passed else '未通过'}", ""]
    for c in card.checks:
        lines.append(f"[{'通过' if c.passed else '未通过'}] {c.name} {c.score:.2f}")
        lines += ["    " + x for x in c.reason.split("\n")]
    (target / "score.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def rescore(names: list[str]) -> int:
    """The example drafts as they are, read by today's checks (the first line, how the
    draft was made, is kept)."""
    from assistant import scoring
    from assistant.draftdoc import DraftDoc
    from assistant.drafting.pipeline import Draft
    from assistant.evalrun import load_cases

    cases = {c.name: c for c in load_cases()}
    for name in names:
        target = ROOT / "examples" / "drafts" / name
        draft = Draft(DraftDoc.load(target))
        card = scoring.score_text(
            draft.text,
            brief=cases[name].brief,
            outline=draft.outline,
            provenance=draft.authorship,
            sections=draft.sections,
        )
        head = (target / "score.txt").read_text(encoding="utf-8").split("\n", 1)[0]
        write_scorecard(target, head, card)
        print(f"{name}: score {card.score:.3f}, {'passed' if card.passed else 'failed'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
