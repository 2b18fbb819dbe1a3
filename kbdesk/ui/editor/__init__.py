"""The editor workspace: write, preview, version and review articles and templates."""

from kbdesk.ui.editor.page import EditorPage

__all__ = ["EditorPage"]
