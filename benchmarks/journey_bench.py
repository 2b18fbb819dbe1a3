"""The whole journey on a 10,000-item knowledge base: launch → type a query → first painted results.

    python benchmarks/journey_bench.py                 # the frozen bundle if built, else Python
    python benchmarks/journey_bench.py --python --runs 5 --query "курьер задерживается"

Launches the real app (the home prepared by startup_bench.py) with KBDESK_STARTUP_PROBE=1 and
KBDESK_STARTUP_QUERY: as soon as its search box has focus the app types the query, key by key
in one event-loop turn, and prints the wall-clock moment the result list has painted rows for
it. Counted from launching the process. One warm-up launch, then p50 over the runs, each with
the process's CPU time (user + system, until it quit) beside it, and the load average before
and after. Nothing machine-wide is changed (the page cache is left alone).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from startup_bench import BUNDLE, children_cpu, prepare_home

TARGET_S = 1.5
QUERY = "курьер задерживается"


def launch(command: list[str], env: dict[str, str], timeout: float) -> dict[str, float]:
    """Seconds from launch to each probe mark (shown, ready, typing, results)."""
    started = time.time()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    marks: dict[str, float] = {}
    try:
        assert process.stdout is not None
        for line in process.stdout:
            parts = line.split()
            if len(parts) >= 3 and parts[0] == "startup-probe":
                marks[parts[1]] = float(parts[2]) - started
                if parts[1] == "results":
                    break
        process.wait(timeout=timeout)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return marks


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--python", action="store_true", help="run from the checkout")
    parser.add_argument("--query", default=QUERY)
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM for the app")
    parser.add_argument("--timeout", type=float, default=90.0)
    parser.add_argument("--bundle", type=Path, default=BUNDLE, help="the frozen app to launch")
    args = parser.parse_args()

    home = prepare_home(args.items)
    frozen = args.bundle.exists() and not args.python
    command = [str(args.bundle)] if frozen else [sys.executable, "-m", "kbdesk.cli"]
    env = {
        **os.environ,
        "KBDESK_HOME": str(home),
        "KBDESK_STARTUP_PROBE": "1",
        "KBDESK_STARTUP_QUERY": args.query,
        "QT_QPA_PLATFORM": args.platform,
    }
    env.pop("KBDESK_DATABASE_URL", None)
    label = "bundle" if frozen else "python -m kbdesk.cli"
    print(f"{label}, {(home / 'ready').read_text()} items, query «{args.query}», "
          f"platform {args.platform}")
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.platform()}, "
          f"Python {platform.python_version()}")
    print(f"load average before: {load()}")
    first = launch(command, env, args.timeout)
    print(f"warm-up launch: results {first.get('results', float('nan')):.3f} s")

    journeys: list[float] = []
    cpus: list[float] = []
    for number in range(1, args.runs + 1):
        cpu_before = children_cpu()
        marks = launch(command, env, args.timeout)
        cpu = children_cpu() - cpu_before
        nan = float("nan")
        journeys.append(marks.get("results", nan))
        cpus.append(cpu)
        print(
            f"  run {number}: shown {marks.get('shown', nan):.3f} s, search box "
            f"{marks.get('ready', nan):.3f} s, results painted {marks.get('results', nan):.3f} s"
            f" (process CPU {cpu:.3f} s, load {load()})"
        )
    print(f"load average after: {load()}")
    p50 = statistics.median(journeys)
    print(
        f"launch → first painted results p50 {p50:.3f} s (min {min(journeys):.3f}, "
        f"max {max(journeys):.3f}; CPU p50 {statistics.median(cpus):.3f} s) — target ≤ "
        f"{TARGET_S} s: " + ("met" if p50 <= TARGET_S else "MISSED")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
