"""Short, HTML-escaped body excerpts with the matched words in <mark>."""

from __future__ import annotations

import html
import re

from kbdesk.search.query import Plan
from kbdesk.search.text import fold, stem

SNIPPET_WIDTH = 160
# Context kept before the first matched word, so the excerpt does not start on it.
_LEAD = 30
_MARKDOWN_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
# Markdown decoration: quote marks at line starts only (a literal "<b>" in the text must survive
# to be escaped); emphasis and heading marks anywhere. Plain substring replacement: one regex
# (or str.translate) over a whole Cyrillic body cost more than the rest of a search.
_QUOTE_RE = re.compile(r"(?m)^[ \t]*>+")
_MARKUP_CHARS = "#*`~|"
# A placeholder with a default reads as its default (what the client will see), before the
# `|` is taken for a table border; a table's separator row is no text at all.
_DEFAULT_PLACEHOLDER_RE = re.compile(r"\{\{[^{}|\n]*\|([^{}\n]*)\}\}")
_TABLE_RULE_RE = re.compile(r"-{3,}")
# Underscores are emphasis only at word edges; inside a word (`{{client_name}}`) they stay.
_EMPHASIS_UNDERSCORE_RE = re.compile(r"(?<!\w)_+|_+(?!\w)")

class Marker:
    """Decides which body words a plan matched: the same stems the engine searched."""

    def __init__(self, plan: Plan | None) -> None:
        self.stems: set[str] = set()
        if plan is not None:
            for atom in plan.atoms():
                self.stems |= atom.stems()
        # One regex pass finds the few words that start like a searched stem; only those are
        # stemmed. Stemming every body word cost more than the search itself.
        alternatives = "|".join(re.escape(s) for s in sorted(self.stems, key=len, reverse=True))
        self._candidates = (
            re.compile(rf"(?<![^\W_])(?:{alternatives})[^\W_]*") if alternatives else None
        )

    def spans(self, folded: str) -> list[tuple[int, int, str]]:
        if self._candidates is None:
            return []
        out = []
        for m in self._candidates.finditer(folded):
            word_stem = stem(m.group())
            if word_stem in self.stems:
                out.append((m.start(), m.end(), word_stem))
        return out


def plain_text(body: str) -> str:
    """Body without markdown decoration and with whitespace collapsed."""
    text = _MARKDOWN_LINK_RE.sub(r"\1", body) if "](" in body else body
    if "{{" in text:
        text = _DEFAULT_PLACEHOLDER_RE.sub(r"\1", text)
    if "---" in text:
        text = _TABLE_RULE_RE.sub(" ", text)
    if ">" in text:
        text = _QUOTE_RE.sub(" ", text)
    for mark in _MARKUP_CHARS:
        if mark in text:
            text = text.replace(mark, " ")
    if "_" in text:
        text = _EMPHASIS_UNDERSCORE_RE.sub(" ", text)
    return " ".join(text.split())


def make_snippet(body: str, marker: Marker, width: int = SNIPPET_WIDTH) -> str:
    text = plain_text(body)
    folded = fold(text)
    if len(folded) != len(text):  # a rare letter whose lower case is longer; keep offsets true
        folded = text
    spans = marker.spans(folded)
    if not spans:
        return _excerpt(text, 0, width, [])
    # The window holding the most distinct matched stems wins; the earliest on a tie.
    best_start, best_score = spans[0][0], 0
    right = 0
    for left, (start, _, _) in enumerate(spans):
        right = max(right, left)
        while right + 1 < len(spans) and spans[right + 1][1] - start <= width - _LEAD:
            right += 1
        score = len({key for _, _, key in spans[left : right + 1]})
        if score > best_score:
            best_start, best_score = start, score
    start = max(0, best_start - _LEAD)
    if start > 0:
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 else start
    return _excerpt(text, start, width, spans)


def _excerpt(text: str, start: int, width: int, spans: list[tuple[int, int, str]]) -> str:
    end = start + width
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    else:
        end = len(text)
    parts = ["…"] if start > 0 else []
    cursor = start
    for s, e, _ in spans:
        if s < start or e > end:
            continue
        parts.append(html.escape(text[cursor:s]))
        parts.append(f"<mark>{html.escape(text[s:e])}</mark>")
        cursor = e
    parts.append(html.escape(text[cursor:end]))
    if end < len(text):
        parts.append("…")
    return "".join(parts)
