"""Drafting a speech paragraph by paragraph: plan, write, check, choose, repair.

- `assistant.plan` (pure): each section's paragraphs, their purposes, budgets and facts;
- `write`: the paragraph prompt, candidate sampling with decoding controls, clean-up;
- `choose`: the check registry ranks candidates and names what is wrong;
- `repair`: what the program still does to the chosen paragraph, recorded;
- `pipeline`: the stages, saving after every paragraph, resume, regen.
"""

from __future__ import annotations

from assistant.drafting.pipeline import (
    DEFAULT_CANDIDATES,
    Draft,
    Drafter,
    DraftEvent,
    compose,
    default_out_dir,
    draft_speech,
    ensure_store_ready,
    propose_headlines,
    regenerate_section,
)

__all__ = [
    "DEFAULT_CANDIDATES",
    "Draft",
    "DraftEvent",
    "Drafter",
    "compose",
    "default_out_dir",
    "draft_speech",
    "ensure_store_ready",
    "propose_headlines",
    "regenerate_section",
]
