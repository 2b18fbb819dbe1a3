"""The placeholder language: parsing, rendering, malformed input and channel variants."""

from __future__ import annotations

import random
from datetime import datetime

import pytest

from kbdesk.templating import (
    CHANNELS,
    IssueCode,
    RenderContext,
    lint,
    parse,
    render,
    split_variants,
    text_for_channel,
)

NOW = datetime(2024, 12, 31, 9, 5)
CONTEXT = RenderContext(operator="Анна", now=NOW)


def names(text: str) -> list[str]:
    return [p.name for p in parse(text).placeholders]


# --- placeholders -------------------------------------------------------------------------


def test_required_default_and_empty_default() -> None:
    parsed = parse("{{a}} {{b|по умолчанию}} {{c|}}")
    a, b, c = parsed.placeholders
    assert (a.name, a.default, a.required) == ("a", None, True)
    assert (b.name, b.default, b.required) == ("b", "по умолчанию", False)
    assert (c.name, c.default, c.required) == ("c", "", False)
    assert parsed.issues == []

    result = render("{{a}} {{b|по умолчанию}} {{c|}}.", {}, CONTEXT)
    assert result.text == "{{a}} по умолчанию ."
    assert result.missing == ["a"]


def test_values_fill_and_blank_values_count_as_missing() -> None:
    text = "{{a}}/{{b|д}}/{{c}}"
    result = render(text, {"a": "1", "b": "   ", "c": ""}, CONTEXT)
    assert result.text == "1/д/{{c}}"
    assert result.missing == ["c"]


def test_values_are_stripped() -> None:
    assert render("[{{a}}]", {"a": "  Иван \n"}, CONTEXT).text == "[Иван]"


def test_missing_marker_spans_point_at_markers() -> None:
    result = render("Привет, {{имя}}! {{x}} и {{имя}}", {"x": "{{x}}"}, CONTEXT)
    assert result.missing == ["имя"]
    assert [result.text[s:e] for s, e in result.missing_spans] == ["{{имя}}", "{{имя}}"]


def test_placeholders_unique_in_first_order_and_default_wins() -> None:
    parsed = parse("{{b}} {{a}} {{b|запасной}} {{a}}")
    assert [p.name for p in parsed.placeholders] == ["b", "a"]
    b = parsed.placeholders[0]
    assert (b.default, b.required, b.line, b.column) == ("запасной", False, 1, 1)
    # The occurrence without a default uses the name's default too.
    assert render("{{b}} {{b|запасной}}", {}, CONTEXT).text == "запасной запасной"


def test_each_occurrence_keeps_its_own_default() -> None:
    assert render("{{a|x}} {{a|y}}", {}, CONTEXT).text == "x y"


def test_whitespace_inside_braces_is_trimmed() -> None:
    parsed = parse("{{ client_name | Клиент }}")
    (placeholder,) = parsed.placeholders
    assert (placeholder.name, placeholder.default) == ("client_name", "Клиент")
    assert render("Здравствуйте, {{ client_name | Клиент }}!", {}, CONTEXT).text == (
        "Здравствуйте, Клиент!"
    )
    assert render("{{  name  }}", {"name": "Ира"}, CONTEXT).text == "Ира"


def test_default_splits_at_first_bar() -> None:
    (placeholder,) = parse("{{a|b|c}}").placeholders
    assert placeholder.default == "b|c"


def test_cyrillic_names_and_case_sensitivity() -> None:
    assert names("{{имя_клиента}} {{Имя}} {{имя}} {{ёлка2}}") == [
        "имя_клиента",
        "Имя",
        "имя",
        "ёлка2",
    ]
    result = render("{{Имя}} {{имя}}", {"имя": "пётр"}, CONTEXT)
    assert result.text == "{{Имя}} пётр"
    assert result.missing == ["Имя"]


def test_decomposed_cyrillic_name_matches_composed() -> None:
    decomposed = "{{и\u0306}}"  # и + combining breve, as some keyboards type й
    assert names(decomposed) == ["й"]
    assert render(decomposed, {"й": "ok"}, CONTEXT).text == "ok"


# --- built-ins ----------------------------------------------------------------------------


def test_builtins_from_context() -> None:
    parsed = parse("{{operator}} {{today}} {{tomorrow}} {{now}} {{client}}")
    assert [p.builtin for p in parsed.placeholders] == [True, True, True, True, False]
    result = render("{{operator}} {{today}} {{tomorrow}} {{now}}", {}, CONTEXT)
    assert result.text == "Анна 31.12.2024 01.01.2025 09:05"
    assert result.missing == []


def test_russian_aliases() -> None:
    result = render("{{оператор}}, {{сегодня}}, {{завтра}}, {{сейчас}}", {}, CONTEXT)
    assert result.text == "Анна, 31.12.2024, 01.01.2025, 09:05"
    assert all(p.builtin for p in parse("{{оператор}} {{сейчас}}").placeholders)


def test_value_overrides_builtin() -> None:
    result = render("{{operator}} {{today}} {{сегодня}}", {"today": "завтра утром"}, CONTEXT)
    assert result.text == "Анна завтра утром 31.12.2024"


def test_empty_operator_falls_back_to_default_or_missing() -> None:
    context = RenderContext(operator="", now=NOW)
    assert render("{{operator|Служба поддержки}}", {}, context).text == "Служба поддержки"
    result = render("С уважением, {{operator}}", {}, context)
    assert result.text == "С уважением, {{operator}}"
    assert result.missing == ["operator"]


def test_context_now_defaults_to_current_time() -> None:
    before = datetime.now().strftime("%d.%m.%Y")
    text = render("{{today}}", {}).text
    assert text in {before, datetime.now().strftime("%d.%m.%Y")}


# --- escapes and literal values -----------------------------------------------------------


def test_escaped_opener_is_literal() -> None:
    text = r"Пишите \{{name}} как есть, а {{name}} заполните"
    parsed = parse(text)
    assert names(text) == ["name"]
    assert parsed.placeholders[0].column == 30
    assert render(text, {"name": "Иван"}, CONTEXT).text == (
        "Пишите {{name}} как есть, а Иван заполните"
    )


def test_stray_closer_is_plain_text() -> None:
    parsed = parse("a }} b {{x}} }}")
    assert parsed.issues == []
    assert render("a }} b {{x}} }}", {"x": "1"}, CONTEXT).text == "a }} b 1 }}"


def test_values_are_not_expanded_again() -> None:
    values = {"a": "{{b}}", "b": "НЕТ", "c": "{{operator}} {0} %s ${x} \\{{"}
    result = render("{{a}} {{c}}", values, CONTEXT)
    assert result.text == "{{b}} {{operator}} {0} %s ${x} \\{{"
    assert result.missing == []


# --- malformed placeholders ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "line", "column", "fragment"),
    [
        ("Текст {{name", IssueCode.UNCLOSED, 1, 7, "{{name"),
        ("a\nb {{name\n}}", IssueCode.UNCLOSED, 2, 3, "{{name"),
        ("x {{}} y", IssueCode.EMPTY, 1, 3, "{{}}"),
        ("x {{  }} y", IssueCode.EMPTY, 1, 3, "{{  }}"),
        ("{{|значение}}", IssueCode.EMPTY, 1, 1, "{{|значение}}"),
        ("\n\n  {{ имя клиента }}", IssueCode.BAD_NAME, 3, 3, "{{ имя клиента }}"),
        ("{{1abc}}", IssueCode.BAD_NAME, 1, 1, "{{1abc}}"),
        ("ok {{a.b}}", IssueCode.BAD_NAME, 1, 4, "{{a.b}}"),
        ("{{ {{name}} }}", IssueCode.NESTED, 1, 1, "{{ {{"),
        ("Привет\r\n{{name", IssueCode.UNCLOSED, 2, 1, "{{name"),
    ],
)
def test_malformed_is_reported_and_rendered_literally(
    text: str, code: IssueCode, line: int, column: int, fragment: str
) -> None:
    issues = parse(text).issues
    assert len(issues) == 1
    (issue,) = issues
    assert (issue.code, issue.line, issue.column, issue.fragment) == (code, line, column, fragment)
    assert issue.message
    assert render(text, {"name": "N"}, CONTEXT).issues == issues


def test_malformed_text_stays_visible() -> None:
    text = "a {{1abc}} b {{}} c {{ имя клиента }} d {{open"
    assert render(text, {}, CONTEXT).text == text
    assert parse(text).placeholders == []


def test_nested_keeps_the_inner_placeholder() -> None:
    parsed = parse("{{ {{name}} }}")
    assert names("{{ {{name}} }}") == ["name"]
    assert parsed.placeholders[0].column == 4
    assert render("{{ {{name}} }}", {"name": "N"}, CONTEXT).text == "{{ N }}"


def test_several_issues_on_several_lines_in_order() -> None:
    issues = parse("{{ok}}\n  {{1x}} {{}}\n{{a.b}} {{open").issues
    assert [(i.code, i.line, i.column) for i in issues] == [
        (IssueCode.BAD_NAME, 2, 3),
        (IssueCode.EMPTY, 2, 10),
        (IssueCode.BAD_NAME, 3, 1),
        (IssueCode.UNCLOSED, 3, 9),
    ]


def test_issue_codes_are_plain_strings() -> None:
    (issue,) = parse("{{}}").issues
    assert issue.code == "empty"


@pytest.mark.parametrize(
    "text",
    [
        "{{__import__('os').system('x')}}",
        "{{name.__class__}}",
        "{{ name.__class__.__mro__[1].__subclasses__() }}",
        "{{ self._TemplateReference__context }}",
        "{{ x[0] }}",
        "{{ lipsum.__globals__ }}",
    ],
)
def test_code_like_placeholders_are_malformed_and_literal(text: str) -> None:
    parsed = parse(text)
    assert parsed.placeholders == []
    assert [i.code for i in parsed.issues] == [IssueCode.BAD_NAME]
    assert render(text, {"name": "x", "self": "x", "x": "x"}, CONTEXT).text == text


def test_filter_like_default_is_just_text() -> None:
    text = "{{ config|attr('items') }}"
    (placeholder,) = parse(text).placeholders
    assert (placeholder.name, placeholder.default) == ("config", "attr('items')")
    assert render(text, {}, CONTEXT).text == "attr('items')"
    assert render(text, {"config": "{{x}}"}, CONTEXT).text == "{{x}}"


@pytest.mark.parametrize("text", ["{0.__class__}", "{name}", "%(name)s", "${name}", "{0!r:>{1}}"])
def test_format_syntax_is_plain_text(text: str) -> None:
    result = render(text, {"name": "X", "0": "Y"}, CONTEXT)
    assert result.text == text
    assert result.issues == []
    assert parse(text).placeholders == []


def test_long_fragment_is_shortened() -> None:
    (issue,) = parse("{{" + "x" * 500).issues
    assert issue.code == IssueCode.UNCLOSED
    assert len(issue.fragment) <= 60


# --- channel variants ---------------------------------------------------------------------

BODY = (
    """Основной текст, {{client_name}}.

:::phone
Скажите: {{client_name}}, добрый день.
:::

"""
    + "  ::: chat  \n"  # markers may carry surrounding spaces
    + """Чат: {{client_name}}!
:::

:::email
Уважаемый(ая) {{client_name}}!

С уважением, {{operator}}
:::

Подпись."""
)


def test_split_variants() -> None:
    variants = split_variants(BODY)
    assert variants.issues == []
    assert variants.main == "Основной текст, {{client_name}}.\n\nПодпись."
    assert variants.by_channel == {
        "phone": "Скажите: {{client_name}}, добрый день.",
        "chat": "Чат: {{client_name}}!",
        "email": "Уважаемый(ая) {{client_name}}!\n\nС уважением, {{operator}}",
    }
    assert set(variants.by_channel) <= set(CHANNELS)


def test_text_for_channel_falls_back_to_main() -> None:
    body = "Общий.\n\n:::phone\nПо телефону.\n:::"
    assert text_for_channel(body, "phone") == "По телефону."
    assert text_for_channel(body, "chat") == "Общий."
    assert text_for_channel(body, None) == "Общий."
    assert text_for_channel(body, "fax") == "Общий."
    assert text_for_channel("Без вариантов", "email") == "Без вариантов"


def test_body_with_only_variants_has_empty_main() -> None:
    variants = split_variants(":::chat\nЧат\n:::\n\n:::email\nПисьмо\n:::\n")
    assert variants.main == ""
    assert variants.by_channel == {"chat": "Чат", "email": "Письмо"}


def test_unknown_channel_stays_in_main() -> None:
    body = "Текст\n:::fax\nФакс\n:::"
    variants = split_variants(body)
    assert variants.main == body
    assert variants.by_channel == {}
    (issue,) = variants.issues
    assert (issue.code, issue.line, issue.column, issue.fragment) == (
        IssueCode.UNKNOWN_CHANNEL,
        2,
        1,
        ":::fax",
    )


def test_unclosed_variant_stays_in_main() -> None:
    body = "Текст\n\n:::phone\nЗвонок\n\nещё"
    variants = split_variants(body)
    assert variants.main == body
    assert variants.by_channel == {}
    (issue,) = variants.issues
    assert (issue.code, issue.line) == (IssueCode.UNCLOSED_VARIANT, 3)


def test_variant_opened_inside_another_closes_nothing_silently() -> None:
    body = ":::phone\nЗвонок\n:::chat\nЧат\n:::"
    variants = split_variants(body)
    assert variants.by_channel == {"chat": "Чат"}
    assert variants.main == ":::phone\nЗвонок"
    assert [(i.code, i.line) for i in variants.issues] == [(IssueCode.UNCLOSED_VARIANT, 1)]


def test_duplicate_variant_is_kept_and_reported() -> None:
    variants = split_variants(":::chat\nодин\n:::\n:::chat\nдва\n:::")
    assert variants.by_channel == {"chat": "один\n\nдва"}
    assert [(i.code, i.line) for i in variants.issues] == [(IssueCode.DUPLICATE_VARIANT, 4)]


def test_marker_must_be_the_whole_line() -> None:
    body = "Смотрите :::phone в тексте\n::: phone ещё\n::::"
    variants = split_variants(body)
    assert variants.main == body
    assert variants.issues == []


def test_crlf_bodies() -> None:
    variants = split_variants("Текст\r\n\r\n:::phone\r\nЗвонок\r\n:::\r\n")
    assert variants.main == "Текст"
    assert variants.by_channel == {"phone": "Звонок"}


def test_lint_combines_and_sorts_issues() -> None:
    body = "{{ok}} {{1x}}\n:::fax\n:::phone\n{{}}"
    assert [(i.code, i.line) for i in lint(body)] == [
        (IssueCode.BAD_NAME, 1),
        (IssueCode.UNKNOWN_CHANNEL, 2),
        (IssueCode.UNCLOSED_VARIANT, 3),
        (IssueCode.EMPTY, 4),
    ]


def test_sample_template_renders_per_channel() -> None:
    body = (
        "Здравствуйте, {{client_name}}!\n\n"
        ":::email\nУважаемый(ая) {{client_name}}!\n\n{{operator}}\n:::"
    )
    values = {"client_name": "Ольга"}
    assert render(text_for_channel(body, "phone"), values, CONTEXT).text == "Здравствуйте, Ольга!"
    assert render(text_for_channel(body, "email"), values, CONTEXT).text == (
        "Уважаемый(ая) Ольга!\n\nАнна"
    )


# --- robustness ---------------------------------------------------------------------------

_ALPHABET = ["{", "}", "{{", "}}", "|", "\\", "\n", " ", ":::", ":::phone", ":::x", "a", "я", "1"]
_ALPHABET += ["_", ".", "\r", "\t", "й", "\u0306", "\x00", "%", "$", "\u2028"]


def test_random_input_never_raises() -> None:
    rng = random.Random(20240531)
    for _ in range(3000):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 40)))
        parsed = parse(text)
        values = {p.name: rng.choice(["", "v", "{{x}}"]) for p in parsed.placeholders}
        result = render(text, values, CONTEXT)
        variants = split_variants(text)
        for issue in parsed.issues + variants.issues + lint(text):
            assert issue.line >= 1
            assert issue.column >= 1
        assert set(result.missing) <= {p.name for p in parsed.placeholders}
        for start, end in result.missing_spans:
            assert result.text[start:end].startswith("{{")
        for channel in (None, *CHANNELS):
            text_for_channel(text, channel)


def test_text_without_placeholders_renders_unchanged() -> None:
    rng = random.Random(7)
    for _ in range(500):
        text = "".join(rng.choice(["a", "я", "{", "}", "\n", " ", "|"]) for _ in range(30))
        if "{{" in text:
            continue
        assert render(text, {}, CONTEXT).text == text


def test_a_large_template_fills_every_line_on_every_keystroke() -> None:
    """Speed is measured by benchmarks; this checks that the cached scan stays correct."""
    text = "Здравствуйте, {{client_name}}! Заказ {{order|—}} {{today}}.\n" * 2000
    assert [p.name for p in parse(text).placeholders] == ["client_name", "order", "today"]
    for i in range(1, 6):  # one render per keystroke, the scan itself is cached
        result = render(text, {"client_name": "Ив" * i}, CONTEXT)
        lines = result.text.splitlines()
        assert len(lines) == 2000 and not result.missing
        assert set(lines) == {f"Здравствуйте, {'Ив' * i}! Заказ — 31.12.2024."}


def test_pathological_openers_stay_linear() -> None:
    text = "{{" * 20000 + "{{a" * 5000
    issues = parse(text).issues
    assert len(issues) == 25000
