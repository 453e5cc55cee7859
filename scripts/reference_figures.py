"""Print the reference figures (assistant/reference.py) for drafts, to rerun the README's.

    python scripts/reference_figures.py RUN_DIR [RUN_DIR ...]
        per case of each `assistant eval run` output (its results.json): the figures of the
        reference block, the number of reference points not covered, the draft's length;
    python scripts/reference_figures.py --draft FILE --case CASE.toml
        one draft file against its case's reference; a case without a reference (the
        example brief, the new-* briefs) is compared with every corpus speech of its
        occasion and the mean is printed, labelled as such.

With no arguments: the two drafts the repository keeps (the old pipeline's draft of the
example brief, tests/data/known-bad-draft.md, and the new drafting's draft in
examples/drafts/), each against the corpus speeches of its occasion (neither brief has a
reference of its own).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant.corpus import load_corpus  # noqa: E402
from assistant.evalrun import load_case, score_case_text  # noqa: E402
from assistant.reference import FIGURES, CaseReference, default_similarity  # noqa: E402
from assistant.text import han_count  # noqa: E402

KEYS = FIGURES


def _cells(figs: dict) -> str:
    return "\t".join("—" if figs.get(k) is None else f"{figs[k]:.3f}" for k in KEYS)


def from_runs(dirs: list[str]) -> None:
    print("run\tcase\t" + "\t".join(KEYS) + "\tuncovered\tdraft 字\tscore")
    for d in dirs:
        path = Path(d) / "results.json" if Path(d).is_dir() else Path(d)
        if not path.is_file():
            print(f"{path.parent.name}\t(no results.json: the run did not finish)")
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            for run in case["runs"]:
                block = run.get("reference")
                if not block:
                    why = run.get("error") or "no reference"
                    print(f"{path.parent.name}\t{case['name']}\t({why})")
                    continue
                chars = sum(r["draft_chars"] for r in block["sections"]) + sum(
                    han_count(m["draft_text"]) for m in block["points"]["matches"]
                )
                print(
                    f"{path.parent.name}\t{case['name']}\t{_cells(block['figures'])}\t"
                    f"{len(block['points']['uncovered'])}/{len(block['points']['matches'])}\t"
                    f"{chars}\t{run.get('score')}"
                )


def one_draft(draft: Path, case_path: Path, corpus, sim) -> dict:
    from dataclasses import replace

    case = load_case(case_path)
    text = draft.read_text(encoding="utf-8")
    card = score_case_text(text, case, corpus=corpus)
    refs = (
        [case.reference]
        if case.reference
        else [s.id for s in corpus if s.occasion == case.occasion]
    )
    rows = {}
    for ref in refs:
        block = CaseReference(replace(case, reference=ref), corpus, similarity=sim).compare(
            text, card
        )
        rows[ref] = block["figures"]
    print(f"\n{draft} ({case.name}; {han_count(text)} 汉字, score {card.score:.3f})")
    print("against\t" + "\t".join(KEYS))
    for ref, figs in rows.items():
        print(f"{ref}\t{_cells(figs)}")
    if len(rows) > 1:
        mean = {
            k: statistics.mean(f[k] for f in rows.values() if f.get(k) is not None)
            for k in KEYS
            if any(f.get(k) is not None for f in rows.values())
        }
        print(f"mean of {len(rows)} (no reference of its own)\t{_cells(mean)}")
        return mean
    return next(iter(rows.values()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("runs", nargs="*", help="eval run output directories or results.json")
    ap.add_argument("--draft", type=Path)
    ap.add_argument("--case", type=Path)
    args = ap.parse_args()
    if args.runs:
        from_runs(args.runs)
        return
    corpus = load_corpus()
    sim = default_similarity()
    if args.draft:
        if not args.case:
            ap.error("--draft needs --case")
        one_draft(args.draft, args.case, corpus, sim)
        return
    one_draft(
        REPO / "tests/data/known-bad-draft.md",
        REPO / "evals/cases/example-qingshan.toml",
        corpus,
        sim,
    )
    example = REPO / "examples/drafts/new-baisha-closing-2026-sparse"
    one_draft(example / "draft.md", example / "case.toml", corpus, sim)


if __name__ == "__main__":
    main()
