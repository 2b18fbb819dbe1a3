"""The workspace's session on its own: its state changes without a widget in sight."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kbdesk.records import ArticleRecord, Kind, Status
from kbdesk.search import SearchHit, SearchRequest, SearchResult
from kbdesk.ui.workspace.session import ContactEnd, ListMode, PendingCopy, WorkspaceSession

NOON = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def _record(article_id: int, kind: Kind = Kind.TEMPLATE, title: str = "") -> ArticleRecord:
    return ArticleRecord(
        id=article_id,
        slug=f"item-{article_id}",
        kind=kind.value,
        title=title or f"Материал {article_id}",
        body="Здравствуйте, {{client_name}}!",
        category=None,
        tags=(),
        status=Status.PUBLISHED.value,
        owner=None,
        review_by=None,
        version=1,
        created_at=NOON,
        updated_at=NOON,
        updated_by="tests",
    )


def _result(*ids: int) -> SearchResult:
    hits = [
        SearchHit(i, f"item-{i}", f"Материал {i}", Kind.ARTICLE.value, None, "published", 1.0, "")
        for i in ids
    ]
    return SearchResult(hits, len(hits), None, False, False, 1.0, False)


class Heard:
    """Every signal of one session, in the order it was emitted."""

    def __init__(self, session: WorkspaceSession) -> None:
        self.signals: list[tuple[str, object]] = []
        session.query_edited.connect(lambda text: self.signals.append(("query_edited", text)))
        session.selected.connect(lambda: self.signals.append(("selected", None)))
        session.record_changed.connect(
            lambda typing: self.signals.append(("record_changed", typing))
        )
        session.channel_changed.connect(lambda ch: self.signals.append(("channel_changed", ch)))
        session.message.connect(lambda text: self.signals.append(("message", text)))

    def take(self) -> list[tuple[str, object]]:
        heard, self.signals = self.signals, []
        return heard


@pytest.fixture
def session() -> WorkspaceSession:
    return WorkspaceSession("chat")


@pytest.fixture
def heard(session: WorkspaceSession) -> Heard:
    return Heard(session)


def test_a_new_session_searches_for_nothing(session: WorkspaceSession) -> None:
    assert session.mode == ListMode.SEARCH
    assert session.query == "" and session.request is None and session.result is None
    assert session.current_query is None
    assert session.record is None and session.origin_query is None
    assert session.values_for(1) == {} and session.pending_copy is None
    assert not session.contact.active and session.contact_id
    assert session.channel == "chat" and session.last_message == ""


def test_typing_a_query_searches_and_passes_over_the_resolve_prompt(
    session: WorkspaceSession, heard: Heard
) -> None:
    session.open_list(ListMode.PINNED)
    session.copied(7, "возврат")
    session.edit_query("доставка")
    assert session.query == "доставка"
    assert session.mode == ListMode.SEARCH  # typing leaves the pinned list
    assert session.pending_copy is None
    assert heard.take() == [("query_edited", "доставка")]


def test_only_the_latest_search_is_shown(session: WorkspaceSession) -> None:
    session.edit_query("во")
    first = session.start_search()
    session.edit_query("возврат")
    second = session.start_search()
    request = SearchRequest("возврат")
    # The answer to "во" arrives late, after "возврат" was asked: it is dropped.
    assert not session.finish_search(first, SearchRequest("во"), _result(1))
    assert session.request is None
    assert session.finish_search(second, request, _result(2, 3))
    assert session.request == request and session.result == _result(2, 3)
    assert session.current_query == "возврат"
    session.edit_query("")
    session.start_search()
    session.clear_request()
    assert session.request is None and session.result is None
    assert session.current_query is None


def test_selecting_an_item_and_the_query_that_led_to_it(
    session: WorkspaceSession, heard: Heard
) -> None:
    refund = _record(1)
    session.select(refund, "возврат", typing=True)
    assert session.record == refund and session.origin_query == "возврат"
    # The preview may follow the typed query a frame late.
    assert heard.take() == [("selected", None), ("record_changed", True)]
    session.select(refund, "возврат оформлен")  # the same item again: no new preview
    assert session.origin_query == "возврат оформлен"
    assert heard.take() == [("selected", None)]
    session.select(_record(2, Kind.ARTICLE))
    assert session.origin_query is None
    assert heard.take() == [("selected", None), ("record_changed", False)]
    session.select(None)
    session.select(None)  # "nothing selected" is shown again each time
    assert session.record is None
    assert heard.take() == [("selected", None), ("record_changed", False)] * 2


def test_an_item_changed_in_the_knowledge_base_is_replaced_quietly(
    session: WorkspaceSession, heard: Heard
) -> None:
    session.select(_record(1), "возврат")
    heard.take()
    renamed = _record(1, title="Возврат оформлен (обновлено)")
    session.replace_record(renamed)
    assert session.record == renamed and session.origin_query == "возврат"
    session.replace_record(None)
    assert session.record is None
    assert heard.take() == []


def test_the_clients_identity_is_shared_within_a_contact_other_fields_are_not(
    session: WorkspaceSession,
) -> None:
    session.remember_values(1, ["client_name", "order_number"], {"client_name": "Иван"})
    session.remember_values(2, ["order_number", "amount"], {"order_number": "A-1077"})
    session.remember_values(3, ["time"], {"time": "14:00–16:00"})  # a delivery slot
    assert session.values_for(4) == {"client_name": "Иван", "order_number": "A-1077"}
    assert session.values_for(3)["time"] == "14:00–16:00"
    assert "time" not in session.values_for(5)  # never an arrival time elsewhere
    # A field emptied (or put back to its default) in a form is forgotten.
    session.remember_values(1, ["client_name"], {})
    assert session.values_for(1) == {"order_number": "A-1077"}
    values = session.values_for(2)
    values["amount"] = "1500"  # a copy: only remember_values changes the session
    assert "amount" not in session.values_for(2)


def test_either_answer_ends_the_contact(session: WorkspaceSession) -> None:
    ended: list[tuple[str, str]] = []
    session.contact_ended.connect(lambda contact, why: ended.append((contact.id, why)))
    first = session.contact_id
    session.remember_values(1, ["client_name"], {"client_name": "Иван"})
    session.copied(7, "возврат")
    assert session.pending_copy == PendingCopy(7, "возврат")
    assert session.answer(False) == PendingCopy(7, "возврат")
    assert session.pending_copy is None
    assert session.values_for(1) == {}  # not resolved ends the contact too
    assert ended == [(first, "not_resolved")] and session.contact_id != first
    assert session.answer(True) is None  # nothing waits for an answer any more
    second = session.contact_id
    session.remember_values(1, ["client_name"], {"client_name": "Пётр"})
    session.copied(8, None)
    assert session.answer(True) == PendingCopy(8, None)
    assert session.values_for(1) == {}  # resolved: the next client starts clean
    assert ended[-1] == (second, "resolved")


def test_next_client_clears_values_suggestions_and_the_link_trail(
    session: WorkspaceSession,
) -> None:
    session.remember_values(1, ["client_name"], {"client_name": "Иван"})
    session.suggest({"name": "Иван Петрович"})
    session.select(_record(1), "возврат")
    session.select(_record(2), "возврат", follow=True)
    assert session.can_go_back
    assert session.contact.texts() == {"Иван", "Иван Петрович"}
    ended = session.end_contact(ContactEnd.NEXT)
    assert ended.shared == {"client_name": "Иван"}
    assert session.values_for(1) == {} and session.suggestions == {}
    assert not session.can_go_back and not session.contact.active


def test_back_and_forward_through_followed_links(session: WorkspaceSession) -> None:
    first, second, third = _record(1), _record(2), _record(3)
    session.select(first, "сроки")
    session.select(second, "сроки", follow=True)
    session.select(third, "сроки", follow=True)
    assert session.go_back() and session.record == second
    assert session.go_back() and session.record == first
    assert not session.go_back() and session.can_go_forward
    assert session.go_forward() and session.record == second
    session.select(_record(4), "другое")  # picked from the list: a new trail
    assert not session.can_go_back and not session.can_go_forward


def test_switching_to_pinned_and_recent(session: WorkspaceSession) -> None:
    session.edit_query("оплата")
    generation = session.start_search()
    request = SearchRequest("оплата")
    assert session.finish_search(generation, request, _result(1))
    running = session.start_search()
    session.open_list(ListMode.PINNED)
    assert session.mode == ListMode.PINNED
    assert session.current_query is None  # an item picked from a list comes from no query
    assert not session.finish_search(running, request, _result(2))  # it answers too late
    session.open_list(ListMode.RECENT)
    assert session.mode == ListMode.RECENT
    session.leave_list()
    assert session.mode == ListMode.SEARCH
    assert session.query == "оплата" and session.current_query == "оплата"
    assert session.result == _result(1)


def test_channel_change_keeps_the_call(session: WorkspaceSession, heard: Heard) -> None:
    refund = _record(1)
    session.select(refund, "возврат")
    session.remember_values(1, ["client_name"], {"client_name": "Иван"})
    heard.take()
    session.set_channel("phone")
    session.set_channel("phone")  # no change, no signal
    assert session.channel == "phone"
    assert heard.take() == [("channel_changed", "phone")]
    assert session.record == refund and session.origin_query == "возврат"
    assert session.values_for(1) == {"client_name": "Иван"}


def test_messages_are_kept_and_told(session: WorkspaceSession, heard: Heard) -> None:
    session.notify("Скопировано")
    assert session.last_message == "Скопировано"
    assert heard.take() == [("message", "Скопировано")]
