"""Pages whose article the extractor does not find where it looks: an article box
swallowed by a sidebar (unclosed tags), and JavaScript apps that carry the text
only in their scripts (JSON-LD ``articleBody``, Next.js data)."""

from __future__ import annotations

import json

from briefings.derive.html import _embedded_text, _is_prose, extract_html
from tests.unit.test_clean_pages import PARAS

HEAD = (
    "<html><head><title>Harbour board weighs the dredging plan | Gazette</title>"
    '<meta property="og:title" content="Harbour board weighs the dredging plan">'
    '<meta property="og:site_name" content="Gazette"></head>'
)


def test_an_article_inside_an_unclosed_sidebar_is_read() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    html = (
        f"{HEAD}<body><aside class='sidebar'><div id='nav_menu-1'><div id='nav_menu-2'>"
        f"<article class='article-detailed'><div class='article-content'>{body}</div>"
        "</article></body></html>"
    )
    text = extract_html(html).text
    assert PARAS[0] in text and PARAS[-1] in text


def test_a_next_data_page_gives_the_body_from_its_json() -> None:
    markup = "".join(f"<p>{p}</p>" for p in PARAS)
    data = {"props": {"pageProps": {"story": {"title": "Harbour", "body": markup}}}}
    html = (
        f"{HEAD}<body><div id='__next'></div>"
        f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script>'
        "</body></html>"
    )
    page = extract_html(html)
    assert PARAS[0] in page.text and PARAS[-1] in page.text
    assert page.title == "Harbour board weighs the dredging plan"


def test_streamed_chunks_give_the_body_and_skip_their_metadata_rows() -> None:
    markup = "".join(f"<p>{p}</p>" for p in PARAS) + "<p>$$ARTICLEAD$$</p>"
    meta_row = json.dumps([["$", "meta", "1", {"name": "description", "content": PARAS[0]}]] * 3)
    chunks = [
        f"self.__next_f.push([1,{json.dumps(meta_row)}])",
        f"self.__next_f.push([1,{json.dumps(markup)}])",
    ]
    scripts = "".join(f"<script>{c}</script>" for c in chunks)
    html = f"{HEAD}<body><div id='app'></div>{scripts}</body></html>"
    text = extract_html(html).text
    assert text.startswith(PARAS[0]) and PARAS[-1] in text
    assert "ARTICLEAD" not in text and '"meta"' not in text


def test_json_ld_article_body_is_the_last_resort() -> None:
    item = {"@type": "NewsArticle", "headline": "Harbour", "articleBody": "\n".join(PARAS)}
    html = (
        f'{HEAD}<body><script type="application/ld+json">{json.dumps(item)}</script>'
        "<div id='root'></div></body></html>"
    )
    assert _embedded_text(html) == "\n".join(PARAS)


def test_code_and_data_are_not_prose() -> None:
    assert _is_prose(" ".join(PARAS))
    assert not _is_prose('{"a": [1, 2], "b": "$x"} ' * 30)
    assert not _is_prose("too short to be an article")


def test_a_megabyte_of_script_strings_is_read_in_linear_time() -> None:
    import contextlib
    import time

    many = "".join(f'"item {i}",' for i in range(100_000))
    one = json.dumps("Harbour board news. " * 50_000)
    for script in (many, one, '"' + "\\\\" * 300_000):
        html = f"{HEAD}<body><div id='app'></div><script>x=[{script}]</script></body></html>"
        start = time.perf_counter()
        with contextlib.suppress(ValueError):
            extract_html(html)
        assert time.perf_counter() - start < 30
