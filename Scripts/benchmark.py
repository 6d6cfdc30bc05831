#!/usr/bin/env python3
"""Benchmark gilcheck against clang and clang-tidy on pinned real-world packages.

Usage:
    Scripts/benchmark.py                      build gilcheck (release) and run the full benchmark
    Scripts/benchmark.py --quick              one run per measurement instead of five
    Scripts/benchmark.py --gilcheck PATH      use this gilcheck binary instead of building one
    Scripts/benchmark.py --packages NAME==VERSION ...
                                              other packages than the pinned set
    Scripts/benchmark.py --runs N             median of N runs per measurement (default 5)
    Scripts/benchmark.py --json FILE          also write the numbers as JSON
    Scripts/benchmark.py --check              exit 1 when a target is missed

It runs on the packages of Scripts/packages.py, with the sdists and include flags that
Scripts/realworld.sh uses (.cache/realworld), and keeps its own files (a virtualenv with
PyPI's clang-tidy, scaled copies of the sources, temporary cache directories) in
.cache/benchmark.

Every tool sees the same source files (.c .cc .cpp .cxx) with the same flags: the
package's include directories plus the system Python headers (python3-dev).
gilcheck runs once per package; clang and clang-tidy run once per file, serially.
Each time is the median of the runs. The measurements:

    gilcheck cold     a fresh, empty --cache-dir for every run, default --jobs
    gilcheck warm     a second run against the cache the cold run filled
    gilcheck jobs 1   --jobs 1, fresh cache
    clang             clang-N -fsyntax-only -w, N being libclang's major version
    clang-tidy        concurrency checks only, from PyPI's clang-tidy N.*

Peak memory of gilcheck is sampled every 20 ms over its whole process tree (it starts
worker processes) in two ways: the summed RSS, which counts the pages of shared
libraries (libLLVM alone is 40 MB) once per process, and the summed PSS, which counts
each shared page once in total: the memory the run takes from the machine. The memory
target applies to the PSS; both are printed.

Scaling runs gilcheck cold over 1, 2 and 4 copies of the sources and compares the time
per 1,000 lines, with default jobs and with --jobs 1. The flatness target applies to
--jobs 1: with default jobs, a package of one or two files leaves a core idle at 1x and
not at 4x, so the time per line falls with the copies for a reason that is not the cost
of the work.

The targets are printed with PASS or FAIL; the exit status is 0 either way unless
--check is given.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from packages import C_SOURCES, CXX_SOURCES, DEFAULT_PACKAGES, HEADERS, Package, count_lines, load_package  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / ".cache" / "benchmark"

TIDY_CHECKS = "-*,cppcoreguidelines-avoid-non-const-global-variables,concurrency-mt-unsafe"
SAMPLE_INTERVAL = 0.02  # seconds between memory samples
COMMAND_TIMEOUT = 1800  # seconds; a hung tool fails the benchmark instead of blocking it

# The targets: (key, description, limit). Ratios are of median times.
TARGETS = [
    ("cold_over_clang", "gilcheck cold <= 0.35x clang", 0.35),
    ("cold_over_clang_tidy", "gilcheck cold <= 0.3x clang-tidy", 0.30),
    ("warm_over_cold", "gilcheck warm <= 0.05x cold", 0.05),
    ("peak_pss_mb", "peak memory, PSS (cold, default jobs) <= 400 MB", 400.0),
    ("scaling_deviation_pct", "time per 1k lines flat within 15% (1x..4x, --jobs 1)", 15.0),
]

def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def fail(message: str) -> None:
    sys.exit(f"benchmark: {message}")


# ---------------------------------------------------------------------------
# Corpus: the packages of Scripts/packages.py, and the system Python's headers


def python_include() -> Path:
    """The system Python's header directory (python3-dev), the one a Debian build uses."""
    query = "import sysconfig; print(sysconfig.get_path('include'))"

    def locate() -> Path | None:
        if not Path("/usr/bin/python3").exists():
            return None
        out = subprocess.run(["/usr/bin/python3", "-c", query],
                             capture_output=True, text=True).stdout.strip()
        return Path(out) if out and (Path(out) / "Python.h").is_file() else None

    found = locate()
    if found is None:
        run_checked([str(REPO / "Scripts" / "setup-system.sh")])
        found = locate()
    if found is None:
        fail("no Python.h for /usr/bin/python3; install python3-dev")
    return found


# ---------------------------------------------------------------------------
# Tools


def run_checked(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    # Tool output goes to stderr so that standard output holds only the report.
    result = subprocess.run(cmd, stdout=sys.stderr, **kwargs)
    if result.returncode != 0:
        fail(f"{' '.join(cmd)} exited {result.returncode}")
    return result


def build_gilcheck() -> Path:
    log("building gilcheck (release)")
    built = subprocess.run([str(REPO / "Scripts" / "build-release.sh")], stdout=subprocess.PIPE, text=True)
    if built.returncode != 0:
        fail(f"Scripts/build-release.sh exited {built.returncode}")
    return Path(built.stdout.strip())


def libclang_major(gilcheck: Path) -> int:
    out = subprocess.run([str(gilcheck), "version"], capture_output=True, text=True)
    match = re.search(r"libclang:.*?clang version (\d+)", out.stdout + out.stderr)
    if out.returncode != 0 or not match:
        fail(f"could not read libclang's version from '{gilcheck} version': {out.stdout.strip()}")
    return int(match.group(1))


def find_clang(major: int) -> Path:
    """Debian's clang-MAJOR, matching the libclang gilcheck parses with. (A plain `clang` on
    PATH may be another one, such as the Swift toolchain's.)"""
    def locate() -> Path | None:
        for candidate in (shutil.which(f"clang-{major}"), f"/usr/lib/llvm-{major}/bin/clang"):
            if candidate and Path(candidate).is_file():
                return Path(candidate)
        return None

    clang = locate()
    if clang is None:
        if os.geteuid() != 0:
            fail(f"clang-{major} is missing; install it with 'apt-get install clang-{major}' as root")
        log(f"installing clang-{major}")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        install = ["apt-get", "install", "-y", "-qq", f"clang-{major}"]
        if subprocess.run(install, stdout=sys.stderr, env=env).returncode != 0:
            # A fresh machine may have no package lists yet.
            run_checked(["apt-get", "update", "-qq"], env=env)
            run_checked(install, env=env)
        clang = locate()
        if clang is None:
            fail(f"apt-get installed clang-{major} but it is not on PATH")
    version = subprocess.run([str(clang), "--version"], capture_output=True, text=True).stdout
    if f"clang version {major}." not in version:
        fail(f"{clang} is not clang {major}: {version.splitlines()[0] if version else '?'}")
    return clang


def installed_clang_tidy(venv: Path) -> str | None:
    query = "import importlib.metadata as m; print(m.version('clang-tidy'))"
    out = subprocess.run([str(venv / "bin" / "python"), "-c", query], capture_output=True, text=True)
    return out.stdout.strip() if out.returncode == 0 else None


def closest_clang_tidy(venv: Path, major: int) -> str | None:
    """The newest PyPI release of clang-tidy whose major version is nearest to MAJOR."""
    out = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "index", "versions", "clang-tidy"],
                         capture_output=True, text=True)
    match = re.search(r"Available versions: (.*)", out.stdout)
    if not match:
        return None
    versions = [v.strip() for v in match.group(1).split(",")]
    versions = [v for v in versions if re.match(r"^\d+(\.\d+)*$", v)]
    # pip lists newest first; min() keeps the first of equally near versions.
    return min(versions, key=lambda v: abs(int(v.split(".")[0]) - major), default=None)


def setup_clang_tidy(major: int) -> tuple[Path, str]:
    """PyPI's clang-tidy in .cache/benchmark/venv, pinned to MAJOR.* when PyPI has it, else
    the release nearest to it (an installed one of another major is kept in that case)."""
    venv = BENCH / "venv"
    if not (venv / "bin" / "python").exists():
        log(f"creating {venv.relative_to(REPO)}")
        run_checked([sys.executable, "-m", "venv", str(venv)])
    version = installed_clang_tidy(venv)
    if version is None or int(version.split(".")[0]) != major:
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
        pinned = subprocess.run(pip + [f"clang-tidy=={major}.*"], stdout=sys.stderr,
                                stderr=subprocess.DEVNULL).returncode == 0
        if not pinned and version is None:
            closest = closest_clang_tidy(venv, major)
            if closest is None:
                fail("could not find clang-tidy on PyPI")
            log(f"PyPI has no clang-tidy {major}.*; installing the closest, {closest}")
            run_checked(pip + [f"clang-tidy=={closest}"])
        version = installed_clang_tidy(venv)
    binary = venv / "bin" / "clang-tidy"
    if version is None or not binary.exists():
        fail(f"clang-tidy did not install into {venv}")
    note = "matches" if int(version.split(".")[0]) == major else "closest to"
    log(f"clang-tidy {version} from PyPI ({note} libclang {major})")
    return binary, version


# ---------------------------------------------------------------------------
# Running a command: wall time, exit status, memory of its process tree


@dataclass
class RunResult:
    seconds: float
    returncode: int
    peak_tree_kb: int = 0  # peak of the summed VmRSS of the process and its descendants
    maxrss_kb: int = 0     # the kernel's ru_maxrss: the largest single process of the tree
    peak_pss_kb: int = 0   # peak of the summed PSS (shared pages divided among their users)

    def absorb_peaks(self, other: "RunResult") -> None:
        self.peak_tree_kb = max(self.peak_tree_kb, other.peak_tree_kb)
        self.maxrss_kb = max(self.maxrss_kb, other.maxrss_kb)
        self.peak_pss_kb = max(self.peak_pss_kb, other.peak_pss_kb)


class TreeMemorySampler(threading.Thread):
    """Samples the summed resident memory of a process and all its descendants.

    ru_maxrss alone would miss a tree of workers (it is the maximum of one process), so
    the tree is walked every SAMPLE_INTERVAL: via /proc/PID/task/TID/children where the
    kernel provides it, else via the parent ids in /proc/*/stat."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kb = 0
        self.peak_pss_kb = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            tree = process_tree(self.pid)
            self.peak_kb = max(self.peak_kb, sum(proc_field_kb(p, "status", "VmRSS:") for p in tree))
            self.peak_pss_kb = max(self.peak_pss_kb, sum(proc_field_kb(p, "smaps_rollup", "Pss:") for p in tree))
            self._done.wait(SAMPLE_INTERVAL)

    def stop(self) -> tuple[int, int]:
        """The peaks of the summed RSS and of the summed PSS."""
        self._done.set()
        self.join()
        return self.peak_kb, self.peak_pss_kb


HAS_CHILDREN_FILES = Path(f"/proc/self/task/{os.getpid()}/children").exists()


def process_tree(root: int) -> list[int]:
    """ROOT and all its descendants."""
    if HAS_CHILDREN_FILES:
        children_of = children_from_task_files
    else:
        table = children_from_stat_files()
        children_of = lambda pid: table.get(pid, [])  # noqa: E731
    tree, pending = [], [root]
    while pending:
        pid = pending.pop()
        tree.append(pid)
        pending.extend(children_of(pid))
    return tree


def children_from_stat_files() -> dict[int, list[int]]:
    """Every process's children, from the parent ids in /proc/*/stat."""
    table: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_bytes()
            except OSError:
                continue  # exited meanwhile
            # The command name in parentheses may hold spaces; the parent id follows it.
            parent = int(stat[stat.rindex(b")") + 2:].split()[1])
            table.setdefault(parent, []).append(int(entry))
    return table


def children_from_task_files(pid: int) -> list[int]:
    kids = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            kids += [int(k) for k in Path(f"/proc/{pid}/task/{task}/children").read_text().split()]
    except OSError:
        pass
    return kids


def proc_field_kb(pid: int, file: str, key: str) -> int:
    """A kB field of /proc/PID/FILE (VmRSS: in status, Pss: in smaps_rollup); 0 once it ended."""
    try:
        for line in Path(f"/proc/{pid}/{file}").read_text().splitlines():
            if line.startswith(key):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def kill_session(pid: int) -> None:
    try:
        os.killpg(pid, 9)
    except ProcessLookupError:
        pass  # it ended meanwhile


def run_command(cmd: list[str], *, sample_memory: bool = False, stderr=subprocess.DEVNULL) -> RunResult:
    """Runs CMD to completion, with its output discarded unless STDERR says otherwise."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=stderr, start_new_session=True)
    sampler = TreeMemorySampler(proc.pid) if sample_memory else None
    if sampler:
        sampler.start()
    # Kill the whole session of a hung tool (workers included), so the run fails instead.
    timer = threading.Timer(COMMAND_TIMEOUT, kill_session, (proc.pid,))
    timer.start()
    try:
        # wait4 rather than Popen.wait: it also gives the child's resource usage.
        _, status, usage = os.wait4(proc.pid, 0)
    except BaseException:
        # Its own session keeps the tool from seeing a Ctrl-C, so end it here.
        kill_session(proc.pid)
        raise
    finally:
        timer.cancel()
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    peak, peak_pss = sampler.stop() if sampler else (0, 0)
    return RunResult(seconds, proc.returncode, peak, usage.ru_maxrss, peak_pss)


# ---------------------------------------------------------------------------
# Command lines: the same files and flags for every tool


@dataclass
class Tools:
    gilcheck: Path
    clang: Path
    clang_tidy: Path
    resource_dir: Path     # clang's own headers, for clang-tidy
    python_include: Path   # the system Python's headers, for all three


# A gilcheck invocation: the package it is for, the files, the flags after `--`.
GilcheckJob = tuple[Package, list[Path], list[str]]


def gilcheck_command(tools: Tools, files: list[Path], flags: list[str], *,
                     cache_dir: Path | None, jobs: int | None = None) -> list[str]:
    """CACHE_DIR None means --no-cache."""
    cmd = [str(tools.gilcheck), "check", *map(str, files),
           "--python-include", str(tools.python_include),
           "--fail-on", "never", "--format", "sarif", "--output", os.devnull]
    if jobs is not None:
        cmd += ["--jobs", str(jobs)]
    cmd += ["--cache-dir", str(cache_dir)] if cache_dir else ["--no-cache"]
    return cmd + ["--", *flags]


def language_flags(path: Path) -> list[str]:
    return ["-x", "c"] if path.suffix in C_SOURCES else ["-x", "c++", "-std=c++17"]


def clang_command(tools: Tools, file: Path, pkg: Package) -> list[str]:
    return [str(tools.clang), "-fsyntax-only", "-w", *language_flags(file),
            "-isystem", str(tools.python_include), *pkg.include_flags, str(file)]


def clang_tidy_command(tools: Tools, file: Path, pkg: Package) -> list[str]:
    # PyPI's clang-tidy ships without clang's own headers (stddef.h, stdarg.h...), so it
    # borrows those of the clang of the same major version.
    return [str(tools.clang_tidy), str(file), f"-checks={TIDY_CHECKS}", "--quiet", "--",
            *language_flags(file), "-w", "-resource-dir", str(tools.resource_dir),
            "-isystem", str(tools.python_include), *pkg.include_flags]


def resource_dir(clang: Path) -> Path:
    out = subprocess.run([str(clang), "-print-resource-dir"], capture_output=True, text=True)
    path = Path(out.stdout.strip())
    if out.returncode != 0 or not (path / "include" / "stddef.h").is_file():
        fail(f"{clang} -print-resource-dir gave no directory with stddef.h")
    return path


# ---------------------------------------------------------------------------
# Verification: every tool must have run on every file before anything is timed


def verify(tools: Tools, packages: list[Package]) -> dict[str, list[str]]:
    """Runs every tool once over everything (which also warms the file system cache, so
    the first timed tool is not at a disadvantage). gilcheck must exit 0 or 1; a file that
    clang or clang-tidy cannot compile is counted and reported, not fatal, since those
    tools stop at errors that gilcheck tolerates."""
    failures: dict[str, list[str]] = {"clang": [], "clang-tidy": []}
    for pkg in packages:
        log(f"verifying {pkg.label}: {len(pkg.sources)} files")
        check_gilcheck(gilcheck_command(tools, pkg.sources, pkg.include_flags, cache_dir=None),
                       pkg, pkg.sources)
        for file in pkg.sources:
            for tool, cmd in (("clang", clang_command(tools, file, pkg)),
                              ("clang-tidy", clang_tidy_command(tools, file, pkg))):
                if run_command(cmd).returncode != 0:
                    failures[tool].append(str(file.relative_to(pkg.root.parent)))
    for tool, files in failures.items():
        total = sum(len(p.sources) for p in packages)
        log(f"{tool}: {len(files)} of {total} files failed to compile")
        for name in files:
            log(f"  {name}")
    return failures


def check_gilcheck(cmd: list[str], pkg: Package, files: list[Path],
                   sample_memory: bool = False) -> RunResult:
    """Runs gilcheck and stops the benchmark unless it analyzed FILES (exit 0 or 1)."""
    with tempfile.TemporaryFile() as err:
        result = run_command(cmd, stderr=err, sample_memory=sample_memory)
        err.seek(0)
        stderr = err.read().decode(errors="replace")
    if result.returncode not in (0, 1):
        tail = "\n".join(stderr.splitlines()[-20:])
        fail(f"gilcheck exited {result.returncode} on {pkg.label}:\n{tail}")
    analyzed = re.search(r"(\d+) files? analyzed", stderr)
    if analyzed and int(analyzed.group(1)) != len(files):
        log(f"warning: gilcheck analyzed {analyzed.group(1)} of {len(files)} files of {pkg.label}")
    return result


# ---------------------------------------------------------------------------
# Measurements


@dataclass
class Measurement:
    """The times of several runs of one tool, and the memory peaks over them."""
    times: list[float] = field(default_factory=list)
    peaks: RunResult = field(default_factory=lambda: RunResult(0.0, 0))

    def add(self, run: RunResult) -> None:
        self.times.append(run.seconds)
        self.peaks.absorb_peaks(run)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    def as_json(self) -> dict:
        return {"runs": self.times, "median": self.median, "min": min(self.times),
                "max": max(self.times), "peak_tree_rss_mb": kb_to_mb(self.peaks.peak_tree_kb),
                "peak_tree_pss_mb": kb_to_mb(self.peaks.peak_pss_kb),
                "ru_maxrss_mb": kb_to_mb(self.peaks.maxrss_kb)}


def kb_to_mb(kb: int) -> float:
    return kb * 1024 / 1e6


def time_gilcheck(tools: Tools, corpus: list[GilcheckJob], cache_root: Path,
                  jobs: int | None = None) -> RunResult:
    """One gilcheck run per package, each with its own cache directory under CACHE_ROOT
    (so a second call with the same root is warm); the times add up, the memory peaks."""
    total = RunResult(0.0, 0)
    for pkg, files, flags in corpus:
        cache_dir = cache_root / pkg.label
        cache_dir.mkdir(parents=True, exist_ok=True)
        result = check_gilcheck(gilcheck_command(tools, files, flags, cache_dir=cache_dir, jobs=jobs),
                                pkg, files, sample_memory=True)
        total.seconds += result.seconds
        total.absorb_peaks(result)
    return total


def time_serially(commands: list[list[str]]) -> float:
    """Total wall time of running the commands one after another (failures were counted
    during verification; a failed compile still takes its time)."""
    return sum(run_command(cmd).seconds for cmd in commands)


def fresh_cache_root() -> tempfile.TemporaryDirectory:
    (BENCH / "tmp").mkdir(parents=True, exist_ok=True)
    return tempfile.TemporaryDirectory(prefix="cache-", dir=BENCH / "tmp")


def measure(tools: Tools, packages: list[Package], runs: int) -> dict[str, Measurement]:
    m = {key: Measurement() for key in ("cold", "warm", "jobs1", "clang", "clang-tidy")}
    corpus = [(pkg, pkg.sources, pkg.include_flags) for pkg in packages]
    clang_cmds = [clang_command(tools, f, p) for p in packages for f in p.sources]
    tidy_cmds = [clang_tidy_command(tools, f, p) for p in packages for f in p.sources]
    # The tools take turns within each run, so a drift of the machine's speed hits all alike.
    for run in range(1, runs + 1):
        with fresh_cache_root() as root:
            m["cold"].add(time_gilcheck(tools, corpus, Path(root)))
            m["warm"].add(time_gilcheck(tools, corpus, Path(root)))
        with fresh_cache_root() as root:
            m["jobs1"].add(time_gilcheck(tools, corpus, Path(root), jobs=1))
        m["clang"].add(RunResult(time_serially(clang_cmds), 0))
        m["clang-tidy"].add(RunResult(time_serially(tidy_cmds), 0))
        log(f"run {run}/{runs}: " + ", ".join(f"{k} {v.times[-1]:.2f} s" for k, v in m.items()))
    return m


# ---------------------------------------------------------------------------
# Scaling: time per 1,000 lines over 1, 2 and 4 copies of the corpus


def make_copies(packages: list[Package], count: int) -> list[list[Package]]:
    """COUNT copies of every package tree under .cache/benchmark/scale/copyK.

    Each copied C/C++ file gets a comment naming its copy, so that no two copies are
    byte-identical: a cache keyed by content must not turn copies into free hits."""
    scale = BENCH / "scale"
    shutil.rmtree(scale, ignore_errors=True)
    copies = []
    for k in range(1, count + 1):
        copy = []
        for pkg in packages:
            dest = scale / f"copy{k}" / pkg.label
            shutil.copytree(pkg.root, dest, symlinks=True)
            for path in dest.rglob("*"):
                if path.suffix in C_SOURCES | CXX_SOURCES | HEADERS and path.is_file() \
                        and not path.is_symlink():
                    with path.open("ab") as f:
                        f.write(f"\n/* benchmark copy {k} */\n".encode())
            copy.append(load_package(f"{pkg.name}=={pkg.version}", dest))
        copies.append(copy)
    return copies


def measure_scaling(tools: Tools, packages: list[Package], runs: int, jobs: int | None = None) -> list[dict]:
    """JOBS None: default jobs."""
    factors = (1, 2, 4)
    copies = make_copies(packages, max(factors))
    rows = []
    for factor in factors:
        used = copies[:factor]
        # One gilcheck run per package over all its copies. Its -I flags name every copy;
        # a header reached through them resolves to the first copy, like in a real tree
        # where sources share one include path.
        corpus: list[GilcheckJob] = []
        for i, pkg in enumerate(packages):
            versions = [copy[i] for copy in used]
            corpus.append((pkg, [f for v in versions for f in v.sources],
                           [flag for v in versions for flag in v.include_flags]))
        lines = count_lines([copy[i].root for copy in used for i in range(len(packages))])
        times = []
        for _ in range(runs):
            with fresh_cache_root() as root:
                times.append(time_gilcheck(tools, corpus, Path(root), jobs=jobs).seconds)
        seconds = statistics.median(times)
        rows.append({"factor": factor, "lines": lines, "runs": times, "median": seconds,
                     "seconds_per_1k_lines": seconds / (lines / 1000)})
        log(f"scaling {factor}x ({'default jobs' if jobs is None else f'--jobs {jobs}'}): {lines} lines, {seconds:.2f} s")
    base = rows[0]["seconds_per_1k_lines"]
    for row in rows:
        row["deviation_pct"] = (row["seconds_per_1k_lines"] - base) / base * 100
    return rows


# ---------------------------------------------------------------------------
# Report


def ratios(m: dict[str, Measurement]) -> dict[str, float]:
    return {
        "cold_over_clang": m["cold"].median / m["clang"].median,
        "cold_over_clang_tidy": m["cold"].median / m["clang-tidy"].median,
        "warm_over_cold": m["warm"].median / m["cold"].median,
        "jobs1_over_clang": m["jobs1"].median / m["clang"].median,
    }


def evaluate_targets(r: dict[str, float], m: dict[str, Measurement], scaling: list[dict]) -> list[dict]:
    values = dict(r, peak_pss_mb=kb_to_mb(m["cold"].peaks.peak_pss_kb),
                  scaling_deviation_pct=max(abs(row["deviation_pct"]) for row in scaling))
    return [{"target": key, "description": text, "value": values[key], "limit": limit,
             "passed": values[key] <= limit} for key, text, limit in TARGETS]


def print_report(info: dict, m: dict[str, Measurement], r: dict[str, float],
                 scaling: dict[str, list[dict]], targets: list[dict]) -> None:
    names = {
        "cold": f"gilcheck cold (default jobs, {os.cpu_count()} cores)",
        "warm": "gilcheck warm",
        "jobs1": "gilcheck --jobs 1 (cold)",
        "clang": f"{info['clang']} -fsyntax-only",
        "clang-tidy": f"clang-tidy {info['clang_tidy']}",
    }
    print(f"corpus: {info['files']} files in {len(info['packages'])} packages "
          f"({', '.join(info['packages'])}), {info['lines']} lines incl. headers")
    print(f"python headers: {info['python_include']}; libclang {info['libclang_major']}")
    print(f"clang failed on {len(info['clang_failures'])} files, "
          f"clang-tidy on {len(info['clang_tidy_failures'])} files")
    print()
    runs = len(m["cold"].times)
    print(f"{'measurement (seconds, ' + str(runs) + ' runs)':44} {'median':>8} {'min':>8} {'max':>8}")
    for key, meas in m.items():
        print(f"{names[key]:44} {meas.median:8.2f} {min(meas.times):8.2f} {max(meas.times):8.2f}")
    print()
    print("ratios (of medians):")
    for key, label in (("cold_over_clang", "gilcheck cold / clang"),
                       ("cold_over_clang_tidy", "gilcheck cold / clang-tidy"),
                       ("warm_over_cold", "gilcheck warm / cold"),
                       ("jobs1_over_clang", "gilcheck --jobs 1 / clang")):
        print(f"  {label:30} {r[key]:7.3f}x")
    print()
    print(f"{'peak memory (MB)':44} {'tree PSS':>9} {'tree RSS':>9} {'ru_maxrss':>10}")
    for key in ("cold", "warm", "jobs1"):
        print(f"{names[key]:44} {kb_to_mb(m[key].peaks.peak_pss_kb):9.1f} {kb_to_mb(m[key].peaks.peak_tree_kb):9.1f} "
              f"{kb_to_mb(m[key].peaks.maxrss_kb):10.1f}")
    print("  (tree PSS and RSS: peaks of the summed PSS and RSS of gilcheck and its workers;")
    print("   ru_maxrss: the largest single process; all children of this script: "
          f"{info['children_maxrss_mb']:.1f} MB)")
    for label, rows in scaling.items():
        print()
        print(f"{'scaling, ' + label:24} {'lines':>9} {'seconds':>9} {'s/1k lines':>11} {'vs 1x':>8}")
        for row in rows:
            print(f"{str(row['factor']) + 'x':24} {row['lines']:9d} {row['median']:9.2f} "
                  f"{row['seconds_per_1k_lines']:11.4f} {row['deviation_pct']:+7.1f}%")
    print()
    print(f"{'target':46} {'value':>9} {'limit':>9}  result")
    for t in targets:
        print(f"{t['description']:46} {t['value']:9.3f} {t['limit']:9.3f}  "
              f"{'PASS' if t['passed'] else 'FAIL'}")


# ---------------------------------------------------------------------------


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gilcheck", type=Path,
                        help="gilcheck binary to measure (default: build .build/release/gilcheck)")
    parser.add_argument("--packages", nargs="+", metavar="NAME==VERSION", default=DEFAULT_PACKAGES,
                        help="packages to measure on (default: the set of Scripts/realworld.sh)")
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (default: 5)")
    parser.add_argument("--quick", action="store_true", help="one run per measurement")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the numbers here")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    if args.quick:
        args.runs = 1
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def main() -> int:
    args = parse_args()
    gilcheck = args.gilcheck.resolve() if args.gilcheck else build_gilcheck()
    if not os.access(gilcheck, os.X_OK):
        fail(f"{gilcheck} is not an executable")
    major = libclang_major(gilcheck)
    clang = find_clang(major)
    tidy, tidy_version = setup_clang_tidy(major)
    tools = Tools(gilcheck, clang, tidy, resource_dir(clang), python_include())
    packages = [load_package(spec) for spec in args.packages]
    for pkg in packages:
        if not pkg.sources:
            fail(f"{pkg.label} has no C/C++ sources")

    failures = verify(tools, packages)
    m = measure(tools, packages, args.runs)
    scaling = {"default jobs": measure_scaling(tools, packages, args.runs),
               "--jobs 1": measure_scaling(tools, packages, args.runs, jobs=1)}

    r = ratios(m)
    targets = evaluate_targets(r, m, scaling["--jobs 1"])
    info = {
        "gilcheck": str(gilcheck), "libclang_major": major, "clang": clang.name,
        "clang_tidy": tidy_version, "python_include": str(tools.python_include),
        "packages": [p.label for p in packages], "files": sum(len(p.sources) for p in packages),
        "lines": count_lines([p.root for p in packages]),
        "clang_failures": failures["clang"], "clang_tidy_failures": failures["clang-tidy"],
        "cores": os.cpu_count(),
        # The kernel's ru_maxrss over every child this script waited for: a cross-check
        # that no single process exceeded the tree peaks above.
        "children_maxrss_mb": kb_to_mb(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss),
    }
    print_report(info, m, r, scaling, targets)
    if args.json:
        args.json.write_text(json.dumps({
            "info": info, "measurements": {k: v.as_json() for k, v in m.items()},
            "ratios": r, "scaling": scaling, "targets": targets}, indent=2) + "\n")
    missed = [t for t in targets if not t["passed"]]
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
