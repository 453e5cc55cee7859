from __future__ import annotations

import pytest

from assistant.prompts import PromptError, load_prompt, parse_prompt

TASKS = ("outline", "section", "regenerate", "ask", "judge")


@pytest.mark.parametrize("name", TASKS)
def test_every_task_has_a_versioned_prompt(name):
    p = load_prompt(name)
    assert p.name == name
    assert p.version >= 1
    assert p.variables  # every template takes inputs
    assert len(p.sha256) == 64


def test_render_is_strict():
    p = parse_prompt("---\nname: t\nversion: 2\n---\n[system]\n你好{{ a }}\n[user]\n{{b}}问\n")
    msgs = p.render(a="甲", b="乙")
    assert msgs == [{"role": "system", "content": "你好甲"}, {"role": "user", "content": "乙问"}]
    with pytest.raises(PromptError, match="缺少变量：b"):
        p.render(a="甲")
    with pytest.raises(PromptError, match="不使用变量：c"):
        p.render(a="甲", b="乙", c="丙")


def test_malformed_templates_are_rejected():
    with pytest.raises(PromptError):
        parse_prompt("no header")
    with pytest.raises(PromptError):
        parse_prompt("---\nname: t\n---\n[user]\nx\n")  # no version
    with pytest.raises(PromptError):
        parse_prompt("---\nname: t\nversion: 1\n---\n[system]\nonly system\n")


def test_hash_changes_with_content():
    a = parse_prompt("---\nname: t\nversion: 1\n---\n[user]\n甲{{x}}\n")
    b = parse_prompt("---\nname: t\nversion: 1\n---\n[user]\n乙{{x}}\n")
    assert a.sha256 != b.sha256
    assert a.ref.startswith("t@v1#")
