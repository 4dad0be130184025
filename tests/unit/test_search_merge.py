"""The streaming merge writes the same segment as Whoosh's own merge."""

from __future__ import annotations

import functools
import random

import pytest
from whoosh.filedb.filestore import FileStorage
from whoosh.writing import SegmentWriter

from search.index import StreamingMergeWriter, merge_tiers
from search.schema import analysed_document, build_schema

WORDS = "rates rise fall bank court minister said plans vote cup film award oil market".split()


def _docs(n: int) -> list[dict]:
    rng = random.Random(5)
    out = []
    for k in range(n):
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 60)))
        out.append(
            analysed_document(
                {
                    "id": f"d{k}",
                    "title": " ".join(rng.sample(WORDS, 3)),
                    "body": body,
                    "words": " ".join(dict.fromkeys(body.split())),
                    "speakers": rng.choice(["Ann Lee", "Bo Ek", ""]),
                }
            )
        )
    return out


def _build(folder, writer_class, docs, batch):
    folder.mkdir()
    ix = FileStorage(str(folder), supports_mmap=False).create_index(build_schema())
    for k in range(0, len(docs), batch):
        writer = writer_class(ix)
        for doc in docs[k : k + batch]:
            writer.add_document(**doc)
        if k == batch:
            writer.delete_by_term("id", "d3")  # a merged segment with a deletion
        writer.commit(mergetype=functools.partial(merge_tiers, batch=batch))
    ix = FileStorage(str(folder), supports_mmap=False).open_index()
    with ix.reader() as r:
        docnums = list(r.all_doc_ids())
        return (
            [lr.doc_count_all() for lr, _ in r.leaf_readers()],
            list(r.iter_postings()),
            [r.stored_fields(d) for d in docnums],
            [(r.doc_field_length(d, "body"), r.doc_field_length(d, "title")) for d in docnums],
        )


@pytest.mark.parametrize("batch", [4, 7])
def test_streaming_merge_equals_whoosh_merge(tmp_path, batch):
    docs = _docs(batch * 9)
    ours = _build(tmp_path / "ours", StreamingMergeWriter, docs, batch)
    whoosh = _build(tmp_path / "whoosh", SegmentWriter, docs, batch)
    assert ours == whoosh
    assert len(ours[0]) < 9  # segments were merged
    assert not any(fields["id"] == "d3" for fields in ours[2])
