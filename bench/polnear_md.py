"""Write the PolNeAR train articles as Markdown with front matter (title, source, date).

``python -m bench.polnear_md OUT`` reads ``corpora/polnear-train`` (its
``attributions.jsonl`` has each article's publisher and date; the text files
have neither) and writes ``OUT/<name>.md``, so that ``brief ingest OUT`` gives
briefings with an outlet and a date: what stories and person pages need.
Nothing of the articles is copied into the repository.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bench.corpus import DEFAULT_SHARED

POLNEAR = DEFAULT_SHARED / "corpora" / "polnear-train"


def write_markdown(out: Path, root: Path = POLNEAR, names: set[str] | None = None) -> int:
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    with open(root / "attributions.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            name = row["filename"]
            if names is not None and name not in names:
                continue
            text = (root / row["text_file"]).read_text(encoding="utf-8")
            title, _, body = text.partition("\n")
            front = {
                "title": title.strip(),
                "source": row["publisher"],
                "date": row["publication_date"],
            }
            head = "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in front.items())
            (out / f"{name}.md").write_text(
                f"---\n{head}\n---\n\n{body.strip()}\n", encoding="utf-8"
            )
            written += 1
    return written


if __name__ == "__main__":  # pragma: no cover
    print(write_markdown(Path(sys.argv[1])))
