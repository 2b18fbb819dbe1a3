"""Keystroke to painted results in the real operator window, with 10,000 items.

    python benchmarks/ui_bench.py [--items 10000]

Builds (once, cached under .benchmarks-data/) a home with the sample plus synthetic items, opens
the real main window offscreen, types realistic queries key by key (idle between keys, as a
person types) and times each keystroke from the key event to the results list repainted with
the new rows, and to the top hit's preview shown (it follows the results by a frame while
typing). Prints p50 / p95 / max; it asserts nothing. One frame at 60 Hz is 16.7 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from startup_bench import prepare_home

QUERIES = [
    "доставка задерживается",
    "возврат денег на карту",
    "промокод не применяется",
    "курьер не может найти адрес",
    "баллы не начислены",
    "djpdhfn ltytu",  # «возврат денег» typed in the English layout
    "задерживаетя заказ",  # a typo
]


def press(widget: QWidget, char: str) -> None:
    """A key press and release carrying `char` (QTest's helpers accept only ASCII)."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    args = parser.parse_args(argv)
    home = prepare_home(args.items)
    os.environ["KBDESK_HOME"] = str(home)
    from kbdesk.ui.app import create_window

    app = QApplication.instance() or QApplication(sys.argv)
    window, context = create_window(app)
    window.resize(1300, 820)
    window.show()
    context.desk.maintenance.ensure_index()
    page = window.pages["workspace"]
    box = page.search_box
    view = page.results
    times: list[float] = []
    previews: list[float] = []
    cpu_times: list[float] = []
    load_before = os.getloadavg()
    for query in QUERIES:
        box.clear()
        app.processEvents()
        for char in query:
            started, cpu_started = time.perf_counter(), time.process_time()
            press(box, char)
            app.processEvents()  # the coalescing zero-delay search timer fires on this turn
            view.viewport().repaint()  # paint now, synchronously, as the next frame would
            times.append((time.perf_counter() - started) * 1000)
            cpu_times.append((time.process_time() - cpu_started) * 1000)
            page.previewer.flush()  # the preview follows a frame later in the app
            page.pane.repaint()
            previews.append((time.perf_counter() - started) * 1000)
            QTest.qWait(40)  # the next key comes a moment later
        QTest.keyClick(box, Qt.Key.Key_Escape)
    items = context.desk.content.count()
    print(f"operator window, {items:,} items, {len(times)} keystrokes:")
    print(f"  load average before {' '.join(f'{x:.2f}' for x in load_before)}, after "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}; {os.cpu_count()} CPUs")
    for label, values in (("painted results", times), ("painted results, CPU", cpu_times),
                          ("preview shown", previews)):
        print(
            f"  keystroke → {label}: p50 {statistics.median(values):.1f} ms, "
            f"p95 {percentile(values, 0.95):.1f} ms, max {max(values):.1f} ms"
        )
    window.close()
    context.desk.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
