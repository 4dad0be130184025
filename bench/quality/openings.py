"""Summary sentences that cannot stand on their own, counted on BBC, CNN and PolNeAR.

A summary sentence is shown without the sentence before it, so it must not
open on something that needs it (issue #15). This check is written apart from
the summariser's own filters, so that it can catch them out. It flags a
sentence that

- **pronoun**: opens on a third-person pronoun ("He", "Her", "They're") or a
  demonstrative used as one ("This is", "That was");
- **connective**: opens on a word that links to the previous sentence
  ("However,", "But", "Meanwhile", "In addition");
- **question**: is a question (ends in "?", closing quotes aside);
- **label**: opens on a short "Label:" ("Anchor:", "Editor's note:") or is a
  list heading (ends in ":") or a numbered list item;
- **fragment**: opens in lower case (a bad split);
- **intro pronoun**: a short introductory phrase, then a pronoun subject
  ("In a letter, she said", "On Tuesday, they");
- **demonstrative**: opens on "this/these/those + noun", alone or after a
  preposition ("These measures", "Before these announcements"); time phrases
  ("This week", "this year") are fine;
- **name**: the first mention of a person in the summary is a bare one-word
  name ("Calarco said") when the article gives the person's full name and no
  earlier summary sentence (nor this one, before it) does; a name inside a
  quotation is not counted (a quotation is shown as spoken). People and their
  full names come from the entity layer (``entity_layer``), not from the
  summariser.

``python -m bench.quality.openings [--part tune|held-out]`` lists the flagged
sentences of a part (look at the tune part only).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from bench.quality import Score
from bench.quality.split import part as split_part
from briefings.derive import build_document
from briefings.derive.document import Document
from briefings.derive.summary import summarise
from briefings.derive.words import STOPWORDS
from briefings.ingest import IngestError, article_from_bytes

SENTENCES = 3
KINDS = (
    "pronoun",
    "connective",
    "question",
    "label",
    "fragment",
    "intro pronoun",
    "demonstrative",
    "cut quote",
    "name",
)
#: The kinds the gate holds at 0 ("name" is reported per part, not gated yet;
#: "cut quote" has a row of its own).
NARROW = KINDS[:7]
#: Summary sentences that end inside a quotation closed after them, per set, both
#: parts (before the widening to the quotation's close: 42 on the tune parts).
CUT_QUOTES_AT_MOST = 1.0

_PRONOUNS = frozenset(
    "he she it they his her its their him them hers theirs he's she's it's they're they've "
    "they'd he'd she'd it'd they'll he'll she'll it'll".split()
)
_DEMONSTRATIVES = frozenset("this that these those".split())
_VERBS_AFTER_DEMONSTRATIVE = frozenset(
    "is was are were has have had will would could can may might must should does did "
    "means meant comes came includes included led made makes follows followed".split()
)
_CONNECTIVES = frozenset(
    "however but and or so yet also still meanwhile moreover furthermore nevertheless "
    "nonetheless instead besides thus therefore hence otherwise indeed then consequently "
    "similarly likewise additionally plus".split()
)
_CONNECTIVE_PHRASES = (
    "in addition",
    "as a result",
    "even so",
    "that said",
    "on the other hand",
    "in contrast",
    "by contrast",
    "at the same time",
    "for his part",
    "for her part",
    "for their part",
    "in turn",
    "after that",
)
_FIRST_WORD = re.compile(r"[\"'“‘(\[]*([A-Za-z][A-Za-z'’]*)")
_LABEL = re.compile(r"[\"'“‘]?[A-Z][\w'’.&-]*(?: [\w'’.&-]+){0,2}:\s")
_LIST_ITEM = re.compile(r"(?:\d{1,2}|[a-z])[.)]\s")
#: A short introductory phrase (not a quotation) and a pronoun subject after its comma.
_INTRO_PRONOUN = re.compile(
    r"[A-Z][^,\"“”;:]{0,60}?,\s+(?:he|she|they|his|her|their)\b(?![-'’])", re.I
)
_INTRO_WORDS = 10
_PREPOSITIONS = frozenset(
    "before after despite in with since during under following amid amidst by for of "
    "at on from given without beyond like unlike through against".split()
)
_DEMONSTRATIVE_NOUN = re.compile(
    r"(?:(\w+) )?(this|these|those|such)(?: ([a-z][\w-]*)\b|\s*[,;])", re.I
)
_TIME_WORDS = frozenset(
    "week weekend year month morning afternoon evening night summer winter spring autumn "
    "fall season century decade quarter day days weeks months years time "
    # a relative clause or a phrase, not a noun: "Those who ...", "such as"
    "who whom whose which that where as".split()
)
_NAME_WORD = re.compile(r"[A-Z][\w'’-]+")


def bad_opening(text: str) -> str | None:
    """The kind of bad opening of a summary sentence, or None when it stands alone."""
    stripped = text.strip()
    if not stripped:
        return None
    end = stripped.rstrip("\"'”’)] ")
    if end.endswith("?"):
        return "question"
    if end.endswith(":") or _LIST_ITEM.match(stripped):
        return "label"
    m = _LABEL.match(stripped)
    if m and not re.search(r"\b(?:said|says|told|added|wrote|asked)\b", m.group(), re.I):
        return "label"
    first = _FIRST_WORD.match(stripped)
    if first is None:
        return None
    word = first.group(1).replace("’", "'")
    low = word.lower()
    if word[0].islower():
        return "fragment"
    if low in _PRONOUNS:
        return "pronoun"
    if low in _CONNECTIVES:
        return "connective"
    head = stripped[first.start(1) :].lower()
    if any(
        head.startswith(p) and not head[len(p) : len(p) + 1].isalpha() for p in _CONNECTIVE_PHRASES
    ):
        return "connective"
    if low in _DEMONSTRATIVES:
        after = stripped[first.end() :].split(maxsplit=1)
        if not after or after[0].strip(",.;:").lower() in _VERBS_AFTER_DEMONSTRATIVE:
            return "pronoun"
    body = stripped[first.start(1) :]
    m = _INTRO_PRONOUN.match(body)
    if m and len(body[: m.end()].split()) <= _INTRO_WORDS:
        return "intro pronoun"
    d = _DEMONSTRATIVE_NOUN.match(body)
    if (
        d
        and (d.group(1) is None or d.group(1).lower() in _PREPOSITIONS)
        and (d.group(3) or "").lower() not in _TIME_WORDS
        and (d.group(3) or "").lower() not in _VERBS_AFTER_DEMONSTRATIVE
    ):
        return "demonstrative"
    return None


def cut_quote(text: str, start: int, end: int) -> bool:
    """The summary sentence ``text[start:end]`` opens a quotation that its
    paragraph closes after the sentence: shown alone, the quotation is cut.
    (A quotation left open at the end of a paragraph, or re-opened by the next
    sentence, is the convention for a quotation running on: not a cut.)"""
    shown = text[start:end]
    if shown.count("“") > shown.count("”"):
        line_end = text.find("\n", end)
        after = text[end : line_end if line_end >= 0 else len(text)]
        marks = [i for i in (after.find("“"), after.find("”")) if i >= 0]
        return bool(marks) and after[min(marks)] == "”"
    if shown.count('"') % 2:
        last = shown.rfind('"')
        glued = text[start + last + 1 : start + last + 2]
        if last and not shown[last - 1].isspace() and not glued.isalnum():
            return False  # its odd mark closes: it starts inside a quotation
        if last == len(shown) - 1 and glued.isalnum():
            return False  # the next sentence's opening mark, glued to it
        line_end = text.find("\n", end)
        after = text[end : line_end if line_end >= 0 else len(text)]
        at = after.find('"')
        if at < 0:
            return False
        before = after[at - 1] if at else shown[-1:]
        following = after[at + 1 : at + 2]
        # A mark after a space, or glued to the next word ("said."However"), opens.
        return not before.isspace() and not following.isalnum()
    return False


def people(doc: Document) -> dict[str, str]:
    """One-word name forms of people -> the person's full name, from the entity layer."""
    from briefings.derive.entities import entity_layer

    layer = entity_layer(doc)
    out: dict[str, str] = {}
    for key, kind in layer.kinds.items():
        full = layer.names.get(key, key)
        if kind == "person" and " " not in key and " " in full and key in full.split():
            out[key] = full
    return out


def unintroduced_name(text: str, earlier: str, names: dict[str, str]) -> str | None:
    """The first bare one-word name of a person in ``text`` whose full name is
    neither in ``earlier`` (the summary so far) nor in ``text`` before it."""
    for m in _NAME_WORD.finditer(text):
        word = m.group().removesuffix("’s").removesuffix("'s")
        full = names.get(word)
        if full is None:
            continue
        if full in earlier or full in text[: m.start() + len(full)]:
            continue
        if re.search(rf"\b{re.escape(word)}\b", earlier):
            continue  # not the first mention in the summary (that one was counted)
        head = text[: m.start()]
        before = head.split()
        if (
            before
            and before[-1][:1].isupper()
            and before[-1][-1:] not in ",;:)"
            and before[-1].lower() not in STOPWORDS
        ):
            continue  # a title or another name in front ("Mr Calarco", "Dr Calarco")
        if head.count("“") > head.count("”") or head.count('"') % 2:
            continue  # inside a quotation, which a summary shows as spoken
        return word
    return None


def _bbc(shared: Path, quick: bool) -> Iterator[tuple[str, Document]]:
    from bench.quality.bbc import half, load

    for number, doc, _ in load(shared, quick):
        yield ("tune" if half(number) == "dev" else "held-out"), doc


def _cnn(shared: Path, quick: bool) -> Iterator[tuple[str, Document]]:
    from bench.quality.cnn import load

    for story, doc, _ in load(shared, quick):
        yield split_part(story), doc


def _polnear(shared: Path, quick: bool) -> Iterator[tuple[str, Document]]:
    root = shared / "corpora" / "polnear-train" / "text"
    for n, path in enumerate(sorted(root.glob("*.txt"))):
        if quick and n % 3:
            continue
        try:
            article = article_from_bytes(path.read_bytes(), str(path), path.name, path.name)
        except IngestError:
            continue
        yield split_part(path.name), build_document(article)


SETS = {"BBC": _bbc, "CNN": _cnn, "PolNeAR": _polnear}
_PRESENT = {
    "BBC": Path("corpora/bbc/index.jsonl"),
    "CNN": Path("corpora/cnn-dev/data.jsonl"),
    "PolNeAR": Path("corpora/polnear-train/text"),
}


def flagged(shared: Path, name: str, quick: bool = False) -> Iterator[tuple[str, str, str]]:
    """(part, kind, sentence) for every summary sentence of set ``name``; kind is ""
    when the sentence opens well."""
    for where, doc in SETS[name](shared, quick):
        names: dict[str, str] | None = None
        earlier = ""
        for s in summarise(doc, SENTENCES):
            kind = bad_opening(s.text)
            if kind is None and cut_quote(doc.text, s.start, s.end):
                kind = "cut quote"
            if kind is None:
                if names is None:
                    names = people(doc)
                if unintroduced_name(s.text, earlier, names) is not None:
                    kind = "name"
            earlier += s.text + "\n"
            yield where, kind or "", s.text


def evaluate(shared: Path, quick: bool = False) -> list[Score]:
    scores: list[Score] = []
    for name in SETS:
        if not (shared / _PRESENT[name]).exists():
            continue
        kinds: dict[str, Counter[str]] = {"tune": Counter(), "held-out": Counter()}
        checked: Counter[str] = Counter()
        for where, kind, _ in flagged(shared, name, quick):
            checked[where] += 1
            if kind:
                kinds[where][kind] += 1
        for where in ("tune", "held-out"):
            found = kinds[where]
            detail = " · ".join(f"{k} {found[k]}" for k in KINDS if found[k]) or "none"
            scores.append(
                Score(
                    "openings",
                    f"{name} summary sentences opening badly ({where})",
                    float(sum(found.values())),
                    None,
                    higher_is_better=False,
                    detail=f"{detail} · of {checked[where]} sentences",
                    unit="count",
                )
            )
        narrow = sum(kinds[w][k] for w in kinds for k in NARROW)
        scores.append(
            Score(
                "openings",
                f"{name} summary sentences opening badly, all kinds but name",
                float(narrow),
                0.0,
                higher_is_better=False,
                detail="both parts; pronoun, connective, question, label, fragment, "
                "intro pronoun, demonstrative",
                unit="count",
            )
        )
        scores.append(
            Score(
                "openings",
                f"{name} summary sentences ending inside a quotation",
                float(sum(kinds[w]["cut quote"] for w in kinds)),
                CUT_QUOTES_AT_MOST,
                higher_is_better=False,
                detail="both parts; the quotation closes after the sentence",
                unit="count",
            )
        )
    return scores


def main(argv: list[str] | None = None) -> int:
    from bench.quality.__main__ import DEFAULT_SHARED

    parser = argparse.ArgumentParser(prog="python -m bench.quality.openings")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--part", choices=("tune", "held-out"), default="tune")
    parser.add_argument("--set", choices=list(SETS), action="append")
    args = parser.parse_args(argv)
    for name in args.set or list(SETS):
        if not (args.shared / _PRESENT[name]).exists():
            continue
        for where, kind, text in flagged(args.shared, name):
            if kind and where == args.part:
                print(f"{name}\t{kind}\t{text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
