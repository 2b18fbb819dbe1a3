"""The services of one desk, opened together: the window's and the command line's only door."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from kbdesk.drafts import DraftStore
from kbdesk.kb import KnowledgeBase
from kbdesk.services.answers import AnswerService
from kbdesk.services.content import ContentService
from kbdesk.services.drafts import DraftService
from kbdesk.services.feedback import FeedbackService
from kbdesk.services.maintenance import MaintenanceService
from kbdesk.services.people import PeopleService
from kbdesk.services.settings import TeamSettingsService

if TYPE_CHECKING:
    from kbdesk.stats import StatsService


class Desk:
    """Content, answers, drafts, people, team settings, statistics and maintenance over one
    database."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        self.people = PeopleService(kb.store)
        self.content = ContentService(kb, self.people)
        self.team = TeamSettingsService(kb.store, self.people)
        self.answers = AnswerService(kb, self.people, self.team)
        self.drafts = DraftService(DraftStore(kb.db), self.people)
        self.maintenance = MaintenanceService(kb, self.people)
        self.feedback = FeedbackService(kb.store, self.people)

    @classmethod
    def open(cls, home: Path | None = None, url: str | None = None) -> Desk:
        """Open (and migrate) the database in `home` (default: the per-user folder)."""
        return cls(KnowledgeBase.open(home, url))

    @cached_property
    def stats(self) -> StatsService:
        # Imported on first use: searching from the command line should not pay for it.
        from kbdesk.stats import StatsService

        return StatsService(self._kb.db)

    @property
    def embedded(self) -> bool:
        """True for the per-user SQLite file, False for a shared server."""
        return self._kb.embedded

    def close(self) -> None:
        """Stop a running index rebuild (the old index stays intact) and release everything."""
        self._kb.close()
