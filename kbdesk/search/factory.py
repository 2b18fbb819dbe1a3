"""Where the application gets its index: the one place that names the engine."""

from __future__ import annotations

import os

from kbdesk.search.api import SearchIndex
from kbdesk.search.whoosh_index import WhooshIndex


def open_index(path: str | os.PathLike[str]) -> SearchIndex:
    """The index kept in that folder. Nothing is read yet: `open()` reads it and says whether
    it is usable (a missing or broken one is rebuilt with `rebuild()`)."""
    return WhooshIndex(path)
