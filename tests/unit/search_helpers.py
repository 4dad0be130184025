"""Briefings built by hand for the search tests (short texts written for the tests)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from briefings.library import Library
from briefings.models import Article, Briefing, Entity, Quote


def make(
    library: Library,
    name: str,
    title: str,
    body: list[str],
    *,
    source: str | None = None,
    published: date | None = None,
    quotes: list[tuple[str, str | None]] | None = None,
    entities: list[tuple[str, str]] | None = None,
    keywords: list[str] | None = None,
    summary: list[str] | None = None,
) -> Briefing:
    """Store a briefing (as ingest would) and return it."""
    text = title + "\n\n" + "\n\n".join(body)
    article = Article(origin=f"test:{name}", text=text)
    briefing = Briefing(
        id=article.id,
        title=title,
        source=source,
        published=published,
        origin=article.origin,
        body=body,
        summary=summary or [],
        quotes=[Quote(text=t, speaker=s) for t, s in quotes or []],
        entities=[Entity(name=n, kind=k) for n, k in entities or []],  # type: ignore[arg-type]
        keywords=keywords or [],
        content_hash=article.content_hash,
        extractor_version=1,
    )
    library.put(article, briefing)
    return briefing


def newsroom(folder: Path) -> tuple[Library, dict[str, Briefing]]:
    """A small library: two reports of one interview, one on the same topic, one unrelated."""
    lib = Library(folder)
    b: dict[str, Briefing] = {}
    b["interview"] = make(
        lib,
        "interview",
        "Harbour chairman warns on export restrictions",
        [
            "Marta Okonkwo, chairman of Harbour Logistics, said export restrictions on marine "
            "engines have slowed the company's expansion in the Baltic ports.",
            "Speaking on the Tidewater podcast with host Ansel Varga, Okonkwo said the firm is "
            "two years behind its rivals in automated cranes.",
            "The restrictions were tightened in March, when regulators added crane software to "
            "the list of controlled exports.",
        ],
        source="Port Weekly",
        published=date(2024, 4, 7),
        quotes=[
            ("We have to be very careful about every crane we ship abroad", "Marta Okonkwo"),
            ("We sold over forty cranes to Baltic buyers last year alone", "Marta Okonkwo"),
        ],
        entities=[("Marta Okonkwo", "person"), ("Harbour Logistics", "organisation")],
        summary=["Marta Okonkwo said export restrictions slowed Harbour Logistics."],
    )
    b["retold"] = make(
        lib,
        "retold",
        "Harbour Logistics two years behind, Okonkwo tells podcast",
        [
            "Harbour Logistics is two years behind rivals in automated cranes, chairman Marta "
            "Okonkwo told the Tidewater podcast hosted by Ansel Varga.",
            "Okonkwo blamed export restrictions on crane software for the delay in Baltic ports.",
        ],
        source="Maritime Daily",
        published=date(2024, 4, 9),
        quotes=[
            ("We must be very careful about every crane we ship abroad", "Marta Okonkwo"),
            ("We sold over forty cranes to Baltic buyers last year alone", "Marta Okonkwo"),
        ],
        entities=[("Marta Okonkwo", "person"), ("Harbour Logistics", "organisation")],
    )
    b["topic"] = make(
        lib,
        "topic",
        "Port automation spreads across northern Europe",
        [
            "Automated cranes now handle a third of container traffic in northern European "
            "ports, an industry survey found.",
            "Several operators said software costs, rather than restrictions, were the main "
            "obstacle to automation.",
        ],
        source="Port Weekly",
        published=date(2023, 12, 9),
        quotes=[("Software is the real bottleneck for automated terminals", "Ines Duarte")],
        entities=[("Ines Duarte", "person")],
    )
    b["other"] = make(
        lib,
        "other",
        "Village bakery wins regional bread prize",
        [
            "A family bakery in the hills won the regional prize for sourdough bread on Sunday.",
            "The judges praised the crust and the long fermentation of the loaves.",
        ],
        published=None,
    )
    return lib, b


REPORT_TOPICS = ["harbour cranes", "grain prices", "river ferries", "solar farms", "rail freight"]


def store_reports(library: Library, n: int, start: int = 0) -> None:
    """Store ``n`` short council reports, one of five topics each in turn."""
    for i in range(start, start + n):
        topic = REPORT_TOPICS[i % len(REPORT_TOPICS)]
        make(
            library,
            f"a{i}",
            f"Report {i} on {topic}",
            [
                f"The council discussed {topic} for the {i}th time on Tuesday.",
                f"Officials said {topic} would need more money next year, report {i} notes.",
            ],
        )
