"""Entity kinds on the dev sets (issue #14, acceptance 5).

Gold (name, kind) pairs come from two places:

- ``shared/gold/attribution-dev.json``: every quote speaker annotated with kind
  ``person`` or ``organisation`` (the speaker's full name as the article gives it);
- ``shared/gold/seeds.json``: the entities each seed article must list. That file
  names them without kinds; ``SEED_KINDS`` below gives each its kind (hand-made,
  by what the name denotes, not by what the briefings say);
- ``entity_kinds.txt`` (next to this file): the organisations, places and people
  that the briefings of the attribution-dev articles listed (top 20 each, at
  main 5194a35), each given its kind by hand from what the name denotes (the
  full name where a listed one was a fragment), and the listed names that are
  not names at all (``X``: common words, fragments).

Each gold name is looked up among its article's briefing entities (name or
alias, case- and punctuation-folded; else the entity whose name is a part of
the gold name, or contains it, sharing its last word). The kind is right when
that entity has the gold kind; a name with no entity counts as wrong. Scores are
given on the whole set, the tuning part and the kept-back part
(``bench.quality.split``, by article file name).

Precision proxies: how many of the ``X`` names are still listed, and the share
of listed entities whose name is a single word that the article also writes in
lower case (``Buyers``, ``Latest``, ``When``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from bench.quality import Score
from bench.quality.seeds import derive_seeds, fold
from bench.quality.split import is_held_out
from briefings.derive import derive
from briefings.ingest import article_from_bytes
from briefings.models import Briefing, Entity

GOLD = Path("gold") / "attribution-dev.json"
SEEDS = Path("gold") / "seeds.json"
#: The floor on the whole set's kind accuracy (a little under what is measured).
FLOOR = 0.95
ACCEPTANCE = 0.90

P, O, L = "person", "organisation", "place"  # noqa: E741
#: Kinds of the entities ``seeds.json`` lists. Product names that are also
#: platforms (a marketplace, an app) are accepted as organisation or other.
SEED_KINDS: dict[str, tuple[str, ...]] = {
    "Joe Tsai": (P,),
    "Nicolai Tangen": (P,),
    "Alibaba": (O,),
    "Norges Bank Investment Management": (O,),
    "OpenAI": (O,),
    "Nvidia": (O,),
    "Yale University": (O,),
    "Goldman Sachs": (O,),
    "SoftBank": (O,),
    "Nasdaq": (O,),
    "Paul Triolo": (P,),
    "Jenny Xiao": (P,),
    "Rui Ma": (P,),
    "Bernard Leong": (P,),
    "Gina Raimondo": (P,),
    "Kai-fu Lee": (P,),
    "Baidu": (O,),
    "Anthropic": (O,),
    "Huawei": (O,),
    "Dentons Global Advisors": (O,),
    "Leonis Capital": (O,),
    "Moonshot AI": (O,),
    "Taobao": (O, "other"),
    "Tmall": (O, "other"),
    "Yahoo Finance": (O,),
    "Xi Jinping": (P,),
    "Microsoft": (O,),
    "Su Lian Ze": (P,),
    "Omdia": (O,),
    "Wang Shuyi": (P,),
    "Tencent": (O,),
    "ByteDance": (O,),
    "Chen Yu": (P,),
    "Yunqi Partners": (O,),
    "Robin Li Yanhong": (P,),
    "Luo Yuchen": (P,),
    "Wang Xiaochuan": (P,),
    "Meta": (O,),
    "Li Kai-fu": (P,),
    "Cyberspace Administration of China": (O,),
    "NetEase": (O,),
    "Daniel Zhang Yong": (P,),
    "William Ding Lei": (P,),
    "Eddie Wu Yongming": (P,),
    "Zhejiang": (L,),
    "Hangzhou": (L,),
    "State Administration for Market Regulation": (O,),
}

_TITLES = frozenset(
    "mr mrs ms miss dr sen senator rep gov governor president prof professor sir lord lady "
    "dame gen general the jr sr ii iii".split()
)


def _tokens(name: str) -> list[str]:
    return [w for w in fold(name).replace("-", " ").split() if w not in _TITLES]


def find_entity(entities: Iterable[Entity], name: str) -> Entity | None:
    """The briefing entity that stands for the gold ``name``, or ``None``."""
    entities = list(entities)
    want = fold(name)
    for e in entities:
        if want in {fold(n) for n in [e.name, *e.aliases]}:
            return e
    gold = _tokens(name)
    if not gold:
        return None
    best: Entity | None = None
    for e in entities:
        for n in [e.name, *e.aliases]:
            mine = _tokens(n)
            if not mine or (mine[-1] != gold[-1] and mine[0] != gold[0]):
                continue
            if set(mine) <= set(gold) or set(gold) <= set(mine):
                if best is None or e.mentions > best.mentions:
                    best = e
                break
    return best


ANNOTATIONS = Path(__file__).with_name("entity_kinds.txt")
_KIND_CODES = {"P": P, "O": O, "L": L, "T": "other", "X": "x"}


def annotations() -> list[tuple[str, str, tuple[str, ...]]]:
    """(article file, name, accepted kinds) from ``entity_kinds.txt``; kind ``x``: not a name."""
    out: list[tuple[str, str, tuple[str, ...]]] = []
    for line in ANNOTATIONS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        file, _, rest = line.partition(" | ")
        for item in rest.split("; "):
            name, _, codes = item.rpartition("=")
            out.append((file, name, tuple(_KIND_CODES[c] for c in codes.split("/"))))
    return out


def gold_pairs(shared: Path) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """(set, article file, name, accepted kinds) for every gold name: the speakers,
    the seeds' entities, then the hand-typed names not already given as speakers."""
    pairs: list[tuple[str, str, str, tuple[str, ...]]] = []
    if (shared / GOLD).exists():
        for a in json.loads((shared / GOLD).read_text())["articles"]:
            seen: set[str] = set()
            for q in a["quotes"]:
                name, kind = q.get("speaker"), q.get("kind")
                if name and kind in (P, O) and name not in seen:
                    seen.add(name)
                    pairs.append(("speakers", a["file"], name, (kind,)))
    if (shared / SEEDS).exists():
        for file, a in json.loads((shared / SEEDS).read_text())["articles"].items():
            for name in a.get("entities", []):
                if name in SEED_KINDS:
                    pairs.append(("seeds", file, name, SEED_KINDS[name]))
    speakers = {(file, fold(name)) for _, file, name, _ in pairs}
    for file, name, kinds in annotations():
        if "x" not in kinds and (file, fold(name)) not in speakers:
            pairs.append(("typed", file, name, kinds))
    return pairs


def _source(shared: Path, a: dict) -> Path | None:
    corpus, file = a["corpus"], a["file"]
    roots = {
        "bbc": shared / "corpora" / "bbc" / "articles",
        "zyte": shared / "corpora" / "html-zyte" / "html",
        "polnear": shared / "corpora" / "polnear-train" / "text",
    }
    root = roots.get(corpus)
    path = root / file if root else None
    return path if path and path.exists() else None


def derive_gold(shared: Path) -> dict[str, Briefing]:
    """The gold articles' briefings, derived in-process (article file -> briefing)."""
    out: dict[str, Briefing] = {}
    if not (shared / GOLD).exists():
        return out
    for a in json.loads((shared / GOLD).read_text())["articles"]:
        path = _source(shared, a)
        if path is None:
            continue
        name = a["file"].replace("/", "_")
        out[a["file"]] = derive(article_from_bytes(path.read_bytes(), f"gold:{name}", name, name))
    return out


_WORD = re.compile(r"[A-Za-z]+")


def common_word_entities(briefings: Iterable[Briefing]) -> tuple[int, int, list[str]]:
    """(listed entities, those that are a one-word name the text also writes in lower case)."""
    listed = bad = 0
    examples: list[str] = []
    for b in briefings:
        lower = {w for w in _WORD.findall(b.body_text) if w.islower()}
        for e in b.entities:
            listed += 1
            if " " not in e.name and e.name.isalpha() and e.name.lower() in lower:
                bad += 1
                examples.append(e.name)
    return listed, bad, examples


def evaluate(shared: Path, quick: bool = False) -> list[Score]:
    pairs = gold_pairs(shared)
    if not pairs:
        return []
    found: dict[tuple[str, str], Briefing] = {}
    for file, b in derive_gold(shared).items():
        found[("gold", file)] = b
    if (shared / SEEDS).exists():
        for file, b in derive_seeds(shared).items():
            found[("seeds", file)] = b
    tally: dict[str, list[int]] = {}
    kinds_wrong: dict[str, int] = {}
    for source, file, name, kinds in pairs:
        b = found.get(("seeds" if source == "seeds" else "gold", file))
        if b is None:
            continue
        e = find_entity(b.entities, name)
        ok = e is not None and e.kind in kinds
        part = "held-out" if is_held_out(file) else "tune"
        kind = "other" if kinds[0] == "other" else kinds[0] + "s"
        for key in ("all", part, source, kind):
            t = tally.setdefault(key, [0, 0, 0])
            t[0] += ok
            t[1] += 1
            t[2] += e is None
        if not ok:
            label = f"{kinds[0]}→{'missing' if e is None else e.kind}"
            kinds_wrong[label] = kinds_wrong.get(label, 0) + 1
    scores: list[Score] = []
    keys = ["all", "tune", "held-out", "speakers", "seeds", "typed"]
    keys += ["persons", "organisations", "places", "other"]
    for key in keys:
        if key not in tally:
            continue
        right, total, missing = tally[key]
        gated = key == "all"
        detail = f"{right} of {total}; {missing} with no entity"
        if gated:
            confusions = ", ".join(f"{k} {v}" for k, v in sorted(kinds_wrong.items()))
            detail = f"acceptance ≥ {ACCEPTANCE} · {detail}; wrong: {confusions}"
        scores.append(
            Score(
                "entities",
                f"kind right ({key})",
                right / total,
                FLOOR if gated else None,
                unit="ratio",
                detail=detail,
            )
        )
    junk = [(file, name) for file, name, kinds in annotations() if "x" in kinds]
    still = [
        name
        for file, name in junk
        if (b := found.get(("gold", file))) is not None
        and any(fold(e.name) == fold(name) for e in b.entities)
    ]
    scores.append(
        Score(
            "entities",
            "known non-names still listed",
            len(still),
            None,
            higher_is_better=False,
            unit="count",
            detail=f"of {len(junk)} hand-marked: " + ", ".join(still[:12]),
        )
    )
    gold_briefings = [b for (src, _), b in found.items() if src == "gold"]
    listed, bad, examples = common_word_entities(gold_briefings)
    scores.append(
        Score(
            "entities",
            "listed one-word names the text writes in lower case",
            bad / max(1, listed),
            None,
            higher_is_better=False,
            unit="ratio",
            detail=f"{bad} of {listed}: " + ", ".join(examples[:10]),
        )
    )
    return scores


def main(argv: list[str] | None = None) -> int:
    """``python -m bench.quality.entities [--part tune|held-out|all]``: the wrong kinds, one a line.

    Tune on the ``tune`` part (the default); the kept-back part is for reporting only.
    """
    import argparse

    from bench.quality.__main__ import DEFAULT_SHARED

    parser = argparse.ArgumentParser(prog="python -m bench.quality.entities")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--part", choices=["tune", "held-out", "all"], default="tune")
    args = parser.parse_args(argv)
    found = {("gold", f): b for f, b in derive_gold(args.shared).items()}
    found.update({("seeds", f): b for f, b in derive_seeds(args.shared).items()})
    for source, file, name, kinds in gold_pairs(args.shared):
        if args.part != "all" and (args.part == "held-out") != is_held_out(file):
            continue
        b = found.get(("seeds" if source == "seeds" else "gold", file))
        if b is None:
            continue
        e = find_entity(b.entities, name)
        if e is None or e.kind not in kinds:
            got = "missing" if e is None else f"{e.name!r} {e.kind}"
            print(f"{file[:40]}: {name!r} is {'/'.join(kinds)}, got {got}")
    for file, name, kinds in annotations():
        if "x" not in kinds or (
            args.part != "all" and (args.part == "held-out") != is_held_out(file)
        ):
            continue
        b = found.get(("gold", file))
        if b is not None and any(fold(e.name) == fold(name) for e in b.entities):
            print(f"{file[:40]}: {name!r} is not a name, still listed")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main())
