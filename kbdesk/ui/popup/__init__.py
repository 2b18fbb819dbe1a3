"""The quick-answer popup: a global hotkey, a compact search and form over any application, and
the filled reply pasted back where the operator was typing."""

from kbdesk.ui.popup.controller import QuickAnswer
from kbdesk.ui.popup.window import QuickAnswerPopup

__all__ = ["QuickAnswer", "QuickAnswerPopup"]
