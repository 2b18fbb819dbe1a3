"""Size of the one-folder bundle on disk, against the 150 MB target, with the biggest parts.

python benchmarks/bundle_size.py [build/out/dist/kbdesk]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

DEFAULT = Path(__file__).resolve().parent.parent / "build" / "out" / "dist" / "kbdesk"
TARGET_MB = 150
MIB = 1024 * 1024


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not root.is_dir():
        print(f"no bundle at {root}: build it first (see README)", file=sys.stderr)
        return 1
    apparent = on_disk = 0
    parts: Counter[str] = Counter()
    for path in root.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        stat = path.stat()
        apparent += stat.st_size
        on_disk += stat.st_blocks * 512  # what `du` counts: whole filesystem blocks
        relative = path.relative_to(root).parts
        # Group by package, so PySide6 or rapidfuzz shows as one line.
        key = "/".join(relative[:2]) if relative[0] == "_internal" else relative[0]
        if key.endswith("/PySide6"):
            key = "/".join(relative[:5]) if len(relative) > 4 else key
        parts[key] += stat.st_size
    print(f"{root}")
    print(
        f"on disk {on_disk / MIB:.1f} MiB, files {apparent / MIB:.1f} MiB "
        f"({apparent / 1e6:.1f} MB); target ≤ {TARGET_MB} MB: "
        + ("met" if on_disk / MIB <= TARGET_MB else "MISSED")
    )
    for name, size in parts.most_common(15):
        print(f"  {size / MIB:6.1f} MiB  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
