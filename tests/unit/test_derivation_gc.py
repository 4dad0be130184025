"""Garbage collection during a run of derivations (``pipeline.derivation_gc``)."""

from __future__ import annotations

import gc

from briefings.derive import derive
from briefings.ingest import article_from_bytes
from briefings.pipeline import GC_YOUNG, derivation_gc
from briefings.samples import sample_files


def test_settings_are_restored_after_the_run() -> None:
    before = gc.get_threshold()
    with derivation_gc():
        assert gc.get_threshold()[0] >= GC_YOUNG
        assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == before


def test_deriving_leaves_no_reference_cycles() -> None:
    # The tuned collector runs rarely; a derivation must not rely on it to free memory.
    articles = [
        article_from_bytes(data, f"test:{name}", name, name) for name, data in sample_files()
    ]
    for article in articles:
        derive(article)  # warm the memos and compiled patterns
    gc.collect()
    gc.disable()
    try:
        gc.set_debug(gc.DEBUG_SAVEALL)
        for article in articles:
            derive(article)
        gc.collect()
        cyclic = len(gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert cyclic == 0
