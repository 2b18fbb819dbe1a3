"""Why a file could not be imported, in the interface language.

The core's reasons stay English, for the command line and the logs, and carry a stable code
with the values they were written from (`kbdesk.content.Reason`); here each code has its
wording, translated like every other text of the window.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kbdesk.content import Reason

CONTEXT = "ImportReason"

# One wording per code of `kbdesk.transfer` and `kbdesk.content`, with the same parameters.
_TEMPLATES = {
    # Reading files, folders and zips (kbdesk.transfer).
    "missing": QT_TRANSLATE_NOOP("ImportReason", "no such file or folder"),
    "cannot_be_read": QT_TRANSLATE_NOOP("ImportReason", "cannot be read"),
    "unreadable": QT_TRANSLATE_NOOP("ImportReason", "cannot be read: {error}"),
    "folder_unreadable": QT_TRANSLATE_NOOP("ImportReason", "the folder cannot be read: {error}"),
    "not_regular": QT_TRANSLATE_NOOP("ImportReason", "not a regular file ({kind}): skipped"),
    "over_limit": QT_TRANSLATE_NOOP(
        "ImportReason", "the file is too large (the limit is {limit} MB)"
    ),
    "zip_too_many": QT_TRANSLATE_NOOP("ImportReason", "the zip holds over {limit} files"),
    "zip_directory_too_large": QT_TRANSLATE_NOOP(
        "ImportReason", "the zip's table of contents is too large"
    ),
    "bad_zip": QT_TRANSLATE_NOOP("ImportReason", "not a readable zip archive: {error}"),
    "unpack": QT_TRANSLATE_NOOP("ImportReason", "cannot be unpacked: {error}"),
    "duplicate_slug": QT_TRANSLATE_NOOP(
        "ImportReason", "the slug “{slug}” is also used by {other}"
    ),
    # The file format (kbdesk.content).
    "file_too_large": QT_TRANSLATE_NOOP(
        "ImportReason", "the file is too large ({size} MB; the limit is {limit} MB)"
    ),
    "binary": QT_TRANSLATE_NOOP("ImportReason", "a binary file, not markdown text"),
    "not_utf8": QT_TRANSLATE_NOOP(
        "ImportReason", "not UTF-8 text (bad byte at position {position}); save it as UTF-8"
    ),
    "no_front_matter": QT_TRANSLATE_NOOP(
        "ImportReason",
        "no front matter: the file must start with “---”, a “title:” line and “---”",
    ),
    "bad_yaml": QT_TRANSLATE_NOOP("ImportReason", "the front matter is not valid YAML: {problem}"),
    "bad_yaml_at": QT_TRANSLATE_NOOP(
        "ImportReason", "the front matter is not valid YAML at line {line}: {problem}"
    ),
    "not_key_value": QT_TRANSLATE_NOOP(
        "ImportReason", "the front matter must be “key: value” lines"
    ),
    "no_title": QT_TRANSLATE_NOOP(
        "ImportReason", "no title: add a “title:” line to the front matter"
    ),
    "bad_slug": QT_TRANSLATE_NOOP(
        "ImportReason",
        "the slug “{slug}” may hold only letters, digits, “-”, “_” and “.” (no spaces or “/”)",
    ),
    "not_one_of": QT_TRANSLATE_NOOP("ImportReason", "“{key}: {value}” is not one of: {options}"),
    "not_plain_text": QT_TRANSLATE_NOOP("ImportReason", "“{key}” must be plain text"),
    "not_a_date": QT_TRANSLATE_NOOP(
        "ImportReason", "“review_by: {value}” is not a date like 2026-12-31"
    ),
    "not_a_date_key": QT_TRANSLATE_NOOP(
        "ImportReason", "“{key}: {value}” is not a date like 2026-12-31"
    ),
    "held_as_draft": QT_TRANSLATE_NOOP(
        "ImportReason",
        "saved as a draft, not published: problems found: {count}, the first on line {line}: "
        "{problems}",
    ),
    "tags_not_list": QT_TRANSLATE_NOOP(
        "ImportReason", "“tags” must be a list, e.g. tags: [доставка, курьер]"
    ),
    "tag_not_word": QT_TRANSLATE_NOOP("ImportReason", "a tag must be a word, not {tag}"),
    "unknown_key": QT_TRANSLATE_NOOP("ImportReason", "unknown key “{key}” ignored"),
    "unstorable": QT_TRANSLATE_NOOP(
        "ImportReason",
        "the field “{field}” holds a character that cannot be stored ({character}); remove it",
    ),
    "unstorable_line": QT_TRANSLATE_NOOP(
        "ImportReason",
        "the text holds a character that cannot be stored ({character}) on line {line}; remove it",
    ),
    "empty_title": QT_TRANSLATE_NOOP("ImportReason", "the title cannot be empty"),
    "bad_kind": QT_TRANSLATE_NOOP(
        "ImportReason", "the kind must be one of {options}, not “{value}”"
    ),
    "bad_status": QT_TRANSLATE_NOOP(
        "ImportReason", "the status must be one of {options}, not “{value}”"
    ),
}

# English words some reasons carry as values: kinds of special file, names of fields.
_WORDS = {
    "pipe": QT_TRANSLATE_NOOP("ImportReason", "a pipe"),
    "socket": QT_TRANSLATE_NOOP("ImportReason", "a socket"),
    "device": QT_TRANSLATE_NOOP("ImportReason", "a device"),
    "title": QT_TRANSLATE_NOOP("ImportReason", "Title"),
    "text": QT_TRANSLATE_NOOP("ImportReason", "Text"),
    "category": QT_TRANSLATE_NOOP("ImportReason", "Category"),
    "owner": QT_TRANSLATE_NOOP("ImportReason", "Owner"),
    "tags": QT_TRANSLATE_NOOP("ImportReason", "Tags"),
}
_TRANSLATED_VALUES = ("kind", "field")


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def reason_text(reason: str) -> str:
    """A reason in the interface language; any other text (a database error) as it came."""
    if not isinstance(reason, Reason):
        return reason
    template = _TEMPLATES.get(reason.code)
    if template is None:
        return str(reason)
    params = {
        name: _translate(_WORDS[value])
        if name in _TRANSLATED_VALUES and isinstance(value, str) and value in _WORDS
        else value
        for name, value in reason.params.items()
    }
    try:
        return _translate(template).format(**params)
    except (KeyError, IndexError, ValueError):
        return str(reason)  # a translation that lost a placeholder must not hide the reason
