"""A synthetic, reproducible knowledge base for the search benchmark.

Mostly Russian with English beside it (about 70/30 by item). The vocabulary is built the way a
real one grows: a few hundred real lemmas (nouns, verbs, adjectives of a delivery and retail
contact centre, plus the words of the shipped articles when present) are multiplied through
verb prefixes, reflexive forms and derivations, and every lemma is inflected through the real
endings of its paradigm. That gives some 50,000 distinct word forms; lemmas are drawn with a
Zipf-Mandelbrot law and forms within a lemma with a second, steeper one, so a handful of domain
words occur in most items, the long tail in a few. A vocabulary of a few thousand forms instead
makes every content word hit most documents, which no real knowledge base does.
"""

from __future__ import annotations

import itertools
import random
import re
from pathlib import Path

from kbdesk.search import SearchDoc

# Bump when the generated text changes, so cached benchmark indexes are rebuilt.
CORPUS_VERSION = 2


def _w(text: str) -> list[str]:
    return text.split()


# Real lemmas of the domain; they take the top ranks of the frequency law.
_CORE_NOUNS = _w("""доставка оплата отмена замена карта скидка ошибка заявка неделя минута сумма
цена причина проблема подписка программа поддержка компенсация акция категория услуга оценка
жалоба претензия упаковка посылка почта страница кнопка система смена задержка стоимость
заказ возврат курьер клиент товар адрес телефон промокод платеж счет чек аккаунт пароль
магазин ресторан склад статус срок договор документ вопрос ответ оператор менеджер бонус балл
кешбэк продукт пункт район город номер код запрос отзыв звонок деньги""")
_CORE_VERBS = _w("""отменить вернуть оформить получить оплатить доставить проверить изменить
подтвердить указать отправить заказать списать начислить выдать принять связаться уточнить
перезвонить ответить применить восстановить удалить обновить задерживать опоздать работать""")
_CORE_ADJS = _w("""новый полный частичный быстрый личный бонусный мобильный возвратный денежный
банковский корпоративный срочный повторный ошибочный поврежденный""")

# The long tail: more real nouns, verbs and adjectives of everyday and business Russian.
_NOUNS = _w("""работа машина дорога граница очередь площадка линия запись таблица форма модель
схема версия функция настройка инструкция консультация информация организация регистрация
авторизация идентификация операция транзакция квитанция накладная коробка партия поставка
продажа покупка скидочка выгода премия награда гарантия рассрочка ипотека страховка
справка печать подпись дата пятница суббота месяц год час вечер утро ночь
праздник отпуск перерыв обед завтрак ужин блюдо напиток соус салат суп десерт
хлеб молоко сыр мясо рыба овощ фрукт ягода игрушка одежда обувь куртка платье рубашка
телевизор холодильник пылесос чайник утюг ноутбук планшет смартфон наушник зарядка кабель
аккумулятор экран клавиатура мышь принтер роутер сервис сайт браузер приложение уведомление
сообщение письмо чат диалог разговор обращение вызов абонент пользователь покупатель продавец
поставщик партнер сотрудник руководитель специалист водитель сборщик кассир бухгалтер юрист
директор отдел филиал офис здание этаж подъезд квартира дом улица проспект переулок шоссе
область регион страна граждан паспорт полис справочник каталог раздел пункт шаг этап уровень
лимит порог тариф пакет план бюджет расход доход налог штраф пеня долг кредит депозит
вклад перевод остаток баланс выписка отчет анализ проверка контроль качество стандарт
правило порядок условие требование ограничение исключение нарушение решение вариант способ
метод инструмент материал ресурс запас остаток объем вес размер длина ширина цвет вкус запах
температура холод жара погода дождь снег ветер пробка авария ремонт поломка дефект брак
царапина трещина пятно вмятина комплект набор деталь часть элемент крышка ручка колесо""")
_VERBS = _w("""писать читать знать думать делать играть слушать понимать помогать отвечать
спрашивать объяснять искать сканировать фиксировать регистрировать блокировать активировать
настраивать ждать брать давать ставить класть держать носить возить водить платить считать
менять решать предлагать рекомендовать советовать консультировать сообщать уведомлять
звонить говорить просить требовать жаловаться извиняться благодарить обещать гарантировать
компенсировать возмещать начислять списывать переводить копить тратить покупать продавать
упаковывать собирать грузить везти нести терять находить забывать помнить видеть смотреть
показывать открывать закрывать включать выключать загружать скачивать входить выходить
ходить ехать лететь плыть строить чинить мыть чистить готовить варить резать считывать
печатать подписывать согласовывать обсуждать планировать назначать переносить продлевать""")
_ADJS = _w("""старый большой маленький хороший плохой дорогой дешевый главный основной важный
нужный точный верный правильный неправильный простой сложный легкий тяжелый длинный короткий
высокий низкий широкий узкий теплый холодный горячий свежий чистый грязный целый пустой
открытый закрытый свободный занятый активный пассивный официальный сезонный праздничный
ежедневный еженедельный ежемесячный годовой временный постоянный бесплатный платный
доступный удобный надежный безопасный опасный известный обычный особый отдельный общий
единый последний первый второй третий следующий предыдущий текущий прошлый будущий ночной
дневной утренний вечерний летний зимний весенний осенний местный городской сельский
электронный бумажный цифровой налоговый кредитный дебетовый страховой почтовый курьерский""")
_VERB_PREFIXES = _w("по при пере за от до вы об под про раз на у с в")

# Endings by paradigm. Nouns: -а (fem), consonant (masc), -ь (fem), -о/-е (neut), -ия, -ие.
_END_A = ["а", "ы", "е", "у", "ой", "ам", "ами", "ах", ""]
_END_CONS = ["", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"]
_END_SOFT = ["ь", "и", "ью", "ей", "ям", "ями", "ях"]
_END_SOFT_MASC = ["ь", "я", "ю", "ем", "е", "и", "ей", "ям", "ями", "ях"]
_MASCULINE_SOFT = frozenset(_w("пароль рубль календарь словарь автомобиль портфель"))
_END_O = ["о", "а", "у", "ом", "е", "ам", "ами", "ах"]
_END_IYA = ["ия", "ии", "ию", "ией", "ий", "иям", "иями", "иях"]
_END_IE = ["ие", "ия", "ию", "ием", "ии", "ий", "иям", "иями", "иях"]
_END_ADJ = ["ый", "ая", "ое", "ые", "ого", "ому", "ой", "ую", "ых", "ым", "ыми", "ом", "о"]
_END_ADJ_SOFT = ["ий", "яя", "ее", "ие", "его", "ему", "ей", "юю", "их", "им", "ими", "ем"]
_END_ADJ_G = ["ий", "ая", "ое", "ие", "ого", "ому", "ой", "ую", "их", "им", "ими", "ом"]
_END_AT = ["ать", "аю", "аешь", "ает", "аем", "аете", "ают", "ал", "ала", "ало", "али", "ай",
           "айте", "ающий", "авший", "ание"]
_END_IT = ["ить", "ю", "ишь", "ит", "им", "ите", "ят", "ил", "ила", "ило", "или", "и", "ен",
           "ена", "ено", "ение"]
_END_OVAT = ["овать", "ую", "уешь", "ует", "уем", "уете", "уют", "овал", "овала", "овали", "уй",
             "уйте", "ующий", "ованный", "ование"]
_END_UT = ["уть", "у", "ешь", "ет", "ем", "ете", "ут", "ул", "ула", "уло", "ули", "и", "ите"]
_REFLEXIVE = {"ать": ["аться", "ается", "аются", "ался", "алась", "ались"],
              "ить": ["иться", "ится", "ятся", "ился", "илась", "ились"],
              "овать": ["оваться", "уется", "уются", "овался", "овалась", "овались"]}
_END_AGENT = ["тель", "теля", "телю", "телем", "теле", "тели", "телей", "телям", "телями"]
_END_OST = ["ость", "ости", "остью", "остей", "остям", "остями"]
_IRREGULAR = {"деньги": _w("деньги денег деньгам деньгами деньгах"),
              "опоздать": _w("опоздать опоздал опоздала опоздали опоздает опоздают опоздание "
                             "опоздания опозданием опозданий"),
              "работать": _w("работать работает работают работал работала работали работаю "
                             "работаем работающий"),
              "ехать": _w("ехать еду едет едут ехал ехала ехали"),
              "нести": _w("нести несу несет несут нес несла несли"),
              "везти": _w("везти везу везет везут вез везла везли")}


def _noun(lemma: str) -> list[str]:
    if lemma.endswith("ия"):
        return [lemma[:-2] + e for e in _END_IYA]
    if lemma.endswith("ие"):
        return [lemma[:-2] + e for e in _END_IE]
    if lemma.endswith(("а", "я")):
        return [lemma[:-1] + e for e in _END_A]
    if lemma in _MASCULINE_SOFT:
        return [lemma[:-1] + e for e in _END_SOFT_MASC]
    if lemma.endswith("ь"):
        return [lemma[:-1] + e for e in _END_SOFT]
    if lemma.endswith(("о", "е")):
        return [lemma[:-1] + e for e in _END_O]
    if lemma.endswith("и"):  # plural-only nouns ("деньги"): taken as they are
        return [lemma]
    return [lemma + e for e in _END_CONS]


def _adjective(lemma: str) -> list[str]:
    base = lemma[:-2]
    if lemma.endswith("ний"):
        return [base + e for e in _END_ADJ_SOFT]
    if lemma.endswith("ий"):
        return [base + e for e in _END_ADJ_G]
    if lemma.endswith("ой"):
        return [base + e.replace("ый", "ой") for e in _END_ADJ]
    return [base + e for e in _END_ADJ]


def _verb(lemma: str, reflexive: bool) -> list[str]:
    for infinitive, endings in (("овать", _END_OVAT), ("ать", _END_AT), ("ять", _END_AT),
                                ("ить", _END_IT), ("еть", _END_IT), ("уть", _END_UT)):
        if lemma.endswith(infinitive):
            stem = lemma[: -len(infinitive)]
            if infinitive == "ять":
                endings = [e.replace("а", "я", 1) for e in endings]
            forms = [stem + e for e in endings]
            if reflexive:
                key = "овать" if infinitive == "овать" else "ить" if infinitive in ("ить",
                                                                                  "еть") else "ать"
                forms += [stem + e for e in _REFLEXIVE.get(key, [])]
            return forms
    if lemma.endswith("ться"):  # reflexive as given ("связаться")
        return [lemma, lemma[:-4] + "лся", lemma[:-4] + "лась", lemma[:-4] + "лись"]
    return [lemma]


def _participles(lemma: str) -> list[list[str]]:
    """Present active and past passive participles, inflected as adjectives."""
    for infinitive, active, passive in (("овать", "ующ", "ованн"), ("ать", "ающ", "анн"),
                                        ("ять", "яющ", "янн"), ("ить", "ящ", "енн")):
        if lemma.endswith(infinitive):
            stem = lemma[: -len(infinitive)]
            return [[stem + active + e for e in _END_ADJ_G],
                    [stem + passive + e for e in _END_ADJ]]
    return []


def _lemmas(rng: random.Random) -> tuple[list[list[str]], list[list[str]]]:
    """Paradigms of the core lemmas and of the long tail, each a list of word forms."""
    core = [_IRREGULAR[w] if w in _IRREGULAR else _noun(w) for w in _CORE_NOUNS]
    core += [_IRREGULAR[w] if w in _IRREGULAR else _verb(w, reflexive=w.endswith("ивать"))
             for w in _CORE_VERBS]
    core += [_adjective(w) for w in _CORE_ADJS]
    tail: list[list[str]] = [_noun(w) for w in _NOUNS]
    tail += [_adjective(w) for w in _ADJS]
    tail += [["не" + f for f in _adjective(w)] for w in _ADJS if rng.random() < 0.4]
    tail += [[f[:-4] + e for e in _END_OST] for w in _ADJS for f in _adjective(w)[:1]]
    # Relative adjectives from nouns ("складской", "посылочный").
    tail += [_adjective(_noun(w)[-1].rstrip("аеиоуыяхм") + "ный") for w in _NOUNS
             if rng.random() < 0.5]
    long_prefixes = tuple(p for p in _VERB_PREFIXES if len(p) > 1)
    for verb in _VERBS + [v for v in _CORE_VERBS if v not in _IRREGULAR]:
        # A verb that already carries a prefix ("загружать") takes few more.
        count = 3 if verb.startswith(long_prefixes) else 11
        for i, lemma in enumerate([verb] + [p + verb for p in rng.sample(_VERB_PREFIXES, count)]):
            tail.append(_verb(lemma, reflexive=rng.random() < 0.5))
            tail.extend(_participles(lemma))
            if i == 0 and lemma.endswith(("ать", "ить", "ять")) and rng.random() < 0.5:
                tail.append([lemma[:-2] + e for e in _END_AGENT])  # "получатель"
    return core, tail


def _article_words(folder: Path) -> list[str]:
    if not folder.is_dir():
        return []
    found: set[str] = set()
    for path in folder.glob("*.md"):
        found.update(re.findall(r"[а-яё]{3,}", path.read_text(encoding="utf-8").lower()))
    return sorted(found)


def _ranked(paradigms: list[list[str]], rng: random.Random) -> tuple[list[str], list[float]]:
    """Word forms with their probabilities: Zipf-Mandelbrot over lemmas, then over forms."""
    weights: dict[str, float] = {}
    for rank, forms in enumerate(paradigms):
        lemma_weight = 1.0 / (rank + 30) ** 1.05
        order = forms[:1] + rng.sample(forms[1:], len(forms) - 1)
        shares = [1.0 / (i + 1) ** 1.3 for i in range(len(order))]
        total = sum(shares)
        for form, share in zip(order, shares, strict=True):
            weights[form] = weights.get(form, 0.0) + lemma_weight * share / total
    ranked = sorted(weights, key=lambda f: -weights[f])
    return ranked, [weights[f] for f in ranked]


_ENGLISH = _w("""order delivery refund payment card customer courier address account password
support ticket discount promo code item store restaurant status time day week minute cancel
return change check confirm send receive update apply charge issue problem error app login price
bonus point loyalty invoice receipt contract manager request reply late damage miss wrong quick
full partial new mobile bank fail track parcel package box driver warehouse stock product
service phone email message chat call agent team shift schedule holiday weekend morning evening
region city street building floor door note label scan print sign verify block unlock reset
notify remind offer promise compensate credit debit balance transfer limit fee tax fine policy
rule term condition warranty guarantee repair replace exchange quality complaint feedback review
rating answer question help guide step option setting profile user member subscription plan
level reward voucher coupon gift cart basket checkout pay cash wallet transaction statement""")
_EN_SMALL = _w("the a to of and for is in on with your we you please our it this")
_RU_SMALL = _w("и в на не с по для что как при если или от до за у из")


class Corpus:
    def __init__(self, seed: int = 7, articles: Path | None = None) -> None:
        self.rng = random.Random(seed)
        core, tail = _lemmas(self.rng)
        known = {f for forms in core + tail for f in forms}
        # Article words join the tail as single-form lemmas: real forms the sample relies on.
        tail += [[w] for w in _article_words(articles or Path("articles")) if w not in known]
        self.rng.shuffle(tail)
        # The domain lemmas sit among the first two hundred ranks, not all at the very top.
        head = tail[:150] + core
        self.rng.shuffle(head)
        self.russian, ru_weights = _ranked(head + tail[400:], self.rng)
        english = [[p + w + e for e in ("", "s", "ed", "ing", "er")]
                   for p in ("", "re", "un", "pre", "over") for w in _ENGLISH]
        english = english[: len(_ENGLISH)] + self.rng.sample(english[len(_ENGLISH):], 300)
        self.english, en_weights = _ranked(english, self.rng)
        self.ru_cum = list(itertools.accumulate(ru_weights))
        self.en_cum = list(itertools.accumulate(en_weights))
        self.tags = [w for w in self.russian if len(w) > 4][:200] + self.english[:60]
        self.categories = ["Доставка", "Оплата", "Возвраты", "Заказы", "Аккаунт", "Промокоды",
                           "Лояльность", "Качество", "Корпоративным", "Приложение", "Support"]

    def _words(self, english: bool, k: int) -> list[str]:
        if english:
            return self.rng.choices(self.english, cum_weights=self.en_cum, k=k)
        return self.rng.choices(self.russian, cum_weights=self.ru_cum, k=k)

    def _sentence(self, english: bool) -> str:
        small = _EN_SMALL if english else _RU_SMALL
        n = self.rng.randint(6, 14)
        out = self._words(english, n)
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
        title = " ".join(self._words(english_doc, rng.randint(3, 8))).capitalize()
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
