"""Render resources/icons/kbdesk.svg to the PNG sizes desktops ask for, and a Windows .ico.

Run after editing the SVG:  python build/render_icons.py
The renders are committed, so building the bundle never needs this step.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # rendering needs no screen

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 32, 48, 128, 256)


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_from_pngs(pngs: dict[int, bytes]) -> bytes:
    """An .ico holding PNG images (valid since Windows Vista); Qt cannot write .ico itself."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an icon directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def main() -> int:
    _app = QGuiApplication(sys.argv)  # QPainter needs an application object
    renderer = QSvgRenderer(str(ICONS / "kbdesk.svg"))
    if not renderer.isValid():
        print(f"cannot read {ICONS / 'kbdesk.svg'}", file=sys.stderr)
        return 1
    pngs = {size: render_png(renderer, size) for size in SIZES}
    for size, png in pngs.items():
        (ICONS / f"kbdesk-{size}.png").write_bytes(png)
    (ICONS / "kbdesk.ico").write_bytes(ico_from_pngs(pngs))
    print(f"wrote {len(pngs)} PNGs and kbdesk.ico to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
