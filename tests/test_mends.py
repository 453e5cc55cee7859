"""The mends drafting applies come from the same data the checks find by: each mended
wording is a finding of its check before the mend and none after."""

from __future__ import annotations

import pytest

from assistant.checks import REGISTRY, Subject
from assistant.checks.mends import apply_mends, mends

# One sentence a mend is for, by the check that finds it.
SAMPLES = [
    ("integrity", "要加强党的对人大工作的领导，把这件事抓在日常。"),
    ("integrity", "作为临江区的一名干部，我们要把群众的事放在心上。"),
    ("integrity", "一要提升自身素质；二要拓宽视野；三要倾听群众意见；五。"),
    ("integrity", "要把党的领导贯穿到各项工作中。只有这样，为高质量发展奠定坚实基础。"),
    ("integrity", "全体代表在听取并审议了政府工作报告等报告，认真履行了职责。"),
    ("register", "要把代表联络站建好用好。总之，我们要把这项工作抓实抓好。"),
    ("register", "要把代表联络站建好用好。这样做的好处是能让群众的呼声及时得到回应。"),
]


def test_every_mend_has_a_sample():
    mended = [m for m in mends() for _, text in SAMPLES if m.pattern.search(text)]
    assert len({m.pattern.pattern for m in mended}) == len(mends()) == len(SAMPLES)


@pytest.mark.parametrize(("check", "text"), SAMPLES)
def test_a_mended_wording_is_found_before_and_gone_after(check, text):
    before = REGISTRY[check].run(Subject(raw=text, scope="paragraph"))
    assert not before.passed
    repairs: list[str] = []
    after = apply_mends(text, repairs)
    assert after != text and len(repairs) == 1
    assert REGISTRY[check].run(Subject(raw=after, scope="paragraph")).passed, after
