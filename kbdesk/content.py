"""The markdown + YAML front matter format of articles and templates (a public contract)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from kbdesk.records import ContentItem, Kind, Status

MAX_FILE_BYTES = 1_000_000
SYNONYMS_FILE = "_synonyms.txt"
KNOWN_KEYS = (
    "title",
    "kind",
    "slug",
    "category",
    "tags",
    "status",
    "owner",
    "review_by",
    "valid_until",
)
SLUG_RE = re.compile(r"^[\w][\w.-]{0,199}$")
_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)


class Reason(str):
    """A reason in English (what the CLI prints and logs) that keeps a stable `code` and the
    `params` it was written from, so the window can say it in the interface language.

    A `str`, so every (file, reason) pair and every message that carries one stays as it was.
    """

    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, english: str, **params: Any) -> Reason:
        reason = super().__new__(cls, english.format(**params))
        reason.code = code
        reason.params = params
        return reason

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled and copied with its code (str's own reduction would lose them).
        return _reason, (self.code, str(self), self.params)


def _reason(code: str, text: str, params: dict[str, Any]) -> Reason:
    reason = Reason(code, "{text}", text=text)
    reason.params = params
    return reason


class ContentError(ValueError):
    """Why a file cannot be read as an article; the message names the problem."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # a Reason where the window can translate it


def slugify(name: str) -> str:
    """A slug from a file name: lower case, spaces and odd characters become hyphens."""
    slug = re.sub(r"[^\w.-]+", "-", name.strip().lower()).strip("-.")
    return slug[:200]


def normalize_body(text: str) -> str:
    """Line endings to LF, no trailing blank lines, no trailing spaces at the very end."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip("\n").rstrip()


def normalize_tags(tags: Any) -> tuple[str, ...]:
    if tags is None or tags == "":
        return ()
    if isinstance(tags, str):
        tags = tags.split(",")
    if not isinstance(tags, list | tuple):
        raise ContentError(
            Reason("tags_not_list", "'tags' must be a list, e.g. tags: [доставка, курьер]")
        )
    seen: dict[str, None] = {}
    for tag in tags:
        if isinstance(tag, dict | list):
            raise ContentError(
                Reason("tag_not_word", "a tag must be a word, not {tag}", tag=repr(tag))
            )
        text = " ".join(str(tag).split()).lower()
        if text:
            seen.setdefault(text, None)
    # Sorted: the database keeps tags as a set, so a file's order would not survive a round
    # trip (and every re-import would count as a change).
    return tuple(sorted(seen))


def decode(data: bytes, name: str) -> str:
    """File bytes to text, refusing binary, oversized and non-UTF-8 files with a reason."""
    if len(data) > MAX_FILE_BYTES:
        raise ContentError(
            Reason(
                "file_too_large",
                "file is too large ({size} MB; the limit is {limit} MB)",
                size=f"{len(data) / 1_000_000:.1f}",
                limit=MAX_FILE_BYTES // 1_000_000,
            )
        )
    if b"\x00" in data:
        raise ContentError(Reason("binary", "binary file, not markdown text"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ContentError(
            Reason(
                "not_utf8",
                "not UTF-8 text (bad byte at position {position}); save it as UTF-8",
                position=error.start,
            )
        ) from error
    return text


def _choice(
    meta: dict[str, Any], key: str, allowed: type[Kind] | type[Status], default: str
) -> str:
    value = meta.get(key)
    if value is None or value == "":
        return default
    text = str(value).strip().lower()
    options = [member.value for member in allowed]
    if text not in options:
        raise ContentError(
            Reason(
                "not_one_of",
                "'{key}: {value}' is not one of: {options}",
                key=key,
                value=value,
                options=", ".join(options),
            )
        )
    return text


def _optional_text(meta: dict[str, Any], key: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, dict | list):
        raise ContentError(Reason("not_plain_text", "'{key}' must be plain text", key=key))
    text = " ".join(str(value).split())
    return text or None


def _review_date(value: Any, key: str = "review_by") -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError as error:
        if key == "review_by":
            reason = Reason(
                "not_a_date", "'review_by: {value}' is not a date like 2026-12-31", value=value
            )
        else:
            reason = Reason(
                "not_a_date_key",
                "'{key}: {value}' is not a date like 2026-12-31",
                key=key,
                value=value,
            )
        raise ContentError(reason) from error


def parse_text(text: str, default_slug: str) -> ContentItem:
    """Parse one file's text. Raises ContentError with a reason a person can act on."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    match = _FRONT_MATTER_RE.match(text)
    if not match:
        raise ContentError(
            Reason(
                "no_front_matter",
                "no front matter: the file must start with '---', a 'title:' line and '---'",
            )
        )
    import yaml  # here: searching from the command line never parses a file

    try:
        meta = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        if mark is None:
            reason = Reason(
                "bad_yaml", "front matter is not valid YAML: {problem}", problem=problem
            )
        else:
            reason = Reason(
                "bad_yaml_at",
                "front matter is not valid YAML at line {line}: {problem}",
                line=mark.line + 2,
                problem=problem,
            )
        raise ContentError(reason) from error
    if not isinstance(meta, dict):
        raise ContentError(Reason("not_key_value", "front matter must be 'key: value' lines"))
    title = _optional_text(meta, "title")
    if not title:
        raise ContentError(Reason("no_title", "no title: add a 'title:' line to the front matter"))
    slug = _optional_text(meta, "slug") or slugify(default_slug)
    if not SLUG_RE.match(slug):
        raise ContentError(_bad_slug(slug))
    unknown = sorted(str(key) for key in meta if key not in KNOWN_KEYS)
    warnings = tuple(
        Reason("unknown_key", "unknown key '{key}' ignored", key=key) for key in unknown
    )
    return ContentItem(
        slug=slug,
        title=title,
        body=normalize_body(text[match.end() :]),
        kind=_choice(meta, "kind", Kind, Kind.ARTICLE.value),
        category=_optional_text(meta, "category"),
        tags=normalize_tags(meta.get("tags")),
        status=_choice(meta, "status", Status, Status.PUBLISHED.value),
        owner=_optional_text(meta, "owner"),
        review_by=_review_date(meta.get("review_by")),
        warnings=warnings,
        valid_until=_review_date(meta.get("valid_until"), "valid_until"),
    )


def held_as_draft(problems: list[str], first_line: int) -> Reason:
    """Why an imported file marked published was saved as a draft (the publishing gate)."""
    return Reason(
        "held_as_draft",
        "saved as a draft, not published: {count} problem(s), the first on line {line}: "
        "{problems}",
        count=len(problems),
        line=first_line,
        problems="; ".join(problems),
    )


def _bad_slug(slug: str) -> Reason:
    return Reason(
        "bad_slug",
        "slug '{slug}' may hold only letters, digits, '-', '_' and '.' (no spaces or '/')",
        slug=slug,
    )


# Characters a file cannot carry back (NUL makes it "binary") or UTF-8 cannot encode (lone
# surrogates): refused at entry, so everything stored survives an export and re-import.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _refuse_unstorable(field: str, text: str | None) -> None:
    found = _UNSTORABLE.search(text or "")
    if found:
        line = (text or "").count("\n", 0, found.start()) + 1
        character = f"U+{ord(found.group()):04X}"
        if field == "text":
            reason = Reason(
                "unstorable_line",
                "the {field} holds a character that cannot be stored ({character}) on line "
                "{line}; remove it",
                field=field,
                character=character,
                line=line,
            )
        else:
            reason = Reason(
                "unstorable",
                "the {field} holds a character that cannot be stored ({character}); remove it",
                field=field,
                character=character,
            )
        raise ContentError(reason)


def _one_line(text: str | None) -> str | None:
    """How a file's front matter reads a field back: whitespace collapsed, blank as None."""
    return " ".join(text.split()) or None if text else None


def validate(item: ContentItem) -> ContentItem:
    """The item as it may be stored, or ContentError naming what is wrong.

    Files, the editor and the command line all end here, so a rule about what an item may
    hold is written once. The item is normalised the way a file would read it back, so an
    export and a re-import give the same item.
    """
    for field, value in (
        ("title", item.title),
        ("text", item.body),
        ("category", item.category),
        ("owner", item.owner),
        ("tags", " ".join(item.tags)),
    ):
        _refuse_unstorable(field, value)
    title = " ".join(item.title.split())
    if not title:
        raise ContentError(Reason("empty_title", "the title cannot be empty"))
    if not SLUG_RE.match(item.slug):
        raise ContentError(_bad_slug(item.slug))
    for key, value, allowed in (("kind", item.kind, Kind), ("status", item.status, Status)):
        if value not in set(allowed):
            raise ContentError(
                Reason(
                    f"bad_{key}",
                    "{key} must be one of {options}, not '{value}'",
                    key=key,
                    options=", ".join(allowed),
                    value=value,
                )
            )
    return replace(
        item,
        title=title,
        body=normalize_body(item.body),
        category=_one_line(item.category),
        owner=_one_line(item.owner),
        kind=Kind(item.kind).value,
        status=Status(item.status).value,
        tags=normalize_tags(list(item.tags)),
    )


def parse_bytes(data: bytes, name: str) -> ContentItem:
    stem = name.rsplit("/", 1)[-1]
    stem = stem[:-3] if stem.lower().endswith(".md") else stem
    return parse_text(decode(data, name), stem)


def dump(item: ContentItem) -> str:
    """The file text for an item; parse_text(dump(item)) gives the item back."""
    meta: dict[str, Any] = {"title": item.title, "kind": item.kind, "slug": item.slug}
    if item.category:
        meta["category"] = item.category
    meta["tags"] = list(item.tags)
    meta["status"] = item.status
    if item.owner:
        meta["owner"] = item.owner
    if item.review_by:
        meta["review_by"] = item.review_by.isoformat()
    if item.valid_until:
        meta["valid_until"] = item.valid_until.isoformat()
    import yaml

    front = yaml.safe_dump(
        meta, allow_unicode=True, sort_keys=False, default_flow_style=None, width=10_000
    )
    body = normalize_body(item.body)
    return f"---\n{front}---\n{body}\n" if body else f"---\n{front}---\n"


def parse_synonyms(text: str) -> list[list[str]]:
    """`купон = промокод = код скидки` per line; `#` starts a comment line."""
    groups: list[list[str]] = []
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        words = [" ".join(word.split()).lower() for word in line.split("=")]
        words = list(dict.fromkeys(word for word in words if word))
        if len(words) >= 2:
            groups.append(words)
    return groups


def dump_synonyms(groups: list[list[str]]) -> str:
    return "".join(" = ".join(group) + "\n" for group in groups)
