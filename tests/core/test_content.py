"""The file format: parsing, refusing bad files with a reason, and dumping back."""

from __future__ import annotations

import copy
import pickle
from datetime import date

import pytest

from kbdesk.content import (
    MAX_FILE_BYTES,
    ContentError,
    ContentItem,
    Reason,
    dump,
    dump_synonyms,
    parse_bytes,
    parse_synonyms,
    parse_text,
)

GOOD = """---
title: Заказ задерживается
kind: template
slug: delivery-late
category: Доставка
tags: [доставка, Опоздание]
status: published
owner: Мария
review_by: 2026-12-01
---
Здравствуйте, {{client_name}}! Курьер будет через {{minutes|20}} минут.
"""


def test_parses_every_field() -> None:
    item = parse_text(GOOD, "ignored")
    assert item == ContentItem(
        slug="delivery-late",
        title="Заказ задерживается",
        body="Здравствуйте, {{client_name}}! Курьер будет через {{minutes|20}} минут.",
        kind="template",
        category="Доставка",
        tags=("доставка", "опоздание"),
        status="published",
        owner="Мария",
        review_by=date(2026, 12, 1),
    )


def test_defaults_slug_from_file_name_and_kind_and_status() -> None:
    item = parse_bytes("---\ntitle: Часы работы\n---\nС 9 до 21.\n".encode(), "dir/Часы Работы.md")
    assert (item.slug, item.kind, item.status, item.tags) == (
        "часы-работы",
        "article",
        "published",
        (),
    )


def test_crlf_and_bom_are_accepted() -> None:
    data = "\ufeff---\r\ntitle: A\r\n---\r\nline 1\r\nline 2\r\n".encode()
    assert parse_bytes(data, "a.md").body == "line 1\nline 2"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"no front matter at all", "no front matter"),
        (b"---\nkind: article\n---\nbody", "no title"),
        (b"---\ntitle: [unclosed\n---\nbody", "not valid YAML at line 3"),
        (b"---\n- a\n- b\n---\nbody", "key: value"),
        (b"---\ntitle: A\nkind: recipe\n---\n", "'kind: recipe' is not one of: article, template"),
        (b"---\ntitle: A\nstatus: live\n---\n", "not one of: draft, published, archived"),
        (b"---\ntitle: A\nslug: a/b\n---\n", "slug 'a/b' may hold only"),
        (b"---\ntitle: A\nreview_by: soon\n---\n", "not a date"),
        (b"---\ntitle: A\ntags: {a: 1}\n---\n", "'tags' must be a list"),
        ("---\ntitle: Привет\n---\n".encode("cp1251"), "not UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        (b"---\ntitle: A\n---\n" + b"x" * MAX_FILE_BYTES, "too large"),
    ],
)
def test_bad_files_are_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ContentError, match=reason.replace("[", r"\[")):
        parse_bytes(data, "bad.md")


def test_unknown_keys_are_warned_about_not_fatal() -> None:
    item = parse_text("---\ntitle: A\ncolour: red\n---\nx", "a")
    assert item.warnings == ("unknown key 'colour' ignored",)


def test_reasons_keep_a_code_and_values_for_the_window() -> None:
    """The English text is the CLI's; the code and values let the window say it in Russian."""
    with pytest.raises(ContentError) as refused:
        parse_bytes(b"---\ntitle: A\nkind: recipe\n---\n", "bad.md")
    reason = refused.value.reason
    assert isinstance(reason, Reason) and reason == str(refused.value)
    assert (reason.code, reason.params) == (
        "not_one_of",
        {"key": "kind", "value": "recipe", "options": "article, template"},
    )
    warning = parse_text("---\ntitle: A\ncolour: red\n---\nx", "a").warnings[0]
    assert isinstance(warning, Reason) and warning.code == "unknown_key"
    for twin in (copy.deepcopy(reason), pickle.loads(pickle.dumps(reason))):
        assert (twin, twin.code, twin.params) == (reason, reason.code, reason.params)


def test_dump_parses_back_to_the_same_item() -> None:
    item = parse_text(GOOD, "x")
    text = dump(item)
    assert parse_text(text, "other") == item
    assert dump(parse_text(text, "other")) == text
    assert "tags: [доставка, опоздание]" in text


def test_dump_quotes_titles_that_look_like_yaml() -> None:
    item = ContentItem(slug="q", title="Ответ: да, #1 — [важно]", body="")
    assert parse_text(dump(item), "q").title == item.title


def test_synonyms_round_trip_and_comments() -> None:
    groups = parse_synonyms("# comment\nКупон = промокод = код скидки\n\nбезнал=безналичный\nx\n")
    assert groups == [["купон", "промокод", "код скидки"], ["безнал", "безналичный"]]
    assert parse_synonyms(dump_synonyms(groups)) == groups
