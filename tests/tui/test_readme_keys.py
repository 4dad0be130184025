"""The README's prose about the reader's people/story keys names the keys the reader binds."""

from __future__ import annotations

import re
from pathlib import Path

from tui.screens.reader import ReaderScreen

README = Path(__file__).resolve().parents[2] / "README.md"


def _key_for(action: str) -> str:
    keys = [b.key for b in ReaderScreen.BINDINGS if b.action == action]
    assert len(keys) == 1, action
    return keys[0]


def test_readme_story_keys_match_the_reader_bindings() -> None:
    text = " ".join(README.read_text(encoding="utf-8").split())
    story = re.search(r"`(\w)` the story of the open briefing", text)
    group = re.search(r"`(\w)` groups the list by story", text)
    assert story and group
    assert story.group(1) == _key_for("story") == "c"
    assert group.group(1) == _key_for("group_by_story") == "C"
    # and the key table agrees: `o` opens the original, `O` sorts
    assert "| `O` | sort by relevance" in text
    assert re.search(r"\| `o`, `y`, `\\\|` \| open the original", text)
