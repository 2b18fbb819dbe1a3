"""The editor's parts: item models, links and checks in the preview, import and export."""

from __future__ import annotations

import ast
import re
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QUrl
from test_editor import type_text

from kbdesk import content, transfer
from kbdesk.records import ImportReport, Kind, Status
from kbdesk.ui import i18n
from kbdesk.ui.context import AppContext
from kbdesk.ui.editor import EditorPage, reasons
from kbdesk.ui.editor.conflict import Unsaved
from kbdesk.ui.editor.history import RevisionTableModel
from kbdesk.ui.editor.list_model import OVERDUE, ArticleFilterProxy, ArticleListModel
from kbdesk.ui.editor.markdown_edit import MarkdownHighlighter
from kbdesk.ui.editor.transfer_dialog import ImportReportDialog


@pytest.fixture(autouse=True)
def _no_blocking_prompts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kbdesk.ui.editor.page.ask_unsaved", lambda *_: Unsaved.DISCARD)


@pytest.fixture
def page(qtbot, context: AppContext) -> EditorPage:  # type: ignore[no-untyped-def]
    editor = EditorPage(context)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def test_models_pass_the_model_tester(qtmodeltester, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    records = context.desk.content.list()
    model = ArticleListModel()
    model.set_records(records)
    qtmodeltester.check(model)
    proxy = ArticleFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    revisions = RevisionTableModel()
    revisions.set_revisions(context.desk.content.revisions(records[0].id))
    qtmodeltester.check(revisions)


def test_every_other_model_of_the_editor_passes_the_model_tester(
    qtmodeltester, page: EditorPage, context: AppContext
) -> None:  # type: ignore[no-untyped-def]
    """The list as the page fills and updates it, the completers and the import report."""
    records = context.desk.content.list()
    page.items.model.upsert([replace(records[0], title="Изменено")])
    page.items.proxy.set_kind(Kind.TEMPLATE.value)
    qtmodeltester.check(page.items.model)
    qtmodeltester.check(page.items.proxy)
    qtmodeltester.check(page.form.tag_completer.model())
    qtmodeltester.check(page.form.owner_completer.model())
    report = ImportReport(
        created=["a"], updated=["b"], unchanged=["c"], failed=[("d.md", "no title")]
    )
    report.warnings.append(("e.md", "unknown field"))
    dialog = ImportReportDialog(report, page)
    assert dialog.model.rowCount() == 5
    qtmodeltester.check(dialog.model)
    dialog.close()


def test_overdue_reviews_are_found_and_flagged(qtbot, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    store = context.desk.content
    record = store.get_by_slug("cold-food")
    assert record is not None
    overdue_before = sum(
        1
        for r in store.list()
        if r.review_by and r.review_by < date.today() and r.status != Status.ARCHIVED
    )
    late = replace(record.to_item(), owner="Вера", review_by=date.today() - timedelta(days=1))
    context.save(late, article_id=record.id)
    model = ArticleListModel()
    model.set_records(store.list())
    proxy = ArticleFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_status(OVERDUE)
    assert proxy.rowCount() == overdue_before + 1
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == record.title)
    assert proxy.index(row, 6).data(3) == "Review overdue"  # tooltip
    proxy.set_status("")
    proxy.set_text("вера холодной")  # owner and title words together
    assert proxy.rowCount() == 1


def test_links_are_checked_and_open_the_target(
    qtbot, page: EditorPage, context: AppContext
) -> None:  # type: ignore[no-untyped-def]
    store = context.desk.content
    archived = next(r for r in store.list() if r.status == Status.ARCHIVED)
    target = store.get_by_slug("delivery-zones")
    assert target is not None
    page.new_item("Ссылки")
    page.source.setPlainText(
        f"См. [[delivery-zones|зоны]].\n\n[[нет-такой]]\n\n[[{archived.slug}]]\n\n`[[в-коде]]`"
    )
    page.editor.refresh_now()
    checks = [page.preview.checks.item(i).text() for i in range(page.preview.checks.count())]
    assert len(checks) == 2
    assert checks[0].startswith("Line 3:") and "нет-такой" in checks[0]
    assert checks[1].startswith("Line 5:") and "archived" in checks[1]
    html = page.preview.browser.toHtml()
    assert "kb:delivery-zones" in html
    # Clicking a check puts the cursor on its line.
    page.preview.checks.itemClicked.emit(page.preview.checks.item(0))
    assert page.source.textCursor().blockNumber() == 2
    # Clicking a link in the preview opens the article (after the unsaved prompt).
    page.preview.browser.anchorClicked.emit(QUrl("kb:delivery-zones"))
    assert page.article_id == target.id


def test_template_placeholders_and_issues_are_listed_live(qtbot, page: EditorPage) -> None:  # type: ignore[no-untyped-def]
    page.new_item("Шаблон")
    page.form.kind.setCurrentIndex(page.form.kind.findData(Kind.TEMPLATE.value))
    page.source.setPlainText("Здравствуйте, {{имя}}!\nСкидка {{скидка|10%}}.\nОшибка {{1x}}")
    page.editor.refresh_now()
    assert page.preview.placeholders.isVisible()
    names = [page.preview.placeholders.item(i).text() for i in range(2)]
    assert names[0].startswith("{{имя}}") and "10%" in names[1]
    assert page.preview.checks.count() == 1
    assert page.preview.checks.item(0).text().startswith("Line 3:")
    preview = page.preview.browser.toPlainText()
    assert "Здравствуйте, [имя]!" in preview and "Скидка 10%." in preview


def test_highlighter_marks_code_blocks_by_state(qtbot, page: EditorPage) -> None:  # type: ignore[no-untyped-def]
    page.source.setPlainText("# Заголовок\n```\n{{не плейсхолдер}}\n```\nтекст")
    document = page.source.document()
    assert isinstance(page.source.highlighter, MarkdownHighlighter)
    assert [document.findBlockByNumber(i).userState() for i in range(5)] == [0, 1, 1, 0, 0]


def test_import_reports_every_file_and_export_round_trips(
    qtbot, page: EditorPage, context: AppContext, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "good.md").write_text("---\ntitle: Новая статья\n---\nТекст.\n", encoding="utf-8")
    (folder / "broken.md").write_text("no front matter", encoding="utf-8")
    import_action, export_action = page.file_actions()
    assert import_action.isEnabled() and export_action.isEnabled()
    with qtbot.waitSignal(page.transfer.imported, timeout=10000) as blocker:
        assert page.transfer.start_import([folder])
    report = blocker.args[0]
    assert report.created == ["good"] and len(report.failed) == 1
    dialog = page.transfer.report_dialog
    assert dialog is not None
    rows = [
        [dialog.model.item(row, col).text() for col in range(3)]
        for row in range(dialog.model.rowCount())
    ]
    assert rows[0][0].endswith("broken.md") and rows[0][1] == "failed" and rows[0][2]
    assert ["good", "created", ""] in rows
    dialog.close()
    assert page.items.model.row_of(context.desk.content.get_by_slug("good").id) is not None
    target = tmp_path / "out.zip"
    with qtbot.waitSignal(page.transfer.exported, timeout=10000):
        assert page.transfer.start_export(target)
    with zipfile.ZipFile(target) as archive:
        assert "good.md" in archive.namelist()
    for widget in page.findChildren(type(dialog).__mro__[1]):  # close the info box too
        widget.close()


def test_typing_a_title_marks_unsaved(qtbot, page: EditorPage) -> None:  # type: ignore[no-untyped-def]
    page.new_item()
    assert not page.is_dirty()
    type_text(page.form.title, "Х")
    assert page.is_dirty() and page.editor.heading.text().startswith("●")
    assert not page.recovery.isVisible()


# -- import reasons in the interface language ----------------------------------------------------


def _core_reasons() -> dict[str, str]:
    """Every `Reason(code, english, ...)` written in the core: code → English template."""
    found: dict[str, str] = {}
    for module in (content, transfer):
        tree = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Reason"):
                continue
            code, english = node.args[:2]
            assert isinstance(english, ast.Constant), ast.dump(node)
            if isinstance(code, ast.Constant):
                found[code.value] = english.value
            else:  # f"bad_{key}" over kind and status
                found.update({"bad_kind": english.value, "bad_status": english.value})
    return found


def test_every_reason_of_the_core_has_a_wording_with_its_values() -> None:
    core = _core_reasons()
    assert set(core) == set(reasons._TEMPLATES)
    field = re.compile(r"\{(\w+)")
    for code, english in core.items():
        wording = set(field.findall(reasons._TEMPLATES[code]))
        assert wording <= set(field.findall(english)), code


@pytest.fixture
def russian(qapp, tmp_path: Path) -> Iterator[None]:  # type: ignore[no-untyped-def]
    previous = QLocale()
    assert i18n.install("ru", tmp_path / "cache") == "ru"
    yield
    i18n.install("en", tmp_path / "cache")
    QLocale.setDefault(previous)


@pytest.mark.usefixtures("russian")
def test_a_russian_window_reports_import_failures_in_russian(
    qtbot, context: AppContext, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    page = EditorPage(context)
    qtbot.addWidget(page)
    folder = tmp_path / "incoming"
    folder.mkdir()
    files = {
        "a-good.md": "---\ntitle: Хорошая\ncolour: red\n---\nТекст.\n".encode(),
        "no-title.md": "---\nkind: article\n---\nТекст.\n".encode(),
        "no-front.md": "Просто текст".encode(),
        "cp1251.md": "---\ntitle: Привет\n---\n".encode("cp1251"),
        "kind.md": b"---\ntitle: A\nkind: recipe\n---\n",
        "zz-dup.md": "---\ntitle: Дубль\nslug: a-good\n---\n".encode(),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    with qtbot.waitSignal(page.transfer.imported, timeout=10000) as blocker:
        assert page.transfer.start_import([folder, tmp_path / "nope"])
    report = blocker.args[0]
    assert ("no-title.md", "no title: add a 'title:' line to the front matter") in [
        (Path(name).name, reason) for name, reason in report.failed
    ]  # the report itself stays English, for the command line
    dialog = page.transfer.report_dialog
    assert dialog is not None
    shown = {
        Path(dialog.model.item(row, 0).text()).name: (
            dialog.model.item(row, 1).text(),
            dialog.model.item(row, 2).text(),
        )
        for row in range(dialog.model.rowCount())
    }
    good = str(folder / "a-good.md")
    assert shown == {
        "nope": ("ошибка", "нет такого файла или папки"),
        "no-title.md": ("ошибка", "нет заголовка: добавьте в блок метаданных строку «title:»"),
        "no-front.md": (
            "ошибка",
            "нет блока метаданных: файл должен начинаться со строки «---», строки «title:» и «---»",
        ),
        "cp1251.md": (
            "ошибка",
            "текст не в кодировке UTF-8 (неверный байт в позиции 11); сохраните файл в UTF-8",
        ),
        "kind.md": ("ошибка", "«kind: recipe» — допустимо только: article, template"),
        "zz-dup.md": ("ошибка", f"ярлык «a-good» уже занят файлом {good}"),
        "a-good.md": ("предупреждение", "неизвестный ключ «colour» пропущен"),
        "a-good": ("создан", ""),
    }
    dialog.close()


def test_reasons_from_elsewhere_are_shown_as_they_came() -> None:
    assert reasons.reason_text("database is locked") == "database is locked"
    special = transfer._special(0o010000)  # a FIFO
    assert reasons.reason_text(special) == "not a regular file (a pipe): skipped"
    assert reasons.reason_text(content.Reason("new_code", "something {x}", x=1)) == "something 1"
