"""Reliability problems found in other engineers' areas, as strict xfails.

Each names the file to fix; when it is fixed the test passes, the xfail turns
into a failure (strict), and the marker should be removed.
"""

from __future__ import annotations

import pytest

from briefings.derive import derive
from briefings.models import Article


def test_navigation_only_html_is_not_an_article() -> None:
    html = (
        "<html><head><title>Menu</title><script>var a=1;</script></head>"
        "<body><nav><a href='/'>Home</a></nav></body></html>"
    )
    with pytest.raises(ValueError, match="no article text"):
        derive(Article(origin="test:nav.html", format="html", text=html))
