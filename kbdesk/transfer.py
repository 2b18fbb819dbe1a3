"""Import a knowledge base from files, folders or zips, and export it back losslessly.

Reads are bounded by the bytes actually read, never by what a header claims: a file or a zip
entry is read up to one byte past the limit and refused beyond it, so a lying zip or
/dev/zero cannot fill memory. Anything that is not a regular file (a FIFO, a device) is
refused before it is read, and a folder or file that cannot be read is reported as a failure.
"""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kbdesk.content import (
    MAX_FILE_BYTES,
    SYNONYMS_FILE,
    ContentError,
    ContentItem,
    Reason,
    decode,
    dump,
    dump_synonyms,
    parse_bytes,
    parse_synonyms,
)
from kbdesk.records import ArticleRecord

MAX_ZIP_ENTRIES = 20_000
# The central directory is read whole by zipfile: refuse one claiming more than this.
MAX_ZIP_DIRECTORY_BYTES = 16_000_000
_CANNOT_BE_READ = Reason("cannot_be_read", "cannot be read")


@dataclass(frozen=True)
class SourceFile:
    name: str  # shown to the user: a path, or zip:entry
    data: bytes | None
    error: str | None = None
    base: str = ""  # the file name alone (the default slug comes from it, zip or folder)


@dataclass(frozen=True)
class Parsed:
    """One source read: an item, synonym groups, or a failure with its reason."""

    name: str
    item: ContentItem | None = None
    synonyms: list[list[str]] | None = None
    error: str | None = None


# Every reason is a `Reason`: English here and in the CLI, a code the window translates.


def _too_large() -> Reason:
    return Reason(
        "over_limit",
        "file is too large (over {limit} MB, the limit)",
        limit=MAX_FILE_BYTES // 1_000_000,
    )


def _special(mode: int) -> Reason:
    kind = "pipe" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "device"
    return Reason("not_regular", "not a regular file (a {kind}): skipped", kind=kind)


def _unreadable(error: OSError, *, folder: bool = False) -> Reason:
    detail = str(error.strerror or error)
    if folder:
        return Reason("folder_unreadable", "folder cannot be read: {error}", error=detail)
    return Reason("unreadable", "cannot be read: {error}", error=detail)


def _zip_too_many() -> Reason:
    return Reason("zip_too_many", "zip holds over {limit} files", limit=MAX_ZIP_ENTRIES)


def _open_regular(path: Path) -> BinaryIO:
    """Open for reading without blocking on a FIFO; OSError or ValueError(reason) if unusable."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise ValueError(_special(mode))
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _read_bounded(handle: BinaryIO) -> bytes | None:
    """At most MAX_FILE_BYTES; None when there is more (whatever the size claimed)."""
    data = handle.read(MAX_FILE_BYTES + 1)
    return None if len(data) > MAX_FILE_BYTES else data


def _read_limited(path: Path) -> SourceFile:
    try:
        with _open_regular(path) as handle:
            data = _read_bounded(handle)
    except ValueError as error:
        return SourceFile(str(path), None, error.args[0], path.name)  # the Reason itself
    except OSError as error:
        return SourceFile(str(path), None, _unreadable(error), path.name)
    if data is None:
        return SourceFile(str(path), None, _too_large(), path.name)
    return SourceFile(str(path), data, base=path.name)


def _wanted(base: str) -> bool:
    return not base.startswith(".") and (base.lower().endswith(".md") or base == SYNONYMS_FILE)


def _zip_claims(handle: BinaryIO) -> Reason | None:
    """Why the archive's own directory is too big to read, from its end record."""
    try:
        end = zipfile._EndRecData(handle)  # type: ignore[attr-defined]
    except OSError:
        return None
    if not end:
        return None  # zipfile itself reports it as not a zip
    entries, size = end[zipfile._ECD_ENTRIES_TOTAL], end[zipfile._ECD_SIZE]  # type: ignore[attr-defined]
    if entries > MAX_ZIP_ENTRIES:
        return _zip_too_many()
    if size > MAX_ZIP_DIRECTORY_BYTES:
        return Reason("zip_directory_too_large", "zip directory is too large")
    return None


def _from_zip(path: Path) -> Iterator[SourceFile]:
    try:
        handle = _open_regular(path)
    except ValueError as error:
        yield SourceFile(str(path), None, error.args[0])  # the Reason itself
        return
    except OSError as error:
        yield SourceFile(str(path), None, _unreadable(error))
        return
    with handle:
        problem = _zip_claims(handle)
        if problem:
            yield SourceFile(str(path), None, problem)
            return
        try:
            archive = zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
            reason = Reason("bad_zip", "not a readable zip archive: {error}", error=str(error))
            yield SourceFile(str(path), None, reason)
            return
        with archive:
            infos = [i for i in archive.infolist() if not i.is_dir()]
            if len(infos) > MAX_ZIP_ENTRIES:
                yield SourceFile(str(path), None, _zip_too_many())
                return
            for info in sorted(infos, key=lambda i: i.filename):
                base = info.filename.rsplit("/", 1)[-1]
                if not _wanted(base):
                    continue
                name = f"{path}:{info.filename}"
                try:
                    with archive.open(info) as member:
                        data = _read_bounded(member)  # type: ignore[arg-type]
                except (
                    zipfile.BadZipFile,
                    OSError,
                    RuntimeError,
                    ValueError,
                    EOFError,
                    NotImplementedError,
                ) as error:
                    reason = Reason("unpack", "cannot be unpacked: {error}", error=str(error))
                    yield SourceFile(name, None, reason, base)
                    continue
                if data is None:
                    yield SourceFile(name, None, _too_large(), base)
                else:
                    yield SourceFile(name, data, base=base)


def _walk(folder: Path) -> Iterator[SourceFile]:
    """Every wanted file under `folder` in path order; unreadable folders are failures."""
    found: list[Path] = []
    failures: list[SourceFile] = []

    def failed(error: OSError) -> None:
        where = error.filename or folder
        failures.append(SourceFile(str(where), None, _unreadable(error, folder=True)))

    for root, dirs, files in os.walk(folder, onerror=failed):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / f for f in files if _wanted(f))
    yield from failures
    for child in sorted(found):
        yield _read_limited(child)


def collect(paths: Iterable[Path]) -> Iterator[SourceFile]:
    """Every markdown file (and synonyms file) named, inside named folders, or in zips."""
    for path in paths:
        try:
            mode = os.stat(path).st_mode
        except FileNotFoundError:
            yield SourceFile(str(path), None, Reason("missing", "no such file or folder"))
            continue
        except OSError as error:
            yield SourceFile(str(path), None, _unreadable(error))
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(path)
        elif path.suffix.lower() == ".zip":
            yield from _from_zip(path)
        else:
            yield _read_limited(path)


def iter_parsed(sources: Iterable[SourceFile]) -> Iterator[Parsed]:
    """Each source parsed as it is read, so an import holds one file at a time."""
    seen: dict[str, str] = {}
    for source in sources:
        if source.error or source.data is None:
            yield Parsed(source.name, error=source.error or _CANNOT_BE_READ)
            continue
        base = source.base or source.name.rsplit("/", 1)[-1]
        try:
            if base.endswith(SYNONYMS_FILE):
                groups = parse_synonyms(decode(source.data, source.name))
                yield Parsed(source.name, synonyms=groups)
                continue
            item = parse_bytes(source.data, base)
        except ContentError as error:
            yield Parsed(source.name, error=error.reason)
            continue
        if item.slug in seen:
            reason = Reason(
                "duplicate_slug",
                "slug '{slug}' is also used by {other}",
                slug=item.slug,
                other=seen[item.slug],
            )
            yield Parsed(source.name, error=reason)
            continue
        seen[item.slug] = source.name
        yield Parsed(source.name, item=item)


def parse_sources(
    sources: Iterable[SourceFile],
) -> tuple[list[tuple[str, ContentItem]], list[list[str]], list[tuple[str, str]]]:
    """Split sources into parsed items, synonym groups and failures (file, reason)."""
    items: list[tuple[str, ContentItem]] = []
    synonyms: list[list[str]] = []
    failed: list[tuple[str, str]] = []
    for parsed in iter_parsed(sources):
        if parsed.item is not None:
            items.append((parsed.name, parsed.item))
        elif parsed.synonyms is not None:
            synonyms.extend(parsed.synonyms)
        else:
            failed.append((parsed.name, parsed.error or _CANNOT_BE_READ))
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
        try:
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
                for name, text in files.items():
                    archive.writestr(name, text.encode("utf-8"))
            partial.replace(target)
        finally:
            partial.unlink(missing_ok=True)  # a full disk leaves no half-written file behind
        return [target]
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in files.items():
        path = target / name
        partial = path.with_name(path.name + ".partial")
        try:
            partial.write_bytes(text.encode("utf-8"))
            partial.replace(path)
        finally:
            partial.unlink(missing_ok=True)
        written.append(path)
    return written
