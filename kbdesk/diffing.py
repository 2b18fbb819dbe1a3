"""Readable diffs and a careful three-way merge of article text (difflib). No Qt.

The merge never guesses: where both sides changed the same or touching lines differently, it
writes conflict markers for a person to resolve, and the editor refuses to save while any
marker is left.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, fields, replace
from difflib import SequenceMatcher

from kbdesk.content import ContentItem, dump

MINE_MARKER = "<<<<<<< "
SPLIT_MARKER = "======="
THEIRS_MARKER = ">>>>>>> "
_CONFLICT_LINE = re.compile(r"^(<<<<<<< |=======$|>>>>>>> )", re.MULTILINE)
_INTRALINE_LIMIT = 2000  # longer lines are shown whole: char-level diffs of them cost too much

_REMOVED_BG = "#fbe3e4"
_ADDED_BG = "#e3f6e3"
_REMOVED_MARK = "#f2b8bb"
_ADDED_MARK = "#aee5ae"
_HUNK_BG = "#eef2f8"


def has_conflict_markers(text: str) -> bool:
    return _CONFLICT_LINE.search(text) is not None


# -- showing differences -----------------------------------------------------------------------


def _intraline(old: str, new: str) -> tuple[str, str]:
    """Both lines as HTML with the changed characters marked."""
    if len(old) > _INTRALINE_LIMIT or len(new) > _INTRALINE_LIMIT:
        return html.escape(old), html.escape(new)
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    left: list[str] = []
    right: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a, b = html.escape(old[i1:i2]), html.escape(new[j1:j2])
        if tag == "equal":
            left.append(a)
            right.append(b)
            continue
        if a:
            left.append(f'<span style="background:{_REMOVED_MARK}">{a}</span>')
        if b:
            right.append(f'<span style="background:{_ADDED_MARK}">{b}</span>')
    return "".join(left), "".join(right)


def _row(number_old: str, number_new: str, sign: str, content: str, background: str) -> str:
    style = f' style="background:{background}"' if background else ""
    return (
        f'<tr{style}><td align="right" style="color:#888">{number_old}</td>'
        f'<td align="right" style="color:#888">{number_new}</td>'
        f'<td>{sign}</td><td><pre style="margin:0">{content or "&nbsp;"}</pre></td></tr>'
    )


def unified_html(
    old: str,
    new: str,
    *,
    old_label: str = "before",
    new_label: str = "after",
    same_text: str = "No differences.",
    context: int = 3,
) -> str:
    """A coloured unified diff as HTML (a table that QTextBrowser renders well)."""
    a, b = old.split("\n"), new.split("\n")
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    groups = list(matcher.get_grouped_opcodes(context))
    head = (
        f'<p><span style="background:{_REMOVED_BG}">&nbsp;− {html.escape(old_label)}&nbsp;</span>'
        f' &nbsp; <span style="background:{_ADDED_BG}">&nbsp;+ {html.escape(new_label)}&nbsp;'
        "</span></p>"
    )
    if a == b or not groups:
        return head + f"<p><i>{html.escape(same_text)}</i></p>"
    rows: list[str] = []
    for group in groups:
        first, last = group[0], group[-1]
        rows.append(
            f'<tr style="background:{_HUNK_BG}"><td colspan="4" style="color:#567">'
            f"@@ −{first[1] + 1},{last[2] - first[1]} +{first[3] + 1},{last[4] - first[3]} @@"
            "</td></tr>"
        )
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                for offset, line in enumerate(a[i1:i2]):
                    rows.append(
                        _row(str(i1 + offset + 1), str(j1 + offset + 1), "", html.escape(line), "")
                    )
                continue
            olds, news = a[i1:i2], b[j1:j2]
            if tag == "replace" and len(olds) == len(news):
                pairs = [_intraline(x, y) for x, y in zip(olds, news, strict=True)]
                old_html = [pair[0] for pair in pairs]
                new_html = [pair[1] for pair in pairs]
            else:
                old_html = [html.escape(line) for line in olds]
                new_html = [html.escape(line) for line in news]
            for offset, content in enumerate(old_html):
                rows.append(_row(str(i1 + offset + 1), "", "−", content, _REMOVED_BG))
            for offset, content in enumerate(new_html):
                rows.append(_row("", str(j1 + offset + 1), "+", content, _ADDED_BG))
    table = (
        '<table width="100%" cellspacing="0" cellpadding="2" '
        'style="font-family: monospace">' + "".join(rows) + "</table>"
    )
    return head + table


def item_diff_html(old: ContentItem, new: ContentItem, **labels: str) -> str:
    """Diff of two items as their file text, so title, tags and dates show up too."""
    return unified_html(dump(old), dump(new), **labels)


# -- merging -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MergeResult:
    text: str
    conflicts: int


def _hunks(base: list[str], side: list[str]) -> list[tuple[int, int, list[str]]]:
    matcher = SequenceMatcher(None, base, side, autojunk=False)
    return [
        (i1, i2, side[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    ]


def _apply(base: list[str], hunks: list[tuple[int, int, list[str]]], lo: int, hi: int) -> list[str]:
    out: list[str] = []
    pos = lo
    for start, end, lines in hunks:
        out.extend(base[pos:start])
        out.extend(lines)
        pos = end
    out.extend(base[pos:hi])
    return out


def merge3(
    base: str, mine: str, theirs: str, *, mine_label: str = "yours", theirs_label: str = "theirs"
) -> MergeResult:
    """Three-way line merge. Changes that touch or overlap and differ become a conflict."""
    if mine == theirs:
        return MergeResult(mine, 0)
    if mine == base:
        return MergeResult(theirs, 0)
    if theirs == base:
        return MergeResult(mine, 0)
    b, m, t = base.split("\n"), mine.split("\n"), theirs.split("\n")
    tagged = sorted(
        [(s, e, lines, "m") for s, e, lines in _hunks(b, m)]
        + [(s, e, lines, "t") for s, e, lines in _hunks(b, t)],
        key=lambda h: (h[0], h[1]),
    )
    out: list[str] = []
    conflicts = 0
    pos = 0
    index = 0
    while index < len(tagged):
        lo, hi = tagged[index][0], tagged[index][1]
        cluster = [tagged[index]]
        index += 1
        # Touching counts as overlapping: edits to neighbouring lines are a person's call.
        while index < len(tagged) and tagged[index][0] <= hi:
            cluster.append(tagged[index])
            hi = max(hi, tagged[index][1])
            index += 1
        out.extend(b[pos:lo])
        pos = hi
        mine_hunks = [(s, e, lines) for s, e, lines, side in cluster if side == "m"]
        their_hunks = [(s, e, lines) for s, e, lines, side in cluster if side == "t"]
        mine_part = _apply(b, mine_hunks, lo, hi)
        their_part = _apply(b, their_hunks, lo, hi)
        if not their_hunks or mine_part == their_part:
            out.extend(mine_part)
        elif not mine_hunks:
            out.extend(their_part)
        else:
            conflicts += 1
            out.append(MINE_MARKER + mine_label)
            out.extend(mine_part)
            out.append(SPLIT_MARKER)
            out.extend(their_part)
            out.append(THEIRS_MARKER + theirs_label)
    out.extend(b[pos:])
    return MergeResult("\n".join(out), conflicts)


@dataclass(frozen=True)
class ItemMerge:
    item: ContentItem
    body_conflicts: int
    field_conflicts: tuple[str, ...]  # fields both sides changed; "mine" was kept


def merge_items(
    base: ContentItem,
    mine: ContentItem,
    theirs: ContentItem,
    *,
    mine_label: str = "yours",
    theirs_label: str = "theirs",
) -> ItemMerge:
    """Merge every field three-way; the body line by line, other fields as a whole."""
    values: dict[str, object] = {}
    field_conflicts: list[str] = []
    for spec in fields(ContentItem):
        name = spec.name
        if name in ("body", "warnings"):
            continue
        b, m, t = getattr(base, name), getattr(mine, name), getattr(theirs, name)
        if m == t or t == b:
            values[name] = m
        elif m == b:
            values[name] = t
        else:
            values[name] = m
            field_conflicts.append(name)
    body = merge3(
        base.body, mine.body, theirs.body, mine_label=mine_label, theirs_label=theirs_label
    )
    merged = replace(mine, body=body.text, **values)  # type: ignore[arg-type]
    return ItemMerge(merged, body.conflicts, tuple(field_conflicts))
