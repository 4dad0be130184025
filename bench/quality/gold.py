"""Strict attribution and figure scores on ``shared/gold/attribution-dev.json``.

The scoring is ``shared/tools/eval_gold.py``'s own (the same rules the product is
judged by on the hidden sets), run in-process: the gold articles are ingested
once into a temporary library with this environment's ``brief``, then scored on
the whole set (the acceptance numbers of issues #14 and #15), on the tuning part
and on the kept-back part (``bench.quality.split``: a third of the articles by a
hash of the file name; look at its errors only to report).

Each row's target is the gate (a floor under today's score, so that a change
that makes attribution worse fails CI); the acceptance number is in the detail.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

from bench.quality import Score
from bench.quality.split import is_held_out

GOLD = Path("gold") / "attribution-dev.json"
TOOL = Path("tools") / "eval_gold.py"

# measure -> (gate floor on the whole set, acceptance number, higher is better)
MEASURES: dict[str, tuple[float | None, float, bool]] = {
    "quote_recall": (0.97, 0.95, True),
    "quote_precision": (0.95, 0.92, True),
    "speaker_strict": (0.90, 0.92, True),
    "wrong_person": (0.02, 0.02, False),
    "empty_speaker": (None, 0.0, False),
    "role": (0.86, 0.80, True),
    "figure_recall10": (0.90, 0.85, True),
    "measures": (0.68, 0.70, True),
    "title": (0.93, 0.93, True),
}


def load_tool(shared: Path) -> ModuleType:
    path = shared / TOOL
    spec = importlib.util.spec_from_file_location("eval_gold", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(path.parent))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(path.parent))
    return module


def brief_command() -> str:
    """The ``brief`` of this environment (the one ``make`` installed)."""
    here = Path(sys.executable).parent / "brief"
    return str(here) if here.exists() else shutil.which("brief") or "brief"


def ratios(tool: ModuleType, s: dict[str, int]) -> dict[str, float]:
    r = tool.ratio
    return {
        "quote_recall": r(s["hit_q"], s["gold_q"]),
        "quote_precision": r(s["listed_ok"], s["listed"]),
        "speaker_strict": r(s["strict"], s["named"]),
        "wrong_person": r(s["wrong"], s["with_speaker"]),
        "empty_speaker": r(s["empty"], s["with_speaker"]),
        "role": r(s["role_ok"], s["roles"]),
        "figure_recall10": r(s["fig_hit"], s["figs"]),
        "measures": r(s["meas_ok"], s["fig_hit"]),
        "title": r(s["title_ok"], s["titles"]),
    }


def briefings(shared: Path, tool: ModuleType, articles: list[dict]) -> dict[str, dict]:
    """Ingest the gold articles once; ingest name -> briefing JSON."""
    tmp = Path(tempfile.mkdtemp(prefix="brief-gold-"))
    try:
        docs, lib = tmp / "docs", tmp / "lib"
        docs.mkdir()
        tool.build(articles, str(docs))
        brief = brief_command()
        env = dict(os.environ, BRIEF_LIBRARY=str(lib), NO_COLOR="1")
        subprocess.run(
            [brief, "ingest", "--quiet", str(docs)], env=env, capture_output=True, timeout=900
        )
        return tool.all_briefings(brief, str(lib))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def confident_wrong(
    tool: ModuleType, articles: list[dict], found: dict[str, dict]
) -> tuple[int, int]:
    """(wrong, all) over matched quotes credited to a named speaker with a confident
    ``speaker_confidence`` (>= models.CONFIDENT_SPEAKER), judged by eval_gold's rules."""
    from briefings.models import CONFIDENT_SPEAKER

    wrong = total = 0
    for a in articles:
        preds = (found.get(tool.ingest_name(a)) or {}).get("quotes") or []
        for g in a.get("quotes") or []:
            p = next((p for p in preds if tool.matches(g["quote"], p.get("text", ""))), None)
            if p is None or g["kind"] == "unknown":
                continue
            spk = p.get("speaker") or ""
            if tool.kind_of_pred(spk) != "name":
                continue
            if float(p.get("speaker_confidence", 1.0)) < CONFIDENT_SPEAKER:
                continue
            total += 1
            if g["kind"] == "person" and g.get("speaker"):
                gt, pt = tool.name_tokens(g["speaker"]), tool.name_tokens(spk)
                wrong += not (bool(gt) and gt[-1] in pt)
            elif g["kind"] == "organisation" and g.get("speaker"):
                wrong += not (tool.content(g["speaker"]) & tool.content(spk))
            elif g["kind"] == "unnamed":
                wrong += 1
    return wrong, total


def evaluate(shared: Path, quick: bool = False) -> list[Score]:
    if not (shared / GOLD).exists() or not (shared / TOOL).exists():
        return []
    tool = load_tool(shared)
    articles = json.loads((shared / GOLD).read_text())["articles"]
    found = briefings(shared, tool, articles)
    parts = {
        "all": articles,
        "tune": [a for a in articles if not is_held_out(a["file"])],
        "held-out": [a for a in articles if is_held_out(a["file"])],
    }
    scores: list[Score] = []
    for name, subset in parts.items():
        with contextlib.redirect_stdout(io.StringIO()):
            tally = tool.score(subset, found)
        values = ratios(tool, tally)
        counts = (
            f"n={len(subset)} articles, {tally['gold_q']} quotes, "
            f"{tally['named']} named, {tally['figs']} figures"
        )
        for measure, (floor, goal, higher) in MEASURES.items():
            gated = name == "all" and floor is not None
            scores.append(
                Score(
                    "gold",
                    f"{measure} ({name})",
                    values[measure],
                    floor if gated else None,
                    higher_is_better=higher,
                    unit="ratio",
                    detail=(f"acceptance {'≥' if higher else '≤'} {goal} · " if gated else "")
                    + counts,
                )
            )
        bad, sure = confident_wrong(tool, subset, found)
        scores.append(
            Score(
                "gold",
                f"confident speakers that are wrong ({name})",
                bad / sure if sure else 0.0,
                None,
                higher_is_better=False,
                unit="ratio",
                detail=f"{bad} of {sure}; acceptance ≤ 0.02",
            )
        )
        if tally["missing"]:
            scores.append(
                Score(
                    "gold",
                    f"articles not ingested ({name})",
                    tally["missing"],
                    0,
                    higher_is_better=False,
                    unit="count",
                )
            )
    return scores


def mistakes(tool: ModuleType, articles: list[dict], found: dict[str, dict]) -> list[str]:
    """One line per gold quote or figure that the briefings get wrong (for tuning)."""
    lines: list[str] = []
    for a in articles:
        b = found.get(tool.ingest_name(a)) or {}
        preds = b.get("quotes") or []
        for g in a.get("quotes") or []:
            p = next((p for p in preds if tool.matches(g["quote"], p.get("text", ""))), None)
            if p is None:
                lines.append(f"{a['file']}: MISSED quote {g['quote'][:60]!r}")
                continue
            want = g.get("speaker") or g.get("speaker_desc") or "-"
            got, role = p.get("speaker") or "-", p.get("speaker_role") or "-"
            gt, pt = tool.name_tokens(want), tool.name_tokens(got)
            if (
                g["kind"] == "person"
                and g.get("speaker")
                and not (gt and gt[-1] in pt and gt[0] in pt)
            ):
                lines.append(f"{a['file']}: SPEAKER {g['quote'][:40]!r} gold {want!r} got {got!r}")
            elif g.get("role") and not (tool.content(g["role"]) & tool.content(role)):
                lines.append(f"{a['file']}: ROLE {want!r} gold {g['role']!r} got {role!r}")
        figs = (b.get("figures") or [])[:10]
        for g in a.get("figures") or []:
            gv = float(g["value"])
            f = next(
                (
                    f
                    for f in figs
                    if f.get("value") is not None
                    and abs(float(f["value"]) - gv) <= 0.01 * max(abs(gv), 1e-9)
                ),
                None,
            )
            if f is None:
                lines.append(f"{a['file']}: FIGURE missing {g['text']!r} ({g['measures']})")
            elif not tool.content(g["measures"]) <= tool.content(f.get("measures") or "") and (
                len(tool.content(g["measures"]) & tool.content(f.get("measures") or ""))
                < 0.5 * len(tool.content(g["measures"]))
            ):
                lines.append(
                    f"{a['file']}: MEASURES {g['text']!r} gold {g['measures']!r} "
                    f"got {f.get('measures')!r}"
                )
    return lines


def main(argv: list[str] | None = None) -> int:
    """``python -m bench.quality.gold [--part tune|held-out|all]``: the mistakes, one a line.

    Tune on the ``tune`` part (the default); the kept-back part is for reporting only.
    """
    import argparse

    from bench.quality.__main__ import DEFAULT_SHARED

    parser = argparse.ArgumentParser(prog="python -m bench.quality.gold")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--part", choices=["tune", "held-out", "all"], default="tune")
    args = parser.parse_args(argv)
    tool = load_tool(args.shared)
    articles = json.loads((args.shared / GOLD).read_text())["articles"]
    if args.part != "all":
        articles = [a for a in articles if (args.part == "held-out") == is_held_out(a["file"])]
    found = briefings(args.shared, tool, articles)
    for line in mistakes(tool, articles, found):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
