"""The index and the fallback rank alike: one table of weights, one plan scorer, two sources."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kbdesk.search import (
    FallbackSearcher,
    SearchDoc,
    SearchRequest,
    SearchResult,
    WhooshIndex,
    weights,
)


# Every field is at most ten words long: Whoosh keeps field lengths in one lossy byte, exact up
# to ten, so both paths see the same lengths and must give the very same scores.
def doc(doc_id: int, title: str, body: str, *tags: str, kind: str = "article") -> SearchDoc:
    return SearchDoc(doc_id, f"item-{doc_id}", kind, title, body, None, tags, "published")


CORPUS = [
    doc(1, "Возврат денег за товар", "Деньги возвращаются на карту за 10 дней.", "возврат"),
    doc(2, "Доставка задерживается", "Курьер опаздывает: извинитесь и назовите новое время "
        "доставки.", "доставка", kind="template"),
    doc(3, "Отмена заказа", "Заказ можно отменить до передачи курьеру, деньги вернутся.",
        "заказ"),
    doc(4, "Промокод не применяется", "Проверьте срок действия промокода и сумму заказа.",
        "промокод", "скидка"),
    doc(5, "Refund status", "The refund is sent to the card within ten days.", "refund"),
    doc(6, "Courier is late", "Couriers are running late with deliveries today.", "delivery"),
    doc(7, "Часы работы поддержки", "Поддержка работает круглосуточно, доставка тоже."),
    doc(8, "Смена пароля", "Пароль меняется в профиле; письмо со ссылкой приходит сразу."),
    doc(9, "Оплата картой", "Оплата картой проходит через терминал курьера при доставке.",
        "оплата"),
    doc(10, "Доставка за город", "Курьерская доставка за город стоит дороже.", "доставка"),
]
SYNONYMS = [["промокод", "купон"], ["возврат", "refund"]]

QUERIES = [
    "доставки ",  # another form of a title word
    "дост",  # a short prefix: titles and tags only
    "доставка курьер",  # two words, the last unfinished
    "отменить заказ",  # a verb for the noun
    "возрват ",  # a swapped pair of letters
    "ljcnfdrf ",  # "доставка" typed in the English layout
    "купон ",  # a synonym
    "refund ",  # English, and a synonym of "возврат"
    "couriers running ",  # English word forms
    "как сменить пароль",  # stop words
    "промокод доставка",  # no item has both: the softer match
]


@pytest.fixture(scope="module")
def engines(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[WhooshIndex,
                                                                        FallbackSearcher]]:
    index = WhooshIndex(tmp_path_factory.mktemp("paths") / "index", procs=1)
    index.rebuild(CORPUS, len(CORPUS), "fp")
    index.set_synonyms(SYNONYMS)
    fallback = FallbackSearcher(CORPUS, synonyms=SYNONYMS)
    yield index, fallback
    index.close()


def ranked(result: SearchResult) -> list[int]:
    return [h.id for h in result.hits]


@pytest.mark.parametrize("text", QUERIES)
def test_index_and_fallback_agree(engines: tuple[WhooshIndex, FallbackSearcher],
                                  text: str) -> None:
    index, fallback = engines
    request = SearchRequest(text, limit=20)
    ours, theirs = index.search(request), fallback.search(request)
    assert ours.hits, text
    assert ranked(ours)[0] == ranked(theirs)[0], text
    assert set(ranked(ours)) == set(ranked(theirs)), text
    assert ranked(ours) == ranked(theirs), text
    assert [h.score for h in ours.hits] == pytest.approx([h.score for h in theirs.hits]), text
    assert ours.total == theirs.total
    assert (ours.reading, ours.layout_switched, ours.corrected) == (
        theirs.reading, theirs.layout_switched, theirs.corrected)


def test_agreement_survives_edits(tmp_path: Path) -> None:
    index = WhooshIndex(tmp_path / "index", procs=1)
    index.rebuild(CORPUS, len(CORPUS), "fp")
    fallback = FallbackSearcher(CORPUS)
    edited = doc(7, "Доставка в праздники", "Доставка в праздники задерживается.", "доставка")
    index.upsert([edited], "fp-2")
    index.delete([10], "fp-3")
    fallback.upsert([edited])
    fallback.delete([10])
    for text in ("доставка ", "задерживается ", "город", "праздн"):
        request = SearchRequest(text)
        ours, theirs = index.search(request), fallback.search(request)
        # Deleted documents still count in Whoosh's statistics until a merge: same order and
        # hits, scores close.
        assert ranked(ours) == ranked(theirs), text
        assert [h.score for h in ours.hits] == pytest.approx(
            [h.score for h in theirs.hits], rel=0.25), text
    index.close()


def test_one_table_feeds_the_schema() -> None:
    from kbdesk.search.whoosh_schema import build_schema

    schema = build_schema()
    for field, boost in weights.FIELD_BOOSTS.items():
        assert schema[field].format.field_boost == boost


def test_a_synonym_of_a_corrected_word_weighs_no_more_than_the_correction() -> None:
    from kbdesk.search.query import Planner
    from kbdesk.search.vocabulary import Vocabulary

    vocab = Vocabulary({"возврат": 3, "refund": 2})
    planner = Planner(lambda: vocab)
    planner.set_synonyms(SYNONYMS)
    (clause,) = planner.readings("возрват ")[0].clauses
    weights_by_word = {option[0].word: option[0].weight for option in clause.options}
    assert weights_by_word == {
        "возврат": weights.CORRECTED_WEIGHT,
        "refund": weights.CORRECTED_WEIGHT * weights.SYNONYM_WEIGHT,
    }
