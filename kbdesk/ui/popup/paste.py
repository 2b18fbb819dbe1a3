"""Whether a reply can be pasted into the window the operator came from, or only copied."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class PasteAction(StrEnum):
    PASTE = "paste"  # back to the window, Ctrl+V, the old clipboard restored after
    COPY = "copy"  # left on the clipboard for the operator to paste


class CopyReason(StrEnum):
    NONE = ""
    PLATFORM = "platform"  # this desktop cannot type into other windows
    NO_TARGET = "no_target"  # the window that had the focus is not known
    OWN_WINDOW = "own_window"  # the popup was opened over kbdesk itself


@dataclass(frozen=True)
class PastePlan:
    action: PasteAction
    target: int | None = None
    reason: CopyReason = CopyReason.NONE


def decide(can_paste: bool, target: int | None, own_windows: set[int]) -> PastePlan:
    """Paste only where it surely lands in the operator's other application."""
    if not can_paste:
        return PastePlan(PasteAction.COPY, target, CopyReason.PLATFORM)
    if target is None:
        return PastePlan(PasteAction.COPY, None, CopyReason.NO_TARGET)
    if target in own_windows:
        return PastePlan(PasteAction.COPY, target, CopyReason.OWN_WINDOW)
    return PastePlan(PasteAction.PASTE, target)
