"""Fit the summary scorer's weights (``briefings.derive.summary.WEIGHTS`` and
``BLOCK_WEIGHTS``).

The scorer is linear over the per-sentence features of ``summary.prepare``.
There are two sets of weights, one per article structure
(``Prepared.block``): a body in paragraphs, and a body that is one unbroken
block of text. Each is fitted on the tuning articles of its structure only:

- BBC (``shared/corpora/bbc``, all paragraphed), even ids: the references are
  extractive, so a sentence is labelled 1 when it is in the reference;
- CNN (``shared/corpora/cnn-dev``, all one block), the ``split.part`` "tune"
  stories: the highlights are abstractive, so the label is the greedy ROUGE-1
  oracle (up to three sentences that together best match the highlights).

For each structure, ``search`` starts from the better of a logistic fit of
the labels and a ridge fit of each candidate's own ROUGE-1 (numpy, several
regularisations and redundancy weights), then runs coordinate ascent on the
tuning margin of that structure's corpus (BBC minus TextRank-3, CNN minus
Lead-3 minus 1). Held-out parts are only scored (``--held-out``), never fitted.

    BRIEF_PURE=1 python -m bench.train_summary [--shared ../shared] [--held-out]

prints the tuning (and held-out) ROUGE-1 of brief, Lead-3 and TextRank-3 (this
script's own unigram ROUGE, rouge-score's tokenizer and stemmer) and the
weights to paste into summary.py. Features are cached in ``--cache``; delete
it after changing ``prepare``.
"""

from __future__ import annotations

import argparse
import pickle
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from bench.quality import bbc, cnn
from bench.quality.split import part as cnn_part
from briefings.derive.summary import FEATURES, NEAR_REPEAT, _overlap, prepare

_NORM = re.compile(r"[^a-z0-9]+")


def _norm(text: str) -> str:
    return _NORM.sub("", text.lower())


class Item:
    def __init__(
        self,
        corpus: str,
        tune: bool,
        prepared: Any,
        reference: list[str],
        lead3: list[str],
        textrank3: list[str],
    ) -> None:
        self.corpus = corpus
        self.tune = tune
        self.ok = np.array(prepared.ok, dtype=bool)
        self.x = np.zeros((len(prepared.ok), len(FEATURES)))
        for i, row in enumerate(prepared.features):
            if row:
                self.x[i] = row
        self.bags = prepared.bags
        self.block = bool(prepared.block)
        self.texts = [s.text for s in prepared.sentences]
        self.reference = reference
        self.lead3 = lead3
        self.textrank3 = textrank3
        self.y = np.zeros(len(self.texts))


def _tokenizer() -> Any:
    from rouge_score import tokenizers
    from rouge_score.rouge_scorer import RougeScorer

    scorer = RougeScorer(["rouge1"], use_stemmer=True)
    return getattr(scorer, "_tokenizer", tokenizers.DefaultTokenizer(use_stemmer=True))


def _r1(tokens: Counter[str], ref: Counter[str]) -> float:
    hit = sum((tokens & ref).values())
    if not hit:
        return 0.0
    p = hit / sum(tokens.values())
    r = hit / sum(ref.values())
    return 2 * p * r / (p + r)


def collect(shared: Path, cache: Path) -> list[Item]:
    if cache.exists():
        with cache.open("rb") as f:
            loaded: list[Item] = pickle.load(f)
            return loaded
    items: list[Item] = []
    for number, doc, reference in bbc.load(shared):
        tr = [s.text for s in bbc.textrank(doc)]
        ld = [s.text for s in bbc.lead(doc)]
        item = Item("bbc", bbc.half(number) == "dev", prepare(doc), reference, ld, tr)
        whole = _norm(" ".join(reference))
        for i, t in enumerate(item.texts):
            key = _norm(t)
            item.y[i] = 1.0 if len(key) > 10 and key in whole else 0.0
        items.append(item)
    tok = _tokenizer()
    for story, doc, reference in cnn.load(shared):
        tr = [s.text for s in bbc.textrank(doc)]
        ld = [s.text for s in bbc.lead(doc)]
        item = Item("cnn", cnn_part(story) == "tune", prepare(doc), reference, ld, tr)
        ref = Counter(tok.tokenize("\n".join(reference)))
        toks = [Counter(tok.tokenize(t)) for t in item.texts]
        chosen: Counter[str] = Counter()
        best = 0.0
        for _ in range(3):
            pick = -1
            for i in range(len(toks)):
                if item.ok[i] and not item.y[i]:
                    score = _r1(chosen + toks[i], ref)
                    if score > best:
                        best, pick = score, i
            if pick < 0:
                break
            item.y[pick] = 1.0
            chosen += toks[pick]
        items.append(item)
    with cache.open("wb") as f:
        pickle.dump(items, f)
    return items


def fit(
    items: list[Item], l2: float = 1.0, balance: float = 0.5, block: bool | None = None
) -> np.ndarray:
    """Logistic regression (Newton steps) on the candidates of the tuning items
    (of one structure when ``block`` is given)."""
    if block is not None:
        items = [it for it in items if it.block == block]
    xs, ys, ws = [], [], []
    totals = {"bbc": 0, "cnn": 0}
    for it in items:
        if it.tune and it.ok.any():
            totals[it.corpus] += 1
    totals = {k: v or 1 for k, v in totals.items()}
    for it in items:
        if not it.tune or not it.ok.any():
            continue
        share = balance if it.corpus == "bbc" else 1.0 - balance
        xs.append(it.x[it.ok])
        ys.append(it.y[it.ok])
        ws.append(np.full(int(it.ok.sum()), share / totals[it.corpus] / it.ok.sum()))
    x = np.vstack(xs)
    y = np.concatenate(ys)
    w = np.concatenate(ws)
    w = w / w.sum() * len(w)
    mean = x.mean(axis=0)
    sd = x.std(axis=0)
    sd[sd == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / sd])
    beta = np.zeros(z.shape[1])
    reg = np.full(z.shape[1], l2)
    reg[0] = 0.0
    for _ in range(30):
        p = 1.0 / (1.0 + np.exp(-(z @ beta)))
        grad = z.T @ (w * (p - y)) + reg * beta
        hess = (z * (w * p * (1 - p))[:, None]).T @ z + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta[1:] / sd


def fit_ridge(
    items: list[Item], l2: float = 1.0, balance: float = 0.5, block: bool | None = None
) -> np.ndarray:
    """Least squares on each candidate's own ROUGE-1 F against the reference,
    standardised within its article (a pointwise ranking target)."""
    if block is not None:
        items = [it for it in items if it.block == block]
    tok = _tokenizer()
    xs, ys, ws = [], [], []
    totals = {"bbc": 0, "cnn": 0}
    for it in items:
        if it.tune and it.ok.sum() > 1:
            totals[it.corpus] += 1
    totals = {k: v or 1 for k, v in totals.items()}
    for it in items:
        if not it.tune or it.ok.sum() < 2:
            continue
        if not hasattr(it, "_gain"):
            ref = Counter(tok.tokenize("\n".join(it.reference)))
            it._gain = np.array([_r1(Counter(tok.tokenize(t)), ref) for t in it.texts])  # type: ignore[attr-defined]
        g = it._gain[it.ok]  # type: ignore[attr-defined]
        g = (g - g.mean()) / (g.std() or 1.0)
        share = balance if it.corpus == "bbc" else 1.0 - balance
        xs.append(it.x[it.ok] - it.x[it.ok].mean(axis=0))
        ys.append(g)
        ws.append(np.full(len(g), share / totals[it.corpus] / len(g)))
    x = np.vstack(xs)
    y = np.concatenate(ys)
    w = np.concatenate(ws)
    w = w / w.sum() * len(w)
    sd = x.std(axis=0)
    sd[sd == 0] = 1.0
    z = x / sd
    a = (z * w[:, None]).T @ z + l2 * np.eye(z.shape[1])
    beta = np.linalg.solve(a, (z * w[:, None]).T @ y)
    return beta / sd


def select(it: Item, weights: np.ndarray, redundancy: float, k: int = 3) -> list[int]:
    scores = it.x @ weights if len(it.texts) else np.zeros(0)
    candidates = [i for i in range(len(it.texts)) if it.ok[i]]
    red = dict.fromkeys(candidates, 0.0)
    picked: list[int] = []
    while candidates and len(picked) < k:
        best = max(candidates, key=lambda j: scores[j] - redundancy * red[j])
        picked.append(best)
        remaining = []
        for j in candidates:
            if j != best:
                o = _overlap(it.bags[j], it.bags[best])
                if o < NEAR_REPEAT:
                    remaining.append(j)
                    red[j] = max(red[j], o)
        candidates = remaining
    return sorted(picked)


def evaluate(items: list[Item], weights: np.ndarray, redundancy: float) -> dict[str, float]:
    tok = _tokenizer()
    sums: dict[str, list[float]] = {}
    for it in items:
        if not hasattr(it, "_ref"):
            it._ref = Counter(tok.tokenize("\n".join(it.reference)))  # type: ignore[attr-defined]
            it._toks = [Counter(tok.tokenize(t)) for t in it.texts]  # type: ignore[attr-defined]
            it._lead = _r1(Counter(tok.tokenize("\n".join(it.lead3))), it._ref)  # type: ignore[attr-defined]
            it._tr = _r1(Counter(tok.tokenize("\n".join(it.textrank3))), it._ref)  # type: ignore[attr-defined]
        got: Counter[str] = Counter()
        for i in select(it, weights, redundancy):
            got += it._toks[i]  # type: ignore[attr-defined]
        score = _r1(got, it._ref)  # type: ignore[attr-defined]
        where = f"{it.corpus} {'tune' if it.tune else 'held-out'}"
        row = sums.setdefault(where, [0.0, 0.0, 0.0, 0.0])
        row[0] += score
        row[1] += it._lead  # type: ignore[attr-defined]
        row[2] += it._tr  # type: ignore[attr-defined]
        row[3] += 1
    out: dict[str, float] = {}
    for where, (b, ld, tr, n) in sums.items():
        out[f"{where} brief"] = 100 * b / n
        out[f"{where} lead"] = 100 * ld / n
        out[f"{where} textrank"] = 100 * tr / n
    return out


#: The baseline each corpus must beat, and by how much (issue #15).
_BASELINE = {"bbc": ("textrank", 0.0), "cnn": ("lead", 1.0)}


def _objective(r: dict[str, float]) -> float:
    """The worse tuning margin of the corpora scored in ``r`` (BBC minus
    TextRank-3, CNN minus Lead-3 minus 1), plus a tenth of their sum."""
    margins = [
        r[f"{c} tune brief"] - r[f"{c} tune {base}"] - offset
        for c, (base, offset) in _BASELINE.items()
        if f"{c} tune brief" in r
    ]
    return min(margins) + 0.1 * sum(margins)


Model = tuple[np.ndarray, float]


def search(items: list[Item], block: bool, rounds: int = 3, start: Model | None = None) -> Model:
    """The weights for one article structure (``block``: one unbroken block of
    text, else paragraphed): the best of the logistic (oracle labels) and ridge
    (each sentence's own ROUGE) fits on that structure's tuning articles, then
    coordinate ascent on its tuning margin (``_objective``)."""
    tune = [it for it in items if it.tune and it.block == block]
    if not tune:
        raise SystemExit(f"no tuning articles with block={block}")
    if start is not None:
        best_w, best_red = start
        best = _objective(evaluate(tune, best_w, best_red))
        print(f"start: {best:+.3f}", flush=True)
    else:
        best_w, best_red, best = np.zeros(len(FEATURES)), 0.0, -1e9
        for name, fitter in (("logistic", fit), ("ridge", fit_ridge)):
            for l2 in (0.1, 10.0):
                beta = fitter(items, l2, 0.5, block)
                beta = beta / (np.abs(beta).max() or 1.0)
                for red in (0.0, 0.3, 0.6):
                    obj = _objective(evaluate(tune, beta, red))
                    print(f"{name} l2 {l2} redundancy {red}: {obj:+.3f}", flush=True)
                    if obj > best:
                        best_w, best_red, best = beta, red, obj
    scale = float(np.abs(best_w).max()) or 1.0
    for step in [0.1, 0.05, 0.02, 0.01][:rounds]:
        improved = True
        while improved:
            improved = False
            for f in range(len(best_w)):
                for sign in (1.0, -1.0):
                    w = best_w.copy()
                    w[f] += sign * step * scale
                    obj = _objective(evaluate(tune, w, best_red))
                    if obj > best + 1e-3:
                        best_w, best = w, obj
                        improved = True
                        print(f"step {step} {FEATURES[f]} {sign:+}: {obj:+.3f}", flush=True)
            for red in (best_red - 0.1, best_red + 0.1):
                if red >= 0:
                    obj = _objective(evaluate(tune, best_w, red))
                    if obj > best + 1e-3:
                        best_red, best = red, obj
                        improved = True
                        print(f"redundancy {red:.2g}: {obj:+.3f}", flush=True)
    return best_w, best_red


def report(items: list[Item], models: dict[bool, Model]) -> dict[str, float]:
    """Per corpus and part, ROUGE-1 of brief (each article scored with its
    structure's model), Lead-3 and TextRank-3."""
    sums: dict[str, list[float]] = {}
    for block, (weights, red) in models.items():
        group = [it for it in items if it.block == block]
        r = evaluate(group, weights, red)
        for key, value in r.items():
            corpus, where, _ = key.split(" ")
            n = sum(1 for it in group if it.corpus == corpus and it.tune == (where == "tune"))
            row = sums.setdefault(key, [0.0, 0.0])
            row[0] += value * n
            row[1] += n
    return {key: total / n for key, (total, n) in sums.items() if n}


def _print_weights(name: str, weights: np.ndarray) -> None:
    print(f"{name}: Final[tuple[float, ...]] = (")
    for w, feature in zip(weights, FEATURES, strict=True):
        print(f"    {w:.4g},  # {feature}")
    print(")")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/brief-summary-features.pkl"))
    ap.add_argument("--held-out", action="store_true", help="also print held-out scores")
    ap.add_argument("--from-shipped", action="store_true", help="refine the shipped weights")
    ap.add_argument("--rounds", type=int, default=3, help="coordinate-ascent step sizes (0-4)")
    args = ap.parse_args(argv)
    from briefings.derive import summary

    items = collect(args.shared, args.cache)
    shipped: dict[bool, Model] = {
        False: (np.array(summary.WEIGHTS), float(summary.REDUNDANCY_WEIGHT)),
        True: (np.array(summary.BLOCK_WEIGHTS), float(summary.BLOCK_REDUNDANCY_WEIGHT)),
    }
    models: dict[bool, Model] = {}
    for block in (False, True):
        print(f"== {'one block' if block else 'paragraphed'} articles", flush=True)
        start = shipped[block] if args.from_shipped else None
        models[block] = search(items, block, args.rounds, start)
    shown = items if args.held_out else [it for it in items if it.tune]
    r = report(shown, models)
    for key in sorted(r):
        print(f"  {key}: {r[key]:.2f}")
    _print_weights("WEIGHTS", models[False][0])
    print(f"REDUNDANCY_WEIGHT: Final = {models[False][1]:.2g}")
    _print_weights("BLOCK_WEIGHTS", models[True][0])
    print(f"BLOCK_REDUNDANCY_WEIGHT: Final = {models[True][1]:.2g}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
