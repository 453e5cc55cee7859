"""How long a speech takes to read aloud: 汉字 at a rate the writer can set (字/分钟).

Leaders read a prepared speech at roughly 200–250 字 a minute; 220 is the default. The rate
comes from a flag, else ASSISTANT_SPEAKING_RATE, else `speaking_rate` in config.toml.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from assistant.errors import ConfigError
from assistant.text import han_count

DEFAULT_RATE = 220
ENV_RATE = "ASSISTANT_SPEAKING_RATE"


@dataclass(frozen=True)
class SpeakingTime:
    han: int
    rate: int  # 字/分钟

    @property
    def minutes(self) -> float:
        return self.han / self.rate

    def line(self) -> str:
        return f"全文约 {self.han:,} 字，按每分钟 {self.rate} 字约讲 {round(self.minutes)} 分钟"

    def as_dict(self) -> dict[str, float | int]:
        return {"han": self.han, "rate": self.rate, "minutes": round(self.minutes, 1)}


def speaking_rate(override: int | None = None) -> int:
    """字/分钟: the flag, else the environment, else the config file, else 220."""
    if override is not None:
        value: object = override
        where = "--rate"
    elif os.environ.get(ENV_RATE):
        value, where = os.environ[ENV_RATE], ENV_RATE
    else:
        from assistant.config import read_config_file

        value, where = read_config_file().get("speaking_rate", DEFAULT_RATE), "speaking_rate"
    try:
        rate = int(str(value))
    except ValueError:
        rate = 0
    if not 60 <= rate <= 600:
        raise ConfigError(f"{where} 应是每分钟字数（60–600 之间的整数），现在是 {value}")
    return rate


def estimate(text: str, rate: int | None = None) -> SpeakingTime:
    return SpeakingTime(han_count(text), speaking_rate(rate))
