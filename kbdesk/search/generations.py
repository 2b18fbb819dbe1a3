"""Index generations on disk: a rebuild fills a new folder while searches use the old one.

Layout of the index folder:
    CURRENT           name of the live generation, replaced atomically (os.replace)
    g-<time>-<pid>/   a generation: engine files + kbdesk-meta.json + kbdesk-vocab.txt
A crash at any point leaves CURRENT naming a complete generation; half-built ones are removed at
the next open. Edits saved while a rebuild runs go to the live generation and are replayed into
the new one before the swap, so none is lost.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kbdesk.search.whoosh_internals import is_being_written

CURRENT = "CURRENT"
META = "kbdesk-meta.json"
VOCAB = "kbdesk-vocab.txt"
_PREFIX = "g-"


def write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def read_meta(gen: Path) -> dict[str, Any]:
    meta = json.loads((gen / META).read_text(encoding="utf-8"))
    if not isinstance(meta, dict):
        raise ValueError(f"{META} holds no object")
    return meta


def write_meta(gen: Path, meta: dict[str, Any]) -> None:
    write_atomic(gen / META, json.dumps(meta))


class Generations:
    """The generation folders under one index folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def live_name(self) -> str:
        """The name CURRENT holds; raises OSError (FileNotFoundError when there is no index)
        or UnicodeDecodeError."""
        return (self.root / CURRENT).read_text(encoding="utf-8").strip()

    def folder(self, name: str) -> Path | None:
        """The generation of that name, or None when the name is no generation of ours."""
        gen = self.root / name
        if not name.startswith(_PREFIX) or "/" in name or "\\" in name or not gen.is_dir():
            return None
        return gen

    def create(self) -> Path:
        self.root.mkdir(parents=True, exist_ok=True)
        gen = self.root / f"{_PREFIX}{time.time_ns():x}-{os.getpid()}"
        gen.mkdir()
        return gen

    def swap(self, gen: Path) -> None:
        """Makes `gen` the live generation, atomically."""
        write_atomic(self.root / CURRENT, gen.name)

    def discard(self, gen: Path) -> None:
        shutil.rmtree(gen, ignore_errors=True)  # may fail on Windows; cleaned at the next open

    def remove_stale(self, keep: str) -> None:
        """Generations left by a crashed rebuild; one being built holds its writer lock."""
        for entry in self.root.iterdir():
            if not entry.is_dir() or not entry.name.startswith(_PREFIX) or entry.name == keep:
                continue
            try:
                if is_being_written(entry):
                    continue
            except OSError:
                pass  # an unusable lock file: nobody can be writing there
            shutil.rmtree(entry, ignore_errors=True)


Edit = tuple[str, Any, str]  # ("upsert", docs, fingerprint) or ("delete", ids, fingerprint)


class PendingEdits:
    """Edits saved to the live generation while a rebuild runs, to replay into the new one."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._edits: list[Edit] | None = None

    def start(self) -> None:
        with self._lock:
            self._edits = []

    def stop(self) -> None:
        with self._lock:
            self._edits = None

    def record(self, op: str, payload: Any, fingerprint: str) -> None:
        with self._lock:
            if self._edits is not None:
                self._edits.append((op, payload, fingerprint))

    def replay(self, apply: Callable[[str, Any], int], fingerprint: str) -> tuple[int, str]:
        """Applies the recorded edits in order and stops recording; the caller holds the write
        lock, so no edit can slip in between. Returns the change in document count and the
        fingerprint of the last edit (or the one given)."""
        with self._lock:
            edits, self._edits = self._edits or [], None
        delta = 0
        for op, payload, edit_fingerprint in edits:
            delta += apply(op, payload)
            fingerprint = edit_fingerprint
        return delta, fingerprint
