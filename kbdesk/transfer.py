"""Import a knowledge base from files, folders or zips, and export it back losslessly."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from kbdesk.content import (
    MAX_FILE_BYTES,
    SYNONYMS_FILE,
    ContentError,
    ContentItem,
    decode,
    dump,
    dump_synonyms,
    parse_bytes,
    parse_synonyms,
)
from kbdesk.records import ArticleRecord

MAX_ZIP_ENTRIES = 20_000


@dataclass(frozen=True)
class SourceFile:
    name: str  # shown to the user: a path, or zip:entry
    data: bytes | None
    error: str | None = None


def _read_limited(path: Path) -> SourceFile:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            # Do not read a huge file into memory just to refuse it.
            return SourceFile(str(path), None, _too_large(size))
        return SourceFile(str(path), path.read_bytes())
    except OSError as error:
        return SourceFile(str(path), None, f"cannot be read: {error.strerror or error}")


def _too_large(size: int) -> str:
    return (
        f"file is too large ({size / 1_000_000:.1f} MB; the limit is "
        f"{MAX_FILE_BYTES // 1_000_000} MB)"
    )


def _from_zip(path: Path) -> Iterator[SourceFile]:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = [i for i in archive.infolist() if not i.is_dir()]
            if len(infos) > MAX_ZIP_ENTRIES:
                yield SourceFile(str(path), None, f"zip holds over {MAX_ZIP_ENTRIES} files")
                return
            for info in sorted(infos, key=lambda i: i.filename):
                name = f"{path}:{info.filename}"
                base = info.filename.rsplit("/", 1)[-1]
                if not (base.lower().endswith(".md") or base == SYNONYMS_FILE):
                    continue
                if base.startswith("."):
                    continue
                if info.file_size > MAX_FILE_BYTES:
                    yield SourceFile(name, None, _too_large(info.file_size))
                    continue
                try:
                    yield SourceFile(name, archive.read(info))
                except (zipfile.BadZipFile, OSError, RuntimeError) as error:
                    yield SourceFile(name, None, f"cannot be unpacked: {error}")
    except (zipfile.BadZipFile, OSError) as error:
        yield SourceFile(str(path), None, f"not a readable zip archive: {error}")


def collect(paths: Iterable[Path]) -> Iterator[SourceFile]:
    """Every markdown file (and synonyms file) named, inside named folders, or in zips."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if (
                    child.is_file()
                    and not hidden
                    and (child.suffix.lower() == ".md" or child.name == SYNONYMS_FILE)
                ):
                    yield _read_limited(child)
        elif path.suffix.lower() == ".zip":
            yield from _from_zip(path)
        elif path.exists():
            yield _read_limited(path)
        else:
            yield SourceFile(str(path), None, "no such file or folder")


def parse_sources(
    sources: Iterable[SourceFile],
) -> tuple[list[tuple[str, ContentItem]], list[list[str]], list[tuple[str, str]]]:
    """Split sources into parsed items, synonym groups and failures (file, reason)."""
    items: list[tuple[str, ContentItem]] = []
    synonyms: list[list[str]] = []
    failed: list[tuple[str, str]] = []
    seen: dict[str, str] = {}
    for source in sources:
        if source.error or source.data is None:
            failed.append((source.name, source.error or "cannot be read"))
            continue
        try:
            if source.name.rsplit("/", 1)[-1].endswith(SYNONYMS_FILE):
                synonyms.extend(parse_synonyms(decode(source.data, source.name)))
                continue
            item = parse_bytes(source.data, source.name)
        except ContentError as error:
            failed.append((source.name, str(error)))
            continue
        if item.slug in seen:
            failed.append((source.name, f"slug '{item.slug}' is also used by {seen[item.slug]}"))
            continue
        seen[item.slug] = source.name
        items.append((source.name, item))
    return items, synonyms, failed


def export_items(
    records: Sequence[ArticleRecord], synonyms: Sequence[Sequence[str]], target: Path
) -> list[Path]:
    """Write one `slug.md` per item (and the synonyms file) into a folder or a `.zip`."""
    files = {f"{r.slug}.md": dump(r.to_item()) for r in sorted(records, key=lambda r: r.slug)}
    if synonyms:
        files[SYNONYMS_FILE] = dump_synonyms([list(g) for g in synonyms])
    if target.suffix.lower() == ".zip":
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, text in files.items():
                archive.writestr(name, text.encode("utf-8"))
        partial.replace(target)
        return [target]
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in files.items():
        path = target / name
        partial = path.with_name(path.name + ".partial")
        partial.write_bytes(text.encode("utf-8"))
        partial.replace(path)
        written.append(path)
    return written
