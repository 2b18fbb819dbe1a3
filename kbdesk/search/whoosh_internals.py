"""Every use of Whoosh's private attributes and internal APIs, behind small functions.

The speed of the index rests on a few of Whoosh 2.7.4's internals (measured reasons at each
function). They are not part of Whoosh's API and forks change them, so this module refuses any
other Whoosh version at import time instead of failing in an operator's search later. Nothing
else in kbdesk touches an underscore attribute of Whoosh or a segment object.
"""

from __future__ import annotations

import itertools
import os
from typing import Any

import whoosh
from whoosh.index import Index
from whoosh.reading import IndexReader
from whoosh.searching import Searcher as WhooshSearcher
from whoosh.writing import IndexWriter

WHOOSH_VERSION = "2.7.4"
# whoosh.index.Index.writer() takes this lock in the index's storage.
_WRITE_LOCK = "WRITELOCK"


def check_version(found: str, expected: str = WHOOSH_VERSION) -> None:
    if found != expected:
        raise ImportError(
            f"kbdesk's search needs Whoosh {expected}, found {found}: it reads Whoosh internals "
            f"that other versions change (see kbdesk/search/whoosh_internals.py). "
            f"Install it with: pip install 'Whoosh=={expected}'"
        )


check_version(whoosh.versionstring())

# Imported after the check: on another version these may not even exist.
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield  # noqa: E402
from whoosh.filedb.filestore import FileStorage  # noqa: E402
from whoosh.reading import MultiReader, SegmentReader  # noqa: E402
from whoosh.util.numeric import byte_to_length  # noqa: E402

_BYTE_LENGTHS = [float(byte_to_length(b)) for b in range(256)]


# -- the writer lock --------------------------------------------------------------------------


def is_being_written(folder: str | os.PathLike[str]) -> bool:
    """Another live writer holds the folder's index lock (a lock file left by a dead process
    holds no OS lock and does not count). Raises OSError when the lock file is unusable."""
    lock = FileStorage(os.fspath(folder)).lock(_WRITE_LOCK)
    if not lock.acquire(blocking=False):
        return True
    lock.release()
    return False


# -- readers and segments ---------------------------------------------------------------------


def refreshed(ix: Index, old: WhooshSearcher) -> WhooshSearcher:
    """A searcher over the index's newest commit that keeps the open segment readers.

    Whoosh 2.7.4's own `refresh()` means to reuse them but looks them up under the wrong key,
    so each refresh re-read every segment's files into memory: most of a saved edit's time on
    a large index. A kept reader gets the new segment object, which carries the deletions the
    commit made.
    """
    toc = ix._read_toc()
    if toc.generation == old.reader().generation():
        return old
    open_readers = {
        reader.segment().segment_id(): reader
        for reader, _ in old.reader().leaf_readers()
        if isinstance(reader, SegmentReader)
    }
    readers = []
    for segment in toc.segments:
        reader = open_readers.pop(segment.segment_id(), None)
        if reader is None:
            reader = SegmentReader(ix.storage, toc.schema, segment, generation=toc.generation)
        else:
            reader._segment = segment
            reader._perdoc._segment = segment
            reader._gen = toc.generation
        readers.append(reader)
    for reader in open_readers.values():  # segments merged away
        reader.close()
    combined = readers[0] if len(readers) == 1 else MultiReader(readers, generation=toc.generation)
    return WhooshSearcher(combined, fromindex=ix)


def segment_count(ix: Index) -> int:
    return len(ix._segments())


def segment_key(sub: IndexReader) -> str:
    """Names a leaf reader's segment as it stands: the same key means the same documents.
    An empty index's reader has no segment; it is named for itself (it holds nothing)."""
    segment = sub.segment()
    if segment is None:
        return f"empty-{id(sub)}:0"
    return f"{segment.segment_id()}:{sub.doc_count_all()}"


def deleted_docnums(searcher: WhooshSearcher) -> frozenset[int]:
    """Deleted documents, as the searcher numbers them (postings still list them)."""
    deleted: set[int] = set()
    for sub, offset in searcher.reader().leaf_readers():
        if sub.has_deletions():
            deleted.update(offset + d for d in sub.segment().deleted_docs())
    return frozenset(deleted)


def _merge_small(writer: IndexWriter, segments: list[Any]) -> list[Any]:
    largest = max((segment.doc_count_all() for segment in segments), default=0)
    small = max(largest // 20, 100)
    kept = []
    for segment in segments:
        if segment.doc_count_all() >= small:
            kept.append(segment)
            continue
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return kept


def merge_small_segments(ix: Index, timeout: float) -> None:
    """Fold the small segments saved edits leave into one; keep the big ones a build made.

    Whoosh's own policy leaves many one-document segments behind, and every segment costs a few
    milliseconds each time a reader opens, which is on every saved edit.
    """
    writer = ix.writer(timeout=timeout)
    writer.commit(mergetype=_merge_small)


# -- postings and field lengths ---------------------------------------------------------------


def read_postings(matcher: Any) -> tuple[list[int], list[float]]:
    """All (docnum, weight) pairs of a leaf posting list.

    Whoosh 2.7's W3 leaf matcher decodes whole blocks into arrays; taking them a block at a time
    avoids three Python calls per posting. Any other matcher goes posting by posting.
    """
    ids: list[int] = []
    weights: list[float] = []
    leaf = getattr(matcher, "child", matcher)  # deletions are masked by the caller
    if all(hasattr(leaf, a) for a in ("_read_data", "_read_weights", "_next_block", "_byteids")):
        while leaf.is_active():
            if leaf._data is None:
                leaf._read_data()
            # Block ids are stored as deltas; accumulate() undoes them in C.
            block = leaf._data[0] if leaf._byteids else itertools.accumulate(leaf._data[0])
            leaf._read_weights()
            start = leaf._i
            ids.extend(itertools.islice(block, start, None))
            weights.extend(leaf._weights[start:])
            leaf._next_block()
        return ids, weights
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return ids, weights


def read_lengths(sub: IndexReader, field: str) -> list[float]:
    """Every document's length of the field, as Whoosh's scorer sees it (one byte, lossy).

    The W3 codec keeps them as a column of one byte per document; reading the column at once
    costs milliseconds at 100,000 documents, where asking per document took over a second.
    """
    count = sub.doc_count_all()
    try:
        column = sub._perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
        if column is None:
            return [0.0] * count
        stored = column._count
        if column._fixedlen != 1 or stored > count:
            raise ValueError("unexpected length column")
        data = column._dbfile.get(column._basepos, stored)
        return [_BYTE_LENGTHS[b] for b in data] + [0.0] * (count - stored)
    except (AttributeError, TypeError, ValueError):
        length = sub.doc_field_length
        return [float(length(d, field, 0) or 0) for d in range(count)]
