"""The fallback kept as one instance: synonyms honoured, edits applied in place."""

from __future__ import annotations

import inspect
from pathlib import Path

from kbdesk.search import (
    FallbackSearcher,
    IndexState,
    SearchDoc,
    SearchIndex,
    SearchRequest,
    open_index,
)


def doc(doc_id: int, title: str, body: str = "", status: str = "published") -> SearchDoc:
    return SearchDoc(doc_id, f"item-{doc_id}", "article", title, body, None, (), status)


DOCS = [
    doc(1, "Промокод не применяется", "Проверьте срок действия промокода."),
    doc(2, "Скидка постоянным клиентам", "Купон на скидку приходит письмом."),
    doc(3, "Доставка задерживается", "Курьер опаздывает."),
]


def ids(searcher: FallbackSearcher, text: str, **kw: object) -> list[int]:
    return [h.id for h in searcher.search(SearchRequest(text, **kw)).hits]  # type: ignore[arg-type]


def test_synonyms_change_the_ranking() -> None:
    fallback = FallbackSearcher(DOCS)
    # "купон" occurs in item 2's body only; as a synonym of "промокод" it reaches item 1's title.
    assert ids(fallback, "купон ") == [2]
    fallback.set_synonyms([["промокод", "купон"]])
    assert ids(fallback, "купон ")[0] == 1
    assert set(ids(fallback, "купон ")) == {1, 2}
    fallback.set_synonyms([])
    assert ids(fallback, "купон ") == [2]


def test_synonyms_given_at_construction_survive_edits() -> None:
    fallback = FallbackSearcher(DOCS, synonyms=[["промокод", "купон"]])
    fallback.upsert([doc(4, "Промокод на лето")])
    assert set(ids(fallback, "купон ")) == {1, 2, 4}


def test_upsert_adds_and_replaces_in_place() -> None:
    fallback = FallbackSearcher(DOCS)
    assert ids(fallback, "кешбэк ") == []
    fallback.upsert([doc(9, "Кешбэк за заказ", "Начисляется сразу.")])
    assert ids(fallback, "кешбэк ") == [9]
    assert ids(fallback, "кешбэкк ") == [9]  # its words join the vocabulary: typos are fixed
    fallback.upsert([doc(3, "Доставка вовремя", "Курьер приехал.")])
    assert ids(fallback, "задерживается ") == []
    assert ids(fallback, "вовремя ") == [3]
    assert fallback.doc_count() == 4


def test_delete_and_status_changes() -> None:
    fallback = FallbackSearcher(DOCS)
    fallback.delete([3, 42])  # an unknown id is no error
    assert ids(fallback, "доставка ") == []
    fallback.upsert([doc(1, "Промокод не применяется", "Черновик.", status="draft")])
    assert ids(fallback, "промокод ") == []
    assert ids(fallback, "промокод ", statuses=("draft",)) == [1]
    assert fallback.doc_count() == 2


def test_snippets_for_later_rows() -> None:
    fallback = FallbackSearcher(DOCS)
    snippets = fallback.snippets_for([1, 2, 99], SearchRequest("промокод", snippets=0))
    assert set(snippets) == {1, 2} and "<mark>" in snippets[1]


def test_open_index_gives_everything_the_protocol_promises(tmp_path: Path) -> None:
    index = open_index(tmp_path / "index")
    promised = {name for name, _ in inspect.getmembers(SearchIndex)
                if not name.startswith("_")}
    assert promised >= {"open", "fingerprint", "rebuild", "upsert", "delete", "search",
                        "snippets_for", "set_synonyms", "check", "close", "doc_count",
                        "vocabulary_size", "merge_pending", "wait_idle"}
    assert all(callable(getattr(index, name)) for name in promised)
    assert index.open() is IndexState.MISSING
    index.rebuild(DOCS, len(DOCS), "fp")
    assert index.open() is IndexState.OK and index.fingerprint() == "fp"
    assert index.doc_count() == 3 and index.vocabulary_size() > 0
    assert [h.id for h in index.search(SearchRequest("курьер")).hits] == [3]
    index.merge_pending()
    assert index.wait_idle(0) and index.check() == []
    index.close()
