"""Writing through the services at 10,000 items: saved edit → searchable, segments, import rate.

    python benchmarks/write_bench.py [--edits 200] [--segment-edits 1000] [--import-items 10000]

Works on a copy of the home startup_bench.py prepares (database and index, so nothing is rebuilt),
removed afterwards. Three figures, each with CPU time (this process) beside wall time:
- saved edit searchable: `desk.content.save` of an item with a new word, then
  `desk.answers.search` for that word until it is found; p50 / p95 over the edits, plus the
  save and the search apart. Edits come back to back (the hardest case for segments).
- segments after `--segment-edits` single saves and a restart (close, open again), and the
  keystroke search p95 over a fixed query list before and after.
- import: `desk.content.import_paths` of synthetic files into a new home (items/s), and of
  1,000 new files into the 10,000-item copy with its index (incremental; no rebuild after).
Prints the load average and the machine; asserts nothing; changes nothing machine-wide.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from startup_bench import prepare_home, synthetic_markdown

ACTOR = "Benchmark"
QUERIES = ["доставка задерживается", "возврат", "промокод не", "курьер адрес", "баллы",
           "djpdhfn", "задерживаетя заказ", "оплата карт", "чек", "подписка отменяется"]


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def pct(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def clone_home(source: Path, target: Path) -> Path:
    """A copy of a prepared home whose index is found under the copy's own database key."""
    from kbdesk import paths
    from kbdesk.db import url_key

    shutil.copytree(source, target)
    old = paths.index_dir(source) / url_key(paths.database_url(source))
    (paths.index_dir(target) / url_key(paths.database_url(old.parent.parent))).rename(
        paths.index_dir(target) / url_key(paths.database_url(target))
    )
    return target


def unique_word(number: int) -> str:
    letters = "bcdfghjklmnpqrstvwxz"
    word = ""
    number += 1
    while number:
        number, rest = divmod(number, len(letters))
        word += letters[rest]
    return "zq" + word + "x"


def keystrokes(desk, rounds: int = 3) -> float:  # type: ignore[no-untyped-def]
    from kbdesk.search import SearchRequest

    times = []
    for _ in range(rounds):
        for query in QUERIES:
            for end in range(1, len(query) + 1):
                started = time.perf_counter()
                desk.answers.search(SearchRequest(query[:end], limit=30, snippets=10))
                times.append((time.perf_counter() - started) * 1000)
    return pct(times, 0.95)


def edit_figures(home: Path, edits: int, segment_edits: int) -> None:
    from dataclasses import replace

    from kbdesk.kb import KnowledgeBase
    from kbdesk.records import ContentItem
    from kbdesk.search import SearchRequest
    from kbdesk.services import Desk

    desk = Desk.open(home)
    desk.maintenance.ensure_index()
    ids = desk.content.list_ids() if hasattr(desk.content, "list_ids") else None
    rng = random.Random(7)
    count = desk.content.count()
    picks = [desk.content.get_by_slug(f"synthetic-{rng.randrange(count):05d}")
             for _ in range(edits + segment_edits)]
    picks = [p for p in picks if p is not None]
    del ids
    p95_before = keystrokes(desk)
    totals, saves, searches, cpus = [], [], [], []
    for number, record in enumerate(picks[:edits]):
        word = unique_word(number)
        item = ContentItem(slug=record.slug, title=record.title, body=record.body + " " + word,
                           kind=record.kind, category=record.category, tags=record.tags,
                           status=record.status)
        cpu0, t0 = time.process_time(), time.perf_counter()
        desk.content.save(item, ACTOR, article_id=record.id, expected_version=None)
        t1 = time.perf_counter()
        result = desk.answers.search(SearchRequest(word, limit=5, snippets=1))
        t2 = time.perf_counter()
        cpus.append((time.process_time() - cpu0) * 1000)
        if record.id not in {hit.id for hit in result.hits}:
            print(f"  edit {number}: not found by its new word")
        totals.append((t2 - t0) * 1000)
        saves.append((t1 - t0) * 1000)
        searches.append((t2 - t1) * 1000)
    print(f"saved edit searchable, {len(totals)} edits back to back (load {load()}):")
    for label, values in (("save + search", totals), ("  save", saves), ("  search", searches),
                          ("  CPU", cpus)):
        print(f"  {label}: p50 {statistics.median(values):.1f} ms, p95 {pct(values, 0.95):.1f} ms,"
              f" max {max(values):.1f} ms")
    for number, record in enumerate(picks[edits:edits + segment_edits]):
        current = desk.content.get(record.id)
        item = replace(ContentItem(slug=current.slug, title=current.title, body=current.body,
                                   kind=current.kind, category=current.category,
                                   tags=current.tags, status=current.status),
                       body=current.body + f" {unique_word(100_000 + number)}")
        desk.content.save(item, ACTOR, article_id=record.id)
    desk.close()
    kb = KnowledgeBase.open(home)
    kb.index.open()
    segments = kb.index.segment_count()  # type: ignore[attr-defined]
    kb.close()
    desk = Desk.open(home)
    desk.maintenance.ensure_index()
    p95_after = keystrokes(desk)
    desk.close()
    print(f"segments after {segment_edits} single edits and a restart: {segments}")
    print(f"keystroke search p95: {p95_before:.1f} ms before the edits, {p95_after:.1f} ms after")


def import_figures(items: int, base: Path) -> None:
    from kbdesk.services import Desk

    rng = random.Random(20251125)
    with tempfile.TemporaryDirectory(dir=base) as scratch:
        files = Path(scratch, "files")
        files.mkdir()
        for number in range(items):
            (files / f"synthetic-{number:05d}.md").write_text(
                synthetic_markdown(number, rng), "utf-8")
        home = Path(scratch, "home")
        home.mkdir()
        desk = Desk.open(home)
        desk.maintenance.forgo_sample()
        desk.people.person(ACTOR)  # the first person is a lead
        cpu0, t0 = time.process_time(), time.perf_counter()
        report = desk.content.import_paths([files], ACTOR)
        wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
        desk.close()
        print(f"import of {items} files into a new home: {len(report.created)} created in "
              f"{wall:.1f} s, {len(report.created) / wall:.0f} items/s (CPU {cpu:.1f} s; "
              f"load {load()})")


def incremental_import(home: Path, base: Path, items: int = 1_000) -> None:
    from kbdesk.services import Desk

    rng = random.Random(99)
    with tempfile.TemporaryDirectory(dir=base) as scratch:
        for number in range(items):
            text = synthetic_markdown(number, rng).replace("slug: synthetic-", "slug: extra-")
            Path(scratch, f"extra-{number:05d}.md").write_text(text, "utf-8")
        desk = Desk.open(home)
        desk.maintenance.ensure_index()
        cpu0, t0 = time.process_time(), time.perf_counter()
        report = desk.content.import_paths([Path(scratch)], ACTOR)
        wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
        needs = desk.maintenance.needs_rebuild()
        desk.close()
        print(f"import of {items} new files into the 10,000-item home with its index: "
              f"{len(report.created)} created in {wall:.1f} s, "
              f"{len(report.created) / wall:.0f} items/s (CPU {cpu:.1f} s); "
              f"index rebuild needed afterwards: {needs}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--segment-edits", type=int, default=1000)
    parser.add_argument("--import-items", type=int, default=10_000)
    parser.add_argument("--skip", default="", help="comma list of: edit,import,incremental")
    args = parser.parse_args()
    skip = set(args.skip.split(","))
    source = prepare_home(10_000)
    base = source.parent
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python "
          f"{platform.python_version()}; load average before: {load()}")
    os.environ.pop("KBDESK_DATABASE_URL", None)
    with tempfile.TemporaryDirectory(dir=base, prefix="write-") as scratch:
        if "edit" not in skip:
            edit_figures(clone_home(source, Path(scratch, "edit")), args.edits,
                         args.segment_edits)
        if "incremental" not in skip:
            incremental_import(clone_home(source, Path(scratch, "incremental")), base)
    if "import" not in skip:
        import_figures(args.import_items, base)
    print(f"load average after: {load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
