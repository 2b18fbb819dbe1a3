"""What every page shares: the knowledge base, who is working, and change notifications.

Pages never talk to each other. A page that changes data calls a method here; the context
emits `content_changed` with the ids that changed, and every page refreshes from that in one
place (the pattern of Anki's `operation_did_execute`).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from kbdesk.records import ContentItem, ImportReport, Role, SaveResult, Status
from kbdesk.services import Desk, RebuildCancelled, SampleRemoval, default_operator
from kbdesk.templating import CHANNELS
from kbdesk.ui.tasks import run_task

log = logging.getLogger(__name__)
SYNC_INTERVAL_MS = 30_000  # how often to look for changes saved by others


class IndexStatus:
    READY = "ready"
    REBUILDING = "rebuilding"
    FAILED = "failed"


class AppContext(QObject):
    content_changed = Signal(list)  # ids of the articles that changed
    index_status_changed = Signal(str, int, int)  # IndexStatus, done, total
    operator_changed = Signal()
    channel_changed = Signal(str)
    # Navigation between pages, handled by the main window.
    open_requested = Signal(int)  # show an article in the operator workspace
    edit_requested = Signal(int)  # open an article in the editor
    draft_requested = Signal(str, str)  # open the editor on a new item: title, body

    def __init__(self, desk: Desk, settings: QSettings, home: Path) -> None:
        super().__init__()
        self.desk = desk
        self.settings = settings
        self.home = home
        self.index_status = IndexStatus.READY
        self._checking = False  # a worker is opening and checking the index
        self._syncing = False  # a worker is indexing what others saved
        self.sample_loaded = 0  # items of the sample loaded at this start, to say so on screen
        person = desk.people.person(
            str(settings.value("operator/name", "") or default_operator())
        )
        self._operator = person.name
        self._role = person.role
        channel = str(settings.value("operator/channel", "chat"))
        self._channel = channel if channel in CHANNELS else "chat"
        self._sync_timer = QTimer(self)
        self._sync_timer.setInterval(SYNC_INTERVAL_MS)
        self._sync_timer.timeout.connect(self._on_sync_timer)
        self._sync_timer.start()

    # -- who is working ----------------------------------------------------------------------

    @property
    def operator(self) -> str:
        return self._operator

    @property
    def role(self) -> Role:
        return self._role

    @property
    def can_edit(self) -> bool:
        """What the window shows; every change is checked again by the services."""
        return self._role.can_edit

    @property
    def is_lead(self) -> bool:
        return self._role.is_lead

    @property
    def operator_confirmed(self) -> bool:
        """False until the person has told the app their name (it signs their replies)."""
        return bool(self.settings.value("operator/name", ""))

    def set_operator(self, name: str, *, rename: bool = False) -> None:
        """Switch to another person, or with `rename` correct this person's name (keeps role)."""
        name = " ".join(name.split())
        if not name:
            return
        self.settings.setValue("operator/name", name)
        if name == self._operator:
            return
        people = self.desk.people
        person = people.rename(self._operator, name) if rename else people.person(name)
        self._operator = person.name
        self._role = person.role
        self.operator_changed.emit()

    # -- how replies are worded: the operator's gender, the team's greetings ------------------
    # A change re-renders the previews through `operator_changed` (the workspace shows the
    # selected item afresh on it), so what is shown stays what is copied.

    @property
    def operator_gender(self) -> str:
        """The gender the person set in Settings: "м", "ж", or "" when their name tells."""
        gender = self.desk.people.gender(self._operator)
        return gender.value if gender is not None else ""

    def set_operator_gender(self, gender: str) -> None:
        if gender == self.operator_gender:
            return
        self.desk.people.set_gender(self._operator, gender or None)
        self.operator_changed.emit()

    def greetings(self) -> dict[str, str]:
        """The team's greeting style per channel (`имя`, `имя_отчество`, `фио`)."""
        return self.desk.team.greetings()

    def set_greetings(self, greetings: dict[str, str]) -> dict[str, str]:
        """A lead changes the team's greeting styles; returns the channels that changed."""
        changed = self.desk.team.set_greetings(self._operator, greetings)
        if changed:
            self.operator_changed.emit()
        return changed

    @property
    def channel(self) -> str:
        return self._channel

    def set_channel(self, channel: str) -> None:
        if channel not in CHANNELS or channel == self._channel:
            return
        self._channel = channel
        self.settings.setValue("operator/channel", channel)
        self.channel_changed.emit(channel)

    # -- changing content --------------------------------------------------------------------

    def save(
        self,
        item: ContentItem,
        *,
        article_id: int | None = None,
        expected_version: int | None = None,
        note: str = "",
    ) -> SaveResult:
        result = self.desk.content.save(
            item,
            self._operator,
            article_id=article_id,
            expected_version=expected_version,
            note=note,
        )
        if result.changed:
            self.content_changed.emit([result.record.id])
        return result

    def set_status(self, article_id: int, status: Status) -> SaveResult:
        result = self.desk.content.set_status(article_id, status, self._operator)
        if result.changed:
            self.content_changed.emit([article_id])
        return result

    def restore(self, article_id: int, number: int) -> SaveResult:
        result = self.desk.content.restore(article_id, number, self._operator)
        if result.changed:
            self.content_changed.emit([article_id])
        return result

    def imported(self, report: ImportReport) -> None:
        """Called on the main thread after an import ran in the background."""
        if report.changed_ids:
            self.content_changed.emit(list(report.changed_ids))

    def remove_sample(self) -> SampleRemoval:
        removal = self.desk.maintenance.remove_sample(self._operator)
        if removal.removed_ids:
            self.content_changed.emit(list(removal.removed_ids))
        return removal

    def replace_synonyms(self, groups: Sequence[Sequence[str]]) -> None:
        self.desk.content.replace_synonyms(groups, self._operator)
        self.content_changed.emit([])

    # -- the index ---------------------------------------------------------------------------

    def ensure_index_async(self, force: bool = False) -> None:
        """Open the index and check it against the database on a worker, then rebuild it in
        the background if needed. Nothing here reads the disk on the UI thread: searches typed
        meanwhile run on a worker too (`answers.instant` is False until the index is open)."""
        if self.index_status == IndexStatus.REBUILDING or self._checking:
            return
        if force:
            self._start_rebuild()
            return
        self._checking = True
        run_task(
            self.desk.maintenance.needs_rebuild,
            on_done=self._on_index_checked,
            on_error=self._on_index_check_failed,
        )

    def _on_index_checked(self, needs_rebuild: bool) -> None:
        self._checking = False
        if needs_rebuild:
            self._start_rebuild()
        else:
            self._set_index_status(IndexStatus.READY)

    def _on_index_check_failed(self, error: Exception) -> None:
        self._checking = False
        log.error("could not check the search index: %s", error)
        self._start_rebuild()  # a cache that cannot be read is rebuilt from the database

    def _start_rebuild(self) -> None:
        maintenance = self.desk.maintenance
        self._set_index_status(IndexStatus.REBUILDING)

        def progress(done: int, total: int) -> None:
            # Called on the worker thread: a queued signal carries it to the UI thread.
            self.index_status_changed.emit(IndexStatus.REBUILDING, done, total)

        run_task(
            lambda: maintenance.rebuild(progress),
            on_done=lambda _total: self._rebuilt(),
            on_error=self._rebuild_failed,
        )

    def _on_sync_timer(self) -> None:
        """Others may save to a shared database: index their changes (on a worker: it reads
        the database and writes the index) and tell the pages."""
        if self.index_status != IndexStatus.READY or self._checking or self._syncing:
            return
        self._syncing = True
        run_task(
            self.desk.maintenance.sync,
            on_done=self._on_synced,
            on_error=self._on_sync_failed,
        )

    def _on_synced(self, changed: list[int]) -> None:
        self._syncing = False
        if changed:
            self.content_changed.emit(changed)

    def _on_sync_failed(self, error: Exception) -> None:
        self._syncing = False  # a dropped connection must not take the window down
        log.warning("could not check for changes by others: %s", error)

    def _rebuilt(self) -> None:
        self._set_index_status(IndexStatus.READY)
        self.content_changed.emit([])

    def _rebuild_failed(self, error: Exception) -> None:
        if isinstance(error, RebuildCancelled):
            return  # the app is closing
        log.error("index rebuild failed: %s", error)
        self._set_index_status(IndexStatus.FAILED)

    def _set_index_status(self, status: str) -> None:
        self.index_status = status
        self.index_status_changed.emit(status, 0, 0)
