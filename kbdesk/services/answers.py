"""Finding and sending answers: search, the reply an operator copies, and what they did.

A search is logged through `log_search` only, by the window (once the query settles) and by
the command line alike, so both count the same way. Events and searches carry the contact
(one call or chat) they were part of; `end_contact` closes one, so the dashboard can count
contacts and the searches that led nowhere.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from kbdesk.clues import Clue, find_clues, search_words
from kbdesk.kb import KnowledgeBase
from kbdesk.records import ArticleRecord, EventKind, Kind
from kbdesk.rendering import find_links
from kbdesk.replies import Reply, compose_reply, needs_input
from kbdesk.search import SearchHit, SearchRequest, SearchResult
from kbdesk.services.people import PeopleService
from kbdesk.services.settings import TeamSettingsService
from kbdesk.templating import RenderContext

# A link without its own text: `[[slug]]` (the `[[slug|text]]` form already says its words).
_BARE_LINK = re.compile(r"(?<!\\)\[\[\s*([^\[\]|\\\n]+?)\s*\]\]")
SUGGESTED_TEMPLATES = 5


@dataclass(frozen=True)
class MessageSuggestions:
    """What a client's message suggests: field values found in it and the likely templates."""

    clues: list[Clue]
    templates: list[SearchHit]


class AnswerService:
    def __init__(
        self,
        kb: KnowledgeBase,
        people: PeopleService | None = None,
        team: TeamSettingsService | None = None,
    ) -> None:
        self._kb = kb
        self._people = people or PeopleService(kb.store)
        self._team = team or TeamSettingsService(kb.store, self._people)

    @property
    def instant(self) -> bool:
        """True when a search is answered from the index in a few milliseconds; False while
        the index rebuilds and the slower fallback answers, or while it is still being opened
        at start-up (run it off the UI thread then)."""
        return self._kb.instant

    def search(self, request: SearchRequest) -> SearchResult:
        return self._kb.search(request)

    def snippets_for(self, ids: Sequence[int], request: SearchRequest) -> dict[int, str]:
        """Snippets for hits the window is about to show (computing them all costs time)."""
        return self._kb.snippets_for(ids, request)

    def log_search(
        self,
        text: str,
        result: SearchResult,
        operator: str,
        channel: str | None = None,
        contact: str | None = None,
    ) -> None:
        """Record a search the person settled on: the search log and the usage event."""
        usage = self._kb.usage
        if usage.search(text, result.total, result.took_ms, operator, contact=contact) is None:
            return  # a blank query is not a search
        usage.event(EventKind.SEARCH, operator, query=text, channel=channel, contact=contact)

    def record(
        self,
        kind: EventKind,
        article_id: int,
        operator: str,
        *,
        query: str | None = None,
        channel: str | None = None,
        contact: str | None = None,
    ) -> None:
        """A view, a copy, or the answer to "did it resolve the request?"."""
        self._kb.usage.event(
            kind,
            operator,
            article_id=article_id,
            query=query or None,
            channel=channel,
            contact=contact,
        )

    def copied_expired(self, article_id: int, operator: str, *, contact: str | None = None) -> None:
        """The operator confirmed copying an item past its `valid_until` day: counted for the
        owner's queue (the copy itself is recorded by `record` as any other)."""
        self._kb.store.add_expired_copy(article_id, operator, contact)

    def end_contact(self, contact: str) -> int:
        """A call or chat is over; its searches are marked abandoned when nothing was copied.
        Returns the number of searches marked."""
        return self._kb.usage.end_contact(contact)

    # -- replies -----------------------------------------------------------------------------

    def with_link_titles(self, record: ArticleRecord) -> ArticleRecord:
        """The item with each `[[slug]]` link worded as its target's title, so the preview and
        the copied text say «См. Сроки возврата денег», never «См. refund-times»."""
        slugs = {link.slug for link in find_links(record.body) if link.text == link.slug}
        if not slugs:
            return record
        titles: dict[str, str] = {}
        for slug in slugs:
            target = self._kb.store.get_by_slug(slug)
            if target is not None:
                titles[slug] = target.title.replace("]", "").replace("|", " ")

        def worded(match: re.Match[str]) -> str:
            slug = match[1]
            title = titles.get(slug)
            return f"[[{slug}|{title}]]" if title else match[0]

        return replace(record, body=_BARE_LINK.sub(worded, record.body))

    def compose(
        self,
        record: ArticleRecord,
        values: Mapping[str, str],
        operator: str,
        channel: str | None = None,
        now: datetime | None = None,
    ) -> Reply:
        """The reply for the clipboard, the preview and `kbdesk render`, in the team's
        greeting style and with the operator's gender from Settings."""
        context = self.render_context(operator, channel, now)
        return compose_reply(
            self.with_link_titles(record),
            channel,
            values,
            operator,
            now,
            greetings=context.greetings,
            operator_gender=context.operator_gender,
        )

    def render_context(
        self, operator: str, channel: str | None = None, now: datetime | None = None
    ) -> RenderContext:
        """What a reply is filled with besides the form's values: the one source for the
        copied reply and every live preview, so what is shown is what is copied.

        Read afresh each time (two small queries): a lead on another desk may have changed
        the team's greeting style since the last reply.
        """
        gender = self._people.gender(operator)
        return RenderContext(
            operator=operator,
            now=now,
            channel=channel,
            greetings=self._team.greetings(),
            operator_gender=gender.value if gender else "",
        )

    def needs_input(
        self, record: ArticleRecord, values: Mapping[str, str], operator: str, channel: str | None
    ) -> bool:
        """True when copying now would be refused for an empty required field."""
        gender = self._people.gender(operator)
        return needs_input(
            record, channel, values, operator, operator_gender=gender.value if gender else ""
        )

    # -- the client's message ----------------------------------------------------------------

    def suggest(self, message: str, limit: int = SUGGESTED_TEMPLATES) -> MessageSuggestions:
        """Field values found in a client's message and the templates that fit it best.

        The search requires every word of a query, so a whole message would find nothing:
        each topical word is searched alone and the templates are ranked by the sum of
        reciprocal ranks over those searches, each weighted by how few templates the word finds
        (a template found by several rare words comes first).
        Nothing is logged: the operator has not searched yet.
        """
        clues = find_clues(message)
        scores: dict[int, float] = {}
        hits: dict[int, SearchHit] = {}
        for word in search_words(message, clues):
            request = SearchRequest(word, limit=10, kinds=(Kind.TEMPLATE.value,), snippets=0)
            result = self._kb.search(request)
            # A word found in few templates says more than one found in many.
            weight = 1.0 / max(result.total, 1) ** 0.5
            for rank, hit in enumerate(result.hits, start=1):
                scores[hit.id] = scores.get(hit.id, 0.0) + weight / (rank + 1)
                hits.setdefault(hit.id, hit)
        best = sorted(scores, key=lambda article_id: (-scores[article_id], article_id))[:limit]
        return MessageSuggestions(clues, [hits[article_id] for article_id in best])
