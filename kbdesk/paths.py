"""Where kbdesk finds its bundled data and keeps the user's data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "kbdesk"


def project_root() -> Path:
    """The folder holding `resources/` and `articles/`: the checkout, or the frozen bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A bundled data file, from a checkout and from a PyInstaller bundle alike."""
    return project_root().joinpath(*parts)


DATABASE_FILE = "kbdesk.sqlite"


def sample_articles_dir() -> Path:
    return resource_path("articles")


def home_dir() -> Path:
    """The user's data folder: `KBDESK_HOME`, else the platform's per-user data folder."""
    configured = os.environ.get("KBDESK_HOME")
    path = Path(configured).expanduser() if configured else user_data_path(APP_NAME, False)
    path.mkdir(parents=True, exist_ok=True)
    # Absolute and without links: the index folder is keyed by the database URL, so a relative
    # or linked KBDESK_HOME would otherwise look like another database and rebuild the index.
    return path.resolve()


def embedded_url(home: Path | None = None) -> str:
    """The per-user SQLite database in the home folder."""
    return f"sqlite:///{(home or home_dir()) / DATABASE_FILE}"


def database_url(home: Path | None = None) -> str:
    """`KBDESK_DATABASE_URL`, else the embedded SQLite file in the home folder."""
    return os.environ.get("KBDESK_DATABASE_URL") or embedded_url(home)


def index_dir(home: Path | None = None) -> Path:
    return (home or home_dir()) / "index"
