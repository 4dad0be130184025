"""The reader's services (plain pytest: no app running)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefings.models import briefing_id_for
from tests.tui.conftest import BARRIER, MOORINGS, VOTE, build_library, fixture_briefings
from tui.services import QueryProblem, ServiceError, Services


@pytest.fixture
def services(reader_library: Path, export_dir: Path) -> Services:
    s = Services(reader_library, export_dir=export_dir)
    yield s  # type: ignore[misc]
    s.close()


def test_summaries_are_light_rows_newest_first(services: Services) -> None:
    rows = services.summaries()
    assert [r.id for r in rows][:2] == [briefing_id_for(VOTE), briefing_id_for(BARRIER)]
    assert rows[0].source == "Northern Post" and rows[0].snippet == ()


def test_open_finds_the_quote_that_a_related_briefing_carries(services: Services) -> None:
    opened = services.open(briefing_id_for(BARRIER))
    (echo,) = opened.echoes[0]
    assert echo.briefing_id == briefing_id_for(VOTE)
    assert echo.differences == (("rebuilding", "repairing"),)
    assert 1 not in opened.echoes  # the engineer's quote is nowhere else


def test_changed_notices_writes_from_another_connection(
    services: Services, reader_library: Path
) -> None:
    assert services.changed() is False  # the first call sets the baseline
    assert services.changed() is False
    extra = fixture_briefings()[2].model_copy(
        update={"id": briefing_id_for("test:x"), "origin": "test:x"}
    )
    build_library(reader_library, [extra])
    assert services.changed() is True
    assert services.changed() is False


def test_a_bad_query_is_a_query_problem(services: Services) -> None:
    with pytest.raises(QueryProblem):
        services.search('"unclosed')


def test_search_rows_carry_snippets(services: Services) -> None:
    outcome = services.search("moorings")
    assert outcome.total >= 1
    assert outcome.rows[0].id == briefing_id_for(MOORINGS)
    assert any(matched for _, matched in outcome.rows[0].snippet)


def test_exports_land_in_the_export_folder(services: Services, export_dir: Path) -> None:
    done = services.export_briefing(briefing_id_for(BARRIER))
    assert done.path.parent == export_dir and done.path.suffix == ".md" and not done.replaced
    assert services.export_briefing(briefing_id_for(BARRIER)).replaced
    dossier = services.export_dossier([briefing_id_for(BARRIER), briefing_id_for(VOTE)], "tide")
    assert dossier.path.name.startswith("dossier-tide-")


def test_saved_search_name_clash_is_one_line(services: Services) -> None:
    services.saved_add("tide", "tidal")
    with pytest.raises(ServiceError) as err:
        services.saved_add("tide", "barrier")
    assert "\n" not in str(err.value)


def test_a_quick_search_leaves_the_rest_for_finish_search(services: Services) -> None:
    full = services.search("harbour")
    assert full is not None and full.complete and len(full.rows) >= 2
    quick = services.search("harbour", first_snippets=1)
    assert quick is not None and not quick.complete
    assert [r.id for r in quick.rows] == [r.id for r in full.rows] and quick.total == full.total
    assert quick.rows[0].snippet == full.rows[0].snippet
    assert all(r.snippet is None for r in quick.rows[1:])  # still to come
    done = services.finish_search(quick)
    assert done is not None and done.complete
    assert done.rows == full.rows and done.suggestion == full.suggestion
    assert services.finish_search(quick, cancelled=lambda: True) is None


def test_finish_search_brings_did_you_mean(services: Services) -> None:
    quick = services.search("moorngs", first_snippets=5)
    assert quick is not None and quick.suggestion is None
    done = services.finish_search(quick)
    assert done is not None and done.suggestion == services.search("moorngs").suggestion


def test_list_rows_follow_the_library_order(services: Services) -> None:
    rows = services.summaries()
    library = services._library  # opened by that call
    assert library is not None
    expected = [(s.id, s.title, s.source, s.published) for s in library.summaries()]
    assert [(r.id, r.title, r.source, r.published) for r in rows] == expected


def test_a_saved_search_marks_the_hits_added_since_it_was_opened(
    services: Services, reader_library: Path
) -> None:
    services.saved_add("moor", "moorings")
    first = services.saved_run("moor")
    assert first.rows and not any(r.new for r in first.rows)
    moorings = next(b for b in fixture_briefings() if b.id == briefing_id_for(MOORINGS))
    extra = moorings.model_copy(update={"id": briefing_id_for("test:y"), "origin": "test:y"})
    services.changed()  # the baseline
    build_library(reader_library, [extra])
    assert services.changed()  # the index catches up
    second = services.saved_run("moor")
    assert extra.id in {r.id for r in second.rows}
    assert {r.id for r in second.rows if r.new} == {extra.id}
    assert not any(r.new for r in services.saved_run("moor").rows)  # opened: seen now


def test_an_upgraded_library_is_a_notice_for_the_reader(
    reader_library: Path, export_dir: Path
) -> None:
    """The reader prints nothing: an upgrade of an older store (made when the services
    first open it) reaches the app through ``on_notice``, once."""
    import sqlite3

    from briefings.library import DB_NAME, SCHEMA_VERSION

    conn = sqlite3.connect(reader_library / DB_NAME)
    with conn:  # the store as schema 4 left it: no related-article profiles
        for table in ("related_profiles", "related_terms", "related_term_counts"):
            conn.execute(f"DROP TABLE IF EXISTS {table}")
        conn.execute("UPDATE meta SET value='4' WHERE key='schema_version'")
    conn.close()
    told: list[str] = []
    s = Services(reader_library, export_dir=export_dir, on_notice=told.append)
    try:
        assert s.summaries()
        s.summaries()
    finally:
        s.close()
    assert len(told) == 1 and s.notices == told
    assert f"upgraded the library from schema 4 to {SCHEMA_VERSION}" in told[0]
    again = Services(reader_library, export_dir=export_dir, on_notice=told.append)
    try:
        again.summaries()
    finally:
        again.close()
    assert len(told) == 1


def test_reader_exports_carry_the_users_tags(services: Services) -> None:
    """The reader's ``T`` tags are the front matter's ``tags`` of ``e`` and ``|``."""
    from tests.unit.export_helpers import split_front_matter

    bid = briefing_id_for(BARRIER)
    services.set_tags(bid, ["Flood defence", "local"])
    data, _ = split_front_matter(services.markdown(bid))
    assert data["tags"] == ["flood-defence", "local"]
    written = services.export_briefing(bid).path.read_text(encoding="utf-8")
    assert split_front_matter(written)[0]["tags"] == ["flood-defence", "local"]
