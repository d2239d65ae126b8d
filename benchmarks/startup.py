"""Start-up: `summarizer --help`, and the error for a file that does not exist.

Each runs --runs times as `python -m summarizer …` from this checkout. Printed: wall time
(best and median) and the child's CPU time (user + system, best: load on the machine
changes it least); then, from one run under `python -X importtime`, the imports that took
longest (cumulative) and any of the heavy libraries that loaded. Goals (issue 23): --help
in 0.3 s at most, the missing file's one-line error in 0.5 s. Exit status 1 when a command
did not do what it should (its exit status or its output), or when its best run missed
its goal.

    python benchmarks/startup.py [--runs 10] [--top 8]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("spacy", "thinc", "openai", "instructor", "nltk", "trafilatura", "pydantic", "rich")


@dataclass(frozen=True)
class Case:
    name: str
    args: list[str]
    goal: float  # seconds, wall


def command(args: list[str], *python_flags: str) -> list[str]:
    return [sys.executable, *python_flags, "-m", "summarizer", *args]


Done = subprocess.CompletedProcess[str]


def run(args: list[str], *python_flags: str) -> tuple[Done, float, float]:
    """One run from the checkout (`-m` puts the working directory first on the path):
    the result, wall seconds and the child's CPU seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command(args, *python_flags), capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return done, wall, cpu


def wrong(case: Case, done: Done, missing: Path) -> str | None:
    """What is wrong with a run's outcome, if anything."""
    if "Traceback" in done.stderr:
        return f"a traceback:\n{done.stderr}"
    if case.name == "--help":
        ok = done.returncode == 0 and done.stdout.startswith("Usage:")
        return None if ok else f"exit {done.returncode}, stdout {done.stdout[:200]!r}"
    error = f"summarizer: error: {missing}"
    if done.returncode == 0 or not any(x.startswith(error) for x in done.stderr.splitlines()):
        return f"exit {done.returncode}, no error naming {missing}: {done.stderr!r}"
    return None


def imports(args: list[str]) -> list[tuple[int, str]]:
    """(cumulative microseconds, module) of every import in one run."""
    done, _, _ = run(args, "-X", "importtime")
    found = []
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = line.split("|")
            if cumulative.strip().isdigit():
                found.append((int(cumulative), name.strip()))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--top", type=int, default=8, help="imports listed per command")
    args = parser.parse_args()
    where = subprocess.run(
        [sys.executable, "-c", "import summarizer; print(summarizer.__file__)"],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )  # fmt: skip
    if not Path(where.stdout.strip()).is_relative_to(ROOT):
        sys.exit(f"measured {where.stdout.strip()}, not this checkout ({ROOT})")
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        missing = Path(tmp) / "missing.txt"
        cases = [
            Case("--help", ["--help"], 0.3),
            Case("missing file", ["summarize", str(missing)], 0.5),
        ]
        print(f"{args.runs} runs each; python {sys.version.split()[0]}, {sys.executable}")
        for case in cases:
            walls, cpus = [], []
            for _ in range(args.runs):
                done, wall, cpu = run(case.args)
                if (problem := wrong(case, done, missing)) is not None:
                    sys.exit(f"{case.name}: the command failed: {problem}")
                walls.append(wall)
                cpus.append(cpu)
            best = min(walls)
            verdict = "ok" if best <= case.goal else "MISSED"
            print(
                f"\n{case.name}: wall best {best:.3f} s, median {statistics.median(walls):.3f} s;"
                f" CPU best {min(cpus):.3f} s; goal <= {case.goal} s: {verdict}"
            )
            if verdict != "ok":
                failures.append(case.name)
            timings = imports(case.args)
            heavy = sorted({n.split(".")[0] for _, n in timings} & set(HEAVY))
            print(f"  heavy libraries imported: {', '.join(heavy) or 'none'}")
            print("  longest imports (cumulative ms):")
            for micros, name in sorted(timings, reverse=True)[: args.top]:
                print(f"    {micros / 1000:7.1f}  {name}")
    if failures:
        sys.exit(f"goal missed: {', '.join(failures)}")


if __name__ == "__main__":
    main()
