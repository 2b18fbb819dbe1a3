"""What a user can type survives an export and a re-import, or is refused at entry."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kbdesk.content import ContentError, ContentItem, dump, parse_text, validate

# Everything a keyboard, a paste from Word or a terminal can produce, control characters too.
typed = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60)


@settings(max_examples=300, deadline=None)
@given(title=typed, body=typed, category=typed, owner=typed, tag=typed)
def test_a_validated_item_comes_back_from_its_file_unchanged(
    title: str, body: str, category: str, owner: str, tag: str
) -> None:
    item = ContentItem(
        slug="item", title=title, body=body, category=category, owner=owner, tags=(tag,)
    )
    try:
        stored = validate(item)
    except ContentError as error:  # refused at entry, with a reason: nothing is lost later
        assert "cannot be stored" in str(error) or "title cannot be empty" in str(error)
        return
    again = parse_text(dump(stored), "item")
    assert validate(again) == stored


def test_nul_is_refused_with_a_message_that_names_the_line() -> None:
    with pytest.raises(ContentError, match=r"U\+0000\) on line 2"):
        validate(ContentItem(slug="a", title="Т", body="строка\nдругая\x00"))


@pytest.mark.parametrize("separator", ["\r", "\x0b", "\x0c", "\u2028", "\x85", "\r\n"])
def test_line_breaks_in_titles_read_back_the_same(separator: str) -> None:
    stored = validate(ContentItem(slug="a", title=f"Первая{separator}вторая", body="x\r\ny"))
    assert parse_text(dump(stored), "a") == stored
