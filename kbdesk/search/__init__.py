"""Full-text search for the knowledge base.

Callers hand in plain `SearchDoc`s (the database is the source of truth, the index a cache) and
get `SearchResult`s back. Whoosh is an implementation detail of `WhooshIndex`; another engine
can replace it by implementing `SearchIndex`.
"""

from kbdesk.search.api import (
    IndexState,
    Progress,
    SearchDoc,
    Searcher,
    SearchHit,
    SearchIndex,
    SearchRequest,
    SearchResult,
)
from kbdesk.search.fallback import FallbackSearcher
from kbdesk.search.whoosh_index import WhooshIndex

__all__ = [
    "FallbackSearcher",
    "IndexState",
    "Progress",
    "SearchDoc",
    "SearchHit",
    "SearchIndex",
    "SearchRequest",
    "SearchResult",
    "Searcher",
    "WhooshIndex",
]
