"""Cold start to a usable search box, with a knowledge base of 10,000 items.

    python benchmarks/startup_bench.py                 # the frozen bundle if built, else Python
    python benchmarks/startup_bench.py --python        # always `python -m kbdesk.cli`
    python benchmarks/startup_bench.py --runs 9 --platform xcb

Builds (once, cached in .benchmarks-data/) a home with synthetic Russian items imported and
indexed through KnowledgeBase, then launches the real app with KBDESK_STARTUP_PROBE=1: the app
prints the wall-clock moment its window is shown with the search box focused and quits. The
time counted is from launching the process to that moment. One warm-up run, then the median.
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
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUNDLE = REPO / "build" / "out" / "dist" / "kbdesk" / "kbdesk"
DATA = REPO / ".benchmarks-data"
TARGET_S = 1.5

NOUNS = [
    "заказ",
    "доставка",
    "оплата",
    "возврат",
    "курьер",
    "промокод",
    "баллы",
    "адрес",
    "карта",
    "чек",
    "приложение",
    "аккаунт",
    "скидка",
    "блюдо",
    "упаковка",
    "компенсация",
    "подписка",
    "телефон",
    "договор",
    "счёт",
]
VERBS = [
    "задерживается",
    "отменяется",
    "оформляется",
    "списывается",
    "начисляется",
    "меняется",
    "приходит",
    "проверяется",
    "подтверждается",
    "переносится",
]
WORDS = [
    "клиент",
    "оператор",
    "сегодня",
    "завтра",
    "минут",
    "срок",
    "сумма",
    "статус",
    "заявка",
    "обращение",
    "банк",
    "магазин",
    "город",
    "ресторан",
    "ожидание",
    "причина",
    "решение",
    "уведомление",
    "сообщение",
    "письмо",
    "звонок",
]
CATEGORIES = ("Доставка", "Оплата", "Возвраты", "Акции", "Приложение", "Юрлица", "Качество")


def synthetic_markdown(number: int, rng: random.Random) -> str:
    noun, verb = rng.choice(NOUNS), rng.choice(VERBS)
    template = number % 4 == 0
    sentences = [
        " ".join(rng.choice(WORDS + NOUNS) for _ in range(rng.randint(8, 16))).capitalize() + "."
        for _ in range(rng.randint(3, 8))
    ]
    if template:
        sentences.insert(0, "Здравствуйте, {{client_name}}! Ваш " + noun + " {{order_number}}.")
    tags = ", ".join(sorted({noun, rng.choice(NOUNS)}))
    return (
        "---\n"
        f"title: {noun.capitalize()} {verb} — случай {number}\n"
        f"kind: {'template' if template else 'article'}\n"
        f"slug: synthetic-{number:05d}\n"
        f"category: {rng.choice(CATEGORIES)}\n"
        f"tags: [{tags}]\n"
        "status: published\n"
        "---\n" + " ".join(sentences) + "\n"
    )


def prepare_home(items: int) -> Path:
    """A home with `items` articles and templates in the database and a matching index."""
    home = DATA / f"startup-{items}"
    if (home / "ready").exists():
        return home
    home.mkdir(parents=True, exist_ok=True)
    os.environ["KBDESK_HOME"] = str(home)
    os.environ.pop("KBDESK_DATABASE_URL", None)
    from kbdesk.kb import KnowledgeBase

    started = time.perf_counter()
    kb = KnowledgeBase.open(home)  # the benchmark's own items only: no sample
    missing = items - kb.store.count()
    rng = random.Random(20251125)
    with tempfile.TemporaryDirectory() as folder:
        for number in range(missing):
            Path(folder, f"synthetic-{number:05d}.md").write_text(
                synthetic_markdown(number, rng), "utf-8"
            )
        report = kb.import_paths([Path(folder)], author="benchmark")
    if report.failed:
        raise SystemExit(f"synthetic import failed: {report.failed[:3]}")
    kb.rebuild()
    total = kb.store.count()
    kb.close()
    # A returning operator: the first-start "who are you" question is not part of start-up.
    (home / "settings.ini").write_text("[operator]\nname=Benchmark\n", "utf-8")
    (home / "ready").write_text(str(total))
    print(f"prepared {total} items in {time.perf_counter() - started:.0f} s: {home}")
    return home


def launch(command: list[str], env: dict[str, str], timeout: float) -> tuple[float, float]:
    """(seconds to window shown, seconds to a focused search box) for one launch."""
    started = time.time()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    shown = ready = float("nan")
    try:
        assert process.stdout is not None
        for line in process.stdout:
            parts = line.split()
            if parts[:2] == ["startup-probe", "shown"]:
                shown = float(parts[2]) - started
            elif parts[:2] == ["startup-probe", "ready"]:
                ready = float(parts[2]) - started
                break
        process.wait(timeout=timeout)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return shown, ready


def children_cpu() -> float:
    """CPU seconds used so far by finished child processes (user + system)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--python", action="store_true", help="run from the checkout")
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM for the app")
    parser.add_argument("--timeout", type=float, default=30.0)
    args = parser.parse_args()

    home = prepare_home(args.items)
    frozen = BUNDLE.exists() and not args.python
    command = [str(BUNDLE)] if frozen else [sys.executable, "-m", "kbdesk.cli"]
    env = {
        **os.environ,
        "KBDESK_HOME": str(home),
        "KBDESK_STARTUP_PROBE": "1",
        "QT_QPA_PLATFORM": args.platform,
    }
    env.pop("KBDESK_DATABASE_URL", None)
    label = "bundle" if frozen else "python -m kbdesk.cli"
    print(f"{label}, {(home / 'ready').read_text()} items, platform {args.platform}")

    # The machine's page cache is left alone (it is shared): the first launch is a warm-up.
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    _, first_ready = launch(command, env, args.timeout)
    print(f"first launch of this run (warm-up): ready {first_ready:.3f} s")

    results = []
    for number in range(1, args.runs + 1):
        cpu_before = children_cpu()
        shown_s, ready_s = launch(command, env, args.timeout)
        cpu = children_cpu() - cpu_before  # the whole process, until it quit
        results.append((shown_s, ready_s))
        print(
            f"  run {number}: window shown {shown_s:.3f} s, search box focused {ready_s:.3f} s"
            f" (process CPU {cpu:.3f} s)"
        )
    ready = [r for _, r in results]
    shown = [s for s, _ in results]
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    p50 = statistics.median(ready)
    print(
        f"p50 to a usable search box: {p50:.3f} s (min {min(ready):.3f}, max {max(ready):.3f};"
        f" window shown p50 {statistics.median(shown):.3f} s) — target ≤ {TARGET_S} s: "
        + ("met" if p50 <= TARGET_S else "MISSED")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
