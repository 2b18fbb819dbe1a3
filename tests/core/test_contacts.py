"""Contacts in the usage log: events and searches carry them; a contact that ended without a
copy leaves its searches abandoned, and the dashboard counts contacts and their replies."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kbdesk.content import ContentItem
from kbdesk.kb import KnowledgeBase
from kbdesk.records import EventKind
from kbdesk.search import SearchResult
from kbdesk.services import AnswerService
from kbdesk.stats import Period, StatsService

NOW = datetime.now(UTC)


def _result(total: int) -> SearchResult:
    return SearchResult([], total, None, False, False, 1.0, False)


def test_contacts_replies_and_abandoned_searches(kb: KnowledgeBase) -> None:
    kb.store.operator("Анна")
    article = kb.store.save(
        ContentItem(slug="refund", title="Возврат", kind="template", body="Здравствуйте!"), "Анна"
    ).record
    answers = AnswerService(kb)
    # Contact A: searched, copied twice. Contact B: searched, found, ended without a copy.
    answers.log_search("возврат", _result(3), "Анна", "chat", "contact-a")
    answers.record(EventKind.COPY, article.id, "Анна", query="возврат", contact="contact-a")
    answers.record(EventKind.COPY, article.id, "Анна", query="возврат", contact="contact-a")
    answers.log_search("возврат денег", _result(2), "Анна", "chat", "contact-b")
    assert answers.end_contact("contact-a") == 0
    assert answers.end_contact("contact-b") == 1
    stats = StatsService(kb.db)
    period = Period(NOW - timedelta(days=1), NOW + timedelta(days=1))
    contacts = stats.contacts(period)
    assert (contacts.contacts, contacts.replies) == (2, 2)
    assert contacts.replies_per_contact == 1.0
    gaps = {gap.query: gap for gap in stats.gaps(period)}
    assert gaps["возврат денег"].abandoned == 1 and gaps["возврат денег"].not_copied == 1
    assert "возврат" not in gaps  # found and copied in its contact
    assert stats.dashboard(period).contacts == contacts
