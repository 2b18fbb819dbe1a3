"""Starting the window: the application object, language, knowledge base, index check."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QThreadPool, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMessageBox

from kbdesk import __version__, paths
from kbdesk.services import Desk
from kbdesk.services.maintenance import DatabaseDamaged
from kbdesk.ui import i18n
from kbdesk.ui.context import AppContext
from kbdesk.ui.main_window import MainWindow
from kbdesk.ui.restore import offer_restore_at_start


def settings_for(home: Path) -> QSettings:
    """Window state lives beside the data, so KBDESK_HOME keeps installs apart."""
    return QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat)


def create_window(app: QApplication) -> tuple[MainWindow, AppContext]:
    home = paths.home_dir()
    settings = settings_for(home)
    i18n.install(i18n.choose_language(str(settings.value("ui/language", ""))), home / "cache")
    desk = Desk.open(home)
    context = AppContext(desk, settings, home)
    # Only the window seeds the sample, and only into a new embedded database: a first
    # 'kbdesk import' must leave the user's own knowledge base unmixed.
    context.sample_loaded = desk.maintenance.seed_sample()
    # A worker opens and checks the index while this thread builds the window, so the first
    # keystroke finds it loaded (and searches typed sooner go to a worker, never wait here).
    context.ensure_index_async()
    window = MainWindow(context)
    app.aboutToQuit.connect(desk.close)
    return window, context


def run(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)  # one line per migration otherwise
    logging.getLogger("pymorphy3").setLevel(logging.WARNING)  # its dictionary's path and date
    app = QApplication.instance() or QApplication(argv or sys.argv)
    app.setApplicationName("kbdesk")
    app.setApplicationDisplayName("kbdesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("kbdesk")
    app.setDesktopFileName("kbdesk")
    icon = paths.resource_path("resources", "icons", "kbdesk.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    while True:
        try:
            window, _context = create_window(app)
            break
        except DatabaseDamaged as error:
            # A damaged file is never written to: offer a backup, else quit with it intact.
            if not offer_restore_at_start(error, paths.home_dir()):
                return 1
        except Exception as error:
            # A newer schema, an unreachable server, a bad URL: one dialog, never a traceback.
            logging.getLogger(__name__).debug("start failed", exc_info=True)
            QMessageBox.critical(
                None,
                QApplication.translate("app", "kbdesk cannot start"),
                QApplication.translate(
                    "app", "The knowledge base could not be opened:\n{error}"
                ).format(error=error),
            )
            return 1
    window.show()
    QTimer.singleShot(0, window.ask_who_is_working)
    if os.environ.get("KBDESK_STARTUP_PROBE"):
        _startup_probe(app, window)
    code = app.exec()
    # The knowledge base closed on aboutToQuit, which stops a running rebuild; let the worker
    # finish before Qt tears down the objects its signals point at.
    QThreadPool.globalInstance().waitForDone(10_000)
    return code


def _startup_probe(app: QApplication, window: MainWindow) -> None:
    """For benchmarks/startup_bench.py: print when a text box has focus (wall clock), then quit.

    With KBDESK_STARTUP_QUERY set it then types that query into the focused box, key by key
    as a fast typist would (all keys in the same event-loop turn), and prints when the result
    list has painted rows for it: the whole journey from launch to the first results seen.
    Wall-clock time, so the benchmark can subtract the moment it launched the process and
    count interpreter and bundle start-up too.
    """
    import time

    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QLineEdit

    query = os.environ.get("KBDESK_STARTUP_QUERY", "")
    print(f"startup-probe shown {time.time():.6f}", flush=True)

    class _Painted(QObject):
        """Reports the first paint of the result list that shows rows for the query."""

        def __init__(self, view: QAbstractItemView) -> None:
            super().__init__(view)
            self.view = view

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            model = self.view.model()
            if event.type() == QEvent.Type.Paint and model is not None and model.rowCount():
                # Seen before the paint runs: report on the next turn, after it has painted.
                watched.removeEventFilter(self)
                QTimer.singleShot(0, painted)
            return False

    def painted() -> None:
        print(f"startup-probe results {time.time():.6f}", flush=True)
        app.exit(0)

    def type_query(box: QLineEdit) -> None:
        view = getattr(window.pages.get("workspace"), "results", None)
        if view is None:
            app.exit(4)
            return
        view.viewport().installEventFilter(_Painted(view))
        print(f"startup-probe typing {time.time():.6f}", flush=True)
        for char in query:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                app.sendEvent(box, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))

    def check(*_: object) -> None:
        focus = app.focusWidget()
        if window.isVisible() and isinstance(focus, QLineEdit) and focus.window() is window:
            print(f"startup-probe ready {time.time():.6f} {focus.objectName()}", flush=True)
            app.focusChanged.disconnect(check)  # the window is deleted while quitting
            if query:
                type_query(focus)
            else:
                app.exit(0)

    app.focusChanged.connect(check)
    QTimer.singleShot(0, check)
    QTimer.singleShot(15_000 if not query else 60_000, lambda: app.exit(3))  # never got there
