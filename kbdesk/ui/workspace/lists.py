"""Pinned-for-this-shift and recently-used items, per operator, kept in QSettings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from urllib.parse import quote

from PySide6.QtCore import QSettings

RECENT_SIZE = 20


def _ids(value: object) -> list[int]:
    # Stored as one comma-separated string: an ini list of one element reads back as a string.
    return [int(part) for part in str(value or "").split(",") if part.strip().isdigit()]


class ShiftLists:
    """Pins last for one day (a shift); recent items are the operator's last views and copies."""

    def __init__(
        self,
        settings: QSettings,
        operator: Callable[[], str],
        today: Callable[[], date] = date.today,
    ) -> None:
        self._settings = settings
        self._operator = operator
        self._today = today

    def _key(self, name: str) -> str:
        # Operator names are free text: keep "/" and friends from turning into ini groups.
        return f"workspace/{name}/{quote(self._operator(), safe='')}"

    # -- pinned ------------------------------------------------------------------------------

    def pinned(self) -> list[int]:
        day = str(self._settings.value(self._key("pinned_day"), "") or "")
        if day and day != self._today().isoformat():
            self.unpin_all()  # a new shift starts with a clean list
            return []
        return _ids(self._settings.value(self._key("pinned"), ""))

    def is_pinned(self, article_id: int) -> bool:
        return article_id in self.pinned()

    def toggle_pin(self, article_id: int) -> bool:
        """Pin or unpin; True when the item is pinned afterwards."""
        pinned = self.pinned()
        if article_id in pinned:
            pinned.remove(article_id)
        else:
            pinned.append(article_id)
        self._save_pins(pinned)
        return article_id in pinned

    def unpin_all(self) -> None:
        self._save_pins([])

    def _save_pins(self, pinned: list[int]) -> None:
        self._settings.setValue(self._key("pinned"), ",".join(map(str, pinned)))
        self._settings.setValue(self._key("pinned_day"), self._today().isoformat())

    # -- recent ------------------------------------------------------------------------------

    def recent(self) -> list[int]:
        return _ids(self._settings.value(self._key("recent"), ""))

    def touch(self, article_id: int) -> None:
        recent = [article_id, *(i for i in self.recent() if i != article_id)][:RECENT_SIZE]
        self._settings.setValue(self._key("recent"), ",".join(map(str, recent)))
