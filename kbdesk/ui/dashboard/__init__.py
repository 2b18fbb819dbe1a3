"""The team-lead dashboard page (leads only; the main window hides the tab from others)."""

from kbdesk.ui.dashboard.page import DashboardPage

__all__ = ["DashboardPage"]
