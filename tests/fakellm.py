"""A real OpenAI-compatible HTTP server on 127.0.0.1 for tests: no network, no mocks.

The openai client talks to it over a socket exactly as it would to a provider, so its
retries, streaming and error classes are exercised for real.

    from fakellm import FakeLLMServer

    def test_x():
        with FakeLLMServer(replies=["第一段。", "第二段。"]) as srv:
            endpoint = Endpoint("custom", srv.base_url, "fake-model", api_key="sk-test")
            ...
            assert srv.requests[0].json["messages"][0]["content"] == ...

or use the `fake_llm` fixture (import it into the test module or conftest.py).

Replies come from the `replies` queue (first in, first out), else from
`responder(request_json) -> str | (str, finish_reason)`, else a fixed echo of the last user message. Failures
are queued with `fail_next(status)` (401/429/500/…, with or without Retry-After),
`drop_next_stream(after_chunks)`, `malformed_next()` (a broken SSE line), `empty_next()`
(no choices), `truncate_next(chars)` (finish_reason "length") and `hang_next()` (the
request is read and never answered). `closed_port()` gives a URL where nothing listens.
Usage is reported as prompt_tokens = characters of all message contents and
completion_tokens = number of streamed pieces, so tests can tell API usage from counted.
"""

from __future__ import annotations

import hashlib
import json
import struct
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest


@dataclass
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]
    json: Any


@dataclass
class _Failure:
    status: int
    message: str
    retry_after_ms: int | None
    retry_after: str | None = None  # the standard header, in seconds


@dataclass
class _Odd:
    """A 200 answer that is wrong in one way: malformed | empty | truncate | hang."""

    kind: str
    chars: int = 0
    seconds: float = 0.0


@dataclass
class _Drop:
    after_chunks: int


@dataclass
class FakeLLMServer:
    replies: list[str] = field(default_factory=list)
    responder: Callable[[dict[str, Any]], str | tuple[str, str]] | None = None
    model: str = "fake-model"
    # Streamed replies are cut into pieces of this many characters (one SSE chunk each).
    chunk_chars: int = 2
    report_usage: bool = True

    def __post_init__(self) -> None:
        self.requests: list[RecordedRequest] = []
        self._queue: deque[str] = deque(self.replies)
        self._failures: deque[_Failure | _Drop] = deque()
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()

    # -- scripting ------------------------------------------------------------------------
    def push(self, *replies: str) -> None:
        with self._lock:
            self._queue.extend(replies)

    def fail_next(
        self,
        status: int,
        *,
        times: int = 1,
        message: str = "",
        retry_after_ms: int | None = 1,
        retry_after: str | None = None,
    ) -> None:
        """The next `times` chat/embedding requests answer with HTTP `status`
        (`retry_after_ms=None` sends no retry-after-ms header; `retry_after` sends the
        standard Retry-After header with that value)."""
        with self._lock:
            for _ in range(times):
                self._failures.append(
                    _Failure(status, message or f"fake error {status}", retry_after_ms, retry_after)
                )

    def malformed_next(self, *, times: int = 1) -> None:
        """The next `times` streamed replies carry an SSE line that is not JSON."""
        with self._lock:
            self._failures.extend(_Odd("malformed") for _ in range(times))

    def empty_next(self, *, times: int = 1) -> None:
        """The next `times` chat replies have an empty `choices` list."""
        with self._lock:
            self._failures.extend(_Odd("empty") for _ in range(times))

    def truncate_next(self, chars: int, *, times: int = 1) -> None:
        """The next `times` replies stop after `chars` characters, finish_reason "length"."""
        with self._lock:
            self._failures.extend(_Odd("truncate", chars=chars) for _ in range(times))

    def hang_next(self, seconds: float = 30.0, *, times: int = 1) -> None:
        """The next `times` requests are read and never answered (for `seconds`, or until
        the server stops): a server that accepts the connection and goes silent."""
        with self._lock:
            self._failures.extend(_Odd("hang", seconds=seconds) for _ in range(times))

    def drop_next_stream(self, after_chunks: int = 2, *, times: int = 1) -> None:
        """The next `times` streamed replies close the socket after `after_chunks` chunks."""
        with self._lock:
            for _ in range(times):
                self._failures.append(_Drop(after_chunks))

    @property
    def chat_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    # -- lifecycle ------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        assert self._server is not None, "server not started"
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def start(self) -> FakeLLMServer:
        handler = type("Handler", (_Handler,), {"fake": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> FakeLLMServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- behaviour ------------------------------------------------------------------------
    def _next_failure(self, streaming: bool) -> _Failure | _Drop | _Odd | None:
        with self._lock:
            if not self._failures:
                return None
            head = self._failures[0]
            if isinstance(head, _Drop) and not streaming:
                return None
            return self._failures.popleft()

    def _reply_for(self, body: dict[str, Any]) -> str | tuple[str, str]:
        with self._lock:
            if self._queue:
                return self._queue.popleft()
        if self.responder is not None:
            return self.responder(body)
        users = [m for m in body.get("messages", []) if m.get("role") == "user"]
        last = users[-1]["content"] if users else ""
        return f"收到：{last}"


def closed_port() -> str:
    """A base URL on 127.0.0.1 where nothing listens: connect refused."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"


def _prompt_chars(body: dict[str, Any]) -> int:
    return sum(len(str(m.get("content") or "")) for m in body.get("messages", []))


def _fake_vector(text: str, dim: int = 8) -> list[float]:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    raw = [struct.unpack("<h", digest[i : i + 2])[0] for i in range(0, 2 * dim, 2)]
    norm = sum(x * x for x in raw) ** 0.5 or 1.0
    return [x / norm for x in raw]


class _Handler(BaseHTTPRequestHandler):
    fake: FakeLLMServer
    protocol_version = "HTTP/1.1"  # chunked bodies, so a dropped stream is detectably cut

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass  # keep test output clean

    def _record(self, body: Any) -> None:
        headers = {k.lower(): v for k, v in self.headers.items()}
        with self.fake._lock:
            self.fake.requests.append(RecordedRequest(self.command, self.path, headers, body))

    def _send_json(self, status: int, payload: Any, extra: dict[str, str] | None = None) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)
        self.close_connection = True

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        self._record(None)
        if self.path.rstrip("/").endswith("/models"):
            model = {"id": self.fake.model, "object": "model", "owned_by": "fake"}
            self._send_json(200, {"object": "list", "data": [model]})
        else:
            self._send_json(404, {"error": {"message": "not found", "type": "not_found"}})

    def do_POST(self) -> None:  # noqa: N802 - stdlib naming
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw or b"{}")
        except json.JSONDecodeError:
            self._record(raw.decode("utf-8", "replace"))
            self._send_json(400, {"error": {"message": "bad json", "type": "invalid_request"}})
            return
        self._record(body)
        if self.path.endswith("/chat/completions"):
            self._chat(body)
        elif self.path.endswith("/embeddings"):
            self._embeddings(body)
        else:
            self._send_json(404, {"error": {"message": "not found", "type": "not_found"}})

    def _fail(self, failure: _Failure) -> None:
        extra = {}
        if failure.retry_after_ms is not None:
            extra["retry-after-ms"] = str(failure.retry_after_ms)
        if failure.retry_after is not None:
            extra["retry-after"] = failure.retry_after
        err = {"message": failure.message, "type": "fake_error", "code": failure.status}
        self._send_json(failure.status, {"error": err}, extra)

    def _embeddings(self, body: dict[str, Any]) -> None:
        failure = self.fake._next_failure(streaming=False)
        if isinstance(failure, _Failure):
            self._fail(failure)
            return
        inputs = body.get("input", [])
        inputs = [inputs] if isinstance(inputs, str) else list(inputs)
        data = [
            {"object": "embedding", "index": i, "embedding": _fake_vector(str(t))}
            for i, t in enumerate(inputs)
        ]
        usage = {"prompt_tokens": sum(len(str(t)) for t in inputs)}
        usage["total_tokens"] = usage["prompt_tokens"]
        self._send_json(
            200, {"object": "list", "data": data, "model": body.get("model"), "usage": usage}
        )

    def _chat(self, body: dict[str, Any]) -> None:
        streaming = bool(body.get("stream"))
        failure = self.fake._next_failure(streaming)
        if isinstance(failure, _Failure):
            self._fail(failure)
            return
        odd = failure if isinstance(failure, _Odd) else None
        if odd is not None and odd.kind == "hang":
            self.fake._stopping.wait(odd.seconds)
            self.close_connection = True
            return
        text = self.fake._reply_for(body)
        finish = "stop"
        if isinstance(text, tuple):  # a responder may answer (text, finish_reason)
            text, finish = text
        for stop in body.get("stop") or ():  # as an OpenAI endpoint: the text before a stop
            text = text.split(stop, 1)[0]
        if odd is not None and odd.kind == "truncate":
            text, finish = text[: odd.chars], "length"
        model = body.get("model") or self.fake.model
        created = int(time.time())
        if odd is not None and odd.kind == "empty" and not streaming:
            self._send_json(200, {"id": "chatcmpl-fake", "object": "chat.completion",
                                  "created": created, "model": model, "choices": []})  # fmt: skip
            return
        if not streaming:
            usage = {
                "prompt_tokens": _prompt_chars(body),
                "completion_tokens": len(text),
                "total_tokens": _prompt_chars(body) + len(text),
            }
            message = {"role": "assistant", "content": text}
            payload = {
                "id": "chatcmpl-fake",
                "object": "chat.completion",
                "created": created,
                "model": model,
                "choices": [{"index": 0, "message": message, "finish_reason": finish}],
            }
            if self.fake.report_usage:
                payload["usage"] = usage
            self._send_json(200, payload)
            return
        drop = failure if isinstance(failure, _Drop) else None
        self._stream(body, text, model, created, drop, finish, odd.kind if odd else "")

    def _stream(
        self,
        body: dict[str, Any],
        text: str,
        model: str,
        created: int,
        drop: _Drop | None,
        finish: str = "stop",
        odd: str = "",
    ) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True

        def event(payload: Any) -> None:
            data = f"data: {payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)}\n\n"
            raw = data.encode("utf-8")
            self.wfile.write(f"{len(raw):x}\r\n".encode() + raw + b"\r\n")
            self.wfile.flush()

        def chunk(delta: dict[str, Any], finish: str | None) -> dict[str, Any]:
            return {
                "id": "chatcmpl-fake",
                "object": "chat.completion.chunk",
                "created": created,
                "model": model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            }

        step = max(1, self.fake.chunk_chars)
        pieces = [text[i : i + step] for i in range(0, len(text), step)] or [""]
        if odd == "empty":  # a stream whose chunks carry no choices and no finish
            for _ in pieces:
                empty = chunk({}, None)
                empty["choices"] = []
                event(empty)
            event("[DONE]")
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()
            return
        event(chunk({"role": "assistant", "content": ""}, None))
        for n, piece in enumerate(pieces):
            if odd == "malformed" and n == 1:
                event('{"id": "chatcmpl-fake", "choices": [{"delta": {"content": "断')
            if drop is not None and n >= drop.after_chunks:
                # Cut mid-body: no terminating chunk, so the client sees an incomplete read.
                # The reply goes back to the queue's front: a retry gets the same text.
                with self.fake._lock:
                    self.fake._queue.appendleft(text)
                self.wfile.flush()
                self.connection.shutdown(2)
                return
            event(chunk({"content": piece}, None))
        event(chunk({}, finish))
        include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
        if include_usage and self.fake.report_usage:
            usage_chunk = chunk({}, None)
            usage_chunk["choices"] = []
            usage_chunk["usage"] = {
                "prompt_tokens": _prompt_chars(body),
                "completion_tokens": len(pieces),
                "total_tokens": _prompt_chars(body) + len(pieces),
            }
            event(usage_chunk)
        event("[DONE]")
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()


@pytest.fixture
def fake_llm():
    """A running FakeLLMServer; script it with .push(), .fail_next(), .drop_next_stream()."""
    with FakeLLMServer() as server:
        yield server
