"""A synthetic, reproducible knowledge base for the search benchmark.

Mostly Russian with English beside it (about 70/30 by sentence), Zipf-distributed words built
from real Russian word forms: lemmas inflected through their paradigm's endings, plus the words
of the shipped articles when present.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from kbdesk.search import SearchDoc


def _w(text: str) -> list[str]:
    return text.split()


_NOUNS_A = _w("""доставка оплата отмена замена карта скидка ошибка заявка неделя минута сумма
цена причина проблема подписка программа поддержка компенсация акция категория услуга
оценка жалоба претензия упаковка посылка почта страница кнопка система смена задержка
стоимость""")
_NOUNS_C = _w("""заказ возврат курьер клиент товар адрес телефон промокод платеж счет чек аккаунт
пароль магазин ресторан склад статус срок договор документ вопрос ответ оператор менеджер
бонус балл кешбэк продукт пункт район город номер код запрос отзыв звонок""")
_VERBS = _w("""отменить вернуть оформить получить оплатить доставить проверить изменить
подтвердить указать отправить заказать списать начислить выдать принять связаться
уточнить перезвонить ответить применить восстановить удалить обновить""")
_ADJS = _w("""новый полный частичный быстрый личный бонусный мобильный возвратный денежный
банковский корпоративный срочный повторный ошибочный холодный поврежденный""")
_OTHER = _w("""сегодня завтра вчера уже ещё только также можно нужно нельзя сразу обычно
примерно после перед через около""")
_ENGLISH = _w("""order delivery refund payment card customer courier address account password
support ticket discount promo code item store restaurant status time day week minute
cancel return change check confirm send receive update apply charge issue problem error
app login price bonus points loyalty invoice receipt contract manager request reply late
damaged missing wrong quick full partial new mobile bank""")
_EN_SMALL = _w("the a to of and for is in on with your we you please our it this")
_RU_SMALL = _w("и в на не с по для что как при если или от до за у из")
_ENDINGS_A = ["а", "ы", "е", "у", "ой", "ам", "ами", "ах", ""]
_ENDINGS_C = ["", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"]
_ENDINGS_V = ["ть", "л", "ла", "ли", "ет", "ем", "ете", "ют", "ен", "ено"]
_ENDINGS_ADJ = ["ый", "ая", "ое", "ые", "ого", "ому", "ой", "ую", "ых", "ым"]


# Verb prefixes and noun/adjective suffixes multiply the lemmas into the tens of thousands of
# forms a real knowledge base of this size has; with a few thousand forms every content word
# would occur in nearly every item, which no real corpus does.
_PREFIXES = _w("по при пере за от до вы об под про раз на")
_NOUN_SUFFIXES = _w("ник ость ение ка ство")


def _inflect() -> list[str]:
    forms: list[str] = []
    forms += [n[:-1] + e for n in _NOUNS_A for e in _ENDINGS_A]
    forms += [n + e for n in _NOUNS_C for e in _ENDINGS_C]
    forms += [v[:-2] + e for v in _VERBS for e in _ENDINGS_V]
    forms += [a[:-2] + e for a in _ADJS for e in _ENDINGS_ADJ]
    roots = [v[:-3] for v in _VERBS] + [n[:-1] for n in _NOUNS_A] + _NOUNS_C
    forms += [p + v[:-2] + e for p in _PREFIXES for v in _VERBS for e in _ENDINGS_V[:6]]
    for suffix in _NOUN_SUFFIXES:
        if suffix == "ость":
            endings = ("ость", "ости", "остью", "остям")
        elif suffix == "ка":
            endings = ("ка", "ки", "ке", "ку", "кой", "кам")
        else:
            endings = tuple(suffix + e for e in ("", "а", "у", "ом", "е", "ам", "ах"))
        forms += [r + e for r in roots for e in endings]
    return forms + _OTHER


def _article_words(folder: Path) -> list[str]:
    if not folder.is_dir():
        return []
    found: set[str] = set()
    for path in folder.glob("*.md"):
        found.update(re.findall(r"[а-яё]{3,}", path.read_text(encoding="utf-8").lower()))
    return sorted(found)


class Corpus:
    def __init__(self, seed: int = 7, articles: Path | None = None) -> None:
        self.rng = random.Random(seed)
        russian = sorted(set(_inflect()) | set(_article_words(articles or Path("articles"))))
        self.rng.shuffle(russian)
        self.russian = russian
        english = [p + w + e for p in ("", "re", "un", "pre", "over") for w in _ENGLISH
                   for e in ("", "s", "ed", "ing", "er", "able")]
        self.rng.shuffle(english)
        self.english = english
        self.ru_weights = [1.0 / (r + 1) ** 1.07 for r in range(len(russian))]
        self.en_weights = [1.0 / (r + 1) ** 1.07 for r in range(len(english))]
        self.tags = [w for w in russian if len(w) > 4][:120] + _ENGLISH[:40]
        self.categories = ["Доставка", "Оплата", "Возвраты", "Заказы", "Аккаунт", "Промокоды",
                           "Лояльность", "Качество", "Корпоративным", "Приложение", "Support"]

    def _sentence(self, english: bool) -> str:
        words_, weights, small = (
            (self.english, self.en_weights, _EN_SMALL) if english
            else (self.russian, self.ru_weights, _RU_SMALL)
        )
        n = self.rng.randint(6, 14)
        out = self.rng.choices(words_, weights, k=n)
        for i in range(0, n, 3):
            out[i] = self.rng.choice(small) if self.rng.random() < 0.5 else out[i]
        text = " ".join(out)
        return text[0].upper() + text[1:] + "."

    def doc(self, doc_id: int) -> SearchDoc:
        rng = self.rng
        english_doc = rng.random() < 0.3
        target = rng.randint(150, 600)
        sentences: list[str] = []
        count = 0
        while count < target:
            sentence = self._sentence(english_doc or rng.random() < 0.1)
            sentences.append(sentence)
            count += sentence.count(" ") + 1
        words_, weights = (
            (self.english, self.en_weights) if english_doc else (self.russian, self.ru_weights)
        )
        title = " ".join(rng.choices(words_, weights, k=rng.randint(3, 8))).capitalize()
        return SearchDoc(
            id=doc_id,
            slug=f"item-{doc_id}",
            kind="template" if rng.random() < 0.25 else "article",
            title=title,
            body="\n\n".join(" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)),
            category=rng.choice(self.categories),
            tags=tuple(rng.sample(self.tags, rng.randint(1, 4))),
            status=rng.choices(["published", "draft", "archived"], [90, 7, 3])[0],
        )

    def docs(self, n: int) -> list[SearchDoc]:
        return [self.doc(i) for i in range(1, n + 1)]
