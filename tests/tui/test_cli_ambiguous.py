"""An id prefix that several briefings share: one line naming them, exit code 3."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefings.library import Library
from briefings.models import Article, Briefing, briefing_id_for
from tui.cli import main
from tui.context import EXIT_AMBIGUOUS, ambiguity


def _two_alike(n: int = 2) -> tuple[str, list[Briefing]]:
    """Briefings of which ``n`` share their first two id characters (the prefix)."""
    seen: dict[str, list[str]] = {}
    i = 0
    while True:
        origin = f"test:ambiguous-{i}"
        group = seen.setdefault(briefing_id_for(origin)[:2], [])
        group.append(origin)
        if len(group) == n:
            break
        i += 1
    prefix = briefing_id_for(group[0])[:2]
    other = next(o for g in seen.values() for o in g if o not in group)
    briefings = [
        Briefing(id=briefing_id_for(o), title=f"Story number {k}", origin=o, body=[f"Body {k}."])
        for k, o in enumerate([*group, other])
    ]
    return prefix, briefings


def _library(folder: Path, briefings: list[Briefing]) -> Path:
    with Library(folder) as library:
        for b in briefings:
            library.put(Article(origin=b.origin, text=b.body_text), b)
    return folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", ["show", "related", "export"])
def test_an_ambiguous_prefix_names_the_candidates_and_exits_3(
    command: str, library_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prefix, briefings = _two_alike()
    _library(library_dir, briefings)
    extra = ["-o", "-"] if command == "export" else []
    code, out, err = run(capsys, "--library", str(library_dir), command, prefix, *extra)
    assert code == EXIT_AMBIGUOUS == 3
    assert out == ""
    lines = [x for x in err.strip().splitlines() if x.startswith("brief:")]
    assert len(lines) == 1, err  # (related first builds the missing index: a note)
    line = lines[0]
    assert line.startswith(f"brief: id prefix {prefix} matches 2 briefings: ")
    for b in briefings[:2]:
        assert b.id[:8] in line and f"“{b.title}”" in line
    assert briefings[2].id[:8] not in line
    assert line.endswith("give more characters")


def test_a_unique_or_unknown_prefix_is_not_ambiguous(
    library_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, briefings = _two_alike()
    _library(library_dir, briefings)
    code, out, _ = run(capsys, "--library", str(library_dir), "show", briefings[2].id[:8])
    assert code == 0 and "Story number 2" in out
    code, _, err = run(capsys, "--library", str(library_dir), "show", "0123456789abcdef")
    assert code == 1 and "no briefing with id" in err


def test_rm_deletes_the_others_and_exits_3_on_an_ambiguous_prefix(
    library_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prefix, briefings = _two_alike()
    _library(library_dir, briefings)
    code, _, err = run(capsys, "--library", str(library_dir), "rm", prefix, briefings[2].id)
    assert code == 3
    assert f"id prefix {prefix} matches 2 briefings" in err
    assert "deleted 1, not found 0, ambiguous 1" in err
    with Library(library_dir) as library:
        assert sorted(library.ids()) == sorted(b.id for b in briefings[:2])


def test_the_exit_code_is_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "3 an id prefix matches several briefings" in " ".join(out.split())


def test_many_candidates_are_cut_to_five_and_ids_long_enough_to_tell_apart() -> None:
    found = [(f"abcd{n:04x}" + "0" * 8, f"Title {n}") for n in range(7)]
    found.append(("abcdef0123456789", "x" * 80))
    line = ambiguity("abc", found)
    assert line.startswith("id prefix abc matches 8 briefings: abcd0000 “Title 0”")
    assert "and 3 more" in line and "Title 5" not in line
    close = ambiguity("ab", [("ab12345678aa0000", "One"), ("ab12345678bb0000", "Two")])
    assert "ab12345678a “One”" in close and "ab12345678b “Two”" in close
    long = ambiguity("ab", [("ab00000000000000", "y" * 80), ("ab10000000000000", "z")])
    assert "y" * 39 + "…”" in long
