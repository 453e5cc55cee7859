"""Errors users see. Each message says what went wrong and what to do next."""

from __future__ import annotations


class AssistantError(Exception):
    """An error with a message fit for the user; the CLI prints it on one line."""

    exit_code = 1


class InputError(AssistantError):
    """Bad input from the user (a file, a flag, a brief)."""


class ConfigError(AssistantError):
    """Missing or inconsistent configuration (endpoint, model, data dir)."""


class ModelError(AssistantError):
    """The LLM endpoint failed or answered unusably."""
