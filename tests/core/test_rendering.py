"""Markdown to safe HTML, internal links, clipboard HTML and plain text."""

from __future__ import annotations

import re
import threading

import pytest

from kbdesk.rendering import (
    LinkRef,
    find_links,
    html_for_clipboard,
    markdown_to_html,
    markdown_to_plain,
    slug_from_href,
)

TAG = re.compile(r"<\s*/?\s*([a-zA-Z][\w-]*)")
ALLOWED = {
    "p", "br", "strong", "em", "b", "i", "u", "s", "ul", "ol", "li",
    "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "code", "pre",
    "table", "thead", "tbody", "tr", "th", "td", "a", "hr", "span", "mark", "img",
}  # fmt: skip


def tags(html: str) -> set[str]:
    return {name.lower() for name in TAG.findall(html)}


# --- markdown features --------------------------------------------------------------------


def test_table_with_alignment_but_no_style() -> None:
    html = markdown_to_html("| Срок | Сумма |\n|:--|--:|\n| 30 мин | 100 ₽ |")
    assert "<table>" in html
    assert '<th align="left">Срок</th>' in html
    assert '<td align="right">100 ₽</td>' in html
    assert "style" not in html


def test_lists_nested_and_sane() -> None:
    html = markdown_to_html("1. один\n2. два\n    - вложенный\n\n- отдельный")
    assert "<ol>" in html
    assert "<li>вложенный</li>" in html
    assert html.count("<ul>") == 2  # sane_lists: a bullet after a numbered list is a new list


def test_fenced_code_is_escaped_and_class_dropped() -> None:
    html = markdown_to_html("```python\nif a < b and [[slug]]:\n    pass\n```")
    assert "<pre><code>if a &lt; b and [[slug]]:\n    pass\n</code></pre>" in html
    assert "class=" not in html
    assert "kb:" not in html


def test_single_newline_is_a_line_break() -> None:
    assert markdown_to_html("строка один\nстрока два") == "<p>строка один<br>\nстрока два</p>"


def test_headings_quotes_emphasis_and_inline_html_allowed() -> None:
    html = markdown_to_html(
        "## Заголовок\n\n> **важно** и *курсив*\n\n<u>подч</u> <mark>метка</mark> "
        '<span class="note">s</span> <s>зачёркнуто</s>\n\n---'
    )
    for fragment in (
        "<h2>Заголовок</h2>",
        "<blockquote>",
        "<strong>важно</strong>",
        "<em>курсив</em>",
        "<u>подч</u>",
        "<mark>метка</mark>",
        '<span class="note">s</span>',
        "<s>зачёркнуто</s>",
        "<hr>",
    ):
        assert fragment in html


def test_cyrillic_preserved() -> None:
    text = "Ёжик съел щи — «цитата», № 5"
    assert markdown_to_html(text) == f"<p>{text}</p>"
    assert markdown_to_plain(text) == text


def test_empty_input() -> None:
    assert markdown_to_html("") == ""
    assert markdown_to_plain("") == ""
    assert find_links("") == []
    assert html_for_clipboard("") == ""


# --- internal links -----------------------------------------------------------------------


def test_internal_links_existing_and_missing() -> None:
    html = markdown_to_html(
        "см. [[pickup]] и [[gone|Старая статья]]", link_exists=lambda slug: slug == "pickup"
    )
    assert '<a href="kb:pickup">pickup</a>' in html
    assert '<a class="missing" href="kb:gone">Старая статья</a>' in html


def test_internal_links_without_checker_are_plain() -> None:
    html = markdown_to_html("[[ delivery-late | Шаблон ]]")
    assert html == '<p><a href="kb:delivery-late">Шаблон</a></p>'


def test_internal_link_in_table_with_escaped_bar() -> None:
    html = markdown_to_html("| a | b |\n|---|---|\n| [[escalation\\|Супервайзер]] | x |")
    assert '<td><a href="kb:escalation">Супервайзер</a></td>' in html


def test_internal_links_not_in_code_or_escaped() -> None:
    html = markdown_to_html("`[[a]]` и \\[[b]]")
    assert "href" not in html
    assert "<code>[[a]]</code>" in html
    assert "[[b]]" in html


def test_cyrillic_slug_round_trips_through_href() -> None:
    html = markdown_to_html("[[возврат денег]]")
    href = re.search(r'href="([^"]+)"', html)
    assert href is not None
    assert slug_from_href(href.group(1)) == "возврат денег"
    assert slug_from_href("https://example.org") is None
    assert slug_from_href("kb:") is None


def test_link_checker_sees_each_slug() -> None:
    seen: list[str] = []
    markdown_to_html("[[a]] [[b|B]]\n\n`[[c]]`", link_exists=lambda s: seen.append(s) is None)
    assert seen == ["a", "b"]


def test_find_links() -> None:
    text = (
        "Начало [[pickup]].\n"
        "Таблица | [[escalation\\|Передача]] |\n"
        "`[[inline-code]]` и \\[[escaped]]\n"
        "```\n[[in-fence]]\n```\n"
        "~~~~\n```\n[[still-fenced]]\n~~~~\n"
        "[[a]] [[b|Б]]"
    )
    assert find_links(text) == [
        LinkRef("pickup", "pickup", 1),
        LinkRef("escalation", "Передача", 2),
        LinkRef("a", "a", 11),
        LinkRef("b", "Б", 11),
    ]


def test_find_links_agrees_with_rendering_on_samples() -> None:
    text = "[[x]] `[[y]]` [[z|Зет]]\n\n| t |\n|---|\n| [[w\\|W]] |"
    rendered = re.findall(r'href="kb:([^"]+)"', markdown_to_html(text))
    assert [link.slug for link in find_links(text)] == rendered == ["x", "z", "w"]


# --- sanitising ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        "текст <script>alert(1)</script> текст",
        "<SCRIPT SRC=//evil/x.js></SCRIPT>",
        '<img src="x" onerror="alert(1)">',
        "<style>body{display:none}</style>",
        '<iframe src="https://evil.example"></iframe>',
        '<object data="x.swf"></object><embed src="x.swf">',
        '<svg onload="alert(1)"><script>alert(1)</script></svg>',
        '<form action="https://evil"><input name="q"></form>',
        '<p style="background:url(https://evil/x)">s</p>',
        '<link rel="stylesheet" href="https://evil/x.css">',
        '<meta http-equiv="refresh" content="0;url=https://evil">',
        '<base href="https://evil/">',
    ],
)
def test_dangerous_html_is_removed(source: str) -> None:
    html = markdown_to_html(source)
    assert tags(html) <= ALLOWED
    lowered = html.lower()
    for needle in ("<script", "alert(1)</", "onerror", "onload", "style", "iframe", "evil"):
        assert needle not in lowered


def test_event_handlers_are_removed() -> None:
    html = markdown_to_html('<b onclick="alert(1)" onmouseover="x()">жирный</b>')
    assert html == "<p><b>жирный</b></p>"


@pytest.mark.parametrize(
    "source",
    [
        "[жми](javascript:alert(1))",
        '<a href="javascript:alert(1)">жми</a>',
        '<a href="JaVaScRiPt:alert(1)">жми</a>',
        '<a href="java&#x09;script:alert(1)">жми</a>',
        '<a href="vbscript:msgbox(1)">жми</a>',
        '<a href="data:text/html,<script>alert(1)</script>">жми</a>',
        '<a href="file:///etc/passwd">жми</a>',
        '<a href="//evil.example/x">жми</a>',
    ],
)
def test_unsafe_links_lose_their_href(source: str) -> None:
    html = markdown_to_html(source)
    assert "href" not in html
    assert "жми" in html


@pytest.mark.parametrize(
    "url",
    ["https://example.org/a?b=1&c=2", "http://example.org", "mailto:a@b.ru", "tel:+74950000000"],
)
def test_allowed_link_schemes(url: str) -> None:
    html = markdown_to_html(f"[ссылка]({url})")
    assert f'href="{url.replace("&", "&amp;")}"' in html


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("![схема](http://example.org/x.png)", "[схема]"),
        ("![схема](https://example.org/x.png)", "[схема]"),
        ("![схема](//example.org/x.png)", "[схема]"),
        ('<img src="http://example.org/x.png" alt="фото">', "[фото]"),
        ('<IMG SRC="https://example.org/x.png" ALT="фото" onerror="x">', "[фото]"),
        ("![скрин](data:image/png;base64,iVBORw0KGgo=)", "[скрин]"),
        ("![unc](\\\\server\\share\\x.png)", "[unc]"),
        ("![вверх](../secret.png)", "[вверх]"),
        ("![корень](/etc/x.png)", "[корень]"),
        ("![файл](file:///C:/x.png)", "[файл]"),
        ('<img src="http://example.org/x.png">', ""),
        ('<img alt="&lt;script&gt;" src="http://e/x">', "[&lt;script&gt;]"),
    ],
)
def test_unfetchable_images_become_alt_text(source: str, expected: str) -> None:
    html = markdown_to_html(source)
    assert "<img" not in html
    assert "http" not in html
    assert html == f"<p>{expected}</p>"


def test_local_relative_image_is_kept() -> None:
    html = markdown_to_html('![Схема зон](images/zones.png "Зоны")')
    assert html == '<p><img src="images/zones.png" alt="Схема зон" title="Зоны"></p>'


def test_comments_are_dropped() -> None:
    assert "секрет" not in markdown_to_html("текст <!-- секрет -->")


# --- clipboard and plain text -------------------------------------------------------------


def test_clipboard_html_escapes_and_structures() -> None:
    plain = "Здравствуйте, <Иван> & Co!\r\n\r\n\r\nСтрока 1\n  отступ\nконец\n"
    assert html_for_clipboard(plain) == (
        "<p>Здравствуйте, &lt;Иван&gt; &amp; Co!</p>\n"
        "<p>Строка 1<br>\n&nbsp;&nbsp;отступ<br>\nконец</p>"
    )


def test_clipboard_html_does_not_interpret_markup() -> None:
    html = html_for_clipboard('<script>alert("x")</script> **не жирный** [[slug]]')
    assert html == ('<p>&lt;script&gt;alert("x")&lt;/script&gt; **не жирный** [[slug]]</p>')


def test_markdown_to_plain() -> None:
    text = (
        "## Как это работает\n\n"
        "1. Выберите **самовывоз**.\n2. Назовите код — см. [[pickup|Самовывоз]].\n"
        "    - вложенный пункт\n\n"
        "| Что | Срок |\n|---|---|\n| Еда | 30 мин |\n\n"
        "> Важно: *не обещать* ![карта](https://x/y.png)\n\n"
        "строка\nперенос"
    )
    assert markdown_to_plain(text) == (
        "Как это работает\n\n"
        "1. Выберите самовывоз.\n2. Назовите код — см. Самовывоз.\n"
        "  - вложенный пункт\n\n"
        "Что | Срок\nЕда | 30 мин\n\n"
        "Важно: не обещать [карта]\n\n"
        "строка\nперенос"
    )


def test_markdown_to_plain_keeps_code_and_unescapes() -> None:
    assert markdown_to_plain("```\n  a < b\n```\n\nA &amp; B <i>x</i>") == "  a < b\n\nA & B x"


def test_rendering_from_several_threads() -> None:
    results: dict[int, str] = {}

    def work(n: int) -> None:
        for _ in range(20):
            results[n] = markdown_to_html(f"[[s{n}]] **{n}**", link_exists=lambda s: s != "s1")

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results[1] == '<p><a class="missing" href="kb:s1">s1</a> <strong>1</strong></p>'
    assert results[2] == '<p><a href="kb:s2">s2</a> <strong>2</strong></p>'
