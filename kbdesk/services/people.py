"""Who is working and what they may do. Every change anywhere asks this service first.

The role is read from the database on every check rather than trusted from the caller: a lead
may have demoted someone while their window stayed open, and the command line has no window.
"""

from __future__ import annotations

import getpass

from kbdesk.records import PermissionDenied, Person, Role
from kbdesk.russian import Gender, parse_gender
from kbdesk.store import ArticleStore


def default_operator() -> str:
    """The system login: who is working when nobody said otherwise (the command line)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in some containers
        return "operator"


def clean_name(name: str) -> str:
    return " ".join(name.split())


class PeopleService:
    def __init__(self, store: ArticleStore) -> None:
        self._store = store

    def person(self, name: str) -> Person:
        """The person by name, registered on first sight (the first one is a lead)."""
        operator = self._store.operator(name)
        return Person(operator.name, Role(operator.role))

    def rename(self, old: str, new: str) -> Person:
        """Correct a person's name, keeping their role; an existing `new` simply wins."""
        if not clean_name(new):
            raise ValueError("a name cannot be empty")
        operator = self._store.rename_operator(old, new)
        return Person(operator.name, Role(operator.role))

    def everyone(self) -> list[Person]:
        return [Person(o.name, Role(o.role)) for o in self._store.operators()]

    def set_role(self, actor: str, name: str, role: Role) -> Person:
        self.require_lead(actor)
        operator = self._store.set_role(name, role)
        return Person(operator.name, Role(operator.role))

    def gender(self, name: str) -> Gender | None:
        """The gender the person set for themselves (Settings); None: their name tells.

        Only reads: asking about a name nobody uses registers no one.
        """
        return parse_gender(self._store.operator_gender(name) or "")

    def set_gender(self, actor: str, gender: Gender | str | None) -> Gender | None:
        """The acting person's own gender, for the words that agree with it in replies
        (`{{operator: оформил}}`); None or "" clears it, so the name tells again.

        Returns the gender now stored; ValueError for anything but м/ж (m/f).
        """
        chosen = parse_gender(str(gender)) if gender else None
        if gender and chosen is None:
            raise ValueError(f"a gender is 'м' or 'ж', not {gender!r}")
        self._store.set_operator_gender(actor, chosen.value if chosen else None)
        return chosen

    def require_editor(self, actor: str) -> Person:
        """The acting person, if they may change content; PermissionDenied otherwise."""
        person = self.person(actor)
        if not person.role.can_edit:
            raise PermissionDenied(
                f"{person.name} is an operator and cannot change the knowledge base"
            )
        return person

    def require_lead(self, actor: str) -> Person:
        person = self.person(actor)
        if not person.role.is_lead:
            raise PermissionDenied(f"{person.name} is not a team lead")
        return person
