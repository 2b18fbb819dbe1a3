"""Writing documents into a Whoosh index: a whole build, or one saved edit inside a writer."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from whoosh.index import Index
from whoosh.searching import Searcher as WhooshSearcher
from whoosh.writing import IndexWriter

from kbdesk.search.api import Progress, SearchDoc
from kbdesk.search.text import words
from kbdesk.search.vocabulary import Vocabulary
from kbdesk.search.whoosh_schema import doc_fields

PROGRESS_EVERY = 100
# Two writer processes doubled the build rate on two cores (more brought nothing measurable),
# but starting them costs about a second: below this many documents one process is faster.
PARALLEL_FROM = 2_000


def default_procs() -> int:
    return min(2, os.cpu_count() or 1)


def doc_words(doc: SearchDoc) -> list[str]:
    return words(" ".join((doc.title, " ".join(doc.tags), doc.body)))


def fill(
    ix: Index,
    docs: Iterable[SearchDoc],
    total: int,
    vocab: Vocabulary,
    progress: Progress | None,
    procs: int,
) -> int:
    """Adds every document in one writer; returns how many there were."""
    if procs > 1:
        writer = ix.writer(procs=procs, multisegment=True, limitmb=128)
    else:
        writer = ix.writer(limitmb=256)
    count = 0
    try:
        for doc in docs:
            writer.add_document(**doc_fields(doc))
            vocab.add(doc_words(doc))
            count += 1
            if progress is not None and count % PROGRESS_EVERY == 0:
                progress(count, total)
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    if progress is not None:
        progress(count, max(total, count))
    return count


def apply_edit(
    writer: IndexWriter,
    op: str,
    payload: Any,
    vocab: Vocabulary,
    searcher: WhooshSearcher | None = None,
) -> int:
    """Applies one edit inside an open writer; returns the change in document count.

    Delete-by-term plus add in one writer: update_document is far slower on a large index.
    `searcher`, the live one at the writer's generation, finds the documents to delete;
    without it Whoosh opens (and copies into memory) every segment again for each edit.
    """
    delta = 0
    if op == "upsert":
        for doc in payload:
            delta -= writer.delete_by_term("id", str(doc.id), searcher=searcher)
            writer.add_document(**doc_fields(doc))
            delta += 1
            vocab.add(doc_words(doc))
    else:
        for doc_id in payload:
            delta -= writer.delete_by_term("id", str(doc_id), searcher=searcher)
    return delta


def commit_edit(ix: Index, op: str, payload: Any, vocab: Vocabulary) -> int:
    """One edit in its own writer and commit (replaying edits into a new generation)."""
    writer = ix.writer(timeout=5.0)
    try:
        delta = apply_edit(writer, op, payload, vocab)
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    return delta
