"""The five relevance failure classes of issue 11, each on content the test creates, through
both engines (the index and the fallback rank with the same code, so both must pass)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kbdesk.content import parse_synonyms
from kbdesk.search import FallbackSearcher, SearchDoc, Searcher, SearchRequest, WhooshIndex
from kbdesk.search.morph import lemma
from kbdesk.search.text import stem
from kbdesk.search.vocabulary import Vocabulary

ROOT = Path(__file__).resolve().parents[2]


def doc(doc_id: int, title: str, body: str, *tags: str, kind: str = "article") -> SearchDoc:
    return SearchDoc(doc_id, f"item-{doc_id}", kind, title, body, None, tags, "published")


CORPUS = [
    doc(1, "Продление брони", "Бронь можно продлить один раз на двое суток в карточке заказа."),
    doc(2, "Отмена брони", "Бронь отменяется в личном кабинете, деньги возвращаются на карту."),
    doc(3, "Бронирование лекарств", "Клиент оформляет бронирование на сайте и выбирает аптеку."),
    doc(4, "Возврат денег за заказ", "Деньги за отменённый заказ возвращаются на карту за десять "
        "дней."),
    doc(5, "Заказ задерживается", "Извините, курьер задерживается: заказ будет через час.",
        kind="template"),
    doc(6, "Доставка заказа задерживается на складе", "Заказ задерживается, если товара нет на "
        "складе. Сообщите клиенту новую дату доставки."),
    doc(7, "Аптечка для машины", "Автомобильная аптечка: бинты, жгут, перчатки."),
    doc(8, "Электронная почта в профиле", "Адрес почты меняется в профиле; письмо приходит "
        "сразу."),
    doc(9, "Мыло и средства гигиены", "Жидкое мыло и антисептики продаются во всех аптеках."),
    doc(10, "Ответ поддержки по почте", "На письма поддержка отвечает в течение суток."),
    doc(11, "Сколько стоит доставка", "Сколько можно ждать? Доставка стоит 199 рублей, "
        "бесплатно от 2000."),
    doc(12, "Звонок клиенту", "Оператор перезванивает клиенту в течение часа."),
    doc(13, "Приложение не работает", "Обновите приложение и перезапустите телефон."),
    doc(14, "Режим работы кассы", "Касса работает без выходных, но не принимает купюры."),
]
TEAM = [["возврат", "вернуть деньги"]]
COLLOQUIAL = [["машина", "тачка"], ["электронная почта", "мыло"], ["приложение", "прога"],
              ["сломался", "не работает", "глючит"]]


@pytest.fixture(scope="module", params=["index", "fallback"])
def engine(request: pytest.FixtureRequest,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    if request.param == "fallback":
        fallback = FallbackSearcher(CORPUS)
        fallback.set_synonyms(TEAM, colloquial=COLLOQUIAL)
        yield fallback
        return
    index = WhooshIndex(tmp_path_factory.mktemp("relevance") / "index", procs=1)
    index.rebuild(CORPUS, len(CORPUS), "fp")
    index.set_synonyms(TEAM, colloquial=COLLOQUIAL)
    yield index
    index.close()


def ids(engine: Searcher, text: str) -> list[int]:
    return [h.id for h in engine.search(SearchRequest(text, limit=10)).hits]


# -- 1. partial matches ------------------------------------------------------------------------

def test_one_matching_word_of_many_still_lists_the_best_partial_match(engine: Searcher) -> None:
    # Only "брони" occurs; four other words occur nowhere: no "half the words" floor any more.
    found = ids(engine, "продление брони дача выходные новостройка ")
    assert found and found[0] == 1


def test_partial_matches_rank_by_how_much_of_the_query_they_cover(engine: Searcher) -> None:
    found = ids(engine, "отмена брони возврат зеленка ")
    # Item 2 covers "отмена" and "брони", item 4 only "возврат", item 1 only "брони".
    assert found[0] == 2
    assert set(found) >= {1, 2, 4}


# -- 2. near ties ------------------------------------------------------------------------------

def test_the_title_that_is_the_query_beats_a_short_title_holding_it(engine: Searcher) -> None:
    assert ids(engine, "заказ задерживается ")[0] == 5


def test_words_adjacent_and_in_order_in_the_title_win_a_tie(engine: Searcher) -> None:
    assert ids(engine, "доставка заказа ")[0] == 6


# -- 3. word forms and relatives ---------------------------------------------------------------

def test_dictionary_lemmas_join_forms_snowball_splits() -> None:
    assert lemma("людей") == "человек" and lemma("лучше") == "хороший"
    assert stem("звонка") == stem("звонок") and stem("ребенку") == stem("ребенок")
    assert stem("шел") == stem("идти")


def test_a_form_snowball_split_finds_the_item(engine: Searcher) -> None:
    assert ids(engine, "звонок клиенту ")[0] == 12
    assert ids(engine, "звонка ")[0] == 12


def test_a_prefixed_derivation_reaches_its_root() -> None:
    vocab = Vocabulary({"бронирование": 2, "бронь": 3})
    assert stem("бронирование") in vocab.family(stem("забронировать"))


def test_prefixed_verb_finds_the_noun(engine: Searcher) -> None:
    assert 3 in ids(engine, "забронировать ")


def test_a_real_word_missing_from_the_index_is_not_corrected_into_another() -> None:
    from kbdesk.search.query import Planner

    vocab = Vocabulary({"дату": 4, "доставки": 2})
    planner = Planner(lambda: vocab)
    plan = planner.readings("дачу доставки ")[0]
    assert not plan.corrected
    assert all(a.word != "дату" for a in plan.atoms())
    typo = planner.readings("дотсавки ")[0]  # not a word: corrected
    assert typo.corrected and typo.reading == "доставки"


# -- 4. the shipped colloquial dictionary ------------------------------------------------------

def test_slang_finds_the_plain_word(engine: Searcher) -> None:
    assert ids(engine, "аптечка в тачку ")[0] == 7
    assert ids(engine, "поменять мыло в профиле ")[0] == 8
    assert ids(engine, "прога глючит ")[0] == 13


def test_the_plain_word_does_not_go_looking_for_slang(engine: Searcher) -> None:
    # "почта" must not find the soap item through the group "электронная почта = мыло".
    assert 9 not in ids(engine, "электронная почта ")


def test_a_phrase_with_a_stop_word_is_matched_as_typed(engine: Searcher) -> None:
    assert ids(engine, "приложение сломался ")[0] == 13


def test_a_shipped_phrase_never_stands_in_for_another_word_by_its_stop_word(
    engine: Searcher,
) -> None:
    # "глючит = не работает" read word by word would find any text with "не" and "работает"
    # apart; the team's own groups are trusted, the shipped ones are not written for its texts.
    assert 14 not in ids(engine, "глючит ")
    assert 14 not in ids(engine, "касса глючит ")[1:]  # found for "касса", not for "не работает"


def test_the_shipped_dictionary_parses_and_covers_support_topics() -> None:
    text = (ROOT / "resources/synonyms/ru-colloquial.txt").read_text(encoding="utf-8")
    groups = parse_synonyms(text)
    assert len(groups) >= 100
    flat = {w for g in groups for w in g}
    for slang in ("тачка", "комп", "днюха", "прога", "бабки", "симка", "смска", "акк"):
        assert slang in flat, slang
    assert all(len(g) >= 2 for g in groups)


# -- 5. natural questions ----------------------------------------------------------------------

def test_question_words_do_not_decide_the_ranking(engine: Searcher) -> None:
    # Item 11 holds "сколько" twice and "можно"; the answer holds the content words.
    found = ids(engine, "сколько ждать ответа поддержки по почте ")
    assert found[0] == 10


def test_a_full_question_is_never_an_empty_list(engine: Searcher) -> None:
    found = ids(engine, "подскажите пожалуйста как мне вернуть деньги за отмененный заказ ")
    assert found and found[0] == 4


# -- 6. long questions: OR over the content words, FAQ titles --------------------------------

FAQ = [
    doc(21, "Как узнать свой тариф?", "Название тарифа указано на главном экране приложения."),
    doc(22, "Мой тариф закрыт. Что будет?", "Архивный тариф действует, пока вы не перейдёте "
        "на другой; подключить его снова нельзя."),
    doc(23, "Как подключить роуминг?", "Роуминг подключён на всех тарифах по умолчанию."),
    doc(24, "Пакет интернета закончился", "Подключите дополнительный пакет в приложении."),
    doc(25, "Как сменить тариф?", "Выберите тариф в приложении и нажмите «Перейти»."),
]


@pytest.fixture(scope="module", params=["index", "fallback"])
def faq(request: pytest.FixtureRequest,
        tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    if request.param == "fallback":
        yield FallbackSearcher(FAQ)
        return
    index = WhooshIndex(tmp_path_factory.mktemp("faq") / "index", procs=1)
    index.rebuild(FAQ, len(FAQ), "fp")
    yield index
    index.close()


def test_a_long_question_is_ranked_as_an_or_of_its_content_words(faq: Searcher) -> None:
    from kbdesk.search import flow
    from kbdesk.search.query import Planner

    vocab = Vocabulary({"тариф": 5, "приложение": 3})
    planner = Planner(lambda: vocab)
    assert flow.is_long(planner.readings("какой у меня сейчас тариф подключен ")[0])
    assert not flow.is_long(planner.readings("тариф подключен ")[0])  # as-you-type stays AND
    # Every item holding any of the words is listed, the items holding both first.
    found = ids(faq, "как мне отключить роуминг и сменить тариф в приложении ")
    assert set(found) == {21, 22, 23, 24, 25}
    assert found[0] in {23, 25}


def test_an_faq_title_the_question_holds_wins_the_tie(faq: Searcher) -> None:
    # Item 22 has "тариф" and a form of "подключить" in its body, item 21 only "тариф", but
    # every content word of item 21's title is in the question.
    assert ids(faq, "подскажите как узнать мой тариф в приложении ")[0] == 21


def test_body_proximity_counts_query_words_close_together() -> None:
    from kbdesk.search.features import body_proximity, clause_keys
    from kbdesk.search.query import Planner

    vocab = Vocabulary({"пакет": 2, "интернет": 2, "закончился": 1})
    plan = Planner(lambda: vocab).readings("закончился пакет интернета ")[0]
    keys = clause_keys(plan)
    near = "Если пакет интернета закончился, подключите новый."
    far = "Пакет подключается в приложении. " + "слово " * 30 + "Интернет работает везде."
    two = "Пакет интернета подключается в приложении."
    assert body_proximity(near, keys) == 1.0
    assert body_proximity(two, keys) == 0.5  # two of the three words together
    assert body_proximity(far, keys) == 0.0  # both there, but far apart
    assert body_proximity("Ничего общего.", keys) == 0.0


def test_idf_coverage_weights_rare_words_above_everyday_ones(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from kbdesk.search import weights

    monkeypatch.setattr(weights, "IDF_COVERAGE", True)
    docs = [doc(31 + i, f"Заказ номер {i}", "Заказ оформлен.") for i in range(6)]
    docs.append(doc(40, "Рассрочка на телефон", "Рассрочка оформляется в салоне."))
    docs.append(doc(41, "Заказ телефона", "Заказ телефона оформлен."))
    engine = FallbackSearcher(docs)
    # "рассрочка" is rare, "заказ" everywhere: covering the rare word ranks first.
    found = ids(engine, "рассрочка заказ курьер доставка ")
    assert found[0] == 40
