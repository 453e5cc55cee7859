"""One chat call against an OpenAI-compatible endpoint, with budgets, usage and a cache.

`LLM(endpoint).chat(messages, temperature=…, max_tokens=…)` returns a ChatResult. The
prompt is counted before sending and refused when it cannot fit the context window; usage
comes from the API when reported, else from our own count. The openai client retries
failed requests itself (max_retries); a stream that breaks mid-way is not retried by it,
so we retry that once from scratch. Every openai exception becomes a ModelError that says
what to do next and never carries the key.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from assistant import paths, tokens
from assistant.config import LOCAL_PROVIDER, NO_KEY, Endpoint, resolve_endpoint
from assistant.errors import ModelError
from assistant.prompts import strip_chat_tokens

Messages = Sequence[Mapping[str, Any]]
# Slack between our cl100k count and the server's own tokenizer at the edge of the window.
CONTEXT_MARGIN = 16
# A total deadline per call, retries included: each attempt gets an equal share, so a
# server that accepts the connection and never answers costs this long, not this × the
# attempts (it was 900 s × 3 = 45 minutes). A 2-core CPU may need minutes for one long
# paragraph; ASSISTANT_LLM_DEADLINE (seconds) changes it.
LOCAL_TIMEOUT = 900.0
REMOTE_TIMEOUT = 300.0
CONNECT_TIMEOUT = 10.0
ENV_DEADLINE = "ASSISTANT_LLM_DEADLINE"


def default_deadline(is_local: bool) -> float:
    raw = os.environ.get(ENV_DEADLINE)
    if raw:
        try:
            value = float(raw)
        except ValueError:
            value = 0.0
        if value > 0:
            return value
        raise ModelError(f"环境变量 {ENV_DEADLINE} 应为正数（秒），实际是 {raw!r}")
    return LOCAL_TIMEOUT if is_local else REMOTE_TIMEOUT


@dataclass(frozen=True)
class ChatResult:
    text: str
    prompt_tokens: int
    completion_tokens: int
    seconds: float
    first_token_seconds: float | None
    model: str
    endpoint_host: str
    cached: bool = False
    finish_reason: str | None = None
    usage_from_api: bool = False

    @property
    def tokens_per_second(self) -> float:
        """Decode speed: completion tokens over the time after the first token (or all)."""
        span = self.seconds - (self.first_token_seconds or 0.0)
        return self.completion_tokens / span if span > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ChatResult:
        fields = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in fields})


class ResponseCache:
    """Finished replies as JSON files keyed on endpoint + model + messages + parameters.

    The key never includes the API key; for the embedded model the endpoint part is the
    model itself, not the server's random port. Errors are never stored.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    @classmethod
    def default(cls) -> ResponseCache:
        return cls(paths.home() / "cache" / "llm")

    @staticmethod
    def key(endpoint: Endpoint, messages: Messages, params: Mapping[str, Any]) -> str:
        where = (
            f"local:{endpoint.model}" if endpoint.provider == LOCAL_PROVIDER else endpoint.base_url
        )
        blob = json.dumps(
            {
                "endpoint": where.rstrip("/"),
                "model": endpoint.model,
                "messages": [dict(m) for m in messages],
                "params": dict(params),
            },
            ensure_ascii=False,
            sort_keys=True,
        )
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> ChatResult | None:
        path = self._path(key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        try:
            return replace(ChatResult.from_dict(data["result"]), cached=True)
        except (KeyError, TypeError):
            return None  # an old or foreign file: treat as a miss, it will be overwritten

    def put(self, key: str, result: ChatResult) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = {"key": key, "result": replace(result, cached=False).to_dict()}
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, ensure_ascii=False, indent=1)
        os.replace(tmp, path)


class _BrokenStream(Exception):
    """The stream ended without a finish reason or the connection dropped mid-way."""


class _Overdue(Exception):
    """A stream still running past the call's deadline."""


class LLM:
    """A chat client for one endpoint; the openai client is built on first use."""

    def __init__(
        self,
        endpoint: Endpoint,
        *,
        cache: ResponseCache | None = None,
        timeout: float | None = None,
        max_retries: int = 2,
    ) -> None:
        self.endpoint = endpoint
        self.cache = cache
        self.timeout = timeout or default_deadline(endpoint.is_local)  # total, per call
        self.max_retries = max_retries
        self.calls: list[ChatResult] = []  # usage of every call, in order
        self._client: Any = None
        self._base_url: str | None = None
        self._usage_in_stream = True

    @classmethod
    def from_config(
        cls, model: str | None = None, provider: str | None = None, **kwargs: Any
    ) -> LLM:
        return cls(resolve_endpoint(model=model, provider=provider), **kwargs)

    def __repr__(self) -> str:
        return f"LLM({self.endpoint!r})"

    # -- connection -----------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        """The URL requests go to; for the embedded model this starts its server."""
        if self._base_url is None:
            if self.endpoint.provider == LOCAL_PROVIDER:
                from assistant.local_model import shared_server

                self._base_url = shared_server(self.endpoint).base_url
            else:
                self._base_url = self.endpoint.base_url
        return self._base_url

    def _local_server(self) -> Any:
        if self.endpoint.provider != LOCAL_PROVIDER:
            return None
        from assistant.local_model import shared_server

        return shared_server(self.endpoint)

    def _count_text(self, text: str) -> int:
        """Completion tokens when the API reports none: the local model's own tokenizer
        when we run it (llama.cpp's stream has no usage), else the offline estimate."""
        server = self._local_server()
        if server is not None:
            try:
                return int(server.count_tokens(text))
            except ModelError:
                pass
        return tokens.count_tokens(text, self.endpoint.model)

    @property
    def host(self) -> str:
        return self.endpoint.host

    def client(self) -> Any:
        if self._client is None:
            import openai  # imported late: the CLI's help must not pay for it

            self._client = openai.OpenAI(
                base_url=self.base_url,
                api_key=self.endpoint.api_key or NO_KEY,
                max_retries=self.max_retries,
                timeout=self._attempt_timeout(self.timeout),
            )
        return self._client

    def _attempt_timeout(self, remaining: float) -> Any:
        """Each of the client's attempts gets an equal share of what is left of the call's
        deadline; a connection that cannot even be opened fails in seconds."""
        # openai's own Timeout: the HTTP library behind it changed (httpx, then httpx2)
        from openai import Timeout

        share = max(remaining, 0.1) / (self.max_retries + 1)
        return Timeout(share, connect=min(CONNECT_TIMEOUT, share))

    def _client_within(self, started: float) -> Any:
        """The client, its timeouts cut to the rest of the deadline of a call begun at
        `started` (for the re-run of a broken stream)."""
        remaining = self.timeout - (time.monotonic() - started)
        if remaining <= 0:
            raise self._deadline_error()
        return self.client().with_options(timeout=self._attempt_timeout(remaining))

    def _deadline_error(self) -> ModelError:
        where = "内置本地模型" if self.endpoint.provider == LOCAL_PROVIDER else self.host
        return ModelError(
            f"{where} 在 {self.timeout:.0f} 秒内（含重试）没有给出完整回复，已放弃这次调用："
            f"请检查服务是否卡住后重试，或设置环境变量 {ENV_DEADLINE}（秒）放宽时限"
        )

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    # -- budgets --------------------------------------------------------------------------
    def count_prompt(self, messages: Messages) -> int:
        """Prompt tokens: exact for the embedded model (its tokenizer over the ChatML text,
        starting its server if needed), else tiktoken's offline estimate with framing."""
        server = self._local_server()
        if server is not None:
            from assistant.local_model import render_chatml

            try:
                return int(server.count_tokens(render_chatml([dict(m) for m in messages])))
            except ModelError:
                pass
        return tokens.count_messages(messages, self.endpoint.model)

    def tokenize(self, text: str, special: bool = False) -> list[int]:
        """Token ids of `text` in the embedded model's vocabulary (for logit_bias). Only
        the embedded model has this; other endpoints raise ModelError."""
        server = self._local_server()
        if server is None:
            raise ModelError("只有内置本地模型可以取得 token 编号")
        return list(server.tokenize(text, special=special))

    def prompt_budget(self, max_tokens: int) -> int:
        """How many prompt tokens fit beside a reply of `max_tokens`."""
        return self.endpoint.context_window - max_tokens - CONTEXT_MARGIN

    # -- the call -------------------------------------------------------------------------
    def chat(
        self,
        messages: Messages,
        *,
        temperature: float = 0.7,
        max_tokens: int = 1024,
        stop: Sequence[str] | None = None,
        seed: int | None = None,
        on_token: Callable[[str], None] | None = None,
        on_retry: Callable[[], None] | None = None,
        use_cache: bool = True,
        cache_salt: str | None = None,
        **sampling: Any,
    ) -> ChatResult:
        """Send `messages`; stream pieces to `on_token` when given.

        `on_retry` is called before a broken stream is re-run from scratch, so a caller
        that printed the partial text can discard it. A cache hit delivers its whole text
        to `on_token` once. `cache_salt` goes into the cache key only, never to the API:
        a different salt draws a fresh sample where the same request would be a replay.
        """
        messages = [
            {**m, "content": strip_chat_tokens(m["content"])}
            if isinstance(m.get("content"), str)
            else dict(m)
            for m in messages
        ]
        prompt_tokens = self._fitting(messages, max_tokens)
        params: dict[str, Any] = {"temperature": temperature, "max_tokens": max_tokens}
        if stop:
            params["stop"] = list(stop)
        if seed is not None:
            params["seed"] = seed
        # Further OpenAI sampling parameters (frequency_penalty, presence_penalty,
        # logit_bias): sent as given and part of the cache key.
        params.update({k: v for k, v in sampling.items() if v is not None})

        key = None
        if self.cache is not None and use_cache:
            salted = params if cache_salt is None else {**params, "cache_salt": cache_salt}
            key = ResponseCache.key(self.endpoint, messages, salted)
            hit = self.cache.get(key)
            if hit is not None:
                if on_token is not None and hit.text:
                    on_token(hit.text)
                self.calls.append(hit)
                return hit

        if on_token is None:
            result = self._complete(messages, params, prompt_tokens)
        else:
            result = self._stream_once_more(messages, params, prompt_tokens, on_token, on_retry)
        self.calls.append(result)
        if key is not None and self.cache is not None:
            self.cache.put(key, result)
        return result

    def _fitting(self, messages: Messages, max_tokens: int) -> int:
        """The prompt's tokens, when they leave room for `max_tokens` in the context."""
        prompt_tokens = self.count_prompt(messages)
        budget = self.prompt_budget(max_tokens)
        if prompt_tokens > budget:
            raise ModelError(
                f"提示过长：约 {prompt_tokens} tokens，加上回复上限 max_tokens={max_tokens} "
                f"超出模型 {self.endpoint.model} 的上下文 {self.endpoint.context_window} tokens"
                f"（提示最多 {budget}）；请减少范文或缩短材料，或调低 max_tokens"
            )
        return prompt_tokens

    def _stream_once_more(
        self,
        messages: Messages,
        params: dict[str, Any],
        prompt_tokens: int,
        on_token: Callable[[str], None],
        on_retry: Callable[[], None] | None,
    ) -> ChatResult:
        """The streamed reply; a stream broken off is run again from scratch, once, within
        the same deadline (`on_retry` told first)."""
        started = time.monotonic()
        try:
            return self._stream(messages, params, prompt_tokens, on_token, started)
        except _BrokenStream:
            if on_retry is not None:
                on_retry()
        try:
            return self._stream(messages, params, prompt_tokens, on_token, started, retry=True)
        except _BrokenStream as exc:
            raise ModelError(
                f"{self.host} 的流式输出两次中途断开（{exc}）；请检查网络或服务端后重试"
            ) from None

    def _complete(
        self, messages: Messages, params: dict[str, Any], prompt_tokens: int
    ) -> ChatResult:
        start = time.monotonic()
        try:
            resp = self.client().chat.completions.create(
                model=self.endpoint.model, messages=messages, **params
            )
        except Exception as exc:  # noqa: BLE001 - mapped to a user-facing error below
            raise self._map_error(exc) from None
        seconds = time.monotonic() - start
        if not getattr(resp, "choices", None):
            raise ModelError(
                f"{self.host} 返回了空回复（没有 choices）；请稍后重试，或检查模型名与服务端"
            )
        choice = resp.choices[0]
        text = (choice.message.content if choice and choice.message else None) or ""
        usage = getattr(resp, "usage", None)
        return ChatResult(
            text=text,
            prompt_tokens=usage.prompt_tokens if usage else prompt_tokens,
            completion_tokens=usage.completion_tokens if usage else self._count_text(text),
            seconds=seconds,
            first_token_seconds=None,
            model=resp.model or self.endpoint.model,
            endpoint_host=self.host,
            finish_reason=choice.finish_reason if choice else None,
            usage_from_api=usage is not None,
        )

    def _stream(
        self,
        messages: Messages,
        params: dict[str, Any],
        prompt_tokens: int,
        on_token: Callable[[str], None],
        started: float | None = None,
        retry: bool = False,
    ) -> ChatResult:
        import openai

        start = time.monotonic()
        started = start if started is None else started
        extra: dict[str, Any] = {}
        if self._usage_in_stream:
            extra["stream_options"] = {"include_usage": True}
        client = self._client_within(started) if retry else self.client()
        try:
            try:
                stream = client.chat.completions.create(
                    model=self.endpoint.model, messages=messages, stream=True, **extra, **params
                )
            except openai.BadRequestError as exc:
                # Some compatible servers reject stream_options; usage is then counted.
                if "stream_options" not in str(exc) or not extra:
                    raise
                self._usage_in_stream = False
                stream = client.chat.completions.create(
                    model=self.endpoint.model, messages=messages, stream=True, **params
                )
        except Exception as exc:  # noqa: BLE001 - mapped to a user-facing error below
            raise self._map_error(exc) from None
        parts: list[str] = []
        first: float | None = None
        finish: str | None = None
        usage = None
        model = self.endpoint.model
        try:
            for chunk in stream:
                if time.monotonic() - started > self.timeout:
                    # Tokens still trickle in, but the call is over its deadline.
                    raise _Overdue
                model = getattr(chunk, "model", None) or model
                if getattr(chunk, "usage", None):
                    usage = chunk.usage
                for choice in chunk.choices or []:
                    piece = choice.delta.content if choice.delta else None
                    if piece:
                        if first is None:
                            first = time.monotonic() - start
                        parts.append(piece)
                        on_token(piece)
                    if choice.finish_reason:
                        finish = choice.finish_reason
        except _Overdue:
            raise self._deadline_error() from None
        except Exception as exc:  # noqa: BLE001 - transport errors surface from the iterator
            raise _BrokenStream(type(exc).__name__) from None
        finally:
            close = getattr(stream, "close", None)
            if close is not None:
                close()
        if finish is None:
            raise _BrokenStream("no finish_reason")
        text = "".join(parts)
        return ChatResult(
            text=text,
            prompt_tokens=usage.prompt_tokens if usage else prompt_tokens,
            completion_tokens=usage.completion_tokens if usage else self._count_text(text),
            seconds=time.monotonic() - start,
            first_token_seconds=first,
            model=model,
            endpoint_host=self.host,
            finish_reason=finish,
            usage_from_api=usage is not None,
        )

    # -- errors ---------------------------------------------------------------------------
    def _scrub(self, text: str) -> str:
        key = self.endpoint.api_key
        if key and key != NO_KEY:
            text = text.replace(key, "***")
        return text

    def _server_message(self, exc: Exception) -> str:
        body = getattr(exc, "body", None)
        msg = ""
        if isinstance(body, Mapping):
            err = body.get("error", body)
            msg = str(err.get("message", "")) if isinstance(err, Mapping) else str(err)
        msg = msg or str(getattr(exc, "message", "") or "")
        return self._scrub(msg)[:200]

    def _map_error(self, exc: Exception) -> ModelError:
        import openai

        ep = self.endpoint
        host = self.host
        where = "内置本地模型" if ep.provider == LOCAL_PROVIDER else f"{host}"
        key_hint = f"环境变量 {ep.key_env}" if ep.key_env else "API key"
        if isinstance(exc, openai.APITimeoutError):
            return self._deadline_error()
        elif isinstance(exc, openai.APIConnectionError):
            msg = (
                f"连不上 {self.base_url}：服务没有运行或网络不通；"
                "检查 --provider / OPENAI_BASE_URL，或用 --provider local 改用内置本地模型"
            )
        elif isinstance(exc, openai.AuthenticationError):
            msg = f"{where} 拒绝了 API key（401）：请检查 {key_hint} 是否正确、是否过期"
        elif isinstance(exc, openai.PermissionDeniedError):
            msg = f"{where} 拒绝访问（403）：该 key 无权使用模型 {ep.model}；请检查账号权限"
        elif isinstance(exc, openai.RateLimitError):
            msg = (
                f"{where} 限流或额度不足（429），已重试 {self.max_retries} 次："
                f"请稍后再试，或检查账户余额与调用频率（{self._server_message(exc)}）"
            )
        elif isinstance(exc, openai.NotFoundError):
            msg = (
                f"{where} 上找不到模型 {ep.model}（404）：用 --model 或 ASSISTANT_MODEL "
                "指定正确的模型名，`assistant models` 列出各 provider 的默认模型"
            )
        elif isinstance(exc, openai.InternalServerError):
            msg = (
                f"{where} 服务端出错（{getattr(exc, 'status_code', '5xx')}），"
                f"已重试 {self.max_retries} 次；请稍后再试或换一个 provider"
            )
        elif isinstance(exc, openai.BadRequestError):
            msg = f"{where} 拒绝了请求（400）：{self._server_message(exc)}"
        elif isinstance(exc, openai.APIStatusError):
            msg = f"{where} 返回错误 {exc.status_code}：{self._server_message(exc)}"
        else:
            msg = f"调用 {where} 失败：{type(exc).__name__}: {self._scrub(str(exc))[:200]}"
        return ModelError(self._scrub(msg))
