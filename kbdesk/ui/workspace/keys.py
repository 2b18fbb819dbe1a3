"""Shortcuts that survive the Russian keyboard layout.

Qt matches a shortcut by the character a key produces, so under ЙЦУКЕН the key that types
"L" sends "Д" and Ctrl+L never fires. Every letter shortcut is therefore registered together
with its twin on the same physical key. Digits, F-keys and Enter are the same in both layouts.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

_LATIN = "qwertyuiop[]asdfghjkl;'zxcvbnm,."
_CYRILLIC = "йцукенгшщзхъфывапролджэячсмитьбю"
TO_CYRILLIC = dict(zip(_LATIN, _CYRILLIC, strict=True))
TO_LATIN = dict(zip(_CYRILLIC, _LATIN, strict=True))


def twin(sequence: str) -> str | None:
    """"Ctrl+L" -> "Ctrl+Д"; None when the last key is not a letter key."""
    modifiers, plus, key = sequence.rpartition("+")
    cyrillic = TO_CYRILLIC.get(key.lower()) if len(key) == 1 else None
    if cyrillic is None:
        return None
    return f"{modifiers}{plus}{cyrillic.upper()}"


def key_sequences(*sequences: str) -> list[QKeySequence]:
    keys: list[QKeySequence] = []
    for sequence in sequences:
        keys.append(QKeySequence(sequence))
        other = twin(sequence)
        if other is not None:
            keys.append(QKeySequence(other))
    return keys


def add_shortcut(
    parent: QWidget,
    sequences: str | tuple[str, ...],
    slot: Callable[[], object],
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
) -> QShortcut:
    """One shortcut answering to each sequence and to its Cyrillic twin.

    Some platforms offer the Latin key as well when the Russian layout is active, so both
    entries can match one key press; Qt then reports it as ambiguous, which is still ours.
    """
    shortcut = QShortcut(parent)
    shortcut.setKeys(key_sequences(*((sequences,) if isinstance(sequences, str) else sequences)))
    shortcut.setContext(context)
    shortcut.activated.connect(slot)
    shortcut.activatedAmbiguously.connect(slot)
    return shortcut


# Qt names no Cyrillic keys: their key codes are the upper-case letters' code points.
_ANSWER_KEYS = {
    Qt.Key.Key_Y.value: True,
    ord("Н"): True,  # on the Y key
    Qt.Key.Key_N.value: False,
    ord("Т"): False,  # on the N key
}


def answer_key(text: str, key: int = 0) -> bool | None:
    """Y / N typed in either layout: True, False or None for any other key."""
    if text:
        letter = TO_LATIN.get(text.lower(), text.lower())
        return {"y": True, "n": False}.get(letter)
    return _ANSWER_KEYS.get(key)
