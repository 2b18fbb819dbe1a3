"""The items the workspace has loaded, kept until the content changes.

Moving through the results loads the selected item for the preview; moving back should not ask
the database again. The page clears the cache whenever the context reports changed content.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kbdesk.records import ArticleRecord, NotFoundError
from kbdesk.services import ContentService


class RecordCache:
    def __init__(self, content: ContentService, report: Callable[[str], None]) -> None:
        self._content = content
        self._report = report  # a database error, in words for the status bar
        self._records: dict[int, ArticleRecord] = {}

    def load(self, article_id: int) -> ArticleRecord | None:
        """The item, or None when it no longer exists or could not be read (reported)."""
        record = self._records.get(article_id)
        if record is None:
            try:
                record = self._content.get(article_id)
            except NotFoundError:
                return None
            except Exception as error:
                self._report(str(error))
                return None
            self._records[article_id] = record
        return record

    def published(self, ids: Sequence[int]) -> list[ArticleRecord]:
        """The published items among `ids`, in their order; [] when they could not be read."""
        try:
            records = self._content.published(ids)
        except Exception as error:
            self._report(str(error))
            return []
        self.keep(records)
        return records

    def by_slug(self, slug: str) -> ArticleRecord | None:
        record = self._content.get_by_slug(slug)
        if record is not None:
            self.keep([record])
        return record

    def keep(self, records: Sequence[ArticleRecord]) -> None:
        self._records.update({record.id: record for record in records})

    def clear(self) -> None:
        self._records.clear()
