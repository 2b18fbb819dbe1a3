"""Search quality on the shipped knowledge base: hit@1 and hit@5 per query type.

    python benchmarks/relevance.py [--articles articles] [--queries FILE] [--engine whoosh|fallback]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kbdesk.search import (  # noqa: E402 - runnable as a script from a checkout
    FallbackSearcher,
    SearchDoc,
    Searcher,
    SearchRequest,
    open_index,
)


def load_articles(folder: Path) -> list[SearchDoc]:
    """Markdown files with YAML front matter between `---` lines."""
    docs: list[SearchDoc] = []
    for number, path in enumerate(sorted(folder.glob("*.md")), start=1):
        if path.name.startswith("_"):
            continue
        text = path.read_text(encoding="utf-8")
        meta: dict[str, object] = {}
        body = text
        if text.startswith("---"):
            _, front, body = text.split("---", 2)
            meta = yaml.safe_load(front) or {}
        tags = meta.get("tags") or []
        docs.append(
            SearchDoc(
                id=number,
                slug=str(meta.get("slug") or path.stem),
                kind=str(meta.get("kind") or "article"),
                title=str(meta.get("title") or path.stem),
                body=body.strip(),
                category=str(meta["category"]) if meta.get("category") else None,
                tags=tuple(str(t) for t in tags) if isinstance(tags, list) else (),
                status=str(meta.get("status") or "published"),
            )
        )
    return docs


def load_synonyms(path: Path) -> list[list[str]]:
    if not path.exists():
        return []
    groups = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if "=" in line:
            groups.append([p.strip() for p in line.split(" = ") if p.strip()])
    return groups


def evaluate(searcher: Searcher, queries: list[dict[str, str]]) -> int:
    per_type: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    misses: list[str] = []
    for item in queries:
        query, expected, kind = str(item["query"]), str(item["expected"]), str(item["type"])
        # Drafts and archived items are searched too: the expectation names the item itself.
        statuses = ("published", "draft", "archived")
        result = searcher.search(SearchRequest(query, limit=10, statuses=statuses, snippets=0))
        slugs = [h.slug for h in result.hits]
        counts = per_type[kind]
        counts[0] += 1
        counts[1] += bool(slugs[:1] == [expected])
        counts[2] += expected in slugs[:5]
        if slugs[:1] != [expected]:
            where = slugs.index(expected) + 1 if expected in slugs else "-"
            misses.append(f"  [{kind}] {query!r}: expected {expected} (rank {where}), "
                          f"got {slugs[:3]} reading={result.reading!r}")
    total = [sum(c[i] for c in per_type.values()) for i in range(3)]
    print(f"{'type':<10} {'n':>4} {'hit@1':>7} {'hit@5':>7}")
    for kind, (n, h1, h5) in sorted(per_type.items()):
        print(f"{kind:<10} {n:>4} {h1 / n:>7.1%} {h5 / n:>7.1%}")
    print(f"{'overall':<10} {total[0]:>4} {total[1] / total[0]:>7.1%} {total[2] / total[0]:>7.1%}")
    if misses:
        print("misses (not first):")
        print("\n".join(misses))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=Path, default=ROOT / "articles")
    parser.add_argument("--queries", type=Path, default=ROOT / "benchmarks/relevance_queries.yaml")
    parser.add_argument("--engine", choices=("whoosh", "fallback"), default="whoosh")
    args = parser.parse_args(argv)
    docs = load_articles(args.articles)
    if not docs:
        print(f"no articles in {args.articles}")
        return 1
    queries = yaml.safe_load(args.queries.read_text(encoding="utf-8")) or []
    synonyms = load_synonyms(args.articles / "_synonyms.txt")
    print(f"{len(docs)} items, {len(queries)} queries, {len(synonyms)} synonym groups")
    if args.engine == "fallback":
        return evaluate(FallbackSearcher(docs, synonyms=synonyms), queries)
    with tempfile.TemporaryDirectory() as folder:
        index = open_index(folder)
        index.rebuild(docs, len(docs), "relevance")
        index.set_synonyms(synonyms)
        try:
            return evaluate(index, queries)
        finally:
            index.close()


if __name__ == "__main__":
    sys.exit(main())
