"""Search quality: hit@1, hit@5 and MRR per query class, empty lists, and an FTS5 baseline.

    python benchmarks/relevance.py [--set sample|pharmacy|mobile|all] [--split tune|held-out|all]
                                   [--engine whoosh|fallback] [--ablate LEVER ...] [--misses]

Three sets: the shipped sample knowledge base (articles/ with benchmarks/relevance_queries.yaml),
a second domain written for this benchmark (benchmarks/eval/pharmacy/: a pharmacy chain's
support knowledge base, items.yaml + queries.yaml) and a third-party style FAQ
(benchmarks/eval/mobile/: a mobile operator's question -> answer page, each query a customer's
own wording of a question whose answer is its own row). The pharmacy and mobile queries are
split into halves inside each class: the 1st, 3rd, ... query of a class tune the weights, the
2nd, 4th, ... are held out and only reported. The baseline is a plain SQLite FTS5 table over
Snowball-stemmed words, the query's stemmed words OR'ed, ranked by bm25(): what a 30-line search
would do.

Levers can be switched off (--ablate) to see what each buys: lemmas (pymorphy3 dictionary
lemmas), colloquial (the shipped dictionary), title (title features), coverage (partial matches
beyond half the words), questions (question words and filler treated as stop words), long (long
queries ranked as a coverage-weighted OR instead of AND first), covered (the title feature for
the share of an FAQ title's words the query holds). Two measured levers are off in the app and
switched ON by --ablate: idf (coverage weighted by idf), proximity (query words close together
in the body, long queries).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kbdesk.search import (  # noqa: E402 - runnable as a script from a checkout
    FallbackSearcher,
    SearchDoc,
    SearchRequest,
    open_index,
)

SETS = {
    "sample": (ROOT / "articles", ROOT / "benchmarks/relevance_queries.yaml"),
    "pharmacy": (ROOT / "benchmarks/eval/pharmacy/items.yaml",
                 ROOT / "benchmarks/eval/pharmacy/queries.yaml"),
    # A third-party style FAQ (question -> answer rows) of a mobile operator.
    "mobile": (ROOT / "benchmarks/eval/mobile/items.yaml",
               ROOT / "benchmarks/eval/mobile/queries.yaml"),
}
COLLOQUIAL = ROOT / "resources/synonyms/ru-colloquial.txt"
Query = dict[str, str]
Ranker = Callable[[str], list[str]]


def _doc(number: int, meta: dict[str, object], body: str, fallback_slug: str) -> SearchDoc:
    tags = meta.get("tags") or []
    return SearchDoc(
        id=number,
        slug=str(meta.get("slug") or fallback_slug),
        kind=str(meta.get("kind") or "article"),
        title=str(meta.get("title") or fallback_slug),
        body=body.strip(),
        category=str(meta["category"]) if meta.get("category") else None,
        tags=tuple(str(t) for t in tags) if isinstance(tags, list) else (),
        status=str(meta.get("status") or "published"),
    )


def load_articles(source: Path) -> list[SearchDoc]:
    """Markdown files with YAML front matter between `---` lines, or one items.yaml list."""
    if source.is_file():
        items = yaml.safe_load(source.read_text(encoding="utf-8")) or []
        return [_doc(n, item, str(item.get("body", "")), f"item-{n}")
                for n, item in enumerate(items, start=1)]
    docs: list[SearchDoc] = []
    for number, path in enumerate(sorted(source.glob("*.md")), start=1):
        if path.name.startswith("_"):
            continue
        text = path.read_text(encoding="utf-8")
        meta: dict[str, object] = {}
        body = text
        if text.startswith("---"):
            _, front, body = text.split("---", 2)
            meta = yaml.safe_load(front) or {}
        docs.append(_doc(number, meta, body, path.stem))
    return docs


def load_synonyms(path: Path) -> list[list[str]]:
    if not path.exists():
        return []
    groups = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if "=" in line:
            groups.append([p.strip() for p in line.split("=") if p.strip()])
    return groups


def split_of(queries: list[Query]) -> list[str]:
    """'tune' for the 1st, 3rd, ... query of each class, 'held-out' for the others."""
    seen: dict[str, int] = defaultdict(int)
    out = []
    for item in queries:
        kind = str(item["type"])
        out.append("tune" if seen[kind] % 2 == 0 else "held-out")
        seen[kind] += 1
    return out


def fts5_ranker(docs: list[SearchDoc]) -> Ranker:
    import Stemmer

    from kbdesk.search.text import fold

    stemmer = Stemmer.Stemmer("russian")
    word = __import__("re").compile(r"[^\W_]+")

    def stems(text: str) -> str:
        return " ".join(stemmer.stemWords(word.findall(fold(text))))

    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE d USING fts5(slug UNINDEXED, title, tags, body)")
    db.executemany("INSERT INTO d VALUES (?,?,?,?)",
                   [(d.slug, stems(d.title), stems(" ".join(d.tags)), stems(d.body))
                    for d in docs])

    def rank(query: str) -> list[str]:
        terms = sorted(set(stems(query).split()))
        if not terms:
            return []
        match = " OR ".join(f'"{t}"' for t in terms)
        rows = db.execute("SELECT slug FROM d WHERE d MATCH ? ORDER BY bm25(d) LIMIT 10",
                          (match,)).fetchall()
        return [r[0] for r in rows]

    return rank


def score(rank: Ranker, queries: list[Query], splits: list[str], split: str,
          misses: list[str] | None) -> dict[str, list[float]]:
    """class -> [n, hit@1, hit@5, reciprocal rank, empty lists]; 'overall' included."""
    table: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0, 0.0, 0])
    for item, part in zip(queries, splits, strict=True):
        if split != "all" and part != split:
            continue
        query, expected, kind = str(item["query"]), str(item["expected"]), str(item["type"])
        slugs = rank(query)
        where = slugs.index(expected) + 1 if expected in slugs else 0
        for key in (kind, "overall"):
            row = table[key]
            row[0] += 1
            row[1] += where == 1
            row[2] += 0 < where <= 5
            row[3] += 1 / where if where else 0.0
            row[4] += not slugs
        if misses is not None and where != 1:
            misses.append(f"  [{kind}] {query!r}: expected {expected} (rank {where or '-'}), "
                          f"got {slugs[:3]}")
    return table


def print_table(title: str, ours: dict[str, list[float]], base: dict[str, list[float]]) -> None:
    print(f"\n{title}")
    print(f"  {'class':<11} {'n':>4} {'hit@1':>6} {'hit@5':>6} {'MRR':>6} {'empty':>5}"
          f"   | FTS5 {'hit@1':>6} {'hit@5':>6} {'MRR':>6} {'empty':>5}")
    for kind in [*sorted(k for k in ours if k != "overall"), "overall"]:
        n, h1, h5, rr, empty = ours[kind]
        _, b1, b5, brr, bempty = base[kind]
        print(f"  {kind:<11} {n:>4.0f} {h1 / n:>6.3f} {h5 / n:>6.3f} {rr / n:>6.3f} {empty:>5.0f}"
              f"   |      {b1 / n:>6.3f} {b5 / n:>6.3f} {brr / n:>6.3f} {bempty:>5.0f}")


def ablate(levers: Sequence[str]) -> None:
    """Switches levers off before anything is indexed (module-level switches)."""
    if not levers:
        return
    from kbdesk.search import flow, morph, text, weights

    for lever in levers:
        if lever == "lemmas":
            morph.ENABLED = False
        elif lever == "title":
            flow.TITLE_FEATURES = False
        elif lever == "coverage":
            flow.PARTIAL_MINIMUM_ONE = False
        elif lever == "long":
            flow.LONG_QUERIES_OR = False
        elif lever == "idf":  # off by default: this switches it ON to measure it
            weights.IDF_COVERAGE = True
        elif lever == "proximity":  # off by default: this switches it ON to measure it
            weights.BODY_PROXIMITY = 0.3
        elif lever == "covered":
            weights.TITLE_COVERED = 0.0
        elif lever == "questions":
            text.STOP_WORDS = text.BASE_STOP_WORDS
        elif lever != "colloquial":
            raise SystemExit(f"unknown lever {lever!r}")


def run_set(name: str, args: argparse.Namespace) -> None:
    source, queries_file = SETS[name]
    docs = load_articles(source)
    queries: list[Query] = yaml.safe_load(queries_file.read_text(encoding="utf-8")) or []
    team = load_synonyms((source if source.is_dir() else source.parent) / "_synonyms.txt")
    shipped = [] if "colloquial" in args.ablate else load_synonyms(COLLOQUIAL)
    splits = split_of(queries) if name != "sample" else ["held-out"] * len(queries)
    print(f"\n=== {name}: {len(docs)} items, {len(queries)} queries, {len(team)} team synonym "
          f"groups, {len(shipped)} shipped groups; engine {args.engine} ===")
    base = fts5_ranker(docs)
    with tempfile.TemporaryDirectory() as folder:
        if args.engine == "fallback":
            engine = FallbackSearcher(docs)
        else:
            engine = open_index(folder)
            engine.rebuild(docs, len(docs), "relevance")
        try:
            engine.set_synonyms(team, colloquial=shipped)  # type: ignore[call-arg]
        except TypeError:  # an engine from before the shipped dictionary (the "before" runs)
            engine.set_synonyms(team)
        statuses = ("published", "draft", "archived")  # the expectation names the item itself

        def ours(query: str) -> list[str]:
            request = SearchRequest(query, limit=10, statuses=statuses, snippets=0)
            return [h.slug for h in engine.search(request).hits]

        wanted = ["tune", "held-out"] if args.split == "all" and name != "sample" else [
            "held-out" if name == "sample" else args.split]
        for split in wanted:
            misses: list[str] | None = [] if args.misses else None
            label = "all queries" if name == "sample" else f"{split} half"
            print_table(f"{name}, {label}", score(ours, queries, splits, split, misses),
                        score(base, queries, splits, split, None))
            if misses:
                print("  misses (not first):")
                print("\n".join(misses))
        if hasattr(engine, "close"):
            engine.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=(*SETS, "all"), default="all")
    parser.add_argument("--split", choices=("tune", "held-out", "all"), default="all")
    parser.add_argument("--engine", choices=("whoosh", "fallback"), default="whoosh")
    parser.add_argument("--ablate", nargs="*", default=[],
                        help="levers to switch off: lemmas colloquial title coverage questions "
                        "long covered; to switch on: idf proximity")
    parser.add_argument("--misses", action="store_true", help="list the queries not ranked 1st")
    args = parser.parse_args(argv)
    try:
        ablate(args.ablate)
    except (AttributeError, ImportError) as exc:  # an engine without the lever
        print(f"cannot ablate: {exc}")
        return 1
    for name in SETS if args.set == "all" else (args.set,):
        run_set(name, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
