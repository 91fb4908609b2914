"""Benchmark mgi as users run it: whole processes, medians of interleaved runs.

    python benchmarks/run.py                 # the full table (a few minutes)
    python benchmarks/run.py --quick         # fewer runs, no 2,500-profile PDF corpus
    python benchmarks/run.py --instructions  # also count instructions with callgrind

It (1) generates synthetic corpora of 250 and 2,500 profiles from the seeds (renamed so ids
differ), as text and as PDF; (2) times whole processes, several runs after a warm-up, median,
commands interleaved so machine drift hits all alike, with a warm and a cold store, beside
`python -c pass` and a bare Typer app that prints a Rich table (the framework's floor); and
(3) prints the ratios the targets are set in, and peak memory (max RSS) per command; (4) the
recall and precision of search per query in three languages (search_quality.py).
Run it from the project's virtual environment, with the test extras installed (reportlab
writes the PDFs).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

BIN = Path(sys.executable).parent
MGI = str(BIN / "mgi")
PYTHON = sys.executable
BARE_APP = HERE / "bare_app.py"


def make_corpus(folder: Path, size: int, kind: str) -> Path:
    """`size` profiles made from the seeds, each renamed ("Republic of Kazakhstan 0017"), so
    that no two share an id."""
    from mgi_cli.loader import bundled_seeds, load_paths

    if folder.exists() and len(list(folder.iterdir())) == size:
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted(bundled_seeds().glob("*.txt"))
    texts = [seed.read_text(encoding="utf-8") for seed in seeds]
    profiles = sorted(load_paths(seeds).profiles, key=lambda p: p.source)
    for number in range(size):
        text, profile = texts[number % len(texts)], profiles[number % len(texts)]
        title = profile.title
        # The number goes on the name and on a short name in parentheses, which the id is
        # made from ("The Kyrgyz Republic 0005 (Kyrgyzstan 0005)": kyrgyzstan-0005).
        renamed = f"{title} {number:04d}"
        if title.endswith(")"):
            at = title.rfind(" (")
            renamed = f"{title[:at]} {number:04d}{title[at:-1]} {number:04d})"
        if kind == "text":
            (folder / f"{number:04d}.txt").write_text(text.replace(profile.title, renamed),
                                                       encoding="utf-8")
        else:
            from tests.pages import write_pdf

            write_pdf(profile.replace(title=renamed), folder / f"{number:04d}.pdf")
    return folder


TIME = shutil.which("time") or "/usr/bin/time"


def measure(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak memory (MB) of one whole process.

    Peak memory comes from GNU time, a small process: a child forked straight from this
    script would count this script's own memory as its peak."""
    with tempfile.NamedTemporaryFile("r") as report:
        started = time.perf_counter()
        status = subprocess.run([TIME, "-f", "%M", "-o", report.name, *args], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                check=False).returncode
        elapsed = time.perf_counter() - started
        if status not in (0, 1):
            raise SystemExit(f"failed: {' '.join(args)}")
        return elapsed, int(report.read().split()[-1]) / 1024


def instructions(args: list[str], env: dict[str, str]) -> int | None:
    if not shutil.which("valgrind"):
        return None
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *args],
        env={**env, "PYTHONHASHSEED": "0"}, capture_output=True, text=True, check=False)
    found = re.search(r"Collected : (\d+)", result.stderr)
    return int(found.group(1)) if found else None


def completion_env(env: dict[str, str]) -> dict[str, str]:
    return {**env, "_MGI_COMPLETE": "complete_bash", "COMP_WORDS": "mgi show ka",
            "COMP_CWORD": "2"}


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=7)
    options.add_argument("--quick", action="store_true")
    options.add_argument("--instructions", action="store_true")
    options.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "mgi-bench")
    arguments = options.parse_args()
    runs = 3 if arguments.quick else arguments.runs
    work = arguments.work
    print(f"Generating corpora in {work} ...", file=sys.stderr)
    corpora = {
        "seeds": None,
        "text-250": make_corpus(work / "text-250", 250, "text"),
        "text-2500": make_corpus(work / "text-2500", 2500, "text"),
        "pdf-250": make_corpus(work / "pdf-250", 250, "pdf"),
    }
    if not arguments.quick:
        corpora["pdf-2500"] = make_corpus(work / "pdf-2500", 2500, "pdf")
    # As installed (pip compiles every module to bytecode), not as a session that forbids
    # writing bytecode: PYTHONDONTWRITEBYTECODE would make each run compile mgi from source.
    base_env = {k: v for k, v in os.environ.items()
                if not k.startswith(("MGI_", "_MGI")) and k != "PYTHONDONTWRITEBYTECODE"}
    # A library folder of the run's own, never made: the seeds are measured alone, as with no
    # library (one failed listing), whatever the machine's own library holds.
    base_env.update(COLUMNS="100", NO_COLOR="1", MGI_CACHE_DIR=str(work / "cache"),
                    MGI_LIBRARY_DIR=str(work / "library"))

    commands = {
        "show kazakhstan": ["show", "kazakhstan"],
        "show kazakhstan --format json": ["show", "kazakhstan", "--format", "json"],
        "search trafficking": ["search", "trafficking"],
        "search trafficking --limit 20": ["search", "trafficking", "--limit", "20"],
        "compare kazakhstan kyrgyzstan": ["compare", "kazakhstan", "kyrgyzstan"],
        "list": ["list"],
        "overview": ["overview"],
        "--version": ["--version"],
    }
    jobs: list[tuple[str, list[str], dict[str, str]]] = [
        ("python -c pass", [PYTHON, "-c", "pass"], base_env),
        ("bare Typer+Rich app", [PYTHON, str(BARE_APP)], base_env),
    ]
    for corpus, folder in corpora.items():
        env = dict(base_env)
        if folder is not None:
            env["MGI_DATA_DIR"] = str(folder)
        for name, args in commands.items():
            if corpus != "seeds" and name in ("--version",):
                continue
            if name.startswith(("show kazakhstan", "compare")) and corpus != "seeds":
                args = [a.replace("kazakhstan", "kazakhstan-0001").replace(
                    "kyrgyzstan", "kyrgyzstan-0000") for a in args]
            jobs.append((f"{corpus}: mgi {name}", [MGI, *args], env))
        jobs.append((f"{corpus}: tab completion", [MGI], completion_env(env)))

    print("Warm-up (fills the cache) ...", file=sys.stderr)
    for _, args, env in jobs:
        measure(args, env)
    timings: dict[str, list[float]] = {label: [] for label, _, _ in jobs}
    memory: dict[str, float] = {}
    for run in range(runs):
        print(f"Run {run + 1}/{runs} ...", file=sys.stderr)
        for label, args, env in jobs:
            seconds, peak = measure(args, env)
            timings[label].append(seconds)
            memory[label] = max(memory.get(label, 0.0), peak)

    cold: dict[str, float] = {}
    for corpus, folder in corpora.items():
        if folder is None or (corpus == "pdf-2500"):
            continue
        samples = []
        for _ in range(1 if corpus.startswith("pdf") else min(runs, 3)):
            env = {**base_env, "MGI_DATA_DIR": str(folder),
                   "MGI_CACHE_DIR": tempfile.mkdtemp(prefix="mgi-cold-")}
            samples.append(measure([MGI, "search", "trafficking", "--limit", "20"], env)[0])
        cold[corpus] = statistics.median(samples)
        uncached = {**base_env, "MGI_DATA_DIR": str(folder), "MGI_CACHE_DIR": ""}
        if corpus.startswith("text"):
            cold[f"{corpus} (no cache at all)"] = statistics.median(
                measure([MGI, "search", "trafficking", "--limit", "20"], uncached)[0]
                for _ in range(min(runs, 3)))

    median = {label: statistics.median(values) * 1000 for label, values in timings.items()}
    report(median, memory, cold, runs)
    if arguments.instructions:
        count_instructions(jobs)
    from search_quality import report as search_quality

    search_quality()


def report(median: dict[str, float], memory: dict[str, float], cold: dict[str, float],
           runs: int) -> None:
    print("\n| command | median ms | max RSS MB |\n|---|---:|---:|")
    for label, value in median.items():
        print(f"| {label} | {value:.0f} | {memory[label]:.0f} |")
    print("\n| cold cache: `mgi search trafficking --limit 20` | ms |\n|---|---:|")
    for label, value in cold.items():
        print(f"| {label} | {value * 1000:.0f} |")
    bare = median["bare Typer+Rich app"]
    version = median["seeds: mgi --version"]
    seeds_search = median["seeds: mgi search trafficking --limit 20"]
    targets = [
        ("show kazakhstan / bare app", median["seeds: mgi show kazakhstan"] / bare, 1.12),
        ("search trafficking / bare app", median["seeds: mgi search trafficking"] / bare, 1.20),
        ("show --format json / bare app",
         median["seeds: mgi show kazakhstan --format json"] / bare, 0.82),
        ("tab completion / --version", median["seeds: tab completion"] / version, 1.0),
        ("search --limit 20, 250 / seeds",
         median["text-250: mgi search trafficking --limit 20"] / seeds_search, 1.2),
        ("search --limit 20, 2,500 / seeds",
         median["text-2500: mgi search trafficking --limit 20"] / seeds_search, 2.0),
    ]
    print(f"\n| target ({runs} runs, medians) | ratio | limit | met |\n|---|---:|---:|---|")
    for name, ratio, limit in targets:
        print(f"| {name} | {ratio:.2f} | {limit} | {'yes' if ratio <= limit else 'NO'} |")
    for command in ("list", "overview"):
        seconds = median[f"text-2500: mgi {command}"] / 1000
        print(f"| {command}, 2,500 profiles | {seconds:.2f} s | 0.5 s | "
              f"{'yes' if seconds < 0.5 else 'NO'} |")
    peak = max(value for label, value in memory.items() if label.startswith("text-2500"))
    print(f"| peak memory, any command over 2,500 | {peak:.0f} MB | 150 MB | "
          f"{'yes' if peak < 150 else 'NO'} |")
    if "text-2500" in cold:
        print(f"| cold load, 2,500 text profiles | {cold['text-2500']:.1f} s | 19 s | "
              f"{'yes' if cold['text-2500'] <= 19 else 'NO'} |")


def count_instructions(jobs) -> None:
    wanted = ["bare Typer+Rich app", "seeds: mgi --version", "seeds: tab completion",
              "seeds: mgi show kazakhstan", "seeds: mgi show kazakhstan --format json",
              "seeds: mgi search trafficking"]
    counts = {}
    for label, args, env in jobs:
        if label in wanted:
            counts[label] = instructions(args, env)
    if None in counts.values():
        print("\n(valgrind not found: no instruction counts)")
        return
    print("\n| instructions (callgrind, PYTHONHASHSEED=0) | count | ratio |\n|---|---:|---:|")
    bare, version = counts["bare Typer+Rich app"], counts["seeds: mgi --version"]
    for label, count in counts.items():
        base = version if label == "seeds: tab completion" else bare
        print(f"| {label} | {count:,} | {count / base:.2f} |")


if __name__ == "__main__":
    main()
