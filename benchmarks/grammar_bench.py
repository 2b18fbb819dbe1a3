"""What the Russian grammar costs: the dictionary's load time, memory and size on disk, and the
time to render a reply with agreement forms while the operator types.

    python benchmarks/grammar_bench.py [--replies 2000]

Each figure is printed with wall and CPU time and the load average (the machine is shared).
The per-reply times are the median and the 95th percentile over every sample template that
uses the new forms, rendered for every channel; numbers and dates change with every reply and
the client's name cycles over ten typed forms, so the word caches are warm, as while typing.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NAMES = [
    "Иванов Иван Иванович", "мария", "ПЕТРОВА А.С.", "Саша", "Сидоров Пётр", "Анна Сергеевна",
    "Кузнецова Ольга Игоревна", "Никита", "Женя Смирнова", "Гульнара",
]  # fmt: skip


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _dir_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--replies", type=int, default=2000)
    args = parser.parse_args()

    import pymorphy3_dicts_ru

    from kbdesk.content import parse_text
    from kbdesk.russian import morph
    from kbdesk.templating import CHANNELS, RenderContext, parse, render, text_for_channel

    print(f"load average: {os.getloadavg()}")
    print(f"dictionary on disk: {_dir_mb(Path(pymorphy3_dicts_ru.__file__).parent):.1f} MB")
    before = _rss_mb()
    wall, cpu = time.perf_counter(), time.process_time()
    morph.analyzer()
    print(
        f"morphology load: {time.perf_counter() - wall:.3f} s wall, "
        f"{time.process_time() - cpu:.3f} s CPU, peak RSS +{_rss_mb() - before:.1f} MB"
    )

    texts: list[str] = []
    for path in sorted((ROOT / "articles").glob("*.md")):
        item = parse_text(path.read_text(encoding="utf-8"), path.stem)
        if ": " in item.body and "{{" in item.body:
            texts += [text_for_channel(item.body, channel) for channel in CHANNELS]
    texts = [t for t in texts if any(p.name for p in parse(t).placeholders)]
    print(f"templates with agreement forms: {len(texts)} channel texts")

    durations: list[float] = []
    cpu = time.process_time()
    for number in range(args.replies):
        text = texts[number % len(texts)]
        channel = CHANNELS[number % 3]
        values = {p.name: str(number % 1000 + 1) for p in parse(text).placeholders if not p.builtin}
        values["client_name"] = NAMES[number % len(NAMES)] + ("" if number % 7 else " ")
        values["date"] = f"{number % 28 + 1}.{number % 12 + 1}.2026"
        values.pop("client_gender", None)
        values.pop("operator_gender", None)
        context = RenderContext(operator="Ирина Белова", channel=channel)
        started = time.perf_counter()
        render(text, values, context)
        durations.append(time.perf_counter() - started)
    cpu = time.process_time() - cpu
    durations.sort()
    p95 = durations[int(len(durations) * 0.95)]
    print(
        f"render, {len(durations)} replies: median {statistics.median(durations) * 1000:.3f} ms, "
        f"p95 {p95 * 1000:.3f} ms, max {durations[-1] * 1000:.3f} ms wall; "
        f"CPU {cpu / len(durations) * 1000:.3f} ms per reply"
    )
    print(f"load average: {os.getloadavg()}")


if __name__ == "__main__":
    main()
