"""Guards against a Qt binding release that corrupts the interpreter during a long shift."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_do_not_leak_references_to_none(qtbot) -> None:  # type: ignore[no-untyped-def]
    # PySide6 6.12.0 on Python 3.11 dropped one reference to None per call of a method returning
    # nothing, aborting the process after ~50,000 calls; pyproject pins below it.
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2_000):
        label.setText("x")
        label.hide()
    assert sys.getrefcount(None) - before > -100
