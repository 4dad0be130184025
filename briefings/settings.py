"""Settings from the environment, read and checked once.

``load()`` reads every ``BRIEF_*`` number the program uses and raises
``SettingError`` naming the variable when a value is unusable; the CLI calls it
first and turns the error into a usage error (exit 2). The modules that use a
setting read it through the helpers here, which fall back to the default for a
value ``load()`` would refuse (so a library import never fails on a bad value).
"""

from __future__ import annotations

import contextlib
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass

ENV_MAX_MB = "BRIEF_MAX_ARTICLE_MB"
ENV_ARTICLE_SECONDS = "BRIEF_ARTICLE_SECONDS"
ENV_LOCK_TIMEOUT = "BRIEF_INDEX_LOCK_TIMEOUT"
ENV_BATCH = "BRIEF_INDEX_BATCH"
ENV_ARTICLE_MEMORY = "BRIEF_ARTICLE_MEMORY_MB"

DEFAULT_MAX_MB = 20.0
#: The time budget of one article (reading the HTML or Markdown and deriving its
#: briefing). Derivation takes 4 to 10 s per MB of text, so this covers articles
#: of several MB; a pathological one fails with one line instead of stalling a run.
DEFAULT_ARTICLE_SECONDS = 60.0
#: The memory budget of one article, in MB of address space above what the process
#: used when the article started (reading it and deriving its briefing). Derivation
#: peaks at about 40 MB per MB of text, so this covers articles up to the 20 MB cap; a
#: pathological one fails with one line instead of pushing the machine into swap.
DEFAULT_ARTICLE_MEMORY_MB = 2048.0
DEFAULT_LOCK_TIMEOUT = 120.0
DEFAULT_BATCH = 500

#: Upper bounds: anything above is a typo (and 1e308 MB would overflow later).
MAX_MB = 1024.0 * 1024.0
MAX_SECONDS = 7 * 24 * 3600.0
MAX_BATCH = 1_000_000


class SettingError(ValueError):
    """An unusable setting; ``str()`` is one line naming the variable or option."""


def parse_number(raw: str, what: str, *, unit: str, upper: float) -> float:
    """A positive, finite number no larger than ``upper``; ``SettingError`` otherwise."""
    try:
        value = float(raw.strip())
    except (ValueError, OverflowError):
        raise SettingError(f"{what} must be a number of {unit}, not {raw!r}") from None
    if not (math.isfinite(value) and 0 < value <= upper):
        raise SettingError(
            f"{what} must be a number of {unit} above 0 and at most {upper:.0f}, not {raw!r}"
        )
    return value


def parse_count(raw: str, what: str, *, upper: int) -> int:
    try:
        value = int(raw.strip())
    except ValueError:
        raise SettingError(f"{what} must be a whole number, not {raw!r}") from None
    if not 0 < value <= upper:
        raise SettingError(f"{what} must be a whole number from 1 to {upper}, not {raw!r}")
    return value


@dataclass(frozen=True, slots=True)
class Settings:
    max_article_mb: float = DEFAULT_MAX_MB
    article_seconds: float = DEFAULT_ARTICLE_SECONDS
    index_lock_timeout: float = DEFAULT_LOCK_TIMEOUT
    index_batch: int = DEFAULT_BATCH
    article_memory_mb: float = DEFAULT_ARTICLE_MEMORY_MB


def load(environ: Mapping[str, str] | None = None) -> Settings:
    """Every setting from the environment; ``SettingError`` for the first bad one."""
    env = os.environ if environ is None else environ

    def number(name: str, default: float, unit: str, upper: float) -> float:
        raw = env.get(name)
        return parse_number(raw, name, unit=unit, upper=upper) if raw else default

    batch = env.get(ENV_BATCH)
    return Settings(
        max_article_mb=number(ENV_MAX_MB, DEFAULT_MAX_MB, "megabytes", MAX_MB),
        article_seconds=number(
            ENV_ARTICLE_SECONDS, DEFAULT_ARTICLE_SECONDS, "seconds", MAX_SECONDS
        ),
        index_lock_timeout=number(ENV_LOCK_TIMEOUT, DEFAULT_LOCK_TIMEOUT, "seconds", MAX_SECONDS),
        index_batch=parse_count(batch, ENV_BATCH, upper=MAX_BATCH) if batch else DEFAULT_BATCH,
        article_memory_mb=number(
            ENV_ARTICLE_MEMORY, DEFAULT_ARTICLE_MEMORY_MB, "megabytes", MAX_MB
        ),
    )


def current() -> Settings:
    """The settings, each bad value replaced by its default (the CLI has already
    refused bad values; other callers get a working program)."""
    try:
        return load()
    except SettingError:
        fields = {}
        for name, key in (
            (ENV_MAX_MB, "max_article_mb"),
            (ENV_ARTICLE_SECONDS, "article_seconds"),
            (ENV_LOCK_TIMEOUT, "index_lock_timeout"),
            (ENV_BATCH, "index_batch"),
            (ENV_ARTICLE_MEMORY, "article_memory_mb"),
        ):
            with contextlib.suppress(SettingError):
                fields[key] = getattr(load({name: os.environ.get(name, "")}), key)
        return Settings(**fields)
