"""Score the derivation on ``shared/gold/seeds.json`` by the rules in its ``about``.

- A quote matches when the derived quote text covers the reference ``starts``
  text (case- and punctuation-insensitive, curly/straight quotes folded).
- A speaker is right when it names the same person with the full name (all the
  gold name's words present); the family name alone is not resolved.
- A figure is found when its ``raw`` text appears (as whole words) in one of the
  first 12 figures a briefing lists.
- Boilerplate: every listed line must be absent from the derived body.
- Sources compare case-insensitively (the gold writes "TMTPost" for "(TMTPOST)").
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from bench.quality import Score
from briefings.derive import derive
from briefings.ingest import article_from_bytes
from briefings.models import Briefing

FIGURES_LISTED = 12
_YEAR = re.compile(r"^(?:in\s+)?(?:19|20)\d\d$", re.I)


def fold(text: str) -> str:
    text = text.lower()
    text = text.translate(
        str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
    )
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    text = re.sub(r"[^\w$€£¥%.]+|(?<!\d)\.|\.(?!\d)", " ", text)
    return " ".join(text.split())


def covers(derived: str, reference: str) -> bool:
    return f" {fold(reference)} " in f" {fold(derived)} "


def same_person(derived: str | None, gold: str | None) -> bool:
    if not derived or not gold:
        return derived == gold
    want = [w for w in fold(gold).split() if w not in {"a", "an", "the"}]
    have = set(fold(derived).split())
    return all(w in have for w in want)


def derive_seeds(shared: Path) -> dict[str, Briefing]:
    out = {}
    for path in sorted((shared / "seeds").glob("*.txt")):
        article = article_from_bytes(path.read_bytes(), f"sample:{path.name}", path.name, path.name)
        out[path.name] = derive(article)
    return out


def evaluate(shared: Path, quick: bool = False) -> list[Score]:
    gold_path = shared / "gold" / "seeds.json"
    if not gold_path.exists():
        return []
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    briefings = derive_seeds(shared)
    required = found = speakers = figures_total = figures_found = 0
    bad_quotes: list[str] = []
    year_figures: list[str] = []
    boiler_total = boiler_absent = 0
    meta_total = meta_right = 0
    meta_wrong: list[str] = []
    missed: list[str] = []
    for name, g in gold["articles"].items():
        b = briefings[name]
        for ref in g["quotes_required"]:
            required += 1
            match = next((q for q in b.quotes if covers(q.text, ref["starts"])), None)
            if match is None:
                missed.append(f"{name[:3]} quote «{ref['starts'][:30]}»")
                continue
            found += 1
            if same_person(match.speaker, ref["speaker"]):
                speakers += 1
            else:
                missed.append(f"{name[:3]} speaker {match.speaker!r}≠{ref['speaker']!r}")
        for q in b.quotes:
            words = len(q.text.split())
            is_boiler = any(covers(q.text, line) for line in g["boilerplate"])
            if words < 4 or is_boiler:
                bad_quotes.append(f"{name[:3]} «{q.text[:30]}»")
        listed = b.figures[:FIGURES_LISTED]
        for ref in g["figures"]:
            figures_total += 1
            if any(covers(f.text, ref["raw"]) for f in listed):
                figures_found += 1
            else:
                missed.append(f"{name[:3]} figure {ref['raw']}")
        year_figures += [f"{name[:3]} {f.text}" for f in b.figures if _YEAR.match(f.text.strip())]
        body = fold(b.body_text)
        for line in g["boilerplate"]:
            boiler_total += 1
            if f" {fold(line)} " not in f" {body} ":
                boiler_absent += 1
            else:
                missed.append(f"{name[:3]} boilerplate «{line[:25]}»")
        checks = {
            "title": (b.title, g.get("title")),
            "published": (b.published.isoformat() if b.published else None, g.get("published")),
            "author": (b.author, g.get("author")),
            "source": ((b.source or "").lower() or None, (g.get("source") or "").lower() or None),
        }
        for key, (have, want) in checks.items():
            if key == "title" and want is None:
                bad = {"3 minutes", "date 2023-12-09"}
                meta_total += 1
                meta_right += have not in bad and not have.lower().startswith(
                    ("date ", "3 minutes")
                )
                continue
            meta_total += 1
            if have == want:
                meta_right += 1
            else:
                meta_wrong.append(f"{name[:3]} {key} {have!r}≠{want!r}")
    entity_total = entity_found = 0
    for name, g in gold["articles"].items():
        names = {fold(n) for e in briefings[name].entities for n in [e.name, *e.aliases]}
        for ent in g.get("entities", []):
            entity_total += 1
            entity_found += fold(ent) in names
    return [
        Score("seeds", "required quotes found", found, 33, detail=f"of {required}", unit="count"),
        Score(
            "seeds", "speaker is the full name", speakers, 32, detail=f"of {required}", unit="count"
        ),
        Score(
            "seeds",
            "boilerplate or <4-word quotes listed",
            len(bad_quotes),
            0,
            False,
            "; ".join(bad_quotes[:4]),
            unit="count",
        ),
        Score(
            "seeds",
            f"figures in the first {FIGURES_LISTED}",
            figures_found,
            35,
            detail=f"of {figures_total}",
            unit="count",
        ),
        Score(
            "seeds",
            "bare years listed as figures",
            len(year_figures),
            0,
            False,
            "; ".join(year_figures[:4]),
            unit="count",
        ),
        Score(
            "seeds",
            "boilerplate lines absent from body",
            boiler_absent,
            boiler_total,
            detail=f"of {boiler_total}",
            unit="count",
        ),
        Score(
            "seeds",
            "title/date/author/source right",
            meta_right,
            meta_total,
            detail=f"of {meta_total}; " + "; ".join(meta_wrong[:5]),
            unit="count",
        ),
        Score(
            "seeds",
            "gold entities found (recall)",
            entity_found / max(1, entity_total),
            None,
            detail=f"{entity_found} of {entity_total}",
            unit="ratio",
        ),
        Score("seeds", "misses", len(missed), None, detail="; ".join(missed[:12]), unit="count"),
    ]
