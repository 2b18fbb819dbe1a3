"""Index writes: the fingerprint moves on with each save (no table scan), others' saves still
show for sync, and the small segments saves leave are merged, at the latest at close."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from kbdesk.db import Database
from kbdesk.kb import KnowledgeBase
from kbdesk.search import SearchDoc, SearchRequest, WhooshIndex
from kbdesk.store import ArticleStore

SAMPLE = Path(__file__).resolve().parent.parent.parent / "articles"


class ManualSchedule:
    """Stands in for the merge timer: records the calls, fires none."""

    def __init__(self) -> None:
        self.calls: list[tuple[float, Callable[[], None]]] = []

    def __call__(self, delay: float, fn: Callable[[], None]) -> ManualSchedule:
        self.calls.append((delay, fn))
        return self

    def cancel(self) -> None:
        pass


def test_saves_move_the_fingerprint_on_without_a_query(
    sqlite_kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb = sqlite_kb
    assert kb.import_paths([SAMPLE], "t").ok
    kb.ensure_index()
    record = kb.store.get_by_slug("pickup")
    assert record is not None
    queries: list[str] = []
    real = ArticleStore.fingerprint
    monkeypatch.setattr(kb.store, "fingerprint", lambda: queries.append("scan") or real(kb.store))
    kb.save(replace(record.to_item(), title="Самовывоз из дарксторов"), "B")
    kb.save(replace(record.to_item(), slug="new-one", title="Новая статья про склады"), "B")
    assert queries == []  # neither save scanned the table
    monkeypatch.undo()
    # Moved on by exactly these saves: it is what the full query says.
    assert kb.index.fingerprint() == kb.store.fingerprint()
    assert not kb.needs_rebuild()
    assert kb.search(SearchRequest("дарксторов")).hits[0].slug == "pickup"
    assert kb.search(SearchRequest("склады")).hits[0].slug == "new-one"


def test_advance_fingerprint_refuses_what_is_not_one() -> None:
    assert ArticleStore.advance_fingerprint(None, []) is None
    assert ArticleStore.advance_fingerprint("garbage", []) is None
    assert ArticleStore.advance_fingerprint("0:0:0:", []) == "0:0:0:"


def test_a_save_here_does_not_hide_a_save_by_another_desk(
    database: Database, tmp_path: Path
) -> None:
    """Before, a save stamped the index with the whole database's fingerprint, others' changes
    included, and sync then believed the index had them."""
    mine = KnowledgeBase(database, tmp_path / "mine")
    theirs = KnowledgeBase(database, tmp_path / "theirs")
    try:
        mine.import_paths([SAMPLE], "t")
        mine.ensure_index()
        theirs.ensure_index()
        pickup = theirs.store.get_by_slug("pickup")
        assert pickup is not None
        theirs.save(replace(pickup.to_item(), title="Самовывоз из дарксторов"), "B")
        other = mine.store.list()[0]
        mine.save(replace(other.to_item(), title=other.title + " и ещё"), "A")
        assert pickup.id in mine.sync()
        assert mine.search(SearchRequest("дарксторов")).hits[0].slug == "pickup"
        assert mine.sync() == [] and not mine.needs_rebuild()
    finally:
        mine.index.close()
        theirs.index.close()


def _docs(count: int) -> list[SearchDoc]:
    return [SearchDoc(i, f"d{i}", "article", f"Статья {i}", "текст про доставку", None, (),
                      "published") for i in range(1, count + 1)]


def _edit(index: WhooshIndex, docs: list[SearchDoc], edits: int) -> None:
    for number in range(edits):
        item = docs[number % len(docs)]
        index.upsert([replace(item, title=f"Правка{number}")], f"fp-{number}")


def test_unmerged_segments_are_merged_at_close(tmp_path: Path) -> None:
    schedule = ManualSchedule()
    index = WhooshIndex(tmp_path / "ix", procs=1, schedule=schedule)
    docs = _docs(30)
    index.rebuild(docs, len(docs), "fp")
    _edit(index, docs, 5)  # fewer than a merge waits for: nothing is scheduled
    assert schedule.calls == [] and index.segment_count() > 1
    index.close()
    again = WhooshIndex(tmp_path / "ix", procs=1, schedule=ManualSchedule())
    again.open()
    assert again.segment_count() == 1
    assert [h.id for h in again.search(SearchRequest("правка3 ")).hits] == [4]
    again.close()


def test_editing_that_never_pauses_still_gets_its_merge_at_once(tmp_path: Path) -> None:
    schedule = ManualSchedule()
    index = WhooshIndex(tmp_path / "ix", procs=1, schedule=schedule, merge_after_edits=4,
                        merge_when_idle_s=2.0, merge_now_after=6)
    docs = _docs(10)
    index.rebuild(docs, len(docs), "fp")
    _edit(index, docs, 7)
    assert [delay for delay, _ in schedule.calls] == [2.0, 2.0, 0.0, 0.0]
    schedule.calls[-1][1]()  # the timer fires (at once, on its own thread in the app)
    assert index.segment_count() == 1 and index.wait_idle(0)
    index.close()


def test_an_index_opened_with_many_segments_gets_a_merge(tmp_path: Path) -> None:
    index = WhooshIndex(tmp_path / "ix", procs=1, schedule=ManualSchedule(), merge_after_edits=99)
    docs = _docs(30)
    index.rebuild(docs, len(docs), "fp")
    _edit(index, docs, 12)
    # As after a crash: the segments are on disk, never merged (this one is not closed yet).
    assert index.segment_count() > 8
    schedule = ManualSchedule()
    again = WhooshIndex(tmp_path / "ix", procs=1, schedule=schedule)
    again.open()
    assert len(schedule.calls) == 1
    schedule.calls[0][1]()
    assert again.segment_count() == 1
    again.close()
    index.close()


def test_an_edit_keeps_the_unchanged_segments_postings_and_scores_stay_exact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kbdesk.search import postings

    reads: list[int] = []
    real = postings.read_postings

    def counted(matcher):  # type: ignore[no-untyped-def]
        reads.append(1)
        return real(matcher)

    monkeypatch.setattr(postings, "read_postings", counted)
    index = WhooshIndex(tmp_path / "ix", procs=1, schedule=ManualSchedule())
    docs = _docs(30)
    index.rebuild(docs, len(docs), "fp")
    request = SearchRequest("доставку", limit=50)
    index.search(request)
    _edit(index, docs, 1)  # a new small segment; the build's segment is unchanged
    reads.clear()
    edited = index.search(request)
    after_edit = len(reads)
    fresh = WhooshIndex(tmp_path / "ix", procs=1, schedule=ManualSchedule())
    fresh.open()
    reads.clear()
    expected = fresh.search(request)
    assert after_edit < len(reads)  # only the new segment was read again
    assert [(h.id, round(h.score, 9)) for h in edited.hits] == [
        (h.id, round(h.score, 9)) for h in expected.hits
    ]
    fresh.close()
    index.close()


def test_an_empty_index_opens_searches_and_takes_a_first_edit(tmp_path: Path) -> None:
    index = WhooshIndex(tmp_path / "ix", procs=1, schedule=ManualSchedule())
    index.rebuild([], 0, "fp")
    assert index.search(SearchRequest("доставку")).hits == []
    index.upsert(_docs(1), "fp-1")
    assert [h.id for h in index.search(SearchRequest("доставку")).hits] == [1]
    index.close()


def test_sync_leaves_the_index_alone_while_a_save_here_is_not_indexed_yet(
    sqlite_kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Else the save would be counted twice: once in the database's fingerprint sync stamps,
    once more when the save moves that fingerprint on (and the next start would rebuild)."""
    import threading

    kb = sqlite_kb
    assert kb.import_paths([SAMPLE], "t").ok
    kb.ensure_index()
    record = kb.store.get_by_slug("pickup")
    assert record is not None
    committed, go_on = threading.Event(), threading.Event()
    real_save = kb.store.save

    def slow_save(*args, **kwargs):  # type: ignore[no-untyped-def]
        result = real_save(*args, **kwargs)
        committed.set()  # in the database, not yet in the index
        go_on.wait(30)
        return result

    monkeypatch.setattr(kb.store, "save", slow_save)
    saver = threading.Thread(
        target=kb.save, args=(replace(record.to_item(), title="Самовывоз из дарксторов"), "B")
    )
    saver.start()
    try:
        assert committed.wait(30)
        before = kb.index.fingerprint()
        assert kb.sync() == [] and kb.index.fingerprint() == before
    finally:
        go_on.set()
        saver.join(30)
    assert kb.index.fingerprint() == kb.store.fingerprint() and not kb.needs_rebuild()
    assert kb.search(SearchRequest("дарксторов")).hits[0].slug == "pickup"
