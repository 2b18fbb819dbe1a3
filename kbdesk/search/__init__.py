"""Full-text search for the knowledge base.

Callers hand in plain `SearchDoc`s (the database is the source of truth, the index a cache) and
get `SearchResult`s back. Take the index from `open_index(path)` and use it through the
`SearchIndex` protocol; Whoosh is an implementation detail behind it. `FallbackSearcher` answers
from memory while the index is missing or being rebuilt.
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
from kbdesk.search.factory import open_index
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
    "open_index",
]
