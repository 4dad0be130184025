"""Benchmark corpora: the BBC articles, and seeded recombinations at any size.

``python -m bench.corpus --size 10000 --out DIR`` writes ``DIR/<category>/NNNNNN.txt``
(line 1 the title, then paragraphs separated by blank lines, like the BBC files).

The recombination keeps the vocabulary natural and the result reproducible:
for synthetic article *i* a ``random.Random(seed * 1_000_003 + i)`` picks a
category, a base article whose lead paragraph opens the new article, and 3-11
further paragraphs drawn from other articles of the same category. The title
joins the first half of the base title with the second half of another title
of the category, and a "Published: YYYY-MM-DD" line (a seeded day in 2023-2024)
follows it, so date filters have something to work on. People are renamed (every "First Last" name is mapped to a
first and a last name drawn from the corpus's own name pools) and numbers are
changed (each integer or decimal is scaled by a factor in [0.5, 1.5] and
printed in the same style), so that copies do not collapse into duplicates.
The same seed and size always give the same files.
"""

from __future__ import annotations

import argparse
import random
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

DEFAULT_SHARED = Path(__file__).resolve().parents[1].parent / "shared"
BBC = DEFAULT_SHARED / "corpora" / "bbc" / "articles"

_NAME = re.compile(r"\b([A-Z][a-z]{2,})\s([A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)\b")
_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w])")
_NOT_FIRST_NAMES = frozenset(
    "The This That These Those There Their They When While After Before Since Monday Tuesday Wednesday "
    "Thursday Friday Saturday Sunday January February March April June July August September October "
    "November December New North South East West United Prime Chief Labour Tory Liberal Premier World "
    "European British English Scottish Welsh Irish American Chinese Indian Japanese French German".split()
)


@dataclass(frozen=True)
class BbcArticle:
    category: str
    title: str
    paragraphs: list[str]


def read_bbc(root: Path = BBC) -> list[BbcArticle]:
    out = []
    for path in sorted(root.glob("*/*.txt")):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        lines = text.split("\n")
        paragraphs = [p.strip() for p in "\n".join(lines[1:]).split("\n\n") if p.strip()]
        out.append(BbcArticle(path.parent.name, lines[0].strip(), paragraphs))
    return out


def _name_pools(articles: list[BbcArticle]) -> tuple[list[str], list[str]]:
    firsts: set[str] = set()
    lasts: set[str] = set()
    for a in articles:
        for p in a.paragraphs:
            for first, last in _NAME.findall(p):
                if first not in _NOT_FIRST_NAMES:
                    firsts.add(first)
                    lasts.add(last)
    return sorted(firsts), sorted(lasts)


def _scale_number(match: re.Match[str], rng: random.Random) -> str:
    whole, frac = match.group(1), match.group(2) or ""
    value = float(whole.replace(",", "") + frac)
    if 1900 <= value <= 2030 and not frac and "," not in whole:
        return match.group(0)  # keep years as years
    new = value * rng.uniform(0.5, 1.5)
    if frac:
        return f"{new:.{len(frac) - 1}f}"
    number = max(1, round(new))
    return f"{number:,}" if "," in whole else str(number)


class Recombiner:
    def __init__(self, articles: list[BbcArticle], seed: int = 7) -> None:
        self.seed = seed
        self.by_category: dict[str, list[BbcArticle]] = defaultdict(list)
        for a in articles:
            if a.paragraphs:
                self.by_category[a.category].append(a)
        self.categories = sorted(self.by_category)
        self.firsts, self.lasts = _name_pools(articles)

    def article(self, i: int) -> tuple[str, str, str]:
        """(category, title, body) of synthetic article ``i``."""
        rng = random.Random(self.seed * 1_000_003 + i)
        category = rng.choice(self.categories)
        pool = self.by_category[category]
        base = rng.choice(pool)
        other = rng.choice(pool)
        a_words, b_words = base.title.split(), other.title.split()
        title = " ".join(a_words[: max(1, len(a_words) // 2)] + b_words[len(b_words) // 2 :])
        paragraphs = [base.paragraphs[0]]
        for _ in range(rng.randint(3, 11)):
            donor = rng.choice(pool)
            paragraphs.append(rng.choice(donor.paragraphs))
        names: dict[str, str] = {}

        def rename(m: re.Match[str]) -> str:
            if m.group(1) in _NOT_FIRST_NAMES:
                return m.group(0)
            key = m.group(0)
            if key not in names:
                names[key] = f"{rng.choice(self.firsts)} {rng.choice(self.lasts)}"
            return names[key]

        published = date(2023, 1, 1) + timedelta(days=rng.randrange(730))
        body = f"Published: {published.isoformat()}\n\n" + "\n\n".join(
            _NUMBER.sub(lambda m: _scale_number(m, rng), _NAME.sub(rename, p)) for p in paragraphs
        )
        title = _NAME.sub(rename, title)
        return category, title, body


def write_corpus(out: Path, size: int, seed: int = 7, source: Path = BBC) -> int:
    """Write ``size`` articles under ``out``: the BBC originals first, then recombinations."""
    articles = read_bbc(source)
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for n, a in enumerate(articles[:size]):
        path = out / a.category / f"bbc{n:06d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(a.title + "\n\n" + "\n\n".join(a.paragraphs) + "\n", encoding="utf-8")
        written += 1
    recombiner = Recombiner(articles, seed)
    i = 0
    while written < size:
        category, title, body = recombiner.article(i)
        path = out / category / f"syn{i:06d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(title + "\n\n" + body + "\n", encoding="utf-8")
        written += 1
        i += 1
    return written


def corpus_dir(size: int, seed: int = 7, cache: Path | None = None) -> Path:
    """A cached corpus folder of ``size`` articles (made once per size and seed)."""
    from platformdirs import user_cache_path

    root = cache or user_cache_path("brief-bench", appauthor=False)
    folder = root / f"corpus-{size}-seed{seed}"
    done = folder / ".complete"
    if not done.exists():
        write_corpus(folder, size, seed)
        done.write_text("ok")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.corpus", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    n = write_corpus(args.out, args.size, args.seed)
    print(f"wrote {n} articles to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
