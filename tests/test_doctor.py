"""`assistant doctor` finds each broken setup it claims to, and says what to do about it."""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from fakellm import FakeLLMServer
from test_store import HashEmbedder
from typer.testing import CliRunner

from assistant import doctor, local_model
from assistant.config import Endpoint, resolve_endpoint
from assistant.corpus import load_corpus
from assistant.model_catalog import ModelSpec
from assistant.store import Store


def test_python_too_old_fails_with_a_fix():
    assert doctor.check_python((3, 12, 1)).status == doctor.OK
    old = doctor.check_python((3, 10, 4))
    assert old.status == doctor.FAIL and "3.10.4" in old.detail and "3.11" in old.fix


def test_missing_runtime_fails_for_the_embedded_model_only():
    local = resolve_endpoint(require_key=False)
    missing = doctor.check_runtime(local, available=lambda: False)
    assert missing.status == doctor.FAIL and "assistant setup" in missing.fix
    remote = Endpoint("deepseek", "https://api.deepseek.com/v1", "deepseek-chat", key_env="X")
    assert doctor.check_runtime(remote, available=lambda: False).status == doctor.SKIP


def test_model_file_missing_truncated_corrupt_and_good(tmp_path):
    body = b"GGUF" + bytes(range(256)) * 40
    digest = hashlib.sha256(body).hexdigest()
    path = tmp_path / "m.gguf"

    gone = doctor.check_model_file("m", path, sha256=digest, size=len(body))
    assert gone.status == doctor.FAIL and "assistant setup m" in gone.fix

    path.write_bytes(body[:-10])
    short = doctor.check_model_file("m", path, sha256=digest, size=len(body))
    assert short.status == doctor.FAIL and "大小" in short.detail and "model install m" in short.fix

    path.write_bytes(body[:-1] + b"\x00")  # right size, wrong bytes
    corrupt = doctor.check_model_file("m", path, sha256=digest, size=len(body))
    assert corrupt.status == doctor.FAIL and "SHA-256" in corrupt.detail

    path.write_bytes(body)
    good = doctor.check_model_file("m", path, sha256=digest, size=len(body))
    assert good.status == doctor.OK and digest[:16] in good.detail


def test_model_check_hashes_in_full_even_with_a_stale_sidecar(tmp_path, monkeypatch):
    """The installer trusts its size+mtime sidecar; doctor re-hashes, so it sees tampering."""
    monkeypatch.setenv("ASSISTANT_MODELS_DIR", str(tmp_path))
    body = b"GGUF" + b"x" * 4096
    spec = ModelSpec("tiny", "test", (), len(body), hashlib.sha256(body).hexdigest())
    monkeypatch.setattr(local_model, "spec_for", lambda name: spec)
    path = local_model.installed_path(spec)
    path.write_bytes(b"GGUF" + b"y" * 4096)  # right size, wrong bytes
    local_model._write_sidecar(
        path, {"size": spec.size, "mtime_ns": path.stat().st_mtime_ns, "sha256": spec.sha256}
    )
    assert local_model.is_verified(path, spec)  # the fast path is fooled …
    endpoint = Endpoint("local", "", "tiny", is_local=True)
    found = doctor.check_model(endpoint)
    assert found.status == doctor.FAIL and "SHA-256" in found.detail  # … doctor is not


def test_index_missing_stale_and_current(tmp_path):
    store = Store(embedder=HashEmbedder(), path=tmp_path / "chroma")
    empty = doctor.check_index(store)
    assert empty.status == doctor.WARN and "未入库 9 篇" in empty.detail
    assert empty.fix == "运行 assistant corpus ingest"

    speeches = load_corpus()
    store.ingest(speeches)
    assert doctor.check_index(store).status == doctor.OK

    edited = [*speeches[:-1], replace(speeches[-1], text="改过的讲话。")]
    stale = store.stale(edited)
    assert stale == {"missing": [], "changed": [speeches[-1].id], "removed": []}
    assert store.stale(speeches[:-1])["removed"] == [speeches[-1].id]


class _Reject(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        self.send_response(401)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def test_endpoint_reachable_rejected_unreachable_and_key_never_shown():
    secret = "sk-do-not-print-7f3a"
    with FakeLLMServer() as srv:
        ep = Endpoint(
            "custom", srv.base_url, "fake-model", api_key=secret, key_env="OPENAI_API_KEY"
        )
        found = doctor.check_endpoint(ep)
        assert [f.status for f in found] == [doctor.OK, doctor.OK]
        assert srv.requests[-1].headers.get("authorization") == f"Bearer {secret}"
    assert secret not in json.dumps([f.as_dict() for f in found], ensure_ascii=False)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Reject)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/v1"
        ep = Endpoint("custom", url, "m", api_key=secret, key_env="OPENAI_API_KEY")
        rejected = doctor.check_endpoint(ep)[-1]
        assert rejected.status == doctor.FAIL and "401" in rejected.detail
        assert secret not in rejected.detail + rejected.fix
        port = httpd.server_address[1]
    finally:
        httpd.shutdown()
        httpd.server_close()

    ep = Endpoint("custom", f"http://127.0.0.1:{port}/v1", "m", key_env="OPENAI_API_KEY")
    down = doctor.check_endpoint(ep, timeout=1)
    assert down[-1].status == doctor.FAIL and "连不上" in down[-1].detail


def test_missing_key_for_a_remote_provider(monkeypatch):
    monkeypatch.setenv("ASSISTANT_PROVIDER", "deepseek")
    monkeypatch.delenv("DEEPSEEK_API_KEY", raising=False)
    ep = resolve_endpoint(require_key=False)
    key = doctor.check_endpoint(ep, timeout=0.5)[0]
    assert key.status == doctor.FAIL and "DEEPSEEK_API_KEY" in key.fix


def test_fonts_missing_named_and_aliases_accepted():
    none = doctor.check_fonts({"DejaVu Sans"})
    assert none.status == doctor.WARN and "仿宋_GB2312" in none.detail and none.fix
    windows = doctor.check_fonts({"FangSong", "SimHei", "KaiTi", "方正小标宋简体"})
    assert windows.status == doctor.OK


def test_cli_exits_1_on_failure_and_prints_what_to_do(monkeypatch):
    from assistant.cli import app

    monkeypatch.setenv("ASSISTANT_PROVIDER", "deepseek")
    monkeypatch.setenv("DEEPSEEK_API_KEY", "sk-secret-never-shown")
    monkeypatch.setenv("ASSISTANT_EMBEDDINGS_MODEL", "")
    monkeypatch.setattr(
        doctor, "check_index", lambda store=None: doctor.Finding("语料索引", "ok", "x")
    )
    monkeypatch.setattr(
        doctor,
        "check_endpoint",
        lambda ep, timeout=3.0: [
            doctor.Finding("模型端点", doctor.FAIL, "连不上", "确认服务已启动")
        ],
    )
    result = CliRunner().invoke(app, ["doctor"])
    assert result.exit_code == 1
    assert "✗ 模型端点：连不上" in result.output and "→ 确认服务已启动" in result.output
    as_json = CliRunner().invoke(app, ["doctor", "--json"])
    data = json.loads(as_json.stdout)
    assert {"name", "status", "detail", "fix"} <= set(data[0])
    assert "sk-secret-never-shown" not in result.output + as_json.stdout


@pytest.mark.parametrize("status,exit_code", [(doctor.WARN, 0), (doctor.FAIL, 1)])
def test_only_failures_fail(status, exit_code, monkeypatch):
    from assistant.cli import app

    monkeypatch.setattr(doctor, "run_all", lambda: [doctor.Finding("x", status, "y", "z")])
    assert CliRunner().invoke(app, ["doctor"]).exit_code == exit_code
