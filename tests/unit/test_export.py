"""One briefing as Markdown: front matter keys and types, inert article text, links."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from briefings.export import briefing_markdown, plan_briefings
from briefings.export.briefing import MAX_ENTITIES, what_it_measures
from briefings.export.markdown import heading_slug, plain
from briefings.models import Entity, Figure, Quote, QuoteLink, Related
from tests.unit.export_helpers import (
    briefing,
    headings,
    links,
    split_front_matter,
    tokens,
    walk,
)

WHEN = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
KEYS = {
    "title": str, "source": (str, type(None)), "author": (str, type(None)),
    "date_published": (date, type(None)), "origin": str, "tags": list, "keywords": list,
    "speakers": list,
    "id": str, "exported_at": str, "brief_version": str,
}  # fmt: skip

HOSTILE = [
    "Title: with a colon",
    "# not a heading",
    "- not a list",
    "1. not a list either",
    "> not a quote",
    "* star",
    "'single' and \"double\" quotes",
    "[click](javascript:alert(1)) and ![img](x.png)",
    "a | b | c",
    "`code` and ```fence```",
    "<script>alert(1)</script> <b>bold</b> <!-- c -->",
    "&amp; &#x3C; &copy;",
    "line one\nline two\n---\n...",
    "trailing backslash \\",
    "$5 and $6 is not maths ==mark== %%hidden%% ^block #tag ~~gone~~",
    "escape \x1b[2J and bell \x07 and bidi \u202e",
    "---",
    "key: value\nother: 1",
    "  leading spaces and tab\t",
    "",
]


def export(b, **kw) -> str:  # type: ignore[no-untyped-def]
    return briefing_markdown(b, exported_at=WHEN, version="9.9", **kw)


def test_front_matter_has_the_listed_keys_and_types() -> None:
    data, _ = split_front_matter(export(briefing()))
    assert list(data) == list(KEYS)
    for key, kind in KEYS.items():
        assert isinstance(data[key], kind), key
    assert data["date_published"] == date(2024, 3, 1)
    assert data["tags"] == []  # the user's tags (none given), never the keywords
    assert data["keywords"] == ["bridge", "city-council-budget"]  # "2024" is not a valid tag
    data, _ = split_front_matter(export(briefing(), tags=("local", "ferries")))
    assert data["tags"] == ["local", "ferries"]
    assert data["speakers"] == ["Bo Mayor"]
    assert data["exported_at"] == "2025-01-02T03:04:05Z"
    assert all(isinstance(x, str) for x in data["keywords"] + data["speakers"])


def test_body_has_the_sections_in_order() -> None:
    _, body = split_front_matter(export(briefing(), with_source=True))
    toks = tokens(body)
    shown = [(level, text) for level, text, _ in headings(toks)]
    assert shown == [
        (1, "A plain title"), (2, "Summary"), (2, "Key quotes"), (2, "Key figures"),
        (2, "Entities"), (2, "Related"), (2, "Source text"), (3, "A subheading"),
    ]  # fmt: skip
    types = [t.type for t in toks]
    assert types.count("blockquote_open") == 2
    assert "table_open" in types
    assert "— **Bo Mayor**, mayor of Exampletown" in body
    assert "— *unattributed*" in body
    assert "| $3 million | cost of the bridge |".replace("$", "\\$") in body
    assert "Traffic rose 40% in a year." in body  # no "measures": the sentence instead


def test_measures_that_add_nothing_give_way_to_the_context() -> None:
    sentence = (
        "Last spring the harbour board said 2,000 new cranes would arrive before the port reopens."
    )
    plain_unit = Figure(text="2,000 new cranes", measures="cranes", sentence=sentence)
    assert (
        what_it_measures(plain_unit)
        == "…spring the harbour board said 2,000 new cranes would arrive before the port…"
    )
    useful = Figure(
        text="2,000 new cranes", measures="cranes ordered for the port", sentence=sentence
    )
    assert what_it_measures(useful) == "cranes ordered for the port"
    alone = Figure(text="12%", measures="", sentence="12%.")
    assert what_it_measures(alone) == ""
    _, body = split_front_matter(export(briefing(figures=[plain_unit, alone])))
    assert "| 12% |   |" in body  # an empty cell, still a well-formed row


def test_long_entity_lists_keep_the_most_mentioned() -> None:
    many = [Entity(name=f"Firm {i:02d}", kind="organisation", mentions=1) for i in range(20)]
    many[15].mentions = 9
    _, body = split_front_matter(export(briefing(entities=many)))
    (line,) = [x for x in body.splitlines() if x.startswith("- **Organisations:**")]
    shown = line.removeprefix("- **Organisations:** ").split(" *and ")[0].split(", ")
    assert len(shown) == MAX_ENTITIES and "Firm 15" in shown
    assert shown == sorted(shown)  # in the order derived
    assert line.endswith(f"*and {20 - MAX_ENTITIES} more*")


def test_quotes_say_where_else_they_ran(tmp_path: Path) -> None:
    link = QuoteLink(
        id="fedcba9876543210",
        title="Council votes on the bridge",
        source="The Weekly Example",
        published=date(2024, 3, 2),
        differences=[("will", "shall")],
    )
    quoted = Quote(
        text="We will build the bridge before winter", speaker="Bo Mayor", corroborations=[link]
    )
    other = briefing("Council votes on the bridge", id="fedcba9876543210", related=[])
    first = plan_briefings([briefing(quotes=[quoted]), other], tmp_path, exported_at=WHEN)[0].text
    assert (
        "> *Also in* [Council votes on the bridge](council-votes-on-the-bridge-fedcba98.md)"
        " (The Weekly Example, 2024-03-02): “will” → “shall”"
    ) in first
    alone = export(
        briefing(
            quotes=[
                quoted.model_copy(
                    update={"corroborations": [link.model_copy(update={"differences": []})]}
                )
            ]
        )
    )
    assert (
        "> *Also in* Council votes on the bridge (The Weekly Example, 2024-03-02, `fedcba98`):"
        " word for word"
    ) in alone


def test_source_text_only_with_the_flag() -> None:
    assert "Source text" not in export(briefing())
    assert "First paragraph of the body." not in export(briefing())


def test_related_links_to_files_in_the_same_export(tmp_path: Path) -> None:
    other = briefing("Council votes on the bridge", id="fedcba9876543210", related=[])
    planned = plan_briefings([briefing(), other], tmp_path, exported_at=WHEN)
    first = planned[0].text
    assert "[Council votes on the bridge](council-votes-on-the-bridge-fedcba98.md)" in first
    alone = plan_briefings([briefing()], tmp_path, exported_at=WHEN)[0].text
    assert "Council votes on the bridge (`fedcba98`)" in alone
    assert all(p.path.parent == tmp_path for p in planned)


def _assert_inert(body: str) -> None:
    """Only our own structure: no HTML, images, foreign links or code from the article."""
    toks = tokens(body)
    for t in walk(toks):
        assert t.type not in {"html_inline", "html_block", "image", "code_block", "fence"}, t
        if t.type == "code_inline":
            assert all(c in "0123456789abcdef" for c in t.content), t.content
    for href in links(toks):
        assert href.startswith("#") or href.endswith(".md"), href
    assert "\x1b" not in body and "\x07" not in body and "\u202e" not in body


def _hostile_briefing(title: str):  # type: ignore[no-untyped-def]
    return briefing(
        title,
        dek=title,
        author=title or None,
        source=title or None,
        summary=[title, "ok"],
        quotes=[
            Quote(
                text=title,
                speaker=title or None,
                speaker_role=title or None,
                corroborations=[
                    QuoteLink(
                        id="fedcba9876543210",
                        title=title,
                        source=title,
                        differences=[(title, title)],
                    )
                ],
            )
        ],
        keywords=[title, "fine"],
        related=[Related(id="fedcba9876543210", title=title, score=1, reasons=[title])],
        body=[title, title],
        headings=[1],
    )


def _check_round_trip(title: str) -> None:
    text = export(_hostile_briefing(title), with_source=True)
    data, body = split_front_matter(text)
    assert data["title"] == (plain(title) or "Untitled")
    assert data["author"] == (plain(title) if title else None)
    for tag in data["keywords"]:
        assert tag and " " not in tag and "#" not in tag
    first = headings(tokens(body))[0]
    assert first[:2] == (1, plain(title) or "Untitled")
    assert first[2] == heading_slug(first[1])
    _assert_inert(body)
    # every paragraph of article text reads back as exactly the text (nothing interpreted)
    if plain(title):
        toks = tokens(body)
        paragraphs = [
            "".join(c.content for c in (t.children or []))
            for i, t in enumerate(toks)
            if t.type == "inline" and toks[i - 1].type == "paragraph_open"
        ]
        assert plain(title) in paragraphs


def test_round_trip_of_hostile_titles() -> None:
    for title in HOSTILE:
        _check_round_trip(title)


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("#*_-+=>|[]()!`<>&;:'\"\\$%^~.1 \n\t/ab\x1b\u202eé中")),
        max_size=40,
    )
)
def test_round_trip_of_generated_titles(title: str) -> None:
    _check_round_trip(title)
