"""The index on disk: edits, rebuild swap, fingerprint, broken folders, concurrency."""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kbdesk.search import IndexState, SearchDoc, SearchRequest, WhooshIndex


def doc(doc_id: int, title: str, body: str = "", status: str = "published") -> SearchDoc:
    return SearchDoc(doc_id, f"item-{doc_id}", "article", title, body, None, (), status)


DOCS = [
    doc(i, f"Статья номер {i}", f"Текст про доставку и возврат, вариант {i}.") for i in range(1, 31)
]


@pytest.fixture
def built(tmp_path: Path) -> WhooshIndex:
    ix = WhooshIndex(tmp_path / "index", procs=1)
    ix.rebuild(DOCS, len(DOCS), "fp-1")
    return ix


def generation(ix: WhooshIndex) -> Path:
    return ix.path / (ix.path / "CURRENT").read_text().strip()


def test_missing_folder_is_reported(tmp_path: Path) -> None:
    ix = WhooshIndex(tmp_path / "nowhere")
    assert ix.open() is IndexState.MISSING
    assert ix.fingerprint() is None
    assert ix.check() != []


def test_rebuild_reports_progress_and_persists_fingerprint(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    # The multi-process build path, which only large builds take by default.
    ix = WhooshIndex(tmp_path / "index", procs=2, parallel_from=1)
    ix.rebuild(DOCS, len(DOCS), "fp-1", lambda done, total: calls.append((done, total)))
    assert calls[-1] == (30, 30)
    assert ix.fingerprint() == "fp-1"
    assert ix.search(SearchRequest("статья 7 ")).hits[0].id == 7
    ix.close()
    again = WhooshIndex(tmp_path / "index")
    assert again.open() is IndexState.OK
    assert again.fingerprint() == "fp-1"
    assert again.check() == []
    again.close()


def test_upsert_and_delete_are_visible_at_once(built: WhooshIndex) -> None:
    built.upsert([doc(5, "Промокод на лето", "Новый текст.")], "fp-2")
    assert [h.id for h in built.search(SearchRequest("промокод")).hits] == [5]
    assert 5 not in [h.id for h in built.search(SearchRequest("вариант 5 ")).hits]
    built.upsert([doc(99, "Совсем новая статья", "Кешбэк начисляется.")], "fp-3")
    # New words join the vocabulary, so typos of them are corrected too.
    assert built.search(SearchRequest("кешбэкк ")).hits[0].id == 99
    built.delete([99], "fp-4")
    assert built.search(SearchRequest("кешбэк ")).hits == []
    assert built.fingerprint() == "fp-4"
    built.close()
    again = WhooshIndex(built.path)
    assert again.open() is IndexState.OK
    assert again.fingerprint() == "fp-4"
    assert again.check() == []
    assert again.search(SearchRequest("промокод")).hits[0].id == 5
    again.close()


def test_status_change_applies(built: WhooshIndex) -> None:
    built.upsert([doc(3, "Статья номер 3", "Скрыта.", status="archived")], "fp-2")
    assert 3 not in [h.id for h in built.search(SearchRequest("статья номер 3 ")).hits]
    archived = built.search(SearchRequest("скрыта", statuses=("archived",)))
    assert [h.id for h in archived.hits] == [3]


def test_rebuild_swaps_and_old_generation_goes(built: WhooshIndex) -> None:
    old = generation(built)
    built.rebuild([doc(1, "Только одна статья")], 1, "fp-2")
    assert not old.exists()
    assert built.fingerprint() == "fp-2"
    assert [h.id for h in built.search(SearchRequest("одна")).hits] == [1]
    assert built.search(SearchRequest("вариант")).hits == []


def test_search_keeps_working_during_rebuild(built: WhooshIndex) -> None:
    seen: list[int] = []
    release = threading.Event()

    def slow_docs():
        for i, d in enumerate(DOCS):
            if i == 10:
                # Mid-rebuild: the old generation still answers, and an edit saved now
                # survives the swap.
                seen.extend(h.id for h in built.search(SearchRequest("статья 12 ")).hits)
                built.upsert([doc(12, "Статья номер 12 обновлена")], "fp-edit")
                release.set()
            yield d

    built.rebuild(slow_docs(), len(DOCS), "fp-2")
    assert release.is_set() and seen[0] == 12
    assert built.fingerprint() == "fp-edit"
    assert built.search(SearchRequest("обновлена")).hits[0].id == 12


def test_failed_rebuild_leaves_the_old_index(built: WhooshIndex) -> None:
    def broken():
        yield DOCS[0]
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        built.rebuild(broken(), 2, "fp-2")
    assert built.fingerprint() == "fp-1"
    assert len(built.search(SearchRequest("статья")).hits) == 20
    assert [p.name for p in built.path.iterdir() if p.name.startswith("g-")] == [
        generation(built).name
    ]


def _segment_files(ix: WhooshIndex) -> list[Path]:
    return [p for p in generation(ix).iterdir() if p.suffix == ".seg"]


def test_truncated_segment_is_corrupt(built: WhooshIndex) -> None:
    built.close()
    for seg in _segment_files(built):
        data = seg.read_bytes()
        seg.write_bytes(data[: len(data) // 3])
    ix = WhooshIndex(built.path)
    assert ix.open() is IndexState.CORRUPT
    assert ix.problems


def test_garbage_files_are_corrupt(built: WhooshIndex) -> None:
    built.close()
    gen = generation(built)
    for toc in gen.glob("*.toc"):
        toc.write_bytes(os.urandom(200))
    assert WhooshIndex(built.path).open() is IndexState.CORRUPT


def test_garbage_segment_is_corrupt(built: WhooshIndex) -> None:
    built.close()
    for seg in _segment_files(built):
        seg.write_bytes(os.urandom(seg.stat().st_size))
    assert WhooshIndex(built.path).open() is IndexState.CORRUPT


def test_unreadable_file_is_corrupt(built: WhooshIndex) -> None:
    built.close()
    # Replacing a file by a folder makes it unreadable even for root, unlike chmod.
    vocab = generation(built) / "kbdesk-vocab.txt"
    vocab.unlink()
    vocab.mkdir()
    assert WhooshIndex(built.path).open() is IndexState.CORRUPT


def test_garbage_current_pointer(built: WhooshIndex) -> None:
    built.close()
    (built.path / "CURRENT").write_text("../../etc")
    assert WhooshIndex(built.path).open() is IndexState.MISSING


def test_stale_lock_does_not_block(built: WhooshIndex) -> None:
    """A lock file left by a process that died holds no OS lock: the index opens and edits."""
    built.close()
    (generation(built) / "WRITELOCK").write_text("")
    ix = WhooshIndex(built.path)
    assert ix.open() is IndexState.OK
    ix.upsert([doc(1, "После сбоя")], "fp-2")
    assert ix.search(SearchRequest("сбоя")).hits[0].id == 1
    ix.close()


def test_live_lock_is_reported(built: WhooshIndex) -> None:
    built.close()
    lock = generation(built) / "WRITELOCK"
    with open(lock, "w") as holder:  # another writer, as the OS sees it
        fcntl.flock(holder.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert WhooshIndex(built.path).open() is IndexState.LOCKED
        fcntl.flock(holder.fileno(), fcntl.LOCK_UN)
    assert WhooshIndex(built.path).open() is IndexState.OK


def test_leftover_generation_of_a_crashed_rebuild_is_removed(built: WhooshIndex) -> None:
    built.close()
    leftover = built.path / "g-deadbeef-1"
    leftover.mkdir()
    (leftover / "half.seg").write_bytes(b"\0" * 10)
    ix = WhooshIndex(built.path)
    assert ix.open() is IndexState.OK
    assert not leftover.exists()
    ix.close()


def test_check_notices_a_wrong_document_count(built: WhooshIndex) -> None:
    meta = generation(built) / "kbdesk-meta.json"
    meta.write_text(meta.read_text().replace('"doc_count": 30', '"doc_count": 31'))
    built.close()
    ix = WhooshIndex(built.path)
    assert ix.open() is IndexState.OK
    assert any("documents" in p for p in ix.check())
    ix.close()


def test_prefix_reaches_the_words_it_begins_only(tmp_path: Path) -> None:
    # Snowball cuts the unfinished "упом" to "уп": the body must not match every "уп..." word.
    ix = WhooshIndex(tmp_path / "index", procs=1)
    docs = [doc(1, "Первая", "Упаковка повреждена."), doc(2, "Вторая", "Клиент упоминает код.")]
    ix.rebuild(docs, len(docs), "fp")
    assert [h.id for h in ix.search(SearchRequest("упом")).hits] == [2]
    assert [h.id for h in ix.search(SearchRequest("упак")).hits] == [1]
    ix.close()


def test_cached_results_follow_edits(built: WhooshIndex) -> None:
    # The same query before and after an edit: nothing cached for the old searcher may leak.
    assert built.search(SearchRequest("кешбэк ")).hits == []
    assert built.search(SearchRequest("вариант 7 ")).hits[0].id == 7
    built.upsert([doc(7, "Кешбэк за заказ", "Начисляется сразу.")], "fp-2")
    assert [h.id for h in built.search(SearchRequest("кешбэк ")).hits] == [7]
    assert 7 not in [h.id for h in built.search(SearchRequest("вариант 7 ")).hits]
    built.delete([7], "fp-3")
    assert built.search(SearchRequest("кешбэк ")).hits == []


def test_stop_words_leave_cached_scores_alone(built: WhooshIndex) -> None:
    before = [(h.id, h.score) for h in built.search(SearchRequest("возврат ")).hits]
    assert built.search(SearchRequest("как возврат ")).hits
    assert [(h.id, h.score) for h in built.search(SearchRequest("возврат ")).hits] == before


def test_scores_are_whooshs_bm25f(built: WhooshIndex) -> None:
    """The posting scorer reproduces the scores of the equivalent Whoosh query tree."""
    from kbdesk.search.postings import PostingScorer
    from kbdesk.search.whoosh_schema import plan_query

    built.upsert(
        [
            doc(40, "Возврат доставки", "Доставка и возврат, возврат денег."),
            doc(41, "Доставка курьером", "Курьер доставит заказ."),
        ],
        "fp-2",
    )
    searcher = built._searcher
    assert searcher is not None
    scorer = PostingScorer(searcher)
    for text in ("возврат ", "доставка возврат ", "дост", "доставка вари", "статья номер"):
        plan = built._planner.readings(text)[0]
        expected = {
            hit.docnum: hit.score for hit in searcher.search(plan_query(plan, None), limit=None)
        }
        scores, allowed = scorer.strict(plan, None, scorer.deleted)
        ours = {d: scores[d] for d in (allowed if allowed is not None else scores)}
        assert ours.keys() == expected.keys(), text
        assert all(abs(ours[d] - expected[d]) < 1e-4 * max(1.0, expected[d]) for d in ours), text


class ManualSchedule:
    """Stands in for the merge timer: calls run only when the test fires them."""

    def __init__(self) -> None:
        self.calls: list[ScheduledCall] = []

    def __call__(self, delay: float, fn: Callable[[], None]) -> ScheduledCall:
        call = ScheduledCall(delay, fn)
        self.calls.append(call)
        return call

    def live(self) -> list[ScheduledCall]:
        return [c for c in self.calls if not c.cancelled]


class ScheduledCall:
    def __init__(self, delay: float, fn: Callable[[], None]) -> None:
        self.delay, self.fn, self.cancelled = delay, fn, False

    def cancel(self) -> None:
        self.cancelled = True


def _edited_index(path: Path, edits: int, **kw: Any) -> tuple[WhooshIndex, list[SearchDoc]]:
    index = WhooshIndex(path, procs=1, **kw)
    docs = [
        SearchDoc(i, f"d{i}", "article", f"Статья {i}", "текст про доставку", None, (), "published")
        for i in range(1, 31)
    ]
    index.rebuild(docs, len(docs), "fp-0")
    for number, item in enumerate(docs[:edits], start=1):
        edited = SearchDoc(
            item.id, item.slug, item.kind, f"Правка{number}", item.body, None, (), "published"
        )
        index.upsert([edited], f"fp-{number}")
        assert index.search(SearchRequest(f"правка{number} ")).hits[0].id == item.id
    return index, docs


def test_many_small_edits_stay_searchable_and_get_merged_when_idle(tmp_path: Path) -> None:
    schedule = ManualSchedule()
    index, _ = _edited_index(tmp_path / "ix", 20, schedule=schedule, merge_after_edits=8,
                             merge_when_idle_s=2.0)
    # From the 8th edit on, each edit puts the merge off again until editing pauses.
    assert len(schedule.calls) == 13 and {c.delay for c in schedule.calls} == {2.0}
    assert len(schedule.live()) == 1
    assert index.segment_count() > 1
    assert not index.wait_idle(0)  # a merge is still due
    schedule.live()[0].fn()  # editing paused: the timer fires
    assert index.wait_idle(0)
    # The small segments the edits left (each costs time on every later edit) are now one.
    assert index.segment_count() == 1
    hits = index.search(SearchRequest("доставку", limit=50)).hits
    assert len(hits) == 30 and index.fingerprint() == "fp-20"
    index.close()


def test_a_superseded_merge_call_does_nothing(tmp_path: Path) -> None:
    schedule = ManualSchedule()
    index, _ = _edited_index(tmp_path / "ix", 10, schedule=schedule, merge_after_edits=8)
    stale = schedule.calls[0]
    assert stale.cancelled
    stale.fn()  # a timer that fired just as it was being called off
    assert index.segment_count() > 1 and not index.wait_idle(0)
    index.close()  # calls the live one off too
    assert all(c.cancelled for c in schedule.calls) and index.wait_idle(0)


def test_the_real_timer_merges_once_editing_pauses(tmp_path: Path) -> None:
    # The 8th edit is the last, so the one merge comes after every edit, however late it fires.
    index, _ = _edited_index(tmp_path / "ix", 8, merge_after_edits=8, merge_when_idle_s=0.01)
    assert index.wait_idle(120)  # an event, set when the merge is done: no sleeping
    assert index.segment_count() == 1
    assert len(index.search(SearchRequest("доставку", limit=50)).hits) == 30
    index.close()


def test_merge_pending_merges_now(tmp_path: Path) -> None:
    schedule = ManualSchedule()
    index, _ = _edited_index(tmp_path / "ix", 5, schedule=schedule)
    assert schedule.calls == [] and index.segment_count() > 1
    index.merge_pending()
    assert index.segment_count() == 1 and index.wait_idle(0)
    assert [h.id for h in index.search(SearchRequest("правка3 ")).hits] == [3]
    index.close()


def test_small_builds_write_in_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kbdesk.search import whoosh_index

    seen: list[int] = []
    real_fill = whoosh_index.fill

    def spy(*args: Any) -> int:
        seen.append(args[-1])
        return real_fill(*args)

    monkeypatch.setattr(whoosh_index, "fill", spy)
    ix = WhooshIndex(tmp_path / "index", procs=2, parallel_from=100)
    ix.rebuild(DOCS, len(DOCS), "fp-1")
    many = [doc(i, f"Статья номер {i}") for i in range(1, 121)]
    ix.rebuild(many, len(many), "fp-2")
    assert seen == [1, 2]
    ix.close()


def test_refresh_after_edits_keeps_deletions_exact_across_segments(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Segment readers are kept between commits; the deletions each commit makes must show."""
    from kbdesk.search import SearchDoc, SearchRequest, WhooshIndex

    # No merge may run: the segments must stay apart.
    index = WhooshIndex(tmp_path / "ix", procs=1, schedule=ManualSchedule())
    docs = [
        SearchDoc(i, f"d{i}", "article", f"Статья {i}", "про возврат денег", None, (), "published")
        for i in range(1, 41)
    ]
    index.rebuild(docs, len(docs), "fp-0")
    for round_number in range(3):  # the same items edited again and again, in new segments
        for doc in docs[:10]:
            edited = SearchDoc(
                doc.id, doc.slug, doc.kind, f"{doc.title} круг{round_number}", doc.body, None,
                (), "published",
            )
            index.upsert([edited], f"fp-{round_number}-{doc.id}")
    hits = index.search(SearchRequest("возврат", limit=100)).hits
    assert sorted(hit.id for hit in hits) == list(range(1, 41))  # each exactly once
    assert len(index.search(SearchRequest("круг2", limit=100)).hits) == 10
    assert index.search(SearchRequest("круг0", limit=100)).hits == []  # old versions gone
    index.delete([1, 2], "fp-deleted")
    ids = {hit.id for hit in index.search(SearchRequest("возврат", limit=100)).hits}
    assert ids == set(range(3, 41))
    index.close()
