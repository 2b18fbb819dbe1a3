"""Figures for issue 17: kills at random points, masking speed, zip import peak memory.

    .venv/bin/python benchmarks/faults_bench.py [--kills 100] [--seed 17]

1. Kills: a child kbdesk process (tests/core/fault_child.py) is killed with SIGKILL at a
   random numbered point (SQL statement, commit, fsync, rename) of a first start (with the
   sample), a migration from revision 0002, an import and a run of saves. Afterwards the home
   is opened as the next start would: it must open, pass integrity_check, and hold every
   write the child acknowledged.
2. Masking: 10^6 digits (and other hostile shapes) through kbdesk.privacy.mask_pii; wall and
   CPU time, median of 7, with the load average. Leaks over 10,000 generated card, phone and
   e-mail forms.
3. Zip import peak memory: `kbdesk import` of archives that lie about their sizes or unpack
   to gigabytes, in a child process; its peak RSS from wait4.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "core"))

import fault_child  # noqa: E402

from kbdesk.privacy import mask_pii, normalize_query  # noqa: E402

SAMPLE = ROOT / "articles"
MODES = ("first", "migrate", "import", "save")


def kills(total: int, seed: int, base: Path) -> None:
    rng = random.Random(seed)
    args = {"first": "", "migrate": "", "import": str(SAMPLE), "save": "30"}
    points = {}
    for mode in MODES:
        dry = base / f"dry-{mode}"
        if mode == "migrate":
            fault_child.make_old_home(dry)
        points[mode] = fault_child.points_of(mode, dry, args[mode])
    rows: dict[str, Counter[str]] = {mode: Counter() for mode in MODES}
    failures: list[str] = []
    started, cpu = time.perf_counter(), time.process_time()
    for run in range(total):
        mode = MODES[run % len(MODES)]
        home = base / f"kill-{run}"
        if mode == "migrate":
            fault_child.make_old_home(home)
        at = rng.randint(1, points[mode])
        code, acked, err = fault_child.run_child(mode, home, at, args[mode])
        expected = ["old"] if mode == "migrate" else acked
        row = rows[mode]
        row["runs"] += 1
        row["killed"] += code == -9
        row["acknowledged"] += len(expected)
        row["traceback"] += "Traceback" in err
        try:
            problems = fault_child.verify_home(home, expected, sample=mode == "first")
        except Exception as error:  # the home did not open: the worst outcome, counted
            problems = [f"does not open: {error}"]
        row["lost"] += sum("lost" in p for p in problems)
        row["bad"] += bool(problems)
        failures.extend(f"{mode} killed at {at}: {p}" for p in problems)
    wall = time.perf_counter() - started
    print(
        f"\n## {total} kills (seed {seed}); {wall:.0f} s wall, parent CPU "
        f"{time.process_time() - cpu:.1f} s, load {os.getloadavg()[0]:.2f}"
    )
    print(
        "| kill during | points | runs | killed | acknowledged writes | lost | homes with "
        "problems | tracebacks |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for mode in MODES:
        r = rows[mode]
        print(
            f"| {mode} | {points[mode]} | {r['runs']} | {r['killed']} | {r['acknowledged']} | "
            f"{r['lost']} | {r['bad']} | {r['traceback']} |"
        )
    for failure in failures:
        print("  problem:", failure)


def masking() -> None:
    n = 1_000_000
    shapes = {
        "10^6 digits": "7" * n,
        "digits and spaces": "1 " * (n // 2),
        "cards in a row": "4111 1111 1111 1111 " * (n // 20),
        "Cyrillic text": "оплата картой не прошла " * (n // 24),
        "a@a@…": "a@" * (n // 2),
        "№1№1…": "№1" * (n // 2),
    }
    print(f"\n## Masking (median of 7; load {os.getloadavg()[0]:.2f})")
    print("| input (10^6 characters) | wall ms | CPU ms |")
    print("| --- | --- | --- |")
    for name, text in shapes.items():
        walls, cpus = [], []
        for _ in range(7):
            w, c = time.perf_counter(), time.process_time()
            mask_pii(text)
            walls.append((time.perf_counter() - w) * 1000)
            cpus.append((time.process_time() - c) * 1000)
        print(f"| {name} | {statistics.median(walls):.1f} | {statistics.median(cpus):.1f} |")
    rng = random.Random(17)
    separators = [" ", "  ", "\t", ".", "-", "/", " - ", "—", "\u00a0", ",", ") ", " ("]
    leaks = 0
    for number in range(10_000):
        kind = number % 3
        if kind < 2:
            digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(10, 19)))
            parts, rest = [], digits
            while rest:
                size = rng.randint(1, 5)
                parts.append(rest[:size])
                rest = rest[size:]
            value = ("+" if kind else "") + parts[0]
            for part in parts[1:]:
                value += rng.choice(separators) + part
            text = f"{rng.choice(['карта', 'тел', 'клиент'])}{rng.choice(['', ' ', ': '])}{value}"
            leaked = any(ch.isdigit() for ch in mask_pii(text) + normalize_query(text))
        else:
            local = "".join(rng.choice("abcxyzабвгд0123") for _ in range(rng.randint(1, 10)))
            at = rng.choice(["@", " @ ", "(at)", "[at]"])
            text = f"почта {local}{at}{rng.choice(['mail.ru', 'почта.рф', 'gmail.com'])}"
            leaked = any(s in mask_pii(text) + normalize_query(text) for s in ("@", "(at)"))
        leaks += leaked
    print(f"\nleaks over 10,000 generated card/phone/e-mail forms: {leaks}")


def _peak_rss_mb(command: list[str], home: Path) -> tuple[float, int, str]:
    env = {**os.environ, "KBDESK_HOME": str(home)}
    # Output to files, not pipes: a child writing thousands of failure lines would block on a
    # full pipe nobody reads while we wait for it.
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode()
    return usage.ru_maxrss / 1024, process.returncode, text.strip()


def make_zips(base: Path) -> None:
    """Run in its own process: Linux counts a parent's peak memory at fork into the peak of
    every child it starts later, so the archives are not built by the measuring process."""
    liar = base / "liar.zip"
    with (
        zipfile.ZipFile(liar, "w", zipfile.ZIP_DEFLATED) as out,
        out.open("big.md", "w") as entry,
    ):
        entry.write(b"---\ntitle: x\n---\n")
        for _ in range(2000):
            entry.write(b"a" * 1_000_000)
    data = bytearray(liar.read_bytes())
    for header, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = data.find(header)
        data[start + offset : start + offset + 4] = (500_000).to_bytes(4, "little")
    liar.write_bytes(bytes(data))
    many = base / "many.zip"
    body = b"a" * 999_000
    with zipfile.ZipFile(many, "w", zipfile.ZIP_DEFLATED) as out:
        for number in range(3000):  # 3 GB unpacked; each entry read whole, then refused
            out.writestr(f"e{number:05}.md", body)
    big_valid = base / "valid.zip"
    with zipfile.ZipFile(big_valid, "w", zipfile.ZIP_DEFLATED) as out:
        for number in range(300):  # 300 items of 0.9 MB each, all imported
            out.writestr(f"v{number:04}.md", b"---\ntitle: T%d\n---\n" % number + b"b" * 900_000)


def zips(base: Path) -> None:
    subprocess.run([sys.executable, __file__, "--make-zips", str(base)], check=True)
    liar, many, big_valid = base / "liar.zip", base / "many.zip", base / "valid.zip"
    print("\n## Zip import peak memory (child process RSS)")
    print("| archive | size on disk | unpacked | peak RSS MB | exit | summary |")
    print("| --- | --- | --- | --- | --- | --- |")
    cases = (
        ("size header lies", liar, "2 GB"),
        ("3,000 × 1 MB entries", many, "3 GB"),
        ("300 × 0.9 MB valid items", big_valid, "270 MB"),
    )
    for name, archive, unpacked in cases:
        home = base / f"home-{archive.stem}"
        rss, code, out = _peak_rss_mb(
            [sys.executable, "-m", "kbdesk.cli", "import", str(archive)], home
        )
        size = archive.stat().st_size / 1e6
        print(
            f"| {name} | {size:.1f} MB | {unpacked} | {rss:.0f} | {code} | "
            f"{out.splitlines()[0] if out else ''} |"
        )
    rss, _, _ = _peak_rss_mb([sys.executable, "-m", "kbdesk.cli", "check"], base / "home-ref")
    print(f"| (baseline: `kbdesk check` on an empty home) | | | {rss:.0f} | | |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--skip", nargs="*", default=[], choices=["kills", "masking", "zips"])
    parser.add_argument("--make-zips", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make_zips:
        make_zips(Path(args.make_zips))
        return
    with tempfile.TemporaryDirectory(prefix="kbdesk-faults-") as folder:
        base = Path(folder)
        if "masking" not in args.skip:
            masking()
        if "zips" not in args.skip:
            zips(base)
        if "kills" not in args.skip:
            kills(args.kills, args.seed, base)


if __name__ == "__main__":
    main()
