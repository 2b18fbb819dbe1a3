"""The operator workspace: search, preview, fill, copy and resolve."""

from kbdesk.ui.workspace.page import WorkspacePage

__all__ = ["WorkspacePage"]
