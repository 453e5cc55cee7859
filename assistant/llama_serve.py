"""The embedded model's server: llama-cpp-python's own (`python -m llama_cpp.server`), with
one change to how a request's GBNF grammar is sampled.

llama-cpp-python puts the grammar sampler right after the penalties, so every token the
grammar checks the whole vocabulary (Qwen's is 151,936 tokens) against its rules, before
top-k has cut the candidates to 40. Here the chain keeps its order but the grammar reads
only the GRAMMAR_POOL likeliest candidates: what top-k then keeps is the same 40 whenever
that many of the pool are allowed, which the drafting grammar (no colons, markup, kana or
list markers) always leaves. Measured with bench/bench_decode.py on the 1.5B (one
paragraph's prompt, three draws an arm): 8.5 tokens/s with the grammar over the whole
vocabulary against 18.7 without a grammar.

Run as `python -m assistant.llama_serve` with llama_cpp.server's own arguments.
"""

from __future__ import annotations

import runpy
import sys
from typing import Any

# Candidates the grammar reads: far more than top-k's 40, so a grammar that rejects many
# of the likeliest still leaves top-k a full choice, and a small share of the vocabulary.
GRAMMAR_POOL = 1000
# Only a grammar that opens with this comment is pooled: one that ever allows only a few
# tokens (the follow-up's one sentence, after whose 。 only the end of the turn may come) could
# find none of them among the pool, and llama.cpp aborts the server when the token it then
# samples is one the grammar rejects. The drafting grammars forbid characters and runs and
# always leave most of the vocabulary.
POOLED_MARK = "# pooled\n"


def _unsorted(candidates: Any) -> None:
    candidates.contents.sorted = False


def patch_sampler(llama_class: Any, bindings: Any) -> None:
    """Make `llama_class._init_sampler` cut the candidates to GRAMMAR_POOL before the
    grammar: the chain is built without the grammar, then the samplers after the penalties
    are taken off, a top-k of the pool and the grammar added, and the rest put back."""
    original = llama_class._init_sampler
    if getattr(original, "pooled_grammar", False):
        return

    def _init_sampler(self: Any, *args: Any, grammar: Any = None, **kwargs: Any) -> Any:
        if grammar is None or not grammar._grammar.startswith(POOLED_MARK):
            return original(self, *args, grammar=grammar, **kwargs)
        sampler = original(self, *args, grammar=None, **kwargs)
        chain = sampler.sampler
        # (a Python sampler, the logit bias, has no name to ask: llama.cpp would call a null)
        custom = {i for i, _ in sampler.custom_samplers}
        names = [
            None
            if i in custom
            else bindings.llama_sampler_name(bindings.llama_sampler_chain_get(chain, i))
            for i in range(bindings.llama_sampler_chain_n(chain))
        ]
        # (penalties that do nothing are named ?penalties)
        names = [n.lstrip(b"?") if n else n for n in names]
        at = names.index(b"penalties") + 1 if b"penalties" in names else 0
        if any(i >= at for i in custom):
            # a Python sampler after the cut would move, and llama-cpp-python frees those by
            # their place: the chain as llama-cpp-python builds it
            sampler.close()
            return original(self, *args, grammar=grammar, **kwargs)
        # (taken off from the end, so each index stays valid; the chain no longer owns them)
        rest = [
            bindings.llama_sampler_chain_remove(chain, i) for i in range(len(names) - 1, at - 1, -1)
        ]
        sampler.add_top_k(GRAMMAR_POOL)
        sampler.add_grammar(self._model, grammar)
        # The pool's top-k leaves the candidates marked sorted and the grammar does not unmark
        # them, so the top-k after would keep the first 40 of the pool, rejected or not (the
        # 0.5B, asked for a list with colons, was then sampled a colon the grammar forbids and
        # llama.cpp aborted): marked unsorted, they are sorted again with the rejected last.
        sampler.add_custom(_unsorted)
        for s in reversed(rest):
            bindings.llama_sampler_chain_add(chain, s)
        return sampler

    _init_sampler.pooled_grammar = True  # type: ignore[attr-defined]
    llama_class._init_sampler = _init_sampler


def main() -> None:
    import llama_cpp
    from llama_cpp import llama

    try:
        patch_sampler(llama.Llama, llama_cpp)
    except AttributeError as exc:  # another llama-cpp-python: its own sampling, slower
        print(
            f"assistant.llama_serve: grammar sampled over the whole vocabulary ({exc})",
            file=sys.stderr,
        )
    runpy.run_module("llama_cpp.server", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
