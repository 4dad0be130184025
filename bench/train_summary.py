"""Fit the summary scorer's weights (``briefings.derive.summary.WEIGHTS``).

The scorer is linear over the per-sentence features of ``summary.prepare``
(position, length, centrality, similarity to the title / lead / centroid,
digit, capital and quote shares, and interactions of position, length and
centrality with the article's size and its sentences per paragraph). The
weights are a logistic regression, fitted here with numpy on the TUNING parts
only:

- BBC (``shared/corpora/bbc``), even ids: the references are extractive, so a
  sentence is labelled 1 when it is in the reference;
- CNN (``shared/corpora/cnn-dev``), the ``split.part`` "tune" stories: the
  highlights are abstractive, so the label is the greedy ROUGE-1 oracle (up to
  three sentences that together best match the highlights).

Only summary candidates are fitted. Every article weighs the same within its
corpus and the two corpora weigh the same in the loss. The features are
standardised for the fit and the weights mapped back to raw features, then
the overall scale is chosen on the tuning parts (it sets how much the
redundancy penalty counts). Held-out parts are only scored, never fitted.

    BRIEF_PURE=1 python -m bench.train_summary [--shared ../shared]

prints the tuning and held-out ROUGE-1 of brief, Lead-3 and TextRank-3 (this
script's own unigram ROUGE, rouge-score's tokenizer and stemmer) and the
weights to paste into summary.py.
"""

from __future__ import annotations

import argparse
import math
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


def fit(items: list[Item], l2: float = 1.0, balance: float = 0.5) -> np.ndarray:
    """Logistic regression (Newton steps) on the candidates of the tuning items."""
    xs, ys, ws = [], [], []
    totals = {"bbc": 0, "cnn": 0}
    for it in items:
        if it.tune and it.ok.any():
            totals[it.corpus] += 1
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


def fit_ridge(items: list[Item], l2: float = 1.0, balance: float = 0.5) -> np.ndarray:
    """Least squares on each candidate's own ROUGE-1 F against the reference,
    standardised within its article (a pointwise ranking target)."""
    tok = _tokenizer()
    xs, ys, ws = [], [], []
    totals = {"bbc": 0, "cnn": 0}
    for it in items:
        if it.tune and it.ok.sum() > 1:
            totals[it.corpus] += 1
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


def _margins(r: dict[str, float], where: str) -> tuple[float, float]:
    return (
        r[f"bbc {where} brief"] - r[f"bbc {where} textrank"],
        r[f"cnn {where} brief"] - r[f"cnn {where} lead"] - 1.0,
    )


def _objective(r: dict[str, float]) -> float:
    m_bbc, m_cnn = _margins(r, "tune")
    return min(m_bbc, m_cnn) + 0.1 * (m_bbc + m_cnn)


def search(
    items: list[Item], rounds: int, start: tuple[np.ndarray, float] | None = None
) -> tuple[np.ndarray, float]:
    """Blend the ridge (BBC-leaning) and logistic (CNN-leaning) fits, then
    coordinate ascent on the tuning parts' margins (the worse of BBC minus
    TextRank-3 and CNN minus Lead-3 minus 1, plus a tenth of their sum)."""
    tune = [it for it in items if it.tune]
    ridge = fit_ridge(items, 0.1, 0.3)
    logistic = fit(items, 10.0, 0.3)
    ridge = ridge / np.abs(ridge).max()
    logistic = logistic / np.abs(logistic).max()
    best_w, best_red, best = ridge, 0.3, -1e9
    steps = [0.2, 0.1, 0.05, 0.02][:rounds]
    if start is not None:
        best_w, best_red = start
        best = _objective(evaluate(tune, best_w, best_red))
        print(f"start: {best:+.3f}", flush=True)
        steps = [0.02, 0.01][:rounds]
    for alpha in () if start is not None else (0.0, 0.2, 0.35, 0.5, 0.65, 0.8, 1.0):
        for red in (0.1, 0.3, 0.6):
            w = (1 - alpha) * ridge + alpha * logistic
            obj = _objective(evaluate(tune, w, red))
            print(f"alpha {alpha} red {red}: {obj:+.3f}", flush=True)
            if obj > best:
                best_w, best_red, best = w, red, obj
    scale = float(np.abs(best_w).max())
    for step in steps:
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
                        print(f"redundancy {red}: {obj:+.3f}", flush=True)
    return best_w, best_red


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/brief-summary-features.pkl"))
    ap.add_argument("--held-out", action="store_true", help="also print held-out scores")
    ap.add_argument("--ridge", action="store_true")
    ap.add_argument("--from-shipped", action="store_true", help="refine the shipped weights")
    ap.add_argument("--search", type=int, default=0, help="coordinate-ascent rounds (1-4)")
    args = ap.parse_args(argv)
    items = collect(args.shared, args.cache)
    tune = [it for it in items if it.tune]
    if args.search:
        start = None
        if args.from_shipped:
            from briefings.derive.summary import REDUNDANCY_WEIGHT, WEIGHTS

            start = (np.array(WEIGHTS), float(REDUNDANCY_WEIGHT))
        weights, red = search(items, args.search, start)
        r = evaluate(items if args.held_out else tune, weights, red)
        for key in sorted(r):
            print(f"  {key}: {r[key]:.2f}")
        print("WEIGHTS = (" + ", ".join(f"{w:.4g}" for w in weights) + ")")
        print(f"REDUNDANCY_WEIGHT = {red:.2g}")
        return 0
    best: tuple[float, Any] | None = None
    for balance in (0.3, 0.4, 0.5, 0.6, 0.7):
        for l2 in (0.1, 10.0):
            beta = (fit_ridge if args.ridge else fit)(items, l2, balance)
            for scale in (1.0, 2.0, 4.0):
                for red in (0.3, 0.6):
                    weights = beta / scale
                    r = evaluate(tune, weights, red)
                    m_bbc, m_cnn = _margins(r, "tune")
                    worst = min(m_bbc, m_cnn)
                    print(
                        f"balance {balance} l2 {l2} scale {scale} red {red}: "
                        f"BBC-TR {m_bbc:+.2f} CNN-(Lead+1) {m_cnn:+.2f}",
                        flush=True,
                    )
                    if best is None or worst > best[0]:
                        best = (worst, (balance, l2, scale, red, weights))
    assert best is not None
    balance, l2, scale, red, weights = best[1]
    print(f"best: balance {balance} l2 {l2} scale {scale} redundancy {red}")
    r = evaluate(items if args.held_out else tune, weights, red)
    for key in sorted(r):
        print(f"  {key}: {r[key]:.2f}")
    print("WEIGHTS = (" + ", ".join(f"{w:.4g}" for w in weights) + ")")
    print(f"REDUNDANCY_WEIGHT = {red}")
    for name, w in zip(FEATURES, weights, strict=True):
        print(f"  {w:+.4f}  {name}")
    return 0


if __name__ == "__main__":
    math.isfinite(0.0)
    sys.exit(main())
