"""Text analysis shared by the index, the query planner, snippets and the fallback.

Everything that decides whether two words are "the same word" lives here, so the Whoosh index
and the naive fallback scan can never disagree about it.
"""

from __future__ import annotations

import re
import threading

import Stemmer

from kbdesk.search import morph

# Letters and digits; `_` and punctuation split words ("интернет-магазин" is two words).
WORD_RE = re.compile(r"[^\W_]+")
_CYRILLIC_RE = re.compile(r"[а-яё]")
_LATIN_RE = re.compile(r"[a-z]")

# PyStemmer objects keep internal state and are not safe to share between threads; the UI
# searches on the main thread while a rebuild analyses text in a worker.
_local = threading.local()
# Word -> stem. Plain dict reads and writes are atomic under the GIL, so sharing it is safe.
_stem_cache: dict[str, str] = {}
_STEM_CACHE_MAX = 300_000


def fold(text: str) -> str:
    """Case-fold and merge ё into е: operators type either, texts use both."""
    return text.lower().replace("ё", "е")


def words(text: str) -> list[str]:
    """Folded words of a text, in order."""
    return WORD_RE.findall(fold(text))


def _stemmers() -> tuple[Stemmer.Stemmer, Stemmer.Stemmer]:
    pair = getattr(_local, "pair", None)
    if pair is None:
        pair = (Stemmer.Stemmer("russian"), Stemmer.Stemmer("english"))
        _local.pair = pair
    return pair


def remember_stems(stems: dict[str, str]) -> None:
    """Known keys of word forms (an index's vocabulary stores them), so looking them up again
    costs nothing: a dictionary parse per form is ~34 us, and an index holds tens of thousands
    of forms."""
    if len(_stem_cache) + len(stems) >= _STEM_CACHE_MAX:
        _stem_cache.clear()
    _stem_cache.update(stems)


def stem(word: str) -> str:
    """The key a folded word is indexed and searched by: the Snowball stem (stemmer chosen by
    the word's alphabet) of its dictionary lemma when the dictionary knows the word
    (`morph`), of the word itself otherwise."""
    cached = _stem_cache.get(word)
    if cached is not None:
        return cached
    if _CYRILLIC_RE.search(word):
        result = _stemmers()[0].stemWord(morph.lemma(word) or word)
    elif _LATIN_RE.search(word):
        result = _stemmers()[1].stemWord(word)
    else:
        result = word
    if len(_stem_cache) >= _STEM_CACHE_MAX:
        _stem_cache.clear()
    _stem_cache[word] = result
    return result


# Keys of the ЙЦУКЕН layout typed on QWERTY and back: punctuation keys carry Russian letters.
_EN_KEYS = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`"
_RU_KEYS = "йцукенгшщзхъфывапролджэячсмитьбюё"
_EN_TO_RU = dict(zip(_EN_KEYS, _RU_KEYS, strict=True))
_EN_TO_RU.update({en.upper(): ru.upper() for en, ru in _EN_TO_RU.items() if en.isalpha()})
_EN_TO_RU.update({"{": "Х", "}": "Ъ", ":": "Ж", '"': "Э", "<": "Б", ">": "Ю", "~": "Ё"})
_RU_TO_EN = {ru: en for en, ru in _EN_TO_RU.items()}


def switch_layout(text: str) -> str | None:
    """The text as it would read with the other keyboard layout, or None if nothing maps.

    The direction is chosen by the dominant alphabet of the letters typed.
    """
    cyr = sum(1 for ch in text if ch.lower() in _RU_TO_EN and ch.isalpha())
    lat = sum(1 for ch in text if "a" <= ch.lower() <= "z")
    if cyr == 0 and lat == 0:
        return None
    table = _RU_TO_EN if cyr > lat else _EN_TO_RU
    switched = "".join(table.get(ch, ch) for ch in text)
    return switched if switched != text else None


# Words that carry no meaning in a support query; dropped from queries (never from the index)
# as long as some other word is left, so "как вернуть деньги" asks for the two words that matter.
_STOP_TEXT = """
и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне
было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него
до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для
мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того
потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем
всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего
них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя
такой им более всегда конечно всю между это мою
a an the and or of to in on at for by with from is are was were be been it its this that
these those as if do does did how what which who can i you we my your our me not no
"""
BASE_STOP_WORDS = frozenset(_STOP_TEXT.split())
# What a customer's full question adds around its content words: question words, modal and
# "what to do" filler, politeness, chat clippings. Left as required words they decided the
# ranking of natural questions (an item with "сколько" and "можно" in its body beat the answer)
# or, under AND, emptied the list; kept as optional words they still break ties.
_QUESTION_TEXT = """
сколько почему зачем откуда каков какова каковы каким какие какую какого каких каком какое
ли либо чей чья чьё чье чьи кому кем
можно могу можем может могут можете смогу сможете получится получиться
нужно нужен нужна нужны надо необходимо должен должна должны хочу хотим хотел хотела хотели
делать сделать поступить подскажите подскажи скажите скажи объясните расскажите
пожалуйста пж плиз спасибо здравствуйте привет добрый вообще просто очень ещё
мои моё моего моей моих мной ваш ваша ваше ваши вашей вашего вашу вашем вам свой свои своего
своей своих свою чо че шо щас типа короче вроде
what why when where how which can could should would please hi hello
"""
STOP_WORDS = BASE_STOP_WORDS | frozenset(_QUESTION_TEXT.split())
