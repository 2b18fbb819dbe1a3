"""The placeholder language of response templates.

Syntax (the only definition of it in the app):

- ``{{name}}`` is a required placeholder; ``{{name|default}}`` has a default, split at the
  first ``|``; ``{{name|}}`` is optional and renders empty. Whitespace inside the braces is
  trimmed. A placeholder opens and closes on the same line.
- Names are case-sensitive identifiers: Unicode letters (Cyrillic included), digits and
  ``_``, not starting with a digit. ``{{Имя}}`` and ``{{имя}}`` are different placeholders.
- Built-ins come from a :class:`RenderContext` unless the caller passes a value:
  ``operator``, ``today`` (dd.mm.yyyy), ``tomorrow``, ``now`` (HH:MM) and the Russian aliases
  ``оператор``, ``сегодня``, ``завтра``, ``сейчас``.
- ``\\{{`` is a literal ``{{``. A stray ``}}`` is plain text.
- Malformed placeholders are reported as :class:`TemplateIssue` and rendered as typed.
- A body may hold one variant per channel, in blocks that start with a line ``:::phone``
  (``chat``, ``email``) and end with a line ``:::``; see :func:`split_variants`.
- ``{{name: form}}`` (``{{name: form|fallback}}``) puts words in agreement with ``name``:
  ``{{client_name: уважаемый/уважаемая}}``, ``{{operator: оформил}}``, ``{{points: # балл}}``,
  ``{{client_name: дат}}``, ``{{date: словами род}}``. The forms are read in
  :mod:`kbdesk.russian.forms`; a gender that no name tells is asked for in a derived field
  (``client_gender``, м/ж). Before this syntax a ``:`` in a name was an error, so no valid
  template changes meaning.

Content comes from editors, so nothing here ever evaluates it: the text is scanned with plain
regular expressions and values are pasted in as they are, never expanded again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from functools import lru_cache

from kbdesk.russian import Gender, forms

__all__ = [
    "BUILTINS",
    "CHANNELS",
    "IssueCode",
    "ParsedTemplate",
    "Placeholder",
    "RenderContext",
    "RenderResult",
    "TemplateIssue",
    "Variants",
    "implied_genders",
    "lint",
    "parse",
    "render",
    "split_variants",
    "text_for_channel",
]

CHANNELS: tuple[str, ...] = ("phone", "chat", "email")

# Built-in name -> the context value it stands for; aliases share a key.
BUILTINS: Mapping[str, str] = {
    "operator": "operator",
    "today": "today",
    "tomorrow": "tomorrow",
    "now": "now",
    "оператор": "operator",
    "сегодня": "today",
    "завтра": "tomorrow",
    "сейчас": "now",
}

# An escaped opener first, so "\{{" is never taken for a placeholder.
_OPENER = re.compile(r"\\\{\{|\{\{")
# Whatever comes first after an opener decides its fate: a close, a second opener, a line end.
_STOP = re.compile(r"\}\}|\{\{|\n")
_NAME = re.compile(r"[^\W\d]\w*")
_VARIANT_OPEN = re.compile(r"[ \t]*:::[ \t]*(\w+)[ \t]*")
_VARIANT_CLOSE = re.compile(r"[ \t]*:::[ \t]*")
_FRAGMENT_MAX = 60


class IssueCode(StrEnum):
    """Stable ids of template problems; the UI translates messages by these."""

    UNCLOSED = "unclosed"
    NESTED = "nested"
    EMPTY = "empty"
    BAD_NAME = "bad_name"
    UNCLOSED_VARIANT = "unclosed_variant"
    UNKNOWN_CHANNEL = "unknown_channel"
    DUPLICATE_VARIANT = "duplicate_variant"
    BAD_FORM = "bad_form"
    UNKNOWN_GENDER_WORD = "unknown_gender_word"
    UNINFLECTABLE_NOUN = "uninflectable_noun"
    MIXED_SCRIPT = "mixed_script"


@dataclass(frozen=True, slots=True)
class TemplateIssue:
    """A malformed construct at a 1-based line and column."""

    line: int
    column: int
    code: IssueCode
    message: str
    fragment: str


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A distinct placeholder name, described at its first appearance.

    ``required`` means it has no default anywhere in the text; a built-in may still be
    filled from the context, so forms usually ask only for non-built-in placeholders.
    """

    name: str
    default: str | None
    required: bool
    builtin: bool
    line: int
    column: int
    # A derived field (the gender of the person ``derived_from`` names) and its answers.
    derived_from: str | None = None
    choices: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ParsedTemplate:
    """Placeholders (unique, in order of first appearance) and problems found."""

    placeholders: list[Placeholder]
    issues: list[TemplateIssue]


@dataclass(frozen=True, slots=True)
class RenderContext:
    """Where built-ins come from; ``now`` defaults to the current local time."""

    operator: str = ""
    now: datetime | None = None
    channel: str | None = None  # picks the greeting style of ``{{name: обращение}}``
    greetings: Mapping[str, str] | None = None  # channel -> name style; None: the defaults
    # The operator's own gender as set in Settings (м/ж); "" lets their name tell.
    operator_gender: str = ""


@dataclass(frozen=True, slots=True)
class RenderResult:
    """Filled text, missing required names and problems found.

    ``missing_spans`` are ``(start, end)`` offsets of the ``{{name}}`` markers left in
    ``text`` for missing values, so a preview can highlight exactly those.
    """

    text: str
    missing: list[str]
    issues: list[TemplateIssue]
    missing_spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Variants:
    """A body split into the main text and the per-channel variants."""

    main: str
    by_channel: dict[str, str]
    issues: list[TemplateIssue]


@dataclass(frozen=True, slots=True)
class _Slot:
    name: str
    default: str | None
    line: int
    column: int
    form: forms.Spec | None = None


_Token = str | _Slot


class _Lines:
    """Maps string offsets to 1-based line and column."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._line = 1
        self._line_start = 0
        self._pos = 0

    def at(self, offset: int) -> tuple[int, int]:
        # Offsets only grow during a scan, so counting forward keeps it linear.
        self._line += self._text.count("\n", self._pos, offset)
        newline = self._text.rfind("\n", self._pos, offset)
        if newline != -1:
            self._line_start = newline + 1
        self._pos = offset
        return self._line, offset - self._line_start + 1


def _fragment(text: str) -> str:
    text = text.rstrip("\r")
    return text if len(text) <= _FRAGMENT_MAX else text[: _FRAGMENT_MAX - 1] + "…"


@lru_cache(maxsize=128)
def _scan(text: str) -> tuple[tuple[_Token, ...], tuple[TemplateIssue, ...]]:
    """Split text into literal strings and slots; cached as forms re-render per keystroke."""
    tokens: list[_Token] = []
    issues: list[TemplateIssue] = []
    lines = _Lines(text)
    literal: list[str] = []
    pos = 0

    def flush() -> None:
        if literal:
            tokens.append("".join(literal))
            literal.clear()

    def report(start: int, code: IssueCode, message: str, fragment: str) -> None:
        line, column = lines.at(start)
        issues.append(TemplateIssue(line, column, code, message, _fragment(fragment)))

    while (opener := _OPENER.search(text, pos)) is not None:
        start = opener.start()
        literal.append(text[pos:start])
        pos = opener.end()
        if opener.group() != "{{":
            literal.append("{{")
            continue
        stop = _STOP.search(text, pos)
        if stop is None or stop.group() == "\n":
            end = len(text) if stop is None else stop.start()
            report(
                start,
                IssueCode.UNCLOSED,
                "'{{' is not closed by '}}' on the same line",
                text[start:end],
            )
            literal.append("{{")
            continue
        if stop.group() == "{{":
            report(
                start, IssueCode.NESTED, "'{{' opened again before '}}'", text[start : stop.end()]
            )
            literal.append("{{")
            continue
        raw = text[start : stop.end()]
        name_part, bar, default = text[pos : stop.start()].partition("|")
        source, colon, form_text = name_part.partition(":")
        name = unicodedata.normalize("NFC", source.strip())
        form, form_error = forms.parse_spec(form_text) if colon else (None, "")
        if not name:
            report(start, IssueCode.EMPTY, "placeholder has no name", raw)
        elif _NAME.fullmatch(name) is None:
            report(
                start,
                IssueCode.BAD_NAME,
                f"invalid placeholder name {name!r}: use letters, digits and '_', "
                "not starting with a digit",
                raw,
            )
        elif form_error:
            report(start, IssueCode.BAD_FORM, f"bad form after ':' ({form_error})", raw)
        else:
            flush()
            line, column = lines.at(start)
            tokens.append(_Slot(name, default.strip() if bar else None, line, column, form))
            mixed = _mixed_script_at(name)
            if mixed is not None:
                offset = pos + len(source) - len(source.lstrip()) + mixed
                issues.append(
                    TemplateIssue(
                        line,
                        column + offset - start,
                        IssueCode.MIXED_SCRIPT,
                        f"placeholder name {name!r} mixes Cyrillic and Latin letters "
                        f"(look-alike {name[mixed]!r})",
                        _fragment(raw),
                    )
                )
            pos = stop.end()
            continue
        literal.append(raw)
        pos = stop.end()
    literal.append(text[pos:])
    flush()
    return tuple(tokens), tuple(issues)


def _mixed_script_at(name: str) -> int | None:
    """Index of the first look-alike letter when ``name`` mixes Cyrillic and Latin."""
    cyrillic = [i for i, c in enumerate(name) if "\u0400" <= c <= "\u04ff"]
    latin = [i for i, c in enumerate(name) if c.isascii() and c.isalpha()]
    if not cyrillic or not latin:
        return None
    minority = cyrillic if len(cyrillic) <= len(latin) else latin
    return minority[0]


def _defaults(tokens: tuple[_Token, ...]) -> dict[str, str | None]:
    """First default of each name; a name with a default anywhere counts as having it.

    A gender form's ``|text`` is its own fallback text, not a value of the name.
    """
    defaults: dict[str, str | None] = {}
    for token in tokens:
        if (
            isinstance(token, _Slot)
            and (token.form is None or token.form.kind != "gender")
            and defaults.get(token.name) is None
        ):
            defaults[token.name] = token.default
    return defaults


def parse(text: str) -> ParsedTemplate:
    """List the placeholders of ``text`` and its malformed placeholders."""
    tokens, issues = _scan(text)
    defaults = _defaults(tokens)
    seen: dict[str, Placeholder] = {}
    slots = [token for token in tokens if isinstance(token, _Slot)]
    required = {
        slot.name
        for slot in slots
        if defaults.get(slot.name) is None
        and (slot.form is None or slot.form.kind != "gender")
    }
    for slot in slots:
        if slot.name not in seen:
            default = defaults.get(slot.name)
            is_required = slot.name in required
            seen[slot.name] = Placeholder(
                name=slot.name,
                default=default if default is not None or is_required else "",
                required=is_required,
                builtin=slot.name in BUILTINS,
                line=slot.line,
                column=slot.column,
            )
        key = forms.gender_key(slot.name)
        if slot.form is not None and slot.form.kind == "gender" and key not in seen:
            # Empty means "as the name tells"; render asks for it when the name cannot.
            seen[key] = Placeholder(
                key, "", False, False, slot.line, slot.column, slot.name, ("м", "ж")
            )
    return ParsedTemplate(list(seen.values()), list(issues))


def _builtin_values(context: RenderContext) -> dict[str, str]:
    now = context.now or datetime.now()
    return {
        "operator": context.operator,
        "today": now.strftime("%d.%m.%Y"),
        "tomorrow": (now + timedelta(days=1)).strftime("%d.%m.%Y"),
        "now": now.strftime("%H:%M"),
    }


def render(
    text: str, values: Mapping[str, str], context: RenderContext | None = None
) -> RenderResult:
    """Fill ``text``: a value, else a built-in, else a default, else a visible ``{{name}}``.

    Blank values count as not given; values are stripped and inserted verbatim.
    """
    tokens, issues = _scan(text)
    defaults = _defaults(tokens)
    context = context or RenderContext()
    builtins: dict[str, str] | None = None
    out: list[str] = []
    size = 0
    missing: dict[str, None] = {}
    spans: list[tuple[int, int]] = []
    for token in tokens:
        if isinstance(token, str):
            piece = token
        else:
            piece = (values.get(token.name) or "").strip()
            if not piece and token.name in BUILTINS:
                if builtins is None:
                    builtins = _builtin_values(context)
                piece = builtins[BUILTINS[token.name]].strip()
            if token.form is not None:
                if not piece and token.form.kind != "gender":
                    piece = token.default or defaults.get(token.name) or ""
                piece, wanted = _fill_form(token, token.form, piece, values, context)
                if wanted:
                    missing[wanted] = None
                    spans.append((size, size + len(piece)))
            elif not piece:
                default = token.default if token.default is not None else defaults[token.name]
                if default is not None:
                    piece = default
                else:
                    piece = "{{" + token.name + "}}"
                    missing[token.name] = None
                    spans.append((size, size + len(piece)))
        out.append(piece)
        size += len(piece)
    return RenderResult("".join(out), list(missing), list(issues), spans)


def _fill_form(
    slot: _Slot, form: forms.Spec, source: str, values: Mapping[str, str], context: RenderContext
) -> tuple[str, str]:
    """The words a ``{{name: form}}`` slot makes, and the field still wanted (or "")."""
    if form.kind != "gender":
        if not source:  # shown like a plain placeholder left unfilled
            return "{{" + slot.name + "}}", slot.name
        today = (context.now or datetime.now()).date()
        return forms.apply(form, source, context.channel, context.greetings, today), ""
    key = forms.gender_key(slot.name)
    gender = forms.resolve_gender(values.get(key) or "", source, _profile(key, context))
    if gender is not None:
        return forms.gendered(form, gender), ""
    if slot.default is not None:  # the editor's text for an unknown gender
        return slot.default, ""
    return "{{" + slot.name + ": " + form.text + "}}", key


def _profile(key: str, context: RenderContext) -> str:
    """The gender a person set for themselves: only the operator has one."""
    return context.operator_gender if key == forms.OPERATOR_GENDER else ""


def implied_genders(
    text: str, values: Mapping[str, str], context: RenderContext | None = None
) -> dict[str, tuple[Gender, str]]:
    """What each gender field of ``text`` stands for while it is empty, and what says so.

    ``{"client_gender": (Gender.FEMALE, "name")}`` when the client's name tells;
    ``"profile"`` for the operator's gender from Settings. A field whose gender nothing tells
    (an ambiguous or unknown name, or no name yet) is absent: :func:`render` asks for it.
    The rule is :func:`forms.resolve_gender`'s, so a form's hint and the reply agree.
    """
    tokens, _issues = _scan(text)
    context = context or RenderContext()
    builtins: dict[str, str] | None = None
    found: dict[str, tuple[Gender, str]] = {}
    seen: set[str] = set()
    for slot in tokens:
        if not isinstance(slot, _Slot) or slot.form is None or slot.form.kind != "gender":
            continue
        key = forms.gender_key(slot.name)
        if key in seen:
            continue
        seen.add(key)
        source = (values.get(slot.name) or "").strip()
        if not source and slot.name in BUILTINS:
            builtins = builtins or _builtin_values(context)
            source = builtins[BUILTINS[slot.name]].strip()
        gender, said_by = forms.implied_gender(source, _profile(key, context))
        if gender is not None:
            found[key] = (gender, said_by)
    return found


def split_variants(body: str) -> Variants:
    """Take ``:::channel`` … ``:::`` blocks out of ``body``.

    A block with an unknown channel or without its closing line stays in the main text and
    is reported. A second block for the same channel is appended to the first and reported.
    """
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    main: list[str | None] = []  # None marks where a block was taken out
    chunks: dict[str, list[str]] = {}
    issues: list[TemplateIssue] = []
    block: list[str] | None = None
    channel = ""
    block_start = 0

    def abandon() -> None:
        # An unclosed block goes back to the main text rather than vanishing.
        assert block is not None
        issues.append(
            TemplateIssue(
                block_start + 1,
                1,
                IssueCode.UNCLOSED_VARIANT,
                f"':::{channel}' block has no closing ':::' line",
                _fragment(lines[block_start].strip()),
            )
        )
        main.extend(block)

    for number, line in enumerate(lines):
        opening = _VARIANT_OPEN.fullmatch(line)
        if block is not None:
            if _VARIANT_CLOSE.fullmatch(line):
                if channel in chunks:
                    issues.append(
                        TemplateIssue(
                            block_start + 1,
                            1,
                            IssueCode.DUPLICATE_VARIANT,
                            f"second ':::{channel}' block; it is added to the first",
                            _fragment(lines[block_start].strip()),
                        )
                    )
                chunks.setdefault(channel, []).append(_trim_blank("\n".join(block[1:])))
                main.append(None)
                block = None
                continue
            if opening is None:
                block.append(line)
                continue
            abandon()
            block = None
        if opening is None:
            main.append(line)
        elif opening.group(1) not in CHANNELS:
            issues.append(
                TemplateIssue(
                    number + 1,
                    1,
                    IssueCode.UNKNOWN_CHANNEL,
                    f"unknown channel {opening.group(1)!r}; use one of: {', '.join(CHANNELS)}",
                    _fragment(line.strip()),
                )
            )
            main.append(line)
        else:
            block, channel, block_start = [line], opening.group(1), number
    if block is not None:
        abandon()
    by_channel = {name: "\n\n".join(parts) for name, parts in chunks.items()}
    return Variants(_join_main(main), by_channel, issues)


def _trim_blank(text: str) -> str:
    """Drop blank lines at both ends, keeping indentation of the first real line."""
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


def _join_main(lines: list[str | None]) -> str:
    """Join main lines, closing the gaps left by removed blocks to one blank line."""
    out: list[str] = []
    gap = False
    for line in lines:
        if line is None:
            gap = True
            while out and not out[-1].strip():
                out.pop()
            continue
        if gap:
            if not line.strip():
                continue
            if out:
                out.append("")
            gap = False
        out.append(line)
    return _trim_blank("\n".join(out))


def text_for_channel(body: str, channel: str | None) -> str:
    """The variant for ``channel``, or the main text when there is none."""
    variants = split_variants(body)
    if channel is not None and channel in variants.by_channel:
        return variants.by_channel[channel]
    return variants.main


def lint(body: str) -> list[TemplateIssue]:
    """Every problem in a whole body (placeholders and variant blocks), by position."""
    tokens, scanned = _scan(body)
    issues = split_variants(body).issues + list(scanned) + _form_issues(tokens)
    return sorted(issues, key=lambda issue: (issue.line, issue.column))


def _form_issues(tokens: tuple[_Token, ...]) -> list[TemplateIssue]:
    """Words the dictionary cannot put in agreement (it loads only when a form is used)."""
    found: list[TemplateIssue] = []
    for slot in tokens:
        if not isinstance(slot, _Slot) or slot.form is None:
            continue
        raw = _fragment("{{" + slot.name + ": " + slot.form.text + "}}")
        for kind, word in forms.problems(slot.form):
            if kind == "gender":
                code, message = IssueCode.UNKNOWN_GENDER_WORD, f"{word!r} has no feminine form"
            else:
                code, message = IssueCode.UNINFLECTABLE_NOUN, f"{word!r} is not a noun I can count"
            found.append(TemplateIssue(slot.line, slot.column, code, message, raw))
    return found
