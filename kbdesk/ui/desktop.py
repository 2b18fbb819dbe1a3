"""The operating system's side of the quick answer: a global hotkey, and pasting into the
window the operator was typing in. Everything platform-specific of kbdesk is in this module.

- X11 (Linux, BSD): the hotkey is an `XGrabKey` on the key's *code*, so it fires in any
  keyboard layout; the reply is pasted by giving the focus back (`_NET_ACTIVE_WINDOW`) and
  typing Ctrl+V through the XTEST extension.
- Windows: `RegisterHotKey` with the virtual-key code (the same key in the Russian layout);
  `SetForegroundWindow`, then Ctrl+V through `keybd_event`.
- Wayland, macOS, anything else: no hotkey and no paste (the compositor, or the Accessibility
  permission, would have to allow it); the popup opens from the tray icon, the reply is copied
  and the popup says to paste it.

`Desktop` is the interface the quick answer uses; `NoDesktop` is the honest fallback, and the
tests use a double of `Desktop` for the only parts that cannot run offscreen.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from typing import Any

from PySide6.QtCore import (
    QAbstractNativeEventFilter,
    QByteArray,
    QCoreApplication,
    QObject,
    QSocketNotifier,
    Signal,
)
from PySide6.QtGui import QGuiApplication

from kbdesk.ui.workspace.keys import TO_LATIN

log = logging.getLogger(__name__)
DEFAULT_HOTKEY = "Ctrl+Alt+K"
translate = QCoreApplication.translate


def parse_hotkey(sequence: str) -> tuple[frozenset[str], str] | None:
    """"Ctrl+Alt+K" → ({"ctrl", "alt"}, "k"); a Cyrillic letter means its physical key
    ("Ctrl+Alt+Л" is Ctrl+Alt+K). None when there is no key or no modifier."""
    parts = [part.strip() for part in sequence.replace(" ", "").split("+") if part.strip()]
    if len(parts) < 2:
        return None
    *mods, key = parts
    names = {"ctrl": "ctrl", "control": "ctrl", "alt": "alt", "shift": "shift",
             "meta": "super", "win": "super", "super": "super"}  # fmt: skip
    modifiers = frozenset(names.get(mod.lower(), "") for mod in mods)
    if "" in modifiers or not modifiers:
        return None
    key = TO_LATIN.get(key.lower(), key.lower())
    if len(key) == 1 and (key.isascii() and key.isalnum()):
        return modifiers, key
    if key == "space" or (key.startswith("f") and key[1:].isdigit() and 1 <= int(key[1:]) <= 24):
        return modifiers, key
    return None


class Desktop(QObject):
    """What the quick answer needs of the operating system."""

    hotkey_pressed = Signal()

    name = "none"

    def can_paste(self) -> bool:
        """True when a reply can be typed into another application's window."""
        return False

    def limitation(self) -> str:
        """Why the reply is copied instead of pasted, in words for the operator."""
        return ""

    def register_hotkey(self, sequence: str) -> bool:
        return False

    def unregister_hotkey(self) -> None:
        return None

    def active_window(self) -> int | None:
        """The window that has the focus now (before the popup shows), if it can be known."""
        return None

    def activate(self, window: int) -> bool:
        return False

    def send_paste(self) -> bool:
        """Ctrl+V into the focused window."""
        return False


class NoDesktop(Desktop):
    """No global hotkey and no paste: Wayland, macOS, offscreen. The popup still works from the
    tray icon and copies the reply."""

    def __init__(self, reason: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reason = reason

    def limitation(self) -> str:
        return self._reason


# -- X11 --------------------------------------------------------------------------------------


class X11Desktop(Desktop):
    name = "x11"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from Xlib import XK, X, display  # Linux only; imported on use
        from Xlib.ext import xtest

        self._X, self._XK, self._xtest = X, XK, xtest
        self._display = display.Display()
        self._root = self._display.screen().root
        self._grabbed: list[tuple[int, int]] = []
        self._keycode = 0
        self._notifier = QSocketNotifier(self._display.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_events)
        self._active = self._display.intern_atom("_NET_ACTIVE_WINDOW")

    def can_paste(self) -> bool:
        return bool(self._display.has_extension("XTEST"))

    def limitation(self) -> str:
        return "" if self.can_paste() else translate(
            "Desktop", "This X server cannot type into other windows (no XTEST)."
        )

    def register_hotkey(self, sequence: str) -> bool:
        from Xlib import error

        self.unregister_hotkey()
        parsed = parse_hotkey(sequence)
        if parsed is None:
            return False
        modifiers, key = parsed
        X = self._X
        # The keysym of the Latin layout names the physical key; its code is what is grabbed.
        keysym = self._XK.string_to_keysym(key if len(key) == 1 or key == "space" else key.upper())
        keycode = self._display.keysym_to_keycode(keysym)
        if not keycode:
            return False
        mask = 0
        for name, bit in (("ctrl", X.ControlMask), ("alt", X.Mod1Mask),
                          ("shift", X.ShiftMask), ("super", X.Mod4Mask)):  # fmt: skip
            if name in modifiers:
                mask |= bit
        catch = error.CatchError(error.BadAccess)
        # Caps Lock and Num Lock must not stop the hotkey: grab it with each of them too.
        for extra in (0, X.LockMask, X.Mod2Mask, X.LockMask | X.Mod2Mask):
            self._root.grab_key(keycode, mask | extra, True, X.GrabModeAsync, X.GrabModeAsync,
                                onerror=catch)
            self._grabbed.append((keycode, mask | extra))
        self._display.sync()
        if catch.get_error():
            log.warning("the hotkey %s is taken by another program", sequence)
            self.unregister_hotkey()
            return False
        self._keycode = keycode
        return True

    def unregister_hotkey(self) -> None:
        for keycode, mask in self._grabbed:
            self._root.ungrab_key(keycode, mask)
        self._grabbed.clear()
        self._keycode = 0
        self._display.flush()

    def _on_events(self) -> None:
        X = self._X
        while self._display.pending_events():
            event = self._display.next_event()
            if event.type == X.KeyPress and event.detail == self._keycode:
                self.hotkey_pressed.emit()

    def active_window(self) -> int | None:
        try:
            prop = self._root.get_full_property(self._active, self._X.AnyPropertyType)
            if prop is not None and prop.value and prop.value[0]:
                return int(prop.value[0])
            focus = self._display.get_input_focus().focus
            return int(focus.id) if hasattr(focus, "id") else None
        except Exception:
            log.exception("could not read the active window")
            return None

    def activate(self, window: int) -> bool:
        from Xlib import X
        from Xlib.protocol import event

        try:
            target = self._display.create_resource_object("window", window)
            message = event.ClientMessage(
                window=target, client_type=self._active, data=(32, [2, X.CurrentTime, 0, 0, 0])
            )
            self._root.send_event(
                message, event_mask=X.SubstructureRedirectMask | X.SubstructureNotifyMask
            )
            self._display.sync()
            return True
        except Exception:
            log.exception("could not activate window %s", window)
            return False

    def send_paste(self) -> bool:
        X, XK = self._X, self._XK
        control = self._display.keysym_to_keycode(XK.string_to_keysym("Control_L"))
        v = self._display.keysym_to_keycode(XK.string_to_keysym("v"))
        if not (control and v and self.can_paste()):
            return False
        for kind, code in ((X.KeyPress, control), (X.KeyPress, v),
                           (X.KeyRelease, v), (X.KeyRelease, control)):  # fmt: skip
            self._xtest.fake_input(self._display, kind, code)
        self._display.sync()
        return True


# -- Windows ----------------------------------------------------------------------------------

_WM_HOTKEY = 0x0312
_HOTKEY_ID = 0x4B42  # "KB"


class _HotkeyFilter(QAbstractNativeEventFilter):
    """WM_HOTKEY arrives as a thread message, which Qt hands to native event filters."""

    def __init__(self, desktop: WindowsDesktop) -> None:
        super().__init__()
        self._desktop = desktop

    def nativeEventFilter(self, event_type: QByteArray | bytes, message: int) -> Any:
        from ctypes import wintypes

        if bytes(event_type) == b"windows_generic_MSG":
            msg = wintypes.MSG.from_address(int(message))
            if msg.message == _WM_HOTKEY and msg.wParam == _HOTKEY_ID:
                self._desktop.hotkey_pressed.emit()
                return True, 0
        return False, 0


class WindowsDesktop(Desktop):
    name = "windows"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._user32: Any = ctypes.windll.user32  # type: ignore[attr-defined]
        self._filter = _HotkeyFilter(self)
        QCoreApplication.instance().installNativeEventFilter(self._filter)  # type: ignore[union-attr]
        self._registered = False

    def can_paste(self) -> bool:
        return True

    def register_hotkey(self, sequence: str) -> bool:
        self.unregister_hotkey()
        parsed = parse_hotkey(sequence)
        if parsed is None:
            return False
        modifiers, key = parsed
        mask = 0x4000  # MOD_NOREPEAT
        for name, bit in (("alt", 0x1), ("ctrl", 0x2), ("shift", 0x4), ("super", 0x8)):
            if name in modifiers:
                mask |= bit
        # Virtual-key codes name physical keys in the Russian layout as in the US one.
        if key == "space":
            vk = 0x20
        elif key.startswith("f") and len(key) > 1:
            vk = 0x70 + int(key[1:]) - 1
        else:
            vk = ord(key.upper())
        self._registered = bool(self._user32.RegisterHotKey(None, _HOTKEY_ID, mask, vk))
        return self._registered

    def unregister_hotkey(self) -> None:
        if self._registered:
            self._user32.UnregisterHotKey(None, _HOTKEY_ID)
            self._registered = False

    def active_window(self) -> int | None:
        handle = self._user32.GetForegroundWindow()
        return int(handle) if handle else None

    def activate(self, window: int) -> bool:
        return bool(self._user32.SetForegroundWindow(window))

    def send_paste(self) -> bool:
        control, v, up = 0x11, 0x56, 0x2
        for key, flags in ((control, 0), (v, 0), (v, up), (control, up)):
            self._user32.keybd_event(key, 0, flags, 0)
        return True


def detect(parent: QObject | None = None) -> Desktop:
    """The desktop this process runs on, or `NoDesktop` with the reason in words."""
    platform = QGuiApplication.platformName()
    try:
        if platform == "xcb":
            return X11Desktop(parent)
        if platform == "windows" and sys.platform == "win32":
            return WindowsDesktop(parent)
    except Exception as error:  # no python-xlib, no display connection: say so, keep going
        log.warning("no global hotkey on %s: %s", platform, error)
        return NoDesktop(
            translate("Desktop", "The global hotkey is not available here ({error}).").format(
                error=error
            ),
            parent,
        )
    if platform == "wayland":
        reason = translate(
            "Desktop",
            "Wayland does not let applications set global hotkeys or type into other "
            "windows: open the quick answer from the tray icon; the reply is copied for you "
            "to paste with Ctrl+V.",
        )
    elif platform == "cocoa":
        reason = translate(
            "Desktop",
            "On macOS the quick answer opens from the menu bar icon and copies the reply; "
            "paste it with Cmd+V.",
        )
    else:
        reason = translate(
            "Desktop", "No global hotkey on this platform: the reply is copied for you to paste."
        )
    return NoDesktop(reason, parent)
