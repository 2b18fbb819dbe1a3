"""Run slow work off the UI thread and get the result back on it.

Workers never touch widgets: `run_task(fn, on_done, on_error)` calls `fn` on the thread pool
and delivers its result (or exception) to the callbacks on the main thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as error:  # delivered to the caller, never lost in the pool
            log.exception("background task failed")
            self.relay.failed.emit(error)
            return
        self.relay.done.emit(result)


_alive: set[_Relay] = set()  # keeps relays alive until their task has reported


def run_task(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    pool: QThreadPool | None = None,
) -> None:
    relay = _Relay()  # created on the calling (main) thread, so its signals queue to it
    _alive.add(relay)

    def finish(callback: Callable[[Any], None] | None, value: Any) -> None:
        _alive.discard(relay)
        relay.deleteLater()
        if callback is not None:
            callback(value)

    relay.done.connect(lambda value: finish(on_done, value))
    relay.failed.connect(lambda error: finish(on_error, error))
    (pool or QThreadPool.globalInstance()).start(_Task(fn, relay))
