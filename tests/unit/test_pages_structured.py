"""Saved pages: structured data inside a script app's state, the editor named as the
author, a paragraph the precise pass cut short; one-line texts' titles; web addresses
in key phrases. Every page and line here is written for the test."""

from __future__ import annotations

from briefings.derive import build_document
from briefings.derive.document import Document, Metadata
from briefings.derive.html import merge_interior, repeats, strip_site_name
from briefings.derive.keywords import extract_keywords
from briefings.derive.metadata import title_of_line
from briefings.derive.sentences import split_sentences
from briefings.models import Article
from tests.unit.test_clean_pages import PARAS


def doc_of(html: str, fmt: str = "html") -> Document:
    return build_document(Article(origin=f"test:page.{fmt}", format=fmt, text=html))


def page(head: str, body: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    return (
        f"<html><head><title>Harbour board weighs the dredging plan</title>{head}</head>"
        f"<body><main><article><h1>Harbour board weighs the dredging plan</h1>{body}"
        f"{paras}</article></main></body></html>"
    )


def test_structured_data_in_a_script_apps_state_names_the_author() -> None:
    state = (
        '<script>window.__APP__ = {"page": {"seo": {"article": {"@context": '
        '"http://schema.org/", "@type": "NewsArticle", "headline": "Harbour board weighs '
        'the dredging plan", "datePublished": "2024-03-05T10:00:00Z", "author": '
        '[{"name": "Jane Roe", "url": "/staff/jane-roe", "@type": "Person"}]}}}};</script>'
    )
    meta = doc_of(page(state, "")).meta
    assert meta.authors == ["Jane Roe"]
    assert meta.published is not None and meta.published.isoformat() == "2024-03-05"


def test_a_script_without_schema_org_data_names_nobody() -> None:
    state = '<script>window.__APP__ = {"user": {"name": "Visitor"}};</script>'
    assert doc_of(page(state, "")).meta.authors == []


def test_the_structured_author_the_page_shows_as_editor_gives_way_to_the_byline() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour '
        'board weighs the dredging plan", "author": {"@type": "Person", "name": "Sam Poe"}}'
        "</script>"
    )
    body = (
        '<div class="author-box"><div class="author-2">Mira Stone</div></div>'
        '<div class="info">Editor : <a class="editor-link" href="/staff/sam">Sam Poe</a></div>'
    )
    assert doc_of(page(head, body)).meta.authors == ["Mira Stone"]


def test_a_structured_author_also_in_the_byline_stays() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour '
        'board weighs the dredging plan", "author": {"@type": "Person", "name": "Sam Poe"}}'
        "</script>"
    )
    body = '<div class="byline">By <a href="/staff/sam">Sam Poe</a></div>'
    assert doc_of(page(head, body)).meta.authors == ["Sam Poe"]


FULL = "The council said the ferry will stop running at night from the first of May this year."
CUT = "The council said from the first of May this year."


def test_repeats_is_a_paragraph_with_words_lost() -> None:
    assert repeats(CUT, FULL)
    assert not repeats(FULL, CUT)
    assert not repeats("The ferry runs.", "The ferry runs at night.")  # too short to say


def test_the_wide_paragraph_with_a_links_text_replaces_the_cut_one() -> None:
    first = "Residents of the island gathered at the harbour hall on Tuesday evening."
    last = "A final decision on the timetable is expected before the summer season."
    text = "\n".join([first, CUT, last])
    wide = "\n".join([first, FULL, last])
    assert merge_interior(text, wide).split("\n") == [first, FULL, last]


def test_a_gap_line_repeating_its_neighbour_is_not_added() -> None:
    first = "Residents of the island gathered at the harbour hall on Tuesday evening."
    last = "A final decision on the timetable is expected before the summer season."
    text = "\n".join([first, FULL, last])
    wide = "\n".join([first, FULL, CUT, last])
    assert merge_interior(text, wide).split("\n") == [first, FULL, last]


def test_a_short_one_line_text_is_titled_by_its_whole_line() -> None:
    line = (
        "The harbour board voted on Tuesday to close the old ferry pier on Quay Street "
        "and to build a new one near the lock, officials said."
    )
    doc = doc_of(line + "\n", "txt")
    assert doc.meta.title == line.rstrip(".")
    longer = line.replace("officials said.", "officials from the ferry company said on Tuesday.")
    assert title_of_line(longer) == line.replace(", officials said.", "")


def test_a_long_one_line_text_is_cut_at_a_clause_not_mid_phrase() -> None:
    line = (
        "Officials in the northern valley confirmed on Monday that the flooding which began "
        "last week had displaced more than four thousand families from their homes; relief "
        "agencies said that supplies of water and blankets were running low across the whole "
        "of the region."
    )
    title = title_of_line(line)
    assert title == (
        "Officials in the northern valley confirmed on Monday that the flooding which began "
        "last week had displaced more than four thousand families from their homes"
    )


def test_a_long_one_line_text_with_no_clause_break_is_cut_visibly() -> None:
    line = " ".join(["Many"] + ["small boats"] * 20 + ["sailed."])
    assert not title_of_line(line).endswith(("boats.", "sailed"))
    title = title_of_line(line)
    assert title.endswith("…")
    assert len(title.split()) <= 30


def test_web_addresses_leave_no_pieces_in_key_phrases() -> None:
    paragraphs = [
        "The ferry timetable is now online at www.harbourferries.example.org/timetable "
        "and on harbourferries.net, the harbour board said.",
        "Ferry passengers can write to help@harbourferries.net about the ferry timetable.",
        "The ferry timetable changes again in the autumn, and the harbour board will "
        "post it on http://harbourferries.example.com first.",
    ]
    doc = Document.build(paragraphs, set(), Metadata(title="Ferry timetable"), split_sentences)
    words = {w.lower() for k in extract_keywords(doc) for w in k.split()}
    assert {"ferry", "timetable"} & words
    assert not words & {"www", "http", "com", "net", "org", "example"}


def test_a_site_named_by_its_domain_leaves_the_title() -> None:
    from briefings.derive.html import domain_key, strip_site_name

    url = "https://www.harbour-watch.example.de/news/ferry"
    assert domain_key(url) == "example"
    assert domain_key("https://news.harbourwatch.co.uk/x") == "harbourwatch"
    assert domain_key("http://localhost/x") == ""
    site_url = "https://www.harbourwatch.co.uk/x"
    title = "Ferry pier to close in May - Harbour-Watch Online"
    assert strip_site_name(title, None, site_url) == "Ferry pier to close in May"
    assert strip_site_name("HarbourWatch » Ferry pier to close in May", None, site_url) == (
        "Ferry pier to close in May"
    )
    # A last segment that does not name the domain stays.
    assert strip_site_name("Ferry pier to close - and why", None, site_url) == (
        "Ferry pier to close - and why"
    )


def test_a_box_about_the_writer_leaves_the_body() -> None:
    marked = (
        '<div class="author-box-wrap"><p>Mira Stone covers shipping for the paper and '
        "sails on weekends.</p></div>"
    )
    labelled = (
        '<div class="highlight"><div class="header">Author</div><h3>Sam Poe</h3>'
        "<p>is a partner at a law firm in the port town and writes on maritime law.</p></div>"
    )
    text = doc_of(page("", marked + labelled)).text
    assert "sails on weekends" not in text
    assert "maritime law" not in text
    assert PARAS[0][:30] in text


def test_a_long_box_with_an_author_class_is_not_a_bio() -> None:
    long_box = '<div class="author-info">' + "".join(f"<p>{p}</p>" for p in PARAS * 4) + "</div>"
    doc = doc_of(page("", long_box))
    assert PARAS[1][:30] in doc.text


def test_a_date_written_as_a_title_segment_is_the_pages_date() -> None:
    html = page("", "").replace(
        "<title>Harbour board weighs the dredging plan</title>",
        "<title>Harbour board weighs the dredging plan | Region | Harbour Watch | 05.03.2024</title>",
    )
    meta = doc_of(html).meta
    assert meta.published is not None and meta.published.isoformat() == "2024-03-05"
    assert meta.title == "Harbour board weighs the dredging plan"


def test_a_number_in_a_title_segment_is_not_a_date() -> None:
    html = page("", "").replace(
        "<title>Harbour board weighs the dredging plan</title>",
        "<title>Harbour board weighs the dredging plan | 45.13.2024</title>",
    )
    assert doc_of(html).meta.published is None


def test_an_agency_acronym_beside_a_person_is_not_an_author() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour '
        'board weighs the dredging plan", "author": [{"@type": "Person", "name": "Mira Stone"}, '
        '{"@type": "Person", "name": "HWA"}]}</script>'
    )
    assert doc_of(page(head, "")).meta.authors == ["Mira Stone"]


def test_a_share_description_cut_short_is_made_whole_from_the_visible_teaser() -> None:
    teaser = (
        "The harbour board has agreed a plan for the northern channel after months of "
        "complaints from fishing crews. Work starts in spring."
    )
    head = f'<meta name="description" content="{teaser[:70]} ...">'
    body = f'<div class="intro"><p class="teaser">{teaser}</p></div>'
    doc = doc_of(page(head, body))
    assert doc.meta.dek == teaser or teaser in doc.text
    assert doc.meta.dek is None or not doc.meta.dek.endswith("...")


def test_full_description_picks_the_teaser_not_the_box_around_it() -> None:
    import lxml.html

    from briefings.derive.html import _full_description

    teaser = (
        "The harbour board has agreed a plan for the northern channel after months of "
        "complaints from fishing crews. Work starts in spring."
    )
    tree = lxml.html.fromstring(
        f"<html><body><div class='intro'><p>{teaser}</p><p>Photo: harbour office</p></div>"
        "</body></html>"
    )
    assert _full_description(tree, teaser[:70] + " ...") == teaser
    assert _full_description(tree, "Something else entirely that is long enough ...") == (
        "Something else entirely that is long enough ..."
    )
    assert _full_description(tree, "A whole description.") == "A whole description."


def test_a_job_or_desk_in_the_author_list_is_not_a_person() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour '
        'board weighs the dredging plan", "author": [{"@type": "Person", "name": "Mira Stone"}, '
        '{"@type": "Person", "name": "Staff Writer"}, {"@type": "Person", "name": '
        '"Online-Redaktion"}]}</script>'
    )
    assert doc_of(page(head, "")).meta.authors == ["Mira Stone"]


def test_a_share_description_that_is_the_lead_is_no_dek() -> None:
    head = f'<meta name="description" content="{PARAS[0][:70]}...">'
    doc = doc_of(page(head, ""))
    assert doc.meta.dek is None
    assert doc.text.count(PARAS[0][:40]) == 1


def test_a_site_named_after_an_angle_quote_or_a_government_domain_leaves_the_title() -> None:
    assert (
        strip_site_name("Ferry timetable changes in May › harbour.example", None, None)
        == "Ferry timetable changes in May"
    )
    assert (
        strip_site_name(
            "Ministry opens the new ferry pier - Hafenamt Nordland",
            None,
            "https://www.hafenamt.gv.at/news/pier",
        )
        == "Ministry opens the new ferry pier"
    )


def test_a_headline_with_markup_or_entities_escaped_twice_reads_as_text() -> None:
    head = (
        '<meta property="og:title" content="Harbour board &amp;quot;weighs&amp;quot; the '
        'dredging plan"><script type="application/ld+json">{"@type": "NewsArticle", '
        '"headline": "Harbour board <em>weighs</em> the dredging plan"}</script>'
    )
    assert doc_of(page(head, "")).meta.title == 'Harbour board "weighs" the dredging plan'


def test_a_section_before_the_site_name_and_other_site_separators_leave_the_title() -> None:
    site = "Harbour News"
    for title in (
        "Ferry timetable changes in May - Politics - Harbour News",
        "Ferry timetable changes in May :: Harbour News",
        "Ferry timetable changes in May « Harbour News",
        "Ferry timetable changes in May / Harbour News",
        "HARBOUR NEWS: Ferry timetable changes in May",
    ):
        assert strip_site_name(title, site, None) == "Ferry timetable changes in May"
    # A dash inside the headline, with no site name after it, stays.
    assert (
        strip_site_name("Ferry timetable changes - what it means", site, None)
        == "Ferry timetable changes - what it means"
    )
