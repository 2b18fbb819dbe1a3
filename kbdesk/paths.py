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


def sample_articles_dir() -> Path:
    return resource_path("articles")


def home_dir() -> Path:
    """The user's data folder: `KBDESK_HOME`, else the platform's per-user data folder."""
    configured = os.environ.get("KBDESK_HOME")
    path = Path(configured).expanduser() if configured else user_data_path(APP_NAME, False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_url(home: Path | None = None) -> str:
    """`KBDESK_DATABASE_URL`, else an SQLite file in the home folder."""
    configured = os.environ.get("KBDESK_DATABASE_URL")
    if configured:
        return configured
    return f"sqlite:///{(home or home_dir()) / 'kbdesk.sqlite'}"


def index_dir(home: Path | None = None) -> Path:
    return (home or home_dir()) / "index"
