"""When to merge the small segments saved edits leave behind: once editing pauses.

A saved edit commits without merging (merging is most of a commit's time on a large index).
Once enough such commits piled up, a merge is scheduled for when editing pauses, so a merge
never makes the next save wait. Editing that never pauses (a sync, a long import by saves) gets
its merge anyway, in the background, once `merge_now_after` commits piled up: the segment count
stays bounded (every segment costs time on every search), and a save waits for that rare merge
at most. What is still unmerged at close is merged then (`finish`), so the small segments do not
outlive the process; an index opened with too many (a crash) gets a merge scheduled.
Timing is injectable (`schedule`), and `merge_pending()` and
`wait_idle()` let callers and tests wait on events instead of sleeping and hoping.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

MERGE_AFTER_EDITS = 8
MERGE_WHEN_IDLE_S = 2.0
MERGE_NOW_AFTER = 32


class Cancel(Protocol):
    def finish(self) -> None:
        """At close: call off a scheduled merge and do what it would have done, now (on the
        calling thread), so no small segment is left behind for the next start."""
        with self._lock:
            pending = self._unmerged > 0
        if pending:
            self.merge_pending()
        else:
            self.cancel()

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
        merge_now_after: int = MERGE_NOW_AFTER,
    ) -> None:
        self._merge = merge  # returns False when it could not merge (the next edit retries)
        self._after_edits = after_edits
        self._idle_s = idle_s
        self._now_after = max(merge_now_after, after_edits)
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
            self._arm_locked(0.0 if self._unmerged >= self._now_after else self._idle_s)

    def due(self) -> None:
        """Segments piled up before this process (an index opened with too many): merge once
        editing pauses, as after `after_edits` edits."""
        with self._lock:
            self._unmerged = max(self._unmerged, self._after_edits)
            self._arm_locked(self._idle_s)

    def _arm_locked(self, delay: float) -> None:
        if self._armed is not None:
            self._armed.cancel()
        self._token += 1
        token = self._token
        self._idle.clear()
        self._armed = self._schedule(delay, lambda: self._fire(token))

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

    def finish(self) -> None:
        """At close: call off a scheduled merge and do what it would have done, now (on the
        calling thread), so no small segment is left behind for the next start."""
        with self._lock:
            pending = self._unmerged > 0
        if pending:
            self.merge_pending()
        else:
            self.cancel()

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
