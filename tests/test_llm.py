"""The chat client against a real fake OpenAI server on 127.0.0.1."""

from __future__ import annotations

import json

import pytest
from fakellm import FakeLLMServer, fake_llm  # noqa: F401 - fake_llm is a fixture

from assistant import tokens
from assistant.config import Endpoint
from assistant.errors import ModelError
from assistant.llm import LLM, ChatResult, ResponseCache

SECRET = "sk-test-secret-9f8e7d6c5b4a"
MESSAGES = [
    {"role": "system", "content": "你是讲话稿写作助手。"},
    {"role": "user", "content": "写闭幕式讲话的开头。"},
]


def make_llm(server: FakeLLMServer, **kwargs) -> LLM:
    ep = Endpoint(
        "custom",
        server.base_url,
        "fake-model",
        api_key=SECRET,
        context_window=kwargs.pop("context_window", 4096),
        key_env="FAKE_API_KEY",
    )
    return LLM(ep, **kwargs)


def test_plain_call_returns_text_and_api_usage(fake_llm):  # noqa: F811
    fake_llm.push("各位代表，同志们：")
    llm = make_llm(fake_llm)
    result = llm.chat(MESSAGES, temperature=0.3, max_tokens=200, seed=7, stop=["。"])
    assert result.text == "各位代表，同志们："
    assert result.usage_from_api
    # The fake reports prompt_tokens as the characters of all contents.
    assert result.prompt_tokens == sum(len(m["content"]) for m in MESSAGES)
    assert result.completion_tokens == len("各位代表，同志们：")
    assert result.endpoint_host == fake_llm.base_url.split("/")[2]
    assert result.model == "fake-model"
    assert not result.cached
    sent = fake_llm.chat_requests[0].json
    assert sent["messages"] == MESSAGES
    assert (sent["temperature"], sent["max_tokens"], sent["seed"], sent["stop"]) == (
        0.3,
        200,
        7,
        ["。"],
    )
    assert "stream" not in sent or not sent["stream"]
    assert fake_llm.chat_requests[0].headers["authorization"] == f"Bearer {SECRET}"
    assert llm.calls == [result]


def test_streaming_delivers_pieces_and_final_usage():
    reply = "市十六届人大四次会议圆满完成了各项议程。"
    with FakeLLMServer(replies=[reply], chunk_chars=3) as server:
        pieces: list[str] = []
        result = make_llm(server).chat(MESSAGES, max_tokens=100, on_token=pieces.append)
        sent = server.chat_requests[0].json
    assert "".join(pieces) == reply == result.text
    assert len(pieces) == -(-len(reply) // 3)
    assert sent["stream"] is True
    assert sent["stream_options"] == {"include_usage": True}
    assert result.usage_from_api
    assert result.completion_tokens == len(pieces)  # the fake's usage chunk counts pieces
    assert result.first_token_seconds is not None
    assert 0 <= result.first_token_seconds <= result.seconds
    assert result.finish_reason == "stop"


def test_usage_is_counted_when_the_api_reports_none():
    reply = "会议期间，各位代表认真审议了各项报告。"
    with FakeLLMServer(replies=[reply, reply], report_usage=False) as server:
        llm = make_llm(server)
        plain = llm.chat(MESSAGES, max_tokens=100)
        streamed = llm.chat(MESSAGES, max_tokens=100, on_token=lambda _: None)
    for result in (plain, streamed):
        assert not result.usage_from_api
        assert result.prompt_tokens == tokens.count_messages(MESSAGES, "fake-model")
        assert result.completion_tokens == tokens.count_tokens(reply, "fake-model")


def test_prompt_over_the_window_is_refused_before_sending(fake_llm):  # noqa: F811
    llm = make_llm(fake_llm, context_window=600)
    long = [{"role": "user", "content": "各位代表" * 50}]
    need = tokens.count_messages(long, "fake-model")
    assert need + 400 > 600  # so this must be refused
    with pytest.raises(ModelError) as err:
        llm.chat(long, max_tokens=400)
    msg = str(err.value)
    assert str(need) in msg and "400" in msg and "600" in msg
    assert fake_llm.chat_requests == []
    # The same prompt with a smaller reply budget fits.
    assert need + 100 <= 600 - 16
    llm.chat(long, max_tokens=100)
    assert len(fake_llm.chat_requests) == 1


def test_broken_stream_is_retried_once_from_scratch():
    reply = "我们要坚持稳中求进工作总基调，推动高质量发展。"
    with FakeLLMServer(replies=[reply]) as server:
        server.drop_next_stream(after_chunks=2)
        pieces: list[str] = []
        restarts: list[int] = []

        def restart() -> None:
            restarts.append(len(pieces))
            pieces.clear()

        result = make_llm(server).chat(
            MESSAGES, max_tokens=100, on_token=pieces.append, on_retry=restart
        )
        assert len(server.chat_requests) == 2
    assert restarts == [2]  # two pieces had arrived before the drop
    assert result.text == reply == "".join(pieces)


def test_stream_broken_twice_is_an_error():
    with FakeLLMServer(replies=["一二三四五六七八九十"]) as server:
        server.drop_next_stream(after_chunks=1, times=2)
        with pytest.raises(ModelError, match="中途断开") as err:
            make_llm(server).chat(MESSAGES, max_tokens=50, on_token=lambda _: None)
        assert len(server.chat_requests) == 2
    assert SECRET not in str(err.value)


def test_server_errors_are_retried_by_the_client(fake_llm):  # noqa: F811
    fake_llm.fail_next(500, times=2)
    fake_llm.push("第三次成功")
    result = make_llm(fake_llm).chat(MESSAGES, max_tokens=50)
    assert result.text == "第三次成功"
    assert len(fake_llm.chat_requests) == 3


@pytest.mark.parametrize(
    ("status", "expect"),
    [
        (401, "FAKE_API_KEY"),  # says which variable to check
        (403, "权限"),
        (404, "fake-model"),  # names the model that was not found
        (429, "429"),
        (500, "服务端出错"),
        (400, "400"),
    ],
)
def test_errors_are_mapped_and_never_show_the_key(fake_llm, status, expect):  # noqa: F811
    # The server echoes the key in its message, as some gateways do; it must be scrubbed.
    fake_llm.fail_next(status, times=3, message=f"bad request for key {SECRET}")
    with pytest.raises(ModelError) as err:
        make_llm(fake_llm).chat(MESSAGES, max_tokens=50)
    assert expect in str(err.value)
    assert SECRET not in str(err.value)
    assert SECRET not in repr(err.value)
    assert err.value.__cause__ is None  # the openai exception (with headers) is not chained


def test_unreachable_server_names_the_url():
    with FakeLLMServer() as server:
        url = server.base_url
    ep = Endpoint("custom", url, "m", api_key=SECRET)
    with pytest.raises(ModelError) as err:
        LLM(ep, max_retries=0).chat(MESSAGES, max_tokens=10)
    assert url in str(err.value)
    assert "--provider" in str(err.value)


def test_cache_hit_skips_the_server_and_keeps_no_secret(fake_llm, tmp_path):  # noqa: F811
    fake_llm.push("第一次的回答", "第二次的回答", "第三次的回答")
    cache = ResponseCache(tmp_path / "cache")
    llm = make_llm(fake_llm, cache=cache)
    first = llm.chat(MESSAGES, temperature=0.0, max_tokens=50)
    pieces: list[str] = []
    again = llm.chat(MESSAGES, temperature=0.0, max_tokens=50, on_token=pieces.append)
    assert len(fake_llm.chat_requests) == 1
    assert again.cached and not first.cached
    assert again.text == first.text == "第一次的回答" == "".join(pieces)
    assert again.prompt_tokens == first.prompt_tokens
    # Different parameters are a different request.
    other = llm.chat(MESSAGES, temperature=0.5, max_tokens=50)
    assert other.text == "第二次的回答" and not other.cached
    # The caller can bypass the cache.
    bypass = llm.chat(MESSAGES, temperature=0.0, max_tokens=50, use_cache=False)
    assert bypass.text == "第三次的回答"
    files = list((tmp_path / "cache").rglob("*.json"))
    assert len(files) == 2
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert SECRET not in text
        assert json.loads(text)["result"]["cached"] is False


def test_errors_are_not_cached(fake_llm, tmp_path):  # noqa: F811
    cache = ResponseCache(tmp_path / "cache")
    llm = make_llm(fake_llm, cache=cache, max_retries=0)
    fake_llm.fail_next(500)
    with pytest.raises(ModelError):
        llm.chat(MESSAGES, max_tokens=50)
    assert not list((tmp_path / "cache").rglob("*.json"))
    fake_llm.push("恢复了")
    assert llm.chat(MESSAGES, max_tokens=50).text == "恢复了"
    assert llm.chat(MESSAGES, max_tokens=50).cached


def test_cache_key_ignores_the_key_and_the_local_port():
    base = Endpoint("custom", "http://h:1/v1", "m", api_key="sk-one")
    other_key = Endpoint("custom", "http://h:1/v1", "m", api_key="sk-two")
    other_host = Endpoint("custom", "http://h:2/v1", "m", api_key="sk-one")
    params = {"temperature": 0.0, "max_tokens": 10}
    key = ResponseCache.key(base, MESSAGES, params)
    assert key == ResponseCache.key(other_key, MESSAGES, params)
    assert key != ResponseCache.key(other_host, MESSAGES, params)
    assert key != ResponseCache.key(base, MESSAGES[:1], params)
    local_a = Endpoint("local", "", "qwen2.5-coder-0.5b", is_local=True)
    local_b = Endpoint("local", "http://127.0.0.1:5555/v1", "qwen2.5-coder-0.5b", is_local=True)
    assert ResponseCache.key(local_a, MESSAGES, params) == ResponseCache.key(
        local_b, MESSAGES, params
    )


def test_cache_ignores_corrupt_files(tmp_path):
    cache = ResponseCache(tmp_path)
    result = ChatResult("文本", 3, 2, 0.1, None, "m", "h")
    cache.put("ab" * 32, result)
    assert cache.get("ab" * 32) == ChatResult("文本", 3, 2, 0.1, None, "m", "h", cached=True)
    (tmp_path / "ab" / f"{'ab' * 32}.json").write_text("{not json", encoding="utf-8")
    assert cache.get("ab" * 32) is None


def test_from_config_uses_the_environment(fake_llm, monkeypatch):  # noqa: F811
    monkeypatch.setenv("OPENAI_BASE_URL", fake_llm.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    monkeypatch.setenv("ASSISTANT_MODEL", "fake-model")
    fake_llm.push("好")
    llm = LLM.from_config()
    assert SECRET not in repr(llm)
    assert llm.chat(MESSAGES, max_tokens=5).text == "好"
    assert fake_llm.chat_requests[0].json["model"] == "fake-model"


def test_fake_server_serves_models_and_embeddings(fake_llm):  # noqa: F811
    import openai

    client = openai.OpenAI(base_url=fake_llm.base_url, api_key=SECRET, max_retries=0)
    try:
        assert [m.id for m in client.models.list()] == ["fake-model"]
        emb = client.embeddings.create(model="fake-embed", input=["甲", "乙"])
        again = client.embeddings.create(model="fake-embed", input=["甲"])
    finally:
        client.close()
    assert len(emb.data) == 2
    assert emb.data[0].embedding == again.data[0].embedding
    assert emb.data[0].embedding != emb.data[1].embedding


def test_responder_sees_the_request():
    seen = []

    def responder(body):
        seen.append(body["messages"][-1]["content"])
        return f"回答：{len(seen)}"

    with FakeLLMServer(responder=responder) as server:
        llm = make_llm(server)
        assert llm.chat(MESSAGES, max_tokens=5).text == "回答：1"
        assert llm.chat(MESSAGES, max_tokens=5, on_token=lambda _: None).text == "回答：2"
    assert seen == [MESSAGES[-1]["content"]] * 2


def test_server_rejecting_stream_options_still_streams():
    def responder(body):
        return "流式回答"

    with FakeLLMServer(responder=responder) as server:
        server.fail_next(400, message="Unrecognized request argument: stream_options")
        llm = make_llm(server)
        pieces: list[str] = []
        result = llm.chat(MESSAGES, max_tokens=20, on_token=pieces.append)
        requests = server.chat_requests
    assert result.text == "流式回答" == "".join(pieces)
    assert "stream_options" in requests[0].json
    assert "stream_options" not in requests[1].json
    assert not result.usage_from_api
