"""README.zh-CN.md is the README in Chinese: linked from the top of README.md, with the same
commands."""

from __future__ import annotations

import re

from .conftest import ROOT


def commands(text: str) -> list[str]:
    """Every command line in the code blocks, without its comment."""
    found = []
    for block in re.findall(r"```[a-z]*\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            line = line.strip()
            if line.startswith(("jyscore ", "pip ", "python ", "JYSCORE_LANG=")):
                found.append(re.sub(r"\s+#.*$", "", line).strip())
    return found


def test_the_chinese_readme_is_linked_and_keeps_the_same_commands():
    english = (ROOT / "README.md").read_text(encoding="utf-8")
    chinese = (ROOT / "README.zh-CN.md").read_text(encoding="utf-8")
    assert "(README.zh-CN.md)" in english.split("## ", 1)[0]
    assert commands(english) == commands(chinese)
    quick = english.split("## Quick start", 1)[1].split("```", 2)[1]
    assert quick.strip().splitlines() == [
        "pip install . && jyscore rank examples/2024/", "pip install '.[test]' && pytest"]
