"""What a team lead sets for the whole team: today the greeting style of each channel.

The values live in the database's `team_setting` table, so every desk on a shared database
greets the same way and a change reaches the others with their next reply. The one table of
allowed styles and defaults is `kbdesk.russian.forms` (`TEAM_STYLES`, `DEFAULT_GREETINGS`):
the reply composition, this service and the settings dialog all read it from there.
"""

from __future__ import annotations

from collections.abc import Mapping

from kbdesk.russian.forms import DEFAULT_GREETINGS, TEAM_STYLES, team_greetings
from kbdesk.services.people import PeopleService
from kbdesk.store import ArticleStore

__all__ = ["GREETING_STYLES", "TeamSettingsService"]

GREETING_STYLES = TEAM_STYLES  # "имя", "имя_отчество", "фио"
_GREETING = "greeting."  # key prefix: greeting.chat, greeting.phone, greeting.email


class TeamSettingsService:
    def __init__(self, store: ArticleStore, people: PeopleService) -> None:
        self._store = store
        self._people = people

    def greetings(self) -> dict[str, str]:
        """Channel → greeting style (`имя`, `имя_отчество`, `фио`), defaults filled in."""
        stored = self._store.team_settings(_GREETING)
        return team_greetings({key.removeprefix(_GREETING): value for key, value in stored.items()})

    def set_greetings(self, actor: str, greetings: Mapping[str, str]) -> dict[str, str]:
        """Change the greeting style of some channels (a team lead's decision).

        Returns the channels whose style changed, with the new style; PermissionDenied for
        anyone but a lead, ValueError for an unknown channel or style (nothing is written).
        """
        person = self._people.require_lead(actor)
        for channel, style in greetings.items():
            if channel not in DEFAULT_GREETINGS:
                raise ValueError(f"unknown channel {channel!r}")
            if style not in TEAM_STYLES:
                raise ValueError(
                    f"unknown greeting style {style!r}; use one of: {', '.join(TEAM_STYLES)}"
                )
        current = self.greetings()
        wanted = {
            _GREETING + channel: style
            for channel, style in greetings.items()
            if current.get(channel) != style
        }
        changed = self._store.set_team_settings(wanted, person.name)
        return {key.removeprefix(_GREETING): value for key, value in changed.items()}
