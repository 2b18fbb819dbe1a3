"""Import from files, folders and zips; lossless export; every bad-file case reported by name."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

from kbdesk.content import MAX_FILE_BYTES
from kbdesk.kb import KnowledgeBase
from kbdesk.search import SearchRequest

SAMPLE = Path(__file__).resolve().parent.parent.parent / "articles"


def _write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_the_sample_imports_cleanly_and_is_substantial(kb: KnowledgeBase) -> None:
    report = kb.import_paths([SAMPLE], author="tests")
    assert report.ok, report.failed
    assert len(report.created) >= 40 and not report.warnings
    records = kb.store.list()
    templates = [r for r in records if r.kind == "template"]
    assert len(templates) * 4 >= len(records)  # about a third are templates
    assert kb.store.synonym_groups()


def test_reimport_updates_and_never_duplicates(kb: KnowledgeBase, tmp_path: Path) -> None:
    src = tmp_path / "src"
    _write(src, "a.md", "---\ntitle: Первая\n---\nтекст\n")
    assert kb.import_paths([src], "t").created == ["a"]
    assert kb.import_paths([src], "t").unchanged == ["a"]
    _write(src, "a.md", "---\ntitle: Первая\n---\nновый текст\n")
    report = kb.import_paths([src], "t")
    assert report.updated == ["a"] and kb.store.count() == 1
    assert kb.store.get_by_slug("a").body == "новый текст"


def test_bad_files_are_named_with_reasons_and_the_rest_is_imported(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    src = tmp_path / "src"
    _write(src, "good.md", "---\ntitle: Хорошая\n---\nтекст\n")
    _write(src, "no-title.md", "---\nkind: article\n---\nтекст\n")
    _write(src, "broken-yaml.md", "---\ntitle: [oops\n---\n")
    _write(src, "cp1251.md", "---\ntitle: Привет\n---\n".encode("cp1251"))
    _write(src, "binary.md", b"\x00\x01\x02")
    _write(src, "huge.md", b"---\ntitle: A\n---\n" + b"a" * (MAX_FILE_BYTES + 1))
    _write(src, "zz-dup.md", "---\ntitle: Дубль\nslug: good\n---\n")
    _write(src, "notes.txt", "ignored, not markdown")
    report = kb.import_paths([src], "t")
    reasons = {Path(name).name: reason for name, reason in report.failed}
    assert report.created == ["good"]
    assert set(reasons) == {
        "no-title.md",
        "broken-yaml.md",
        "cp1251.md",
        "binary.md",
        "huge.md",
        "zz-dup.md",
    }
    assert "no title" in reasons["no-title.md"]
    assert "not valid YAML" in reasons["broken-yaml.md"]
    assert "not UTF-8" in reasons["cp1251.md"]
    assert "binary" in reasons["binary.md"]
    assert "too large" in reasons["huge.md"]
    assert "slug 'good' is also used by" in reasons["zz-dup.md"]
    # Each reason also keeps a stable code and its values, for the window to translate.
    codes = {
        name: (reason.code, reason.params)  # type: ignore[attr-defined]
        for name, reason in reasons.items()
    }
    assert codes["no-title.md"] == ("no_title", {})
    assert codes["broken-yaml.md"][0] == "bad_yaml_at"
    assert codes["cp1251.md"] == ("not_utf8", {"position": 11})  # the first Cyrillic byte
    assert codes["huge.md"] == ("over_limit", {"limit": MAX_FILE_BYTES // 1_000_000})
    assert codes["zz-dup.md"] == (
        "duplicate_slug",
        {"slug": "good", "other": str(src / "good.md")},
    )
    assert kb.store.get_by_slug("good").title == "Хорошая"
    assert not report.ok and kb.store.count() == 1


def test_zip_import_and_missing_paths(kb: KnowledgeBase, tmp_path: Path) -> None:
    archive = tmp_path / "kb.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("kb/one.md", "---\ntitle: Один\n---\nтекст\n")
        zf.writestr("kb/_synonyms.txt", "купон = промокод\n")
        zf.writestr("kb/image.png", b"\x89PNG")
    report = kb.import_paths([archive, tmp_path / "nope"], "t")
    assert report.created == ["one"] and report.synonym_groups == 1
    assert report.failed == [(str(tmp_path / "nope"), "no such file or folder")]
    assert report.failed[0][1].code == "missing"  # type: ignore[attr-defined]
    bad = _write(tmp_path, "bad.zip", b"not a zip")
    assert "not a readable zip" in kb.import_paths([bad], "t").failed[0][1]


def test_export_import_export_is_identical(kb: KnowledgeBase, tmp_path: Path) -> None:
    kb.import_paths([SAMPLE], "t")
    first = tmp_path / "first"
    kb.export(first)
    assert len(list(first.glob("*.md"))) == kb.store.count()
    other = KnowledgeBase.open(tmp_path / "home2", url=f"sqlite:///{tmp_path / 'other.sqlite'}")
    try:
        assert kb.store.count() and other.store.count() == 0
        assert other.import_paths([first], "t").ok
        second = tmp_path / "second"
        other.export(second)
        assert _files(first) == _files(second)
        zipped = tmp_path / "kb.zip"
        other.export(zipped)
        with zipfile.ZipFile(zipped) as zf:
            assert {n: zf.read(n) for n in zf.namelist()} == _files(first)
    finally:
        other.close()


def test_a_saved_edit_is_searchable_at_once(kb: KnowledgeBase) -> None:
    kb.import_paths([SAMPLE], "t")
    kb.rebuild()
    record = kb.store.get_by_slug("pickup")
    assert record is not None
    item = record.to_item()
    kb.save(replace(item, title="Самовывоз из дарксторов"), "t")
    hits = kb.search(SearchRequest("дарксторов")).hits
    assert hits and hits[0].slug == "pickup"
    assert not kb.needs_rebuild()
