"""``brief search``, ``saved``, ``related`` and ``reindex`` end to end, in process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main

# every test here reads the bundled samples (a named library never gets them on its own)
pytestmark = pytest.mark.usefixtures("samples")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def sample_ids(capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    _, out, _ = run(capsys, "list", "--json")
    return {r["origin"].split(":", 1)[1][:3]: r["id"] for r in json.loads(out)}


def test_search_on_the_samples(capsys: pytest.CaptureFixture[str]) -> None:
    ids = sample_ids(capsys)
    code, out, err = run(capsys, "search", "nvidia", "after:2024-01-01", "--json")
    assert code == 0
    data = json.loads(out)
    found = {h["id"] for h in data["hits"]}
    assert ids["003"] not in found and ids["000"] in found
    assert data["total"] == len(found)
    code, out, _ = run(capsys, "search", '"export restrictions"', "--json")
    assert all(h["highlights"] for h in json.loads(out)["hits"])
    code, out, _ = run(capsys, "search", "nvdia", "--json")
    assert json.loads(out)["suggestion"] == "nvidia"
    code, out, err = run(capsys, "search", "nvdia")
    assert "did you mean: nvidia" in err


def test_bad_query_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    sample_ids(capsys)
    code, out, err = run(capsys, "search", "title:(")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "never closed" in err


def test_an_empty_query_is_refused_not_everything(capsys: pytest.CaptureFixture[str]) -> None:
    sample_ids(capsys)
    for query in ("", "   "):
        code, out, err = run(capsys, "search", query)
        assert code == 2 and out == ""
        assert err.count("\n") == 1 and "the query is empty" in err


def test_piped_output_is_plain_tab_separated(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "alibaba", "--limit", "2", "--sort", "date")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert all(len(line.split("\t")) == 5 for line in lines)
    assert "\x1b" not in out


def test_piped_search_still_prints_the_count(capsys: pytest.CaptureFixture[str]) -> None:
    """Piped (capsys is not a terminal), ``--count`` and the plain search print the count
    on stderr; stdout keeps only the tab-separated hit lines."""
    code, out, _ = run(capsys, "search", "alibaba", "--json", "--count")
    total = json.loads(out)["total"]
    assert code == 0 and total >= 2
    for extra in (["--count"], []):
        code, out, err = run(capsys, "search", "alibaba", "--limit", "1", *extra)
        assert code == 0 and len(out.splitlines()) == 1
        assert f"{total} briefings (showing 1)" in err
    code, out, err = run(capsys, "search", "alibaba", "--json", "--limit", "1", "--count")
    assert json.loads(out)["total"] == total and err == ""  # --json unchanged


def test_saved_commands(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    sample_ids(capsys)
    assert run(capsys, "saved", "add", "chips", "nvidia", "chips")[0] == 0
    assert run(capsys, "saved", "add", "chips", "x")[0] == 2  # a name already taken: a usage error
    _code, out, _ = run(capsys, "saved", "list", "--json")
    [item] = json.loads(out)
    assert item["name"] == "chips" and item["count"] >= 1 and item["new_count"] == 0
    src = tmp_path / "new.txt"
    src.write_text("Nvidia chips shortage\n\nNvidia chips are scarce this spring, buyers say.\n")
    assert run(capsys, "ingest", str(src))[0] == 0
    _, out, _ = run(capsys, "saved", "list", "--json")
    assert json.loads(out)[0]["new_count"] == 1
    assert run(capsys, "saved", "run", "chips")[0] == 0
    _, out, _ = run(capsys, "saved", "list", "--json")
    assert json.loads(out)[0]["new_count"] == 0
    assert run(capsys, "saved", "rename", "chips", "gpus")[0] == 0
    assert run(capsys, "saved", "rm", "gpus")[0] == 0
    assert run(capsys, "saved", "rm", "gpus")[0] == 2  # no such saved search: a usage error


def test_saved_list_never_waits_for_counting(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Counting runs each query twice; 500 wildcard searches once held `saved list` for
    # minutes. Past its counting time the rest are listed at once, without counts.
    import importlib

    # the module the parser loads (another test may have imported a second copy)
    search_commands = importlib.import_module("tui.commands.search")
    for i in range(3):
        assert run(capsys, "saved", "add", f"s{i}", "chips")[0] == 0
    monkeypatch.setattr(search_commands, "SAVED_COUNT_SECONDS", 0.0)
    code, out, err = run(capsys, "saved", "list")
    assert code == 0 and out.count("not counted") == 3 and "s0" in out and "s2" in out
    assert "3 saved search(es) listed without counts" in err and "--counts" in err
    _, out, _ = run(capsys, "saved", "list", "--json")
    assert [(s["name"], s["count"]) for s in json.loads(out)] == [
        ("s0", None),
        ("s1", None),
        ("s2", None),
    ]
    code, out, err = run(capsys, "saved", "list", "--counts", "--json")
    assert code == 0 and all(s["count"] >= 1 for s in json.loads(out)) and err == ""
    code, out, err = run(capsys, "saved", "list", "--no-counts")
    assert out.count("not counted") == 3 and err == ""


def test_related_and_reindex_and_check(capsys: pytest.CaptureFixture[str]) -> None:
    ids = sample_ids(capsys)
    code, out, _ = run(capsys, "related", ids["000"][:6], "--json")
    assert code == 0 and json.loads(out)[0]["id"] == ids["002"]
    code, _, err = run(capsys, "reindex")
    assert code == 0 and "reindexed 5 briefings" in err
    code, _, err = run(capsys, "check")
    assert code == 0 and "search index ok: 5 briefings" in err
