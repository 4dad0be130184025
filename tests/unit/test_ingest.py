from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from briefings.ingest import IngestError, Source, decode, discover, read_source


def test_decode_survives_every_encoding() -> None:
    text = "Café — “quoted” naïve"
    assert decode(text.encode("utf-8")) == (text, "utf-8")
    assert decode(codecs.BOM_UTF8 + text.encode("utf-8"))[0] == text
    assert decode(text.encode("utf-16"))[0] == text
    assert decode("Café naïve".encode("latin-1"))[0] == "Café naïve"
    assert decode("“quoted” €5".encode("cp1252"))[0] == "“quoted” €5"
    # undefined cp1252 bytes still decode (latin-1 fallback)
    assert decode(b"caf\xe9 \x81")[1] in {"cp1252", "latin-1"}


def test_utf16_without_bom_is_text() -> None:
    data = "Plain article text here.".encode("utf-16-le")
    assert decode(data)[0] == "Plain article text here."


def test_read_source_reasons(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(IngestError, match="empty.txt: empty file"):
        read_source(Source(empty, str(empty)))
    with pytest.raises(IngestError, match="binary.txt: binary file"):
        read_source(Source(binary, str(binary)))
    missing = tmp_path / "gone.txt"
    with pytest.raises(IngestError, match="gone.txt: file disappeared"):
        read_source(Source(missing, str(missing)))


def test_size_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEF_MAX_ARTICLE_MB", "1")
    big = tmp_path / "big.txt"
    big.write_text("word " * 300_000)
    with pytest.raises(IngestError, match=r"big.txt: too large \(1.4 MB; the limit is 1 MB"):
        read_source(Source(big, str(big)))


def test_discover_recurses_by_extension_and_survives_loops(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("One")
    (tmp_path / "a" / "two.md").write_text("Two")
    (tmp_path / "a" / "three.html").write_text("<p>Three</p>")
    (tmp_path / "a" / "skip.pdf").write_bytes(b"%PDF")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    found = [s for s in discover([str(tmp_path)]) if isinstance(s, Source)]
    names = sorted(s.path.name for s in found if s.path)
    assert names == ["one.txt", "three.html", "two.md"]


def test_discover_reports_missing_paths(tmp_path: Path) -> None:
    items = list(discover([str(tmp_path / "nope")]))
    assert len(items) == 1 and isinstance(items[0], IngestError)
    assert "no such file or directory" in str(items[0])


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files regardless of permissions")
def test_unreadable_file(tmp_path: Path) -> None:
    f = tmp_path / "secret.txt"
    f.write_text("text")
    f.chmod(0)
    with pytest.raises(IngestError, match="permission denied"):
        read_source(Source(f, str(f)))
