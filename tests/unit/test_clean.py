"""Boilerplate rules in ``briefings.derive.clean`` and ``boilerplate``, on short made-up texts."""

from __future__ import annotations

import pytest

from briefings.derive import boilerplate as bp
from briefings.derive.blocks import Block
from briefings.derive.clean import Removal, clean_blocks
from briefings.derive.document import Metadata

BODY = [
    "The harbour authority said on Monday that it would dredge the northern channel next spring.",
    "Fishing crews have complained for years that silt blocks the approach at low tide.",
    "The work is expected to take four months and will be paid for by a regional grant.",
]


def clean(lines: list[str], meta: Metadata | None = None) -> tuple[list[str], list[Removal]]:
    removed: list[Removal] = []
    kept = clean_blocks([Block(t) for t in lines], meta or Metadata(), removed)
    return [b.text for b in kept], removed


@pytest.mark.parametrize(
    "line",
    [
        "LIKE 0",
        "Like",
        "advertisement",
        "Advertisement",
        "Share this article",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Posted by",
        "Favorite",
        "Sign up",
        "3 min read",
        "5 minutes",
        "***",
        "___.",
        "#harbour #dredging #silt",
        "Story continues below advertisement",
    ],
)
def test_widgets_and_separators_go(line: str) -> None:
    kept, removed = clean([BODY[0], line, BODY[1]])
    assert kept == BODY[:2]
    assert [r.text for r in removed] == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Sign up for our free morning newsletter and get the day's news in your inbox.",
        "Subscribe to our podcast here.",
        "Follow us on Facebook and Twitter.",
        "Do you rank in our database?",
        "Do you have questions about dredging? Get the answers with our new explainer platform.",
        "Click here to download the full report.",
        "Watch the full interview below:",
        "For more harbour stories, download our app.",
        "Want updates from our reporter? Sign up for her newsletter.",
    ],
)
def test_calls_to_action_go(line: str) -> None:
    kept, _ = clean([BODY[0], line, BODY[1]])
    assert kept == BODY[:2]


def test_a_run_of_promotions_goes_together() -> None:
    lines = [
        *BODY,
        "Submit a nomination",
        "Nominate a harbour hero for the Coastal Awards from Harbour Weekly and the Port Guild.",
        "Sign up for a free subscription to Harbour Weekly News, published twice a week.",
    ]
    meta = Metadata()
    kept, _ = clean(lines, meta)
    assert kept == BODY
    assert meta.source == "Harbour Weekly"  # named in two of the site's own promotions


@pytest.mark.parametrize(
    "line",
    [
        # Real text that mentions subscriptions, copyright, photos or Twitter.
        "The service costs $15 per month for unlimited downloads, and subscribers can cancel at any time.",
        "Two men pleaded guilty to charges that they infringed copyright by sharing films online.",
        "Premium rate numbers have been used in scams for years, and you could be charged without knowing.",
        "But midday Saturday, the campaign announced via Twitter that it had won most delegates.",
        '"Do you want us reading over a billion posts a day?" the executive asked.',
        "TAPPER: Do you think the campaign will change its message now?",
        "Follow the money, the investigator told the committee, and you will find the culprit.",
        "K Holmes (Ealing, Southall and Middlesex AC)",
    ],
)
def test_real_paragraphs_stay(line: str) -> None:
    kept, removed = clean([BODY[0], line, BODY[1]])
    assert kept == [BODY[0], line, BODY[1]], removed


def test_photo_credit_takes_the_caption_above_it() -> None:
    caption = (
        "Visitors look at a model of the new dredger during the harbour open day on May 4, 2023."
    )
    kept, removed = clean([BODY[0], caption, "Jane Doe | Harbour Post | Getty Images", BODY[1]])
    assert kept == BODY[:2]
    assert {r.reason for r in removed} == {"caption", "photo credit"}


def test_photo_credit_spares_a_paragraph_that_is_no_caption() -> None:
    kept, _ = clean([BODY[0], "He did not elaborate.", "John Smith / Reuters.", BODY[1]])
    assert kept == [BODY[0], "He did not elaborate.", BODY[1]]


@pytest.mark.parametrize(
    "line",
    [
        "A dredger at work in the channel on Monday. Photo: Harbour Post",
        "A dredger at work. Photo: AFP alt=A dredger at work. Photo: AFP>",
    ],
)
def test_inline_captions_go(line: str) -> None:
    kept, _ = clean([BODY[0], line, BODY[1]])
    assert kept == BODY[:2]


def test_related_list_goes_with_its_items() -> None:
    lines = [
        *BODY,
        "Related Posts",
        "Port Strike Ends After Two Weeks",
        "Port Strike Ends After Two Weeks",
        "New Ferry Route Opens in Spring",
    ]
    kept, _ = clean(lines)
    assert kept == BODY


def test_subheadings_are_kept_as_headings() -> None:
    blocks = [Block(BODY[0]), Block("What happens next", heading=True), Block(BODY[1])]
    kept = clean_blocks(blocks, Metadata())
    assert [b.heading for b in kept] == [False, True, False]


def test_credits_and_sources_become_metadata() -> None:
    meta = Metadata()
    kept, _ = clean(
        [
            *BODY,
            "Additional reporting by Jane Doe",
            "(Reporting by Jane Doe; Editing by John Roe)",
            "Source: HPW",
        ],
        meta,
    )
    assert kept == BODY
    assert meta.credits == [
        "Additional reporting by Jane Doe",
        "(Reporting by Jane Doe; Editing by John Roe)",
        "Source: HPW",
    ]
    assert meta.source == "HPW"


def test_abbreviated_source_is_spelled_out_from_the_article() -> None:
    meta = Metadata()
    lines = [*BODY, "The Harbour Post Weekly is owned by the port authority.", "Source: HPW"]
    clean(lines, meta)
    assert meta.source == "Harbour Post Weekly"


def test_originally_appeared_and_copyright_lines() -> None:
    meta = Metadata()
    kept, _ = clean(
        [
            *BODY,
            "This article originally appeared on the Harbour Post (HP), the voice of the coast.",
            "Copyright © 2023 Harbour Post Publishers Ltd. All rights reserved.",
            "Source: example.com",
        ],
        meta,
    )
    assert kept == BODY
    assert meta.source == "Harbour Post"


def test_source_falls_back_to_the_copyright_holder_then_a_domain() -> None:
    meta = Metadata()
    clean([*BODY, "Copyright 2021 Coast News Network. All rights reserved."], meta)
    assert meta.source == "Coast News Network"
    meta = Metadata()
    clean([*BODY, "Source: example.com"], meta)
    assert meta.source == "example.com"


@pytest.mark.parametrize(
    ("lead", "source"),
    [
        ("(HARBOURWIRE)The harbour authority said it would dredge the channel.", "HARBOURWIRE"),
        ("PORTSMOUTH (AP) — The harbour authority said it would dredge the channel.", "AP"),
        ("NEW YORK, Nov. 19 (UPI) — The harbour authority said it would dredge.", "UPI"),
    ],
)
def test_agency_datelines_leave_the_text(lead: str, source: str) -> None:
    meta = Metadata()
    kept, _ = clean([lead, BODY[1]], meta)
    assert kept[0].startswith("The harbour authority")
    assert meta.source == source


def test_existing_source_wins() -> None:
    meta = Metadata(source="Harbour Post")
    clean([*BODY, "Source: Other Paper"], meta)
    assert meta.source == "Harbour Post"


def test_pull_quote_at_the_top_is_dropped_once() -> None:
    quote = "“We have waited ten years for this channel to be cleared,” the harbour master said."
    kept, removed = clean([quote, *BODY, quote])
    assert kept == [*BODY, quote]
    assert removed[0].reason == "pull quote"


def test_pull_quote_repeated_inside_a_longer_paragraph() -> None:
    quote = "We have waited ten years for this channel to be cleared by anyone at all"
    longer = f"The harbour master was blunt. “{quote},” she said."
    kept, _ = clean([BODY[0], f"“{quote}”", longer])
    assert kept == [BODY[0], longer]


def test_repeated_list_lines_in_the_body_are_kept() -> None:
    item = "Portion: one cup of rice, two eggs, one spoon of oil and a handful of greens"
    lines = [*BODY, item, "Lunch", item, "Dinner", item]
    kept, _ = clean(lines)
    assert kept.count(item) == 3


def test_is_promo_and_furniture_helpers() -> None:
    assert bp.furniture("Share") == "widget"
    assert bp.furniture(BODY[0]) is None
    assert bp.is_call_to_action("Nominate a colleague for the awards.")
    assert not bp.is_call_to_action("“Nominate him,” she said.")


def test_headline_link_before_trailing_furniture_goes() -> None:
    link = "Port Chief: We Must Keep The Channel Open For Ferries"
    kept, removed = clean([*BODY, link, "#harbour #ferries", "Leave a Reply"])
    assert kept == BODY
    assert [r.reason for r in removed if r.text == link] == ["related link"]


def test_a_short_last_line_that_ends_the_article_stays() -> None:
    lines = [*BODY, "Final standings after the regatta"]
    kept, _ = clean(lines)
    assert kept == lines
