"""Search latency, build rate, size and memory on a synthetic corpus, with SQLite FTS5 as floor.

    python benchmarks/search_bench.py [--sizes 1000,10000] [--repeat 3] [--rebuild]

Prints figures; it asserts nothing. Indexes are cached under .benchmarks-data/. Query timings
are taken --repeat times, each time on a freshly opened index (so no query cache survives from
the previous round), and the median of each figure across the rounds is printed: the machine
may be shared, and one round can catch another process's burst.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import CORPUS_VERSION, Corpus  # noqa: E402 - runnable as a script from a checkout
from kbdesk.search import SearchDoc, SearchIndex, SearchRequest, open_index  # noqa: E402
from kbdesk.search.text import WORD_RE, fold, switch_layout  # noqa: E402
from kbdesk.search.whoosh_schema import FORMAT_VERSION  # noqa: E402

DATA = ROOT / ".benchmarks-data"
SEED = 7
PHRASES = ["доставка задерживается", "отменить заказ", "возврат денег", "промокод не работает",
           "курьер опоздал", "смена пароля", "refund status", "payment failed"]


def keystrokes(phrase: str) -> list[str]:
    return [phrase[:i] for i in range(1, len(phrase) + 1)]


def typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["replace", "delete", "insert", "swap"])
    letter = rng.choice("аеиостнрвлк" if "а" <= word[0] <= "я" else "aeiostnrl")
    if kind == "replace":
        return word[:i] + letter + word[i + 1 :]
    if kind == "delete":
        return word[:i] + word[i + 1 :]
    if kind == "insert":
        return word[:i] + letter + word[i:]
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def query_sets(corpus: Corpus, docs: Sequence[SearchDoc]) -> dict[str, list[str]]:
    rng = random.Random(SEED)
    frequent = [w for w in corpus.russian[:400] if len(w) >= 5]
    phrases = PHRASES + [f"{rng.choice(frequent)} {rng.choice(frequent)}" for _ in range(4)]
    typed = [k for p in phrases for k in keystrokes(p)]
    body_words = [w for d in rng.sample(list(docs), 40) for w in WORD_RE.findall(fold(d.title))]
    long_words = [w for w in body_words if len(w) >= 6]
    typos = [typo(w, rng) + " " for w in long_words[:40]]
    layouts = [switch_layout(p) or p for p in phrases] + [
        switch_layout(k) or k for k in keystrokes("доставка задерживается")[3:]
    ]
    return {"keystroke": typed, "typo": typos, "layout": layouts}


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(fn: Callable[[str], object], queries: list[str]) -> list[float]:
    out = []
    for q in queries:
        started = time.perf_counter()
        fn(q)
        out.append((time.perf_counter() - started) * 1000.0)
    return out


def search_all(index: SearchIndex, sets: dict[str, list[str]]) -> dict[str, list[float]]:
    return {
        name: timed(lambda q: index.search(SearchRequest(q, limit=20, snippets=10)), queries)
        for name, queries in sets.items()
    }


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _fingerprint(n: int) -> str:
    return f"corpus-{n}-{SEED}-c{CORPUS_VERSION}"


def index_path(n: int) -> Path:
    return DATA / f"whoosh-{n}-s{SEED}-c{CORPUS_VERSION}-f{FORMAT_VERSION}"


def cpu_s() -> float:
    """CPU seconds of this process and its finished children (the build's writer processes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def build_whoosh(n: int, docs: list[SearchDoc], rebuild: bool) -> tuple[SearchIndex, dict]:
    path = index_path(n)
    stats_file = path / "bench-build.json"
    fingerprint = _fingerprint(n)
    index = open_index(path)
    if not rebuild and stats_file.exists() and index.open().value == "ok" \
            and index.fingerprint() == fingerprint:
        return index, {**json.loads(stats_file.read_text()), "cached": True}
    shutil.rmtree(path, ignore_errors=True)

    def progress(done: int, total: int) -> None:
        if done % max(1, total // 10) == 0 or done == total:
            print(f"\r  building {done:,}/{total:,}", end="", flush=True)

    started, cpu = time.perf_counter(), cpu_s()
    index.rebuild(docs, len(docs), fingerprint, progress)
    seconds = time.perf_counter() - started
    print()
    stats = {"build_s": seconds, "rate": n / seconds, "cpu_s": cpu_s() - cpu}
    stats_file.write_text(json.dumps(stats))
    return index, {**stats, "cached": False}


def fts5(docs: list[SearchDoc]) -> tuple[sqlite3.Connection, float]:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE d USING fts5(title, tags, body, status UNINDEXED, "
               "tokenize='unicode61', prefix='2 3')")
    started = time.perf_counter()
    db.executemany("INSERT INTO d(rowid, title, tags, body, status) VALUES (?,?,?,?,?)",
                   [(x.id, x.title, " ".join(x.tags), x.body, x.status) for x in docs])
    db.commit()
    return db, time.perf_counter() - started


def fts5_search(db: sqlite3.Connection, text: str) -> list[tuple]:
    words = WORD_RE.findall(fold(text))
    if not words:
        return []
    terms = [f'"{w}"' for w in words]
    if not text[-1].isspace():
        terms[-1] += "*"
    return db.execute(
        "SELECT rowid, title, snippet(d, 2, '<mark>', '</mark>', '…', 24) FROM d "
        "WHERE d MATCH ? AND status = 'published' ORDER BY bm25(d, 4.0, 3.0, 1.0) LIMIT 10",
        (" ".join(terms),),
    ).fetchall()


def measure_edit(index: SearchIndex, docs: list[SearchDoc]) -> tuple[list[float], int]:
    """Save an edit and search for the word it introduced, as an operator would."""
    rng = random.Random(SEED)
    times, found = [], 0
    touched = rng.sample(docs, 20)
    for i, doc in enumerate(touched):
        marker = f"правкаметка{i}"
        edited = SearchDoc(doc.id, doc.slug, doc.kind, f"{doc.title} {marker}", doc.body,
                           doc.category, doc.tags, "published")
        started = time.perf_counter()
        index.upsert([edited], f"edit-{i}")
        result = index.search(SearchRequest(marker + " "))
        times.append((time.perf_counter() - started) * 1000.0)
        found += any(h.id == doc.id for h in result.hits)
    # Put the cached index back as it was, fingerprint included, for the next run; and merge
    # the edits' segments now (closing calls a pending merge off), or every run would leave the
    # next one some twenty more segments to search, each slowing every keystroke.
    index.upsert(touched, _fingerprint(len(docs)))
    index.merge_pending()
    return times, found


def run_size(n: int, rebuild: bool, repeat: int) -> None:
    print(f"\n=== {n:,} items ===")
    corpus = Corpus(seed=SEED, articles=ROOT / "articles")
    started = time.perf_counter()
    docs = corpus.docs(n)
    print(f"  corpus generated in {time.perf_counter() - started:.1f} s")
    index, build = build_whoosh(n, docs, rebuild)
    gen = index_path(n)
    print(f"  build: {build['build_s']:.1f} s, {build['rate']:.0f} docs/s, "
          f"CPU {build.get('cpu_s', float('nan')):.1f} s"
          f"{' (cached from an earlier run)' if build['cached'] else ''}")
    print(f"  index size on disk: {folder_size(gen) / 1e6:.1f} MB")
    index.close()
    started = time.perf_counter()
    cold = open_index(gen)
    state = cold.open()
    opened = (time.perf_counter() - started) * 1000.0
    started = time.perf_counter()
    cold.search(SearchRequest("доставка"))
    first = (time.perf_counter() - started) * 1000.0
    print(f"  cold open: {opened:.0f} ms ({state.value}), first search: {first:.0f} ms, "
          f"vocabulary {cold.vocabulary_size():,} words")
    sets = query_sets(corpus, docs)
    db, fts_build = fts5(docs)
    print(f"  FTS5 build: {fts_build:.1f} s ({n / fts_build:.0f} docs/s)")
    rounds: list[dict[str, list[float]]] = []
    cold.close()
    cpu = time.process_time()
    for _ in range(repeat):
        cold = open_index(gen)  # a fresh index each round: no query cache carries over
        cold.open()
        rounds.append(search_all(cold, sets))
        cold.close()
    query_cpu = time.process_time() - cpu
    query_wall = sum(sum(t) for r in rounds for t in r.values()) / 1000.0
    cold.open()
    floors = {name: [timed(lambda q: fts5_search(db, q), queries) for _ in range(repeat)]
              for name, queries in sets.items()}
    print(f"  {'queries':<10} {'n':>4} {'p50':>7} {'p95':>7} {'max':>7} "
          f"{'fts p50':>8} {'fts p95':>8} {'p95 ratio':>9}  (ms, limit 20, snippets top 10, "
          f"median of {repeat} rounds)")
    for name, queries in sets.items():
        ours = [r[name] for r in rounds]
        p50, p95, top = (median(pct(t, .5) for t in ours), median(pct(t, .95) for t in ours),
                         median(max(t) for t in ours))
        f50 = median(pct(t, .5) for t in floors[name])
        f95 = median(pct(t, .95) for t in floors[name])
        print(f"  {name:<10} {len(queries):>4} {p50:>7.1f} {p95:>7.1f} {top:>7.1f} "
              f"{f50:>8.1f} {f95:>8.1f} {p95 / max(f95, 0.01):>8.1f}x")
    print(f"  query rounds: {query_wall:.2f} s wall in searches, {query_cpu:.2f} s CPU "
          f"(opens included)")
    edits, found = measure_edit(cold, docs)
    print(f"  saved edit searchable (upsert+refresh+search): p50 {pct(edits, .5):.0f} ms, "
          f"p95 {pct(edits, .95):.0f} ms, max {max(edits):.0f} ms; found {found}/{len(edits)}")
    cold.close()
    db.close()
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"  peak RSS so far: {usage:.0f} MB (indexing worker processes: {children:.0f} MB)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--rebuild", action="store_true", help="ignore cached indexes")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of query timings")
    args = parser.parse_args(argv)
    DATA.mkdir(exist_ok=True)
    print("load average at start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    for size in (int(s) for s in args.sizes.split(",")):
        run_size(size, args.rebuild, max(1, args.repeat))
    print("load average at end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
