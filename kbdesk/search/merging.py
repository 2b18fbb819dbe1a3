"""When to merge the small segments saved edits leave behind: once editing pauses.

A saved edit commits without merging (merging is most of a commit's time on a large index).
Once enough such commits piled up, a merge is scheduled for when editing pauses, so a merge
never makes the next save wait. Timing is injectable (`schedule`), and `merge_pending()` and
`wait_idle()` let callers and tests wait on events instead of sleeping and hoping.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

MERGE_AFTER_EDITS = 8
MERGE_WHEN_IDLE_S = 2.0


class Cancel(Protocol):
    def cancel(self) -> None: ...


# (delay in seconds, function) -> a handle that calls the function off; the function may run
# on any thread, or never if cancelled in time.
Schedule = Callable[[float, Callable[[], None]], Cancel]


def timer_schedule(delay: float, fn: Callable[[], None]) -> Cancel:
    timer = threading.Timer(delay, fn)
    timer.daemon = True
    timer.name = "index-merge"
    timer.start()
    return timer


class IdleMerger:
    """Calls `merge` after `after_edits` edits, once no edit came for `idle_s` seconds.

    `schedule` must not call the function before it returns (a timer never does); call
    `edited()` outside any lock `merge` takes.
    """

    def __init__(
        self,
        merge: Callable[[], bool],
        *,
        after_edits: int = MERGE_AFTER_EDITS,
        idle_s: float = MERGE_WHEN_IDLE_S,
        schedule: Schedule = timer_schedule,
    ) -> None:
        self._merge = merge  # returns False when it could not merge (the next edit retries)
        self._after_edits = after_edits
        self._idle_s = idle_s
        self._schedule = schedule
        self._lock = threading.Lock()  # guards everything below
        self._unmerged = 0  # edit commits since the last merge
        self._armed: Cancel | None = None
        self._token = 0  # which scheduled call is the live one
        self._busy = 0  # merges running
        self._idle = threading.Event()  # set when no merge is scheduled or running
        self._idle.set()
        self._one_at_a_time = threading.Lock()

    def edited(self) -> None:
        """An edit was committed without merging."""
        with self._lock:
            self._unmerged += 1
            if self._unmerged < self._after_edits:
                return
            if self._armed is not None:
                self._armed.cancel()
            self._token += 1
            token = self._token
            self._idle.clear()
            self._armed = self._schedule(self._idle_s, lambda: self._fire(token))

    def _fire(self, token: int) -> None:
        with self._lock:
            if token != self._token:  # superseded by a later edit, or called off
                return
            self._armed = None
            self._busy += 1
        self._run()

    def _run(self) -> None:
        merged = False
        try:
            with self._one_at_a_time:
                merged = self._merge()
        finally:
            with self._lock:
                self._busy -= 1
                if merged:
                    self._unmerged = 0
                self._settle()

    def _settle(self) -> None:
        if self._armed is None and self._busy == 0:
            self._idle.set()

    def merge_pending(self) -> None:
        """Merge now, on the calling thread, instead of waiting for editing to pause."""
        with self._lock:
            self._call_off()
            self._busy += 1
            self._idle.clear()
        self._run()

    def cancel(self) -> None:
        """Calls off a scheduled merge (a running one finishes)."""
        with self._lock:
            self._call_off()
            self._settle()

    def _call_off(self) -> None:
        self._token += 1
        if self._armed is not None:
            self._armed.cancel()
            self._armed = None

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Waits until no merge is scheduled or running; False if `timeout` passed first."""
        return self._idle.wait(timeout)
