"""Related articles: for each briefing the top 5 related ones, with a score and reasons.

Each index document carries a small *profile* (term counts, repeated two-word
phrases, people and organisations, keywords, quotes and a shingle sketch).
When a briefing arrives, its candidates come from the index (an OR query over
its most distinctive terms, and over the rare words of each of its quotes), so
the cost depends on the briefing, not on the size of the library. Candidates
are scored with a symmetric similarity, so the same score serves both lists:
the new briefing gets its top 5, and each candidate it beats gets it inserted
into its own list. Near-identical texts (republished copies) are marked
``duplicate`` and kept apart from the top 5.
"""

from __future__ import annotations

import array
import base64
import functools
import json
import math
import re
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple, Protocol, TypeVar

from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from briefings.corroboration import QuoteMatch
from briefings.library import PROFILES_META_KEY, Library, LinkBack
from briefings.models import Briefing, Related
from search.corroborate import QuoteLinker, link_quotes, quote_words
from search.schema import _TOKENS, normaliser_steps, text_analyzer
from search.stopwords import is_stop

if TYPE_CHECKING:
    from search.index import SearchIndex

TOP = 5
MAX_DUPLICATES = 3
MIN_SCORE = 0.05
CANDIDATES = 25
QUERY_TERMS = 20
#: Terms in more than this share of documents are too common to find candidates with.
COMMON_SHARE = 0.2
#: ... and so are terms in more documents than this, whatever the library's size: the
#: candidate query then reads a bounded number of postings, so the cost of finding
#: related articles does not grow with the library.
COMMON_CAP = 1000
#: Candidates found through each quote's rare words, and the share of those words
#: (of the ones other briefings' quotes have) a candidate's quotes must have.
QUOTE_CANDIDATES = 10
QUOTE_MATCH_SHARE = 0.75
#: Quote words in more briefings' quotes than this are not rare enough to look up.
QUOTE_COMMON_CAP = 300
#: Jaccard of word 5-shingles above which two texts are the same article.
DUPLICATE_JACCARD = 0.5
SKETCH = 64
PHRASE_WEIGHT = 1.5

_STEMMED = text_analyzer()
_NORM = re.compile(r"\w+")


def _useful(word: str) -> bool:
    return len(word) >= 3 and not word.isdigit() and not is_stop(word)


# -- profiles ------------------------------------------------------------------------------


#: The index analyzer's tokenizer (``text_analyzer``), run once over a text.
_WORDS = re.compile(_TOKENS).finditer
_NORMALISE = normaliser_steps(list(_STEMMED.items)[1:])
#: word -> (its stem, lowercased) or None when it is not a useful word; bounded.
_WORD_INFO: dict[str, tuple[str, str] | None] = {}
_WORD_INFO_LIMIT = 200_000


def _stem_of(word: str) -> str:
    """The term the index analyzer makes of one word (its filters, without Whoosh's
    chain of token generators: about 6 µs a token)."""
    if _NORMALISE is None:  # an analyzer of another kind: ask it
        return next(iter(_STEMMED(word))).text
    for step in _NORMALISE:
        word = step(word)
    return word


def _word_info(word: str) -> tuple[str, str] | None:
    """(stem, lowercased) of a word of a profile's text, None when it is not useful."""
    try:
        return _WORD_INFO[word]
    except KeyError:
        pass
    low = word.lower()
    info = (_stem_of(word), low) if _useful(low) else None
    if len(_WORD_INFO) >= _WORD_INFO_LIMIT:
        _WORD_INFO.clear()
    _WORD_INFO[word] = info
    return info


def prepared_profile(briefing: Briefing) -> dict:
    """``briefing``'s profile (``profile_for``) with its id, ready for scoring
    (``prepare``)."""
    raw = profile_for(briefing)
    raw["id"] = briefing.id
    return prepare(raw)


def profile_for(briefing: Briefing) -> dict:
    """What related scoring needs from a briefing, stored with its index document."""
    counts: Counter[str] = Counter()
    surface: dict[str, str] = {}
    pairs: Counter[str] = Counter()
    pair_surface: dict[str, str] = {}
    parts = [briefing.title, briefing.title, briefing.dek or "", *briefing.body]
    word_info = _word_info
    for part in parts:
        prev: tuple[str, str, int] | None = None
        for match in _WORDS(part):
            word = match.group()
            info = word_info(word)
            if info is None:
                prev = None
                continue
            stem, low = info
            counts[stem] += 1
            if stem not in surface:
                surface[stem] = low
            start, end = match.span()
            if prev is not None and part[prev[2] : start].strip() in ("", "-"):
                key = f"{prev[0]} {stem}"
                # A capitalised pair (a name) counts double: names identify a story.
                named = prev[1][:1].isupper() and word[:1].isupper()
                pairs[key] += 2 if named else 1
                if key not in pair_surface:
                    pair_surface[key] = f"{prev[1]} {word}"
            prev = (stem, word, end)
    phrases = [[key, pair_surface[key], n] for key, n in pairs.most_common(40) if n >= 2]
    return {
        "t": {
            stem: [n, surface[stem]] if surface[stem] != stem else n for stem, n in counts.items()
        },
        "p": phrases[:25],
        "e": [[e.name, e.kind] for e in briefing.entities if e.kind in ("person", "organisation")],
        "k": list(briefing.keywords),
        "q": [[i, q.text] for i, q in enumerate(briefing.quotes) if len(q.text.split()) >= 5],
        "s": _sketch(briefing.body_text),
        "title": briefing.title,
        "source": briefing.source,
        "published": briefing.published.isoformat() if briefing.published else None,
    }


def _sketch(text: str) -> list[int]:
    """Bottom-k hashes of word 5-shingles: estimates Jaccard resemblance of two texts."""
    words = _NORM.findall(text.lower())
    shingles = {" ".join(words[i : i + 5]) for i in range(max(0, len(words) - 4))}
    return sorted(zlib.crc32(s.encode("utf-8")) for s in shingles)[:SKETCH]


def resemblance(a: list[int], b: list[int]) -> float:
    return _resemblance(set(a), set(b))


# -- scoring ---------------------------------------------------------------------------------


class SegmentDfs:
    """Document frequencies of terms, per index segment, kept from one update to the next.

    Scoring a briefing's candidates turns every term of every candidate's profile into
    a weight, which needs its document frequency: thousands of lookups per update,
    each a hash probe in every segment of the index, were most of the cost of related
    lists. A Whoosh segment never changes once written (deleting a document marks it;
    term counts stay), so a count read from a segment stays exact for as long as the
    segment is in the index, and the index's count is the sum over its segments. A
    small segment (each commit writes one) is read whole, once; in a large one each
    term is looked up once. Tables of segments merged away are dropped.
    """

    #: segments of at most this many documents are read whole
    SMALL = 2000
    #: counts kept for large segments before they are all dropped (memory)
    LIMIT = 300_000

    def __init__(self) -> None:
        self._tables: dict[tuple[str, str], dict[str, int]] = {}
        self._whole: set[tuple[str, str]] = set()
        self._kept = 0

    def segments(
        self, reader: IndexReader, field: str
    ) -> list[tuple[IndexReader, dict[str, int], bool]]:
        """(segment reader, its counts, whether they are complete) for each segment."""
        if self._kept > self.LIMIT:
            self._tables = {k: v for k, v in self._tables.items() if k in self._whole}
            self._kept = 0
        out: list[tuple[IndexReader, dict[str, int], bool]] = []
        live: set[tuple[str, str]] = set()
        for leaf, _ in reader.leaf_readers():
            segment = leaf.segment()
            if segment is None:  # not a segment reader: no cache
                out.append((leaf, {}, False))
                continue
            key = (segment.segment_id(), field)
            live.add(key)
            table = self._tables.get(key)
            if table is None:
                table = self._tables[key] = {}
                if leaf.doc_count_all() <= self.SMALL and field in leaf.schema:
                    for text, info in leaf.iter_field(field):
                        table[text.decode("utf-8")] = info.doc_frequency()
                    self._whole.add(key)
            out.append((leaf, table, key in self._whole))
        for key in [k for k in self._tables if k[1] == field and k not in live]:
            del self._tables[key]
            self._whole.discard(key)
        return out

    def grew(self, n: int) -> None:
        self._kept += n


class _Idf:
    """Document frequencies and idf weights for one update (one searcher)."""

    def __init__(self, searcher: Searcher, common: SegmentDfs | None = None) -> None:
        self.searcher = searcher
        self._reader = searcher.reader()
        self.n = max(1, searcher.doc_count())
        self.cache: dict[str, float] = {}
        self.dfs: dict[str, int] = {}
        self._common = common if common is not None else SegmentDfs()
        self._body = self._common.segments(self._reader, "body")
        self._quotes: list[tuple[IndexReader, dict[str, int], bool]] | None = None
        self.quote_dfs: dict[str, int] = {}
        self.quote_postings: dict[str, list[int]] = {}

    def _count(
        self, segments: list[tuple[IndexReader, dict[str, int], bool]], field: str, stem: str
    ) -> int:
        total = 0
        for leaf, table, whole in segments:
            value = table.get(stem)
            if value is None:
                value = 0 if whole else leaf.doc_frequency(field, stem)
                if not whole:
                    table[stem] = value
                    self._common.grew(1)
            total += value
        return total

    def quote_df(self, stem: str) -> int:
        value = self.quote_dfs.get(stem)
        if value is None:
            if self._quotes is None:
                self._quotes = self._common.segments(self._reader, "quotes")
            value = self.quote_dfs[stem] = self._count(self._quotes, "quotes", stem)
        return value

    def quoted_in(self, stem: str) -> list[int]:
        """The briefings whose quotes have this stem (cached for one update)."""
        ids = self.quote_postings.get(stem)
        if ids is None:
            ids = self.quote_postings[stem] = list(self._reader.postings("quotes", stem).all_ids())
        return ids

    def df(self, stem: str) -> int:
        value = self.dfs.get(stem)
        if value is None:
            value = self.dfs[stem] = self._count(self._body, "body", stem)
        return value

    def __call__(self, stem: str) -> float:
        value = self.cache.get(stem)
        if value is None:
            value = max(0.0, math.log((self.n + 1.0) / (self.df(stem) + 0.5)))
            self.cache[stem] = value
        return value


def _vector(profile: dict, idf: _Idf) -> tuple[dict[str, float], float]:
    vec = {}
    for stem, value in profile["t"].items():
        tf = value[0] if isinstance(value, list) else value
        vec[stem] = (1.0 + math.log(tf)) * idf(stem)
    # Repeated two-word phrases (names above all) are features too: they tell one
    # story from another on the same topic better than single words do.
    for key, _, n in profile["p"]:
        first, _, second = key.partition(" ")
        vec["p:" + key] = PHRASE_WEIGHT * (1.0 + math.log(n)) * (idf(first) + idf(second)) / 2
    norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
    return vec, norm


def _surface(profile: dict, stem: str) -> str:
    stored = profile.get("_surface")
    if stored is None and "_surface_text" in profile:  # a stored profile, split once
        parts = profile["_surface_text"].split(_SEP) if profile["_surface_text"] else []
        stored = profile["_surface"] = dict(zip(parts[::2], parts[1::2], strict=True))
    if stored is not None:  # a stored profile: only the words that differ from their stem
        return str(stored.get(stem, stem))
    value = profile["t"].get(stem)
    return value[1] if isinstance(value, list) else stem


@dataclass
class Scored:
    id: str
    title: str
    score: float
    reasons: list[str]
    duplicate: bool

    def as_related(self) -> Related:
        return Related(
            id=self.id,
            title=self.title,
            score=round(self.score, 3),
            reasons=self.reasons,
            duplicate=self.duplicate,
        )


Vector = tuple[dict[str, float], float]


def prepare(profile: dict) -> dict:
    """Add what ``compare`` and quote linking read to a profile, once per profile.

    Keys starting with ``_`` are derived here and never stored.
    """
    if "_people" not in profile:
        profile["_people"] = {name.casefold(): name for name, k in profile["e"] if k == "person"}
        profile["_orgs"] = {
            name.casefold(): name for name, k in profile["e"] if k == "organisation"
        }
        profile["_keywords"] = {k.casefold(): k for k in profile["k"]}
        profile["_phrases"] = {key: text for key, text, _ in profile["p"]}
        profile["_sketch"] = set(profile["s"])
        profile["_quote_words"] = quote_words(profile)
    return profile


def similarity(
    a: dict, b: dict, vector_a: Vector, vector_b: Vector, quote_hits: int
) -> tuple[float, bool]:
    """``compare``'s score and duplicate flag without its reasons (the same floats, added
    in the same order): most candidates never enter a list, so their reasons are
    worked out only for the entries that do."""
    va, na = vector_a
    vb, nb = vector_b
    if len(va) > len(vb):
        cosine = sum([w * va[t] for t, w in vb.items() if t in va]) / (na * nb)
    else:
        cosine = sum([w * vb[t] for t, w in va.items() if t in vb]) / (na * nb)
    score = cosine
    if quote_hits:
        score += 0.2
    for key in ("_people", "_orgs"):
        common = a[key].keys() & b[key].keys()
        if common:
            score += min(0.2, 0.05 * len(common))
    keywords = a["_keywords"].keys() & b["_keywords"].keys()
    if keywords:
        score += min(0.12, 0.03 * len(keywords))
    set_a, set_b = a["_sketch"], b["_sketch"]
    duplicate = bool(set_a & set_b) and _resemblance(set_a, set_b) >= DUPLICATE_JACCARD
    return score, duplicate


def compare(
    a: dict, b: dict, vector_a: Vector, vector_b: Vector, quote_hits: int
) -> tuple[float, list[str], bool]:
    """Symmetric similarity of two profiles: (score, reasons, duplicate)."""
    prepare(a)
    prepare(b)
    va, na = vector_a
    vb, nb = vector_b
    if len(va) > len(vb):
        shared = {t: w * va[t] for t, w in vb.items() if t in va}
    else:
        shared = {t: w * vb[t] for t, w in va.items() if t in vb}
    cosine = sum(shared.values()) / (na * nb)
    score = cosine
    reasons: list[str] = []
    if quote_hits:
        score += 0.2
        reasons.append("same quote" if quote_hits == 1 else f"{quote_hits} same quotes")
    for key, label in (("_people", "people"), ("_orgs", "organisations")):
        mine = a[key]
        common = mine.keys() & b[key].keys()
        if common:
            score += min(0.2, 0.05 * len(common))
            names = sorted(mine[c] for c in common)
            reasons.append(f"shared {label}: {', '.join(names[:3])}")
    keywords = a["_keywords"].keys() & b["_keywords"].keys()
    if keywords:
        score += min(0.12, 0.03 * len(keywords))
    surface = a["_phrases"]
    common_phrases = sorted(
        (k[2:] for k in shared if k.startswith("p:")), key=lambda k: (-shared["p:" + k], k)
    )
    named = sorted(keywords) + [surface[k] for k in common_phrases if k in surface]
    if named:
        reasons.append(f"shared key phrases: {', '.join(dict.fromkeys(named[:3]))}")
    if len(reasons) < 2:
        words = {t: w for t, w in shared.items() if not t.startswith("p:")}
        if words:
            top = sorted(words, key=lambda t: -words[t])[:4]
            reasons.append(f"shared terms: {', '.join(_surface(a, t) for t in top)}")
    duplicate = _resemblance(a["_sketch"], b["_sketch"]) >= DUPLICATE_JACCARD
    if duplicate:
        reasons.insert(0, "republished copy of the same article")
    return score, reasons, duplicate


def _reasons(a: dict, b: dict, vector_a: Vector, vector_b: Vector, quote_hits: int) -> list[str]:
    """The reasons ``b`` is related to ``a``, seen from ``a``."""
    return compare(a, b, vector_a, vector_b, quote_hits)[1]


def _resemblance(set_a: set[int], set_b: set[int]) -> float:
    """``resemblance`` of two sketches given as sets (profiles keep theirs made)."""
    both = set_a & set_b
    if not both:
        return 0.0
    union = sorted(set_a | set_b)[:SKETCH]
    return sum(1 for h in union if h in both) / len(union)


class _Pending:
    """A scored candidate whose ``Related`` entry (with its reasons) is made only if it
    is listed."""

    __slots__ = ("duplicate", "hits", "id", "other", "score", "vector")

    def __init__(
        self, score: float, other_id: str, duplicate: bool, other: dict, vector: Vector, hits: int
    ) -> None:
        self.score = score
        self.id = other_id
        self.duplicate = duplicate
        self.other = other
        self.vector = vector
        self.hits = hits

    def entry(self, prof: dict, vector: Vector) -> Related:
        reasons = compare(prof, self.other, vector, self.vector, self.hits)[1]
        return Related(
            id=self.id,
            title=self.other["title"],
            score=self.score,
            reasons=reasons,
            duplicate=self.duplicate,
        )


class _Ranked(Protocol):
    @property
    def score(self) -> float: ...
    @property
    def id(self) -> str: ...
    @property
    def duplicate(self) -> bool: ...


_Entry = TypeVar("_Entry", bound=_Ranked)


class _Rank(NamedTuple):
    score: float
    id: str
    duplicate: bool


def _enters(
    ranks: dict[str, list[tuple[str, float, bool]]],
    other_id: str,
    me: str,
    score: float,
    duplicate: bool,
) -> bool:
    """Whether an entry for ``me`` (``score``) would change ``other_id``'s stored list
    (``ranks``: its rows as (other, score, duplicate)): it enters the selection, or it
    was listed before. False for a briefing that is not stored."""
    rows = ranks.get(other_id)
    if rows is None:
        return False
    if any(o == me for o, _, _ in rows):
        return True
    pool = [_Rank(s, o, d) for o, s, d in rows]
    pool.append(_Rank(round(score, 3), me, duplicate))
    return any(r.id == me for r in select(pool))


def select(entries: list[_Entry]) -> list[_Entry]:
    """The top related entries, republished copies listed after and apart from them."""
    entries = sorted(entries, key=lambda r: (-r.score, r.id))
    best = [r for r in entries if not r.duplicate][:TOP]
    copies = [r for r in entries if r.duplicate][:MAX_DUPLICATES]
    return best + copies


# -- stored profiles: what the store keeps for each briefing ------------------------------


def encode_profile(profile: dict, vector: Vector) -> bytes:
    """The profile as the store keeps it: term weights computed once (with the document
    frequencies of the day it was made), names, keywords, phrases, sketch and quotes,
    as JSON. Comparing two stored profiles reads no index at all.

    Laid out to be decoded fast (a candidate's profile is decoded on every update that
    finds it): the terms are one string and their weights packed 32-bit floats, the
    sketch packed integers, each quote's words one string, and the surface forms (read
    only for the reasons shown) one string split when first needed."""
    vec, norm = vector
    terms = [t for t, w in vec.items() if w > 0 and _SEP not in t]
    data = {
        "t": _SEP.join(terms),
        "v": _pack("f", [vec[t] for t in terms]),
        "n": norm,
        "u": _SEP.join(
            f"{stem}{_SEP}{value[1]}"
            for stem, value in profile["t"].items()
            if isinstance(value, list) and stem in vec and _SEP not in value[1]
        ),
        "e": profile["e"],
        "k": profile["k"],
        "p": [[key, text] for key, text, _ in profile["p"]],
        "s": _pack("I", profile["s"]),
        "q": profile["q"],
        # each quote's words as quote matching compares them (no regex when decoded)
        "w": [" ".join(sorted(w)) for _, _, w in quote_words(profile)],
        "title": profile.get("title", ""),
        "source": profile.get("source"),
        "published": profile.get("published"),
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


#: Separates the terms (and surface forms) of a stored profile: never in a term.
_SEP = "|"


def _pack(code: str, values: list) -> str:
    return base64.b64encode(array.array(code, values).tobytes()).decode("ascii")


def _unpack(code: str, text: str) -> array.array:
    out = array.array(code)
    out.frombytes(base64.b64decode(text))
    return out


def decode_profile(briefing_id: str, blob: bytes) -> tuple[dict, Vector]:
    """A stored profile, prepared for ``compare`` and quote linking, with its vector.
    Profiles are stored as plain JSON (decoded in C, no inflating: a candidate's profile
    is decoded on every update that finds it); older ones are zlib-compressed."""
    data = json.loads(blob if blob[:1] == b"{" else zlib.decompress(blob))
    text = data["t"]
    vec: dict[str, float] = (
        dict(zip(text.split(_SEP), _unpack("f", data["v"]), strict=True)) if text else {}
    )
    names = data["e"]
    phrases = data["p"]
    sketch = list(_unpack("I", data["s"]))
    profile = {
        "id": briefing_id,
        "title": data.get("title", ""),
        "source": data.get("source"),
        "published": data.get("published"),
        "e": names,
        "k": data["k"],
        "p": [[key, text, 0] for key, text in phrases],
        "s": sketch,
        "q": data["q"],
        "_surface_text": data["u"],
        # what ``prepare`` adds, made here at once
        "_people": {name.casefold(): name for name, k in names if k == "person"},
        "_orgs": {name.casefold(): name for name, k in names if k == "organisation"},
        "_keywords": {k.casefold(): k for k in data["k"]},
        "_phrases": dict(phrases),
        "_sketch": set(sketch),
    }
    quote_sets = data["w"]
    if len(quote_sets) == len(profile["q"]):
        profile["_quote_words"] = [
            (j, text, frozenset(w.split()))
            for (j, text), w in zip(profile["q"], quote_sets, strict=True)
        ]
    else:
        profile["_quote_words"] = quote_words(profile)
    return profile, (vec, float(data["n"]) or 1.0)


#: Body terms each briefing posts to the store's inverted table: all of them (up to
#: this many, highest weights first), so that a term's postings are the briefings that
#: have it, as the index's candidate search read them; the cap below keeps only the
#: rare ones. Names are not posted apart: their words are terms already, and shared
#: people and organisations count in ``compare``.
TERMS_POSTED = 400
#: A term posted by more briefings than this is common: it finds no candidates and its
#: postings are dropped (the index's candidate search skipped terms in more briefings
#: than ``COMMON_CAP`` too), so reading postings is bounded whatever the library size.
TERM_CAP = COMMON_CAP
#: Quote words: a word in more briefings' quotes than this is not rare enough to look up.
QUOTE_CAP = QUOTE_COMMON_CAP
#: Meta key (in the store) saying every briefing has its stored profile and postings.
PROFILES_KEY = PROFILES_META_KEY
#: Bump when what a stored profile or its postings hold changes: they are all made again.
PROFILES_VERSION = "3"


def _cap(term: str) -> int:
    return QUOTE_CAP if term.startswith("q:") else TERM_CAP


def _quote_stems(text: str) -> list[str]:
    return list(dict.fromkeys(t.text for t in _STEMMED(text) if _useful(t.text)))


def _tf(value: int | list) -> int:
    return int(value[0] if isinstance(value, list) else value)


def postings_of(profile: dict, vector: Vector) -> list[tuple[str, float]]:
    """What a briefing posts to the inverted table: its ``TERMS_POSTED`` highest
    weighted body terms, each with its frequency in the briefing saturated like BM25's
    (``tf / (tf + 1.2)``: what the candidate search weighs a shared term by, times
    that term's weight in the new briefing), and the words of its quotes (``q:``, weight 0: quote candidates are counted)."""
    vec, _ = vector
    words = sorted(
        ((w, t) for t, w in vec.items() if not t.startswith("p:") and w > 0), reverse=True
    )
    counts = profile["t"]
    out: dict[str, float] = {}
    for _, term in words[:TERMS_POSTED]:
        tf = _tf(counts.get(term, 1))
        out[term] = round(tf / (tf + 1.2), 4)
    for stems in _quote_stems_of(profile):
        for stem in stems:
            out["q:" + stem] = 0.0
    return list(out.items())


def _quote_stems_of(profile: dict) -> list[list[str]]:
    """The stems of each quote of a profile (worked out once per profile)."""
    found = profile.get("_qstems")
    if found is None:
        found = profile["_qstems"] = [_quote_stems(text) for _, text in profile["q"]]
    return found


def query_terms(vector: Vector) -> dict[str, float]:
    """The terms a briefing looks its candidates up with, and their weights: its
    ``TERMS_POSTED`` highest weighted body terms (those that other briefings post
    are the ones that find anything)."""
    vec, _ = vector
    words = sorted(
        ((w, t) for t, w in vec.items() if not t.startswith("p:") and w > 0), reverse=True
    )
    return {t: w for w, t in words[:TERMS_POSTED]}


# -- keeping lists up to date --------------------------------------------------------------------


class RelatedUpdater:
    """Computes related lists and quote links for changed briefings, and inserts the
    changed briefings into the lists of the candidates they now belong in.

    Candidates come from the store's inverted table (a few rare weighted terms, names
    and quote words per briefing, capped per term), and are scored on their stored
    profiles: the index is read only for the changed briefings' own profiles."""

    def __init__(self, index: SearchIndex) -> None:
        self.index = index
        if not isinstance(index.common_dfs, SegmentDfs):
            index.common_dfs = SegmentDfs()
        self.library = index.library
        self._profiles: dict[str, tuple[dict, Vector]] = {}
        self._work: dict[str, Briefing] = {}
        self._lists: dict[str, list[Related]] = {}
        self._links_back: list[LinkBack] = []
        #: document frequencies of this update (``None`` outside one)
        self._idf: _Idf | None = None
        #: quote matches made in this update, by pair of texts
        self._matches: dict[tuple[str, str], QuoteMatch | None] = {}

    def update(
        self,
        briefings: list[Briefing],
        deleted: list[str],
        on_each: Callable[[int], None] | None = None,
    ) -> None:
        """``on_each(n)``: called as the briefings are worked through (progress)."""
        changed: dict[str, Briefing] = {}
        refill: list[str] = []
        if deleted:
            # Entries and quote links naming the deleted briefings go, in the store alone
            # (no briefing is read); the lists that lost an entry are filled up again below.
            mine = {b.id for b in briefings}
            refill = [i for i in self.library.forget_links(deleted) if i not in mine]
            # the briefings of this batch were read before: they may name them too
            briefings = [_without(b, set(deleted)) for b in briefings]
        if not briefings and not refill:
            return
        self._profiles.clear()
        self._matches = {}
        # The index's own searcher for this thread, refreshed (segments that did not
        # change are not opened again).
        searcher = self.index.searcher()
        idf = self._idf = _Idf(searcher, self.index.common_dfs)
        if self.library.get_meta(PROFILES_KEY) != PROFILES_VERSION:
            self._make_all_profiles(idf)
        work = list(briefings)
        # Briefings of this batch are changed whole (``changed``); the lists and quote
        # links of others only where they change (``_lists``, ``_links_back``).
        self._work = {b.id: b for b in work}
        self._lists = {}
        self._links_back = []
        # Every changed briefing is profiled and posted first, so that briefings of
        # one batch find each other.
        self._post(work, idf)
        for n, b in enumerate(work, 1):
            self._update_one(changed.get(b.id, b), changed)
            if on_each is not None:
                on_each(n)
        for other_id in refill:
            if other_id not in changed:
                self._refill(other_id)
        self.library.store_links(list(changed.values()), self._lists, self._links_back)
        self._work = {}
        self._lists = {}
        self._links_back = []

    def recompute_all(self) -> int:
        self.library.set_meta(PROFILES_KEY, "")
        self.library.clear_related_profiles()
        ids = self.library.ids()
        for start in range(0, len(ids), 200):
            self.update(self.library.get_many(ids[start : start + 200]), [])
        return len(ids)

    def _post(self, briefings: list[Briefing], idf: _Idf) -> None:
        """Profile these briefings (weights from today's document frequencies) and
        store their profiles and postings."""
        rows: list[tuple[str, bytes, list[tuple[str, float]]]] = []
        done: set[str] = set()
        for b in briefings:
            if b.id in done:
                continue
            done.add(b.id)
            profile = prepared_profile(b)
            vector = _vector(profile, idf)
            self._profiles[b.id] = (profile, vector)
            rows.append((b.id, encode_profile(profile, vector), postings_of(profile, vector)))
        self.library.store_related_profiles(rows, _cap)

    def _make_all_profiles(self, idf: _Idf) -> None:
        """Profile every briefing of the store (a library made before profiles were
        stored, or after ``recompute_all``): once, then each new briefing adds its own.
        Briefings still waiting for their related lists are left to their own update,
        which posts them (a new library's first batch profiled the whole ingest twice)."""
        waiting = {i for i, _, _ in self.library.pending_related_ops()}
        ids = [i for i in self.library.ids() if i not in waiting]
        for start in range(0, len(ids), 500):
            self._post(self.library.get_many(ids[start : start + 500]), idf)
            self._profiles.clear()
        self.library.set_meta(PROFILES_KEY, PROFILES_VERSION)

    def _stored(self, ids: list[str]) -> dict[str, tuple[dict, Vector]]:
        """Profiles of ``ids`` from the store (kept for this update)."""
        missing = [i for i in ids if i not in self._profiles]
        if missing:
            for briefing_id, blob in self.library.related_profiles(missing).items():
                self._profiles[briefing_id] = decode_profile(briefing_id, blob)
        return {i: self._profiles[i] for i in ids if i in self._profiles}

    def _update_one(self, b: Briefing, changed: dict[str, Briefing]) -> None:
        mine_profile = self._profiles.get(b.id)
        if mine_profile is None:
            return
        prof, vec = mine_profile
        candidates = self.candidates(prof, vec)
        others = self._stored(candidates)
        linker = QuoteLinker(b)
        mine: list[_Pending] = []
        theirs: list[tuple[str, float, bool, tuple[dict, Vector, int]]] = []
        for other_id in candidates:
            found = others.get(other_id)
            if found is None:
                continue
            other, other_vec = found
            matches = link_quotes(prof, other, self._matches)
            linker.compared(other_id)
            score, dup = similarity(prof, other, vec, other_vec, len(matches))
            if matches:
                linker.add(other_id, other, matches)
            if score < MIN_SCORE:
                continue
            mine.append(_Pending(round(score, 3), other_id, dup, other, other_vec, len(matches)))
            theirs.append((other_id, score, dup, (other, other_vec, len(matches))))
        # Entries other briefings offered earlier stay unless this search saw them again.
        seen = {r.id for r in mine} | set(candidates)
        kept = [r for r in b.related if r.id not in seen and r.id != b.id]
        pool: list[Related | _Pending] = [*mine, *kept]
        listed = [r if isinstance(r, Related) else r.entry(prof, vec) for r in select(pool)]
        b = b.model_copy(update={"related": listed, "quotes": linker.quotes()})
        changed[b.id] = b
        # Insert b into the lists of the candidates it now belongs in.
        linked = linker.linked_ids()
        # Each candidate's list as (other, score, duplicate) rows: enough to tell whether
        # b enters it; the few lists it does enter are then read whole.
        ranks = self.library.related_ranks(
            [i for i, *_ in theirs if i not in changed and i not in self._work]
        )
        for other_id, score, dup, (other, other_vec, hits) in theirs:
            stored_only = other_id not in changed and other_id not in self._work
            if (
                stored_only
                and other_id not in self._lists
                and not _enters(ranks, other_id, b.id, score, dup)
            ):
                continue
            entry = Related(
                id=b.id, title=b.title, score=round(score, 3), reasons=[], duplicate=dup
            )
            back = functools.partial(_reasons, other, prof, other_vec, vec, hits)
            self._offer(other_id, entry, back, changed)
        for other_id in linked:
            whole = changed.get(other_id) or self._work.get(other_id)
            if whole is not None:
                changed[other_id] = linker.apply_back(whole)
                continue
            found = others.get(other_id)
            if found is not None:
                texts = dict((j, t) for j, t in found[0]["q"])
                links = linker.links_back(other_id)
                self._links_back.append(
                    LinkBack(
                        id=other_id,
                        source=b.id,
                        links=links,
                        texts={j: texts.get(j, "") for j in links},
                    )
                )

    def _offer(
        self,
        other_id: str,
        entry: Related,
        reasons: Callable[[], list[str]],
        changed: dict[str, Briefing],
    ) -> None:
        """Put ``entry`` into ``other_id``'s related list if it belongs in its top entries.

        Only the other briefing's related list is read and written; the entry's reasons
        (seen from the other briefing) are worked out only when the list changes.
        """
        current = changed.get(other_id) or self._work.get(other_id)
        if current is not None:
            related: list[Related] | None = current.related
        else:
            related = self._lists.get(other_id)
            if related is None:
                related = self.library.related_lists([other_id]).get(other_id)
        if related is None:
            return
        kept = [r for r in related if r.id != entry.id]
        updated = select([*kept, entry])
        if entry not in updated and len(kept) == len(related):
            return  # not good enough to be listed, and was not listed before
        updated = [
            r.model_copy(update={"reasons": reasons()}) if r is entry else r for r in updated
        ]
        if updated == related:
            return
        if current is None:
            self._lists[other_id] = updated
        else:
            changed[other_id] = current.model_copy(update={"related": updated})

    def candidates(self, prof: dict, vector: Vector) -> list[str]:
        """Briefings that share the most weight of this one's posted terms and names
        (best first), then those whose quotes share most of a quote's rarer words."""
        me = prof["id"]
        weights = query_terms(vector)
        idf = self._idf
        if idf is not None:
            # The terms the index's candidate search chose (so that the lists stay what
            # they were): the best ``QUERY_TERMS`` of those in at least two briefings and
            # not in more than a fifth of them, nor in more than ``COMMON_CAP``.
            common = max(2, min(idf.n * COMMON_SHARE, COMMON_CAP))
            usable = [t for t in weights if 2 <= idf.df(t) <= common]
        else:
            # The best ``QUERY_TERMS`` of those that some other briefing posts too (the
            # counts include this briefing's own posting; a common term counts -1).
            counts = self.library.related_term_counts(list(weights))
            usable = [t for t in weights if counts.get(t, 0) >= 2]
        weights = {t: weights[t] for t in usable[:QUERY_TERMS]}
        found = [d for d, _ in self.library.related_candidates(weights, me, CANDIDATES)]
        for other in self._quote_candidates(prof):
            if other not in found and other != me:
                found.append(other)
        return found

    def _quote_candidates(self, prof: dict) -> list[str]:
        """Per quote: briefings whose quotes share most of its rarer words (see
        ``quote_candidates``), from the posting counts and postings of quote words."""
        quotes = [[f"q:{s}" for s in stems] for stems in _quote_stems_of(prof)]
        if not quotes:
            return []
        counts = self.library.related_term_counts(sorted({t for q in quotes for t in q}))
        found: list[str] = []
        for terms in quotes:
            shared = sorted((counts[t], t) for t in terms if 2 <= counts.get(t, 0) <= QUOTE_CAP)
            if len(shared) < 3:
                continue
            chosen = [t for _, t in shared[:8]]
            needed = max(3, math.ceil(len(chosen) * QUOTE_MATCH_SHARE))
            ranked = self.library.related_matching(chosen, needed, prof["id"], QUOTE_CANDIDATES)
            found.extend(d for d in ranked if d not in found)
        return found

    def _refill(self, briefing_id: str) -> None:
        """Fill up the related list of a briefing that lost an entry (a deleted
        briefing), from its stored profile and its candidates' (as ``_update_one``
        scores them); its quote links stay as they are (those to the deleted briefing
        are gone already), and nothing of it but its list is read or written."""
        found = self._stored([briefing_id]).get(briefing_id)
        if found is None:
            return
        prof, vec = found
        current = self._lists.get(briefing_id)
        if current is None:
            current = self.library.related_lists([briefing_id]).get(briefing_id)
        if current is None:
            return
        candidates = self.candidates(prof, vec)
        others = self._stored(candidates)
        fresh: list[Related] = []
        for other_id in candidates:
            other_found = others.get(other_id)
            if other_found is None:
                continue
            other, other_vec = other_found
            hits = len(link_quotes(prof, other, self._matches))
            score, reasons, dup = compare(prof, other, vec, other_vec, hits)
            if score >= MIN_SCORE:
                fresh.append(
                    Related(
                        id=other_id,
                        title=other["title"],
                        score=round(score, 3),
                        reasons=reasons,
                        duplicate=dup,
                    )
                )
        seen = {r.id for r in fresh} | set(candidates)
        kept = [r for r in current if r.id not in seen and r.id != briefing_id]
        updated = select(fresh + kept)
        if updated != current:
            self._lists[briefing_id] = updated


def _without(b: Briefing, gone: set[str]) -> Briefing:
    """``b`` without the related entries and quote links that name ``gone``."""
    if not any(r.id in gone for r in b.related) and not any(
        c.id in gone for q in b.quotes for c in q.corroborations
    ):
        return b
    quotes = [
        q.model_copy(update={"corroborations": [c for c in q.corroborations if c.id not in gone]})
        for q in b.quotes
    ]
    related = [r for r in b.related if r.id not in gone]
    return b.model_copy(update={"related": related, "quotes": quotes})


def referencing(library: Library, ids: list[str]) -> list[str]:
    """Briefings whose related list or quote links name any of ``ids`` (the store's
    tables are indexed by the other end: no scan)."""
    return library.referencing(ids)


def write_links(library: Library, briefings: list[Briefing]) -> None:
    """Store new related lists and quote links in one transaction (the store keeps a
    briefing's quote links only while its quotes are the ones they were computed for)."""
    library.store_links(briefings)
