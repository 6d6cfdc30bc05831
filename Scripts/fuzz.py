#!/usr/bin/env python3
"""Mutation fuzzer for gilcheck: damages the corpus files and checks that gilcheck survives them.

Every mutant is a corpus file (Corpus/**/*.c, *.cpp, *.h) changed by one to three mutations:
byte flips, token deletions and duplications, line duplications, truncation, inserted random
bytes, unbalanced braces, quotes, comment openers or preprocessor directives, or two files
spliced together. Mutants are written in batches to .cache/fuzz/batches/ and each batch is
analyzed by ONE gilcheck run:

    gilcheck check BATCH --format sarif --output BATCH.sarif --fail-on never --embedded-headers
                         --source-root BATCH --jobs N --timeout-per-file S

A batch fails on
    signal          gilcheck was killed by a signal (a crash)
    hang            gilcheck outlived --kill-after
    exit-code       an exit status other than 0, 1 or 2
    invalid-sarif   no SARIF, or SARIF that ../shared/sarif/validate-sarif rejects (schema,
                    GitHub rules, line hashes recomputed from the mutants), or that draws a
                    validator warning a damaged input does not explain
    lost-file       a mutant that appears nowhere in the SARIF: not in runs[0].artifacts, not
                    in a result, not in a toolExecutionNotification
A failing batch is bisected down to the mutants that fail alone (or the smallest group that
fails only together); each is saved with a repro.sh under .cache/fuzz/failures/. The rest of
the batch is then run again, so every mutant is checked. The run ends with a report (also in
.cache/fuzz/report.txt) and exits 1 when any failure was found, 2 when gilcheck already fails
on unmutated corpus files.

The lost-file check needs runs[0].artifacts: without it a file analyzed without findings or
problems is indistinguishable from a lost one, and the report says the check was not possible
(a failure; --no-lost-file-check opts out).

Usage:
    Scripts/fuzz.py [--gilcheck PATH] [--seed N] [--mutants N] [--time-budget SECONDS]
                    [--batch-size N] [--parallel N] [--jobs N] [--per-file-timeout S]
                    [--kill-after S] [--validator PATH] [--corpus DIR] [--no-lost-file-check]

    Scripts/fuzz.py --gilcheck .build/release/gilcheck --mutants 2000 --seed 7

Without --gilcheck it builds one (Scripts/build-release.sh). The same --seed and
--batch-size give the same mutants and batches.
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import dataclasses
import json
import os
import pathlib
import random
import re
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parent.parent
WORK = ROOT / ".cache" / "fuzz"
DEFAULT_VALIDATOR = ROOT.parent / "shared" / "sarif" / "validate-sarif"
SOURCE_SUFFIXES = (".c", ".cpp", ".h")

# The fuzzer is `validate-sarif --strict` minus the warnings mutants cause by design:
#   SARIF-INVOCATION           a mutant with NUL bytes is not source: gilcheck marks the run
#                              unsuccessful and adds an error notification, as documented
#   GH-RESULT-FINGERPRINT-DUP  two findings of one rule on one line share GitHub's per-line
#                              hash; valid code does this too (`a++; b++;` on one line)
# Any other warning is a defect in the output and fails the batch.
EXPECTED_WARNINGS = {"SARIF-INVOCATION", "GH-RESULT-FINGERPRINT-DUP"}

FAILURE_KINDS = ("signal", "hang", "exit-code", "invalid-sarif", "lost-file")

# A group of mutants that fails only together is shrunk one mutant at a time up to this size.
MINIMIZE_LIMIT = 16


# ---------------------------------------------------------------------------------------------
# Mutations. Each takes the file's bytes and returns new bytes; they work on bytes, not text,
# because mutants are meant to contain invalid UTF-8 and NULs.
# ---------------------------------------------------------------------------------------------

# Close enough to C/C++ lexing for choosing whole tokens; a damaged file only has to split
# into pieces somewhere, so anything unmatched is a one-byte token.
TOKEN_RE = re.compile(
    rb"""
      [A-Za-z_][A-Za-z0-9_]*              # identifier or keyword
    | \.?[0-9](?:[eEpP][+-]|[A-Za-z0-9_.])*  # number
    | "(?:\\.|[^"\\\n])*"                 # string literal
    | '(?:\\.|[^'\\\n])*'                 # character literal
    | /\*.*?\*/ | //[^\n]*                # comment
    | ->|\+\+|--|<<=?|>>=?|[<>=!+\-*/%&|^]=|&&|\|\||::|\#\#
    | [^\s]                               # any other single byte
    """,
    re.VERBOSE | re.DOTALL,
)

BRACKETS = b"{}()[]"
QUOTES = (b'"', b"'")
COMMENT_OPENERS = (b"/*", b"//", b"/* ", b"/**")
DIRECTIVES = (b"#if 0", b"#if 1", b"#ifdef Py_GIL_DISABLED", b"#else", b"#endif", b"#elif 1",
              b"#define Py_BEGIN_CRITICAL_SECTION(op) {", b"#undef Py_INCREF", b"#pragma once",
              b"#include", b"#", b"#line 0", b"#define static")


def tokens(data: bytes) -> list[tuple[int, int]]:
    return [m.span() for m in TOKEN_RE.finditer(data)]


def line_spans(data: bytes) -> list[tuple[int, int]]:
    """Start and end (after the newline) of every line."""
    spans, start = [], 0
    for m in re.finditer(rb"\n", data):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(data):
        spans.append((start, len(data)))
    return spans


def insert(data: bytes, pos: int, piece: bytes) -> bytes:
    return data[:pos] + piece + data[pos:]


def token_boundary(data: bytes, rng: random.Random) -> int:
    """A position between tokens, where an inserted character changes the parse most."""
    spans = tokens(data)
    if not spans:
        return rng.randrange(len(data) + 1)
    start, end = rng.choice(spans)
    return rng.choice((start, end))


def byte_flip(data, rng, corpus):
    if not data:
        return data
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def token_delete(data, rng, corpus):
    spans = tokens(data)
    if not spans:
        return data
    # A run of tokens as well as a single one: deleting `) {` or `= NULL;` removes structure.
    first = rng.randrange(len(spans))
    last = min(len(spans) - 1, first + rng.choice((0, 0, 0, 1, 2, 4)))
    return data[:spans[first][0]] + data[spans[last][1]:]


def token_duplicate(data, rng, corpus):
    spans = tokens(data)
    if not spans:
        return data
    start, end = rng.choice(spans)
    piece = data[start:end]
    # In place (`x x`, `{{`) or elsewhere (a `return` or `}` moved into another statement).
    pos = end if rng.random() < 0.5 else rng.choice(spans)[rng.randrange(2)]
    return insert(data, pos, b" " + piece + b" ")


def line_duplicate(data, rng, corpus):
    lines = line_spans(data)
    if not lines:
        return data
    first = rng.randrange(len(lines))
    last = min(len(lines) - 1, first + rng.choice((0, 0, 1, 3, 10)))
    block = data[lines[first][0]:lines[last][1]]
    if not block.endswith(b"\n"):
        block += b"\n"
    pos = lines[last][1] if rng.random() < 0.5 else rng.choice(lines)[0]
    return insert(data, pos, block * rng.choice((1, 1, 1, 2, 50)))


def truncate(data, rng, corpus):
    return data[:rng.randrange(len(data) + 1)]


def random_bytes(data, rng, corpus):
    return insert(data, rng.randrange(len(data) + 1), rng.randbytes(rng.randint(1, 16)))


def unbalanced_brace(data, rng, corpus):
    piece = bytes(rng.choice(BRACKETS) for _ in range(rng.choice((1, 1, 1, 2, 3))))
    return insert(data, token_boundary(data, rng), piece)


def quote(data, rng, corpus):
    return insert(data, token_boundary(data, rng), rng.choice(QUOTES))


def comment_opener(data, rng, corpus):
    return insert(data, token_boundary(data, rng), rng.choice(COMMENT_OPENERS))


def directive(data, rng, corpus):
    # Unbalanced conditionals and redefined macros change what the preprocessor hands libclang.
    lines = line_spans(data)
    pos = rng.choice(lines)[0] if lines else 0
    return insert(data, pos, rng.choice(DIRECTIVES) + b"\n")


def splice(data, rng, corpus):
    other = corpus[rng.randrange(len(corpus))].data
    head, tail = line_spans(data), line_spans(other)
    cut = rng.choice(head)[0] if head else 0
    join = rng.choice(tail)[0] if tail else 0
    return data[:cut] + other[join:]


MUTATIONS = {
    "byte-flip": byte_flip,
    "token-delete": token_delete,
    "token-duplicate": token_duplicate,
    "line-duplicate": line_duplicate,
    "truncate": truncate,
    "random-bytes": random_bytes,
    "unbalanced-brace": unbalanced_brace,
    "quote": quote,
    "comment-opener": comment_opener,
    "directive": directive,
    "splice": splice,
}


# ---------------------------------------------------------------------------------------------
# Corpus and mutants
# ---------------------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Source:
    path: str  # relative to the repository root
    data: bytes


@dataclasses.dataclass(frozen=True)
class Mutant:
    index: int
    source: str
    kinds: tuple[str, ...]
    data: bytes

    @property
    def name(self) -> str:
        stem, suffix = os.path.splitext(os.path.basename(self.source))
        return f"m{self.index:06d}-{stem}{suffix}"


def load_corpus(corpus_dir: pathlib.Path) -> list[Source]:
    files = sorted(p for p in corpus_dir.rglob("*") if p.is_file() and p.suffix in SOURCE_SUFFIXES)
    return [Source(str(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p), p.read_bytes())
            for p in files]


def make_mutant(index: int, seed: int, corpus: list[Source]) -> Mutant:
    # One generator per mutant, so a mutant depends only on (seed, index): batches can run in
    # any order and --time-budget can stop anywhere without changing the others.
    rng = random.Random(f"gilcheck-fuzz/{seed}/{index}")
    source = corpus[rng.randrange(len(corpus))]
    kinds = tuple(rng.choice(list(MUTATIONS)) for _ in range(rng.choice((1, 1, 1, 1, 2, 2, 3))))
    data = source.data
    for kind in kinds:
        data = MUTATIONS[kind](data, rng, corpus)
    return Mutant(index, source.path, kinds, data)


# ---------------------------------------------------------------------------------------------
# Running gilcheck and the validator
# ---------------------------------------------------------------------------------------------

@dataclasses.dataclass
class Config:
    gilcheck: str
    validator: str
    seed: int
    jobs: int
    per_file_timeout: int | None  # None: do not pass --timeout-per-file
    kill_after: float
    lost_file_check: bool


@dataclasses.dataclass
class Failure:
    kind: str
    detail: str


@dataclasses.dataclass
class Outcome:
    """What one gilcheck run over a directory of mutants did wrong, if anything."""
    failures: list[Failure]
    returncode: int | None
    stderr: str
    validator_output: str
    tolerated_warnings: collections.Counter
    unmentioned: list[str]      # mutant file names the SARIF does not mention
    has_artifacts: bool         # whether the SARIF lists runs[0].artifacts at all


class Interrupted(Exception):
    """The run was stopped (Ctrl-C); a gilcheck killed for it is not a crash."""


# gilcheck runs in sessions of their own, which Ctrl-C does not reach: kept here to be killed.
_live = set()
_live_lock = threading.Lock()
STOP = threading.Event()


def run_process(cmd: list[str], limit: float) -> tuple[int | None, bool, str]:
    """Returns (exit status, timed out, stderr). A negative status is the killing signal."""
    if STOP.is_set():
        raise Interrupted
    # A session of its own so a hang can be killed with everything it started.
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    with _live_lock:
        _live.add(proc)
    try:
        try:
            _, err = proc.communicate(timeout=limit)
            return proc.returncode, False, err.decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            _, err = proc.communicate()
            return proc.returncode, True, err.decode("utf-8", "replace")
    finally:
        with _live_lock:
            _live.discard(proc)
        if STOP.is_set():
            raise Interrupted


def kill_live_processes() -> None:
    STOP.set()
    with _live_lock:
        for proc in _live:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def gilcheck_command(cfg: Config, directory: pathlib.Path, sarif: pathlib.Path) -> list[str]:
    # --source-root is the batch directory: URIs are then bare mutant names, and the validator
    # can recompute GitHub's line hashes from the same directory.
    cmd = [cfg.gilcheck, "check", str(directory), "--format", "sarif", "--output", str(sarif),
           "--fail-on", "never", "--embedded-headers", "--source-root", str(directory),
           "--jobs", str(cfg.jobs)]
    if cfg.per_file_timeout is not None:
        cmd += ["--timeout-per-file", str(cfg.per_file_timeout)]
    return cmd


def validator_command(cfg: Config, directory: pathlib.Path, sarif: pathlib.Path) -> list[str]:
    return [cfg.validator, "--source-root", str(directory), str(sarif)]


VALIDATOR_LINE_RE = re.compile(r": (error|warning): .*\[([A-Z0-9-]+)\]$")


def validate(cfg: Config, directory: pathlib.Path, sarif: pathlib.Path):
    """Returns (problems that fail the run, tolerated warning counts, validator output)."""
    proc = subprocess.run(validator_command(cfg, directory, sarif), capture_output=True,
                          text=True, errors="replace", timeout=cfg.kill_after)
    problems, tolerated = [], collections.Counter()
    for line in proc.stdout.splitlines():
        m = VALIDATOR_LINE_RE.search(line)
        if not m:
            continue
        severity, check = m.groups()
        if severity == "warning" and check in EXPECTED_WARNINGS:
            tolerated[check] += 1
        else:
            problems.append(line.split(": ", 1)[-1])
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"validator failed ({proc.returncode}): {proc.stderr.strip()}")
    if proc.returncode == 1 and not problems:
        problems.append("validator rejected the file: " + proc.stdout.strip()[-300:])
    return problems, tolerated, proc.stdout


def uri_to_path(uri: str, base_id: str | None, bases: dict) -> str | None:
    """The absolute path a SARIF artifactLocation names, or None when it names none."""
    if base_id is not None:
        base = (bases.get(base_id) or {}).get("uri")
        if not isinstance(base, str):
            return None
        uri = urllib.parse.urljoin(base, uri)
    parts = urllib.parse.urlsplit(uri)
    if parts.scheme not in ("", "file"):
        return None
    return os.path.realpath(urllib.parse.unquote(parts.path))


def mentioned_paths(run: dict) -> set[str]:
    """Every file the run names as an artifact, a result's location or a notification's."""
    bases = run.get("originalUriBaseIds") or {}
    artifacts = run.get("artifacts") or []
    locations = [a.get("location") or {} for a in artifacts if isinstance(a, dict)]

    def physical(locs):
        for loc in locs or []:
            if isinstance(loc, dict):
                art = (loc.get("physicalLocation") or {}).get("artifactLocation") or {}
                index = art.get("index")
                if "uri" not in art and isinstance(index, int) and 0 <= index < len(locations):
                    art = locations[index]
                yield art

    for result in run.get("results") or []:
        locations += physical(result.get("locations"))
    for invocation in run.get("invocations") or []:
        for note in invocation.get("toolExecutionNotifications") or []:
            locations += physical(note.get("locations"))
    paths = set()
    for art in locations:
        if isinstance(art.get("uri"), str):
            path = uri_to_path(art["uri"], art.get("uriBaseId"), bases)
            if path:
                paths.add(path)
    return paths


def describe_exit(returncode: int) -> str:
    try:
        return f"killed by {signal.Signals(-returncode).name}"
    except ValueError:
        return f"killed by signal {-returncode}"


def analyze(cfg: Config, directory: pathlib.Path) -> Outcome:
    """Runs gilcheck once over every mutant in directory and judges the run."""
    sarif = directory.with_suffix(".sarif")
    sarif.unlink(missing_ok=True)
    returncode, timed_out, stderr = run_process(gilcheck_command(cfg, directory, sarif),
                                                cfg.kill_after)
    outcome = Outcome([], returncode, stderr, "", collections.Counter(), [], True)
    if timed_out:
        outcome.failures.append(Failure("hang", f"still running after {cfg.kill_after:g} s"))
        return outcome
    if returncode < 0:
        outcome.failures.append(Failure("signal", describe_exit(returncode)))
        return outcome
    if returncode not in (0, 1, 2):
        outcome.failures.append(Failure("exit-code", f"exit status {returncode}"))
    if not sarif.exists():
        outcome.failures.append(Failure("invalid-sarif", "no SARIF file written"))
        return outcome
    problems, outcome.tolerated_warnings, outcome.validator_output = validate(cfg, directory, sarif)
    if problems:
        shown = "; ".join(problems[:3]) + (f" (+{len(problems) - 3} more)" if len(problems) > 3 else "")
        outcome.failures.append(Failure("invalid-sarif", shown))
    try:
        run = json.loads(sarif.read_bytes())["runs"][0]
    except (ValueError, KeyError, IndexError, TypeError):
        return outcome  # already an invalid-sarif failure from the validator
    outcome.has_artifacts = isinstance(run.get("artifacts"), list)
    seen = mentioned_paths(run)
    outcome.unmentioned = sorted(p.name for p in directory.iterdir()
                                 if os.path.realpath(p) not in seen)
    return outcome


# ---------------------------------------------------------------------------------------------
# Batches, bisection and saved failures
# ---------------------------------------------------------------------------------------------

@dataclasses.dataclass
class BatchResult:
    mutants: int
    kinds: collections.Counter
    failures: list[tuple[str, str, str]]  # (kind, saved directory, description)
    tolerated_warnings: collections.Counter
    unverifiable: int  # mutants not in the SARIF when it lists no artifacts
    returncode: int | None


def write_dir(directory: pathlib.Path, files: dict[str, bytes]) -> None:
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    for name, data in files.items():
        (directory / name).write_bytes(data)


class Fuzzer:
    def __init__(self, cfg: Config, corpus: list[Source]):
        self.cfg = cfg
        self.corpus = corpus
        self.reported_unverifiable = False
        self.runs = 0  # names the scratch directories of re-runs
        self.lock = threading.Lock()

    def run_batch(self, number: int, first: int, count: int) -> BatchResult:
        mutants = {m.name: m for m in (make_mutant(i, self.cfg.seed, self.corpus)
                                       for i in range(first, first + count))}
        names = list(mutants)
        outcome = self.run_mutants(WORK / "batches" / f"b{number:05d}", mutants, names)
        result = BatchResult(count, collections.Counter(k for m in mutants.values() for k in m.kinds),
                             [], outcome.tolerated_warnings, 0, outcome.returncode)
        # A failing run hides what the other mutants would show (a crash leaves no SARIF to
        # look for lost files in): set the culprits aside and run the rest again until it passes.
        while outcome.failures:
            culprits = self.isolate(number, mutants, names, outcome)
            for group, failures, leaf in culprits:
                result.failures += self.save(group, mutants, failures, leaf)
            bad = {name for group, _, _ in culprits for name in group}
            names = [name for name in names if name not in bad]
            if not names:
                return result
            outcome = self.rerun(number, mutants, names)
        self.check_lost_files(number, mutants, names, outcome, result)
        return result

    def run_mutants(self, directory, mutants, names) -> Outcome:
        """One gilcheck run over the named mutants, in a directory of their own."""
        write_dir(directory, {name: mutants[name].data for name in names})
        try:
            return analyze(self.cfg, directory)
        finally:
            shutil.rmtree(directory, ignore_errors=True)
            directory.with_suffix(".sarif").unlink(missing_ok=True)

    def rerun(self, number, mutants, names) -> Outcome:
        with self.lock:
            self.runs += 1
            tag = self.runs
        return self.run_mutants(WORK / "reruns" / f"b{number:05d}-{tag}", mutants, names)

    def check_lost_files(self, number, mutants, names, outcome, result):
        if not self.cfg.lost_file_check or not outcome.unmentioned:
            return
        if not outcome.has_artifacts:
            # Without runs[0].artifacts a mutant analyzed cleanly (no findings, no parse
            # problem) cannot be told from one gilcheck dropped: count them, save one example.
            result.unverifiable += len(outcome.unmentioned)
            with self.lock:
                first_time, self.reported_unverifiable = not self.reported_unverifiable, True
            if first_time:
                name = outcome.unmentioned[0]
                failure = Failure("lost-file", "appears nowhere in the SARIF, which has no "
                                  "runs[0].artifacts to list the files analyzed")
                alone = self.rerun(number, mutants, [name])
                result.failures += self.save([name], mutants, [failure], alone, lost=[name])
            return
        for name in outcome.unmentioned:
            alone = self.rerun(number, mutants, [name])
            if name in alone.unmentioned:
                failure = Failure("lost-file", "appears nowhere in the SARIF")
                result.failures += self.save([name], mutants, [failure], alone, lost=[name])
            else:
                failure = Failure("lost-file", f"{name} appears nowhere in the SARIF of its batch, "
                                  "but does when analyzed alone")
                result.failures += self.save(names, mutants, [failure], outcome, lost=[name])

    def isolate(self, number, mutants, names, outcome):
        """The smallest subsets of names that still fail, with how each failed.

        Halves are tried separately; when neither fails, the failure needs files together
        (gilcheck builds one call graph over a run) or is flaky, and names is the answer."""
        if len(names) == 1:
            return [(names, outcome.failures, outcome)]
        found = []
        middle = len(names) // 2
        for half in (names[:middle], names[middle:]):
            half_outcome = self.rerun(number, mutants, half)
            if half_outcome.failures:
                found += self.isolate(number, mutants, half, half_outcome)
        return found or [self.minimize(number, mutants, names, outcome)]

    def minimize(self, number, mutants, names, outcome):
        """Drops the mutants a group that fails only together does not need. One run per
        mutant, so only for small groups; a large one is usually a flaky failure."""
        if len(names) > MINIMIZE_LIMIT:
            return names, outcome.failures, outcome
        for name in list(names):
            trial = [n for n in names if n != name]
            trial_outcome = self.rerun(number, mutants, trial) if trial else None
            if trial_outcome and trial_outcome.failures:
                names, outcome = trial, trial_outcome
        return names, outcome.failures, outcome

    def save(self, names, mutants, failures, outcome, lost=()):
        """Keeps the failing mutants with a repro.sh; returns [(kind, directory, description)].
        lost: the mutants whose absence from the SARIF is the failure."""
        kind = failures[0].kind
        key = mutants[lost[0] if lost else names[0]].index
        what = f"m{key:06d}" + (f"+{len(names) - 1}" if len(names) > 1 else "")
        directory = WORK / "failures" / f"{kind}-seed{self.cfg.seed}-{what}"
        inputs = directory / "inputs"
        write_dir(inputs, {name: mutants[name].data for name in names})
        sarif = directory / "out.sarif"
        (directory / "repro.sh").write_text(self.repro_script(inputs, sarif, failures, lost))
        (directory / "repro.sh").chmod(0o755)
        (directory / "failure.txt").write_text(self.failure_text(names, mutants, failures, outcome))
        description = "; ".join(f"{f.kind}: {f.detail}" for f in failures)
        if len(names) > 1:
            description += f" (fails only with these {len(names)} mutants together)"
        return [(kind, str(directory.relative_to(ROOT)), description)]

    def repro_script(self, inputs, sarif, failures, lost) -> str:
        relative = lambda p: p.relative_to(inputs.parent)  # noqa: E731 - repro.sh runs there
        gilcheck = " ".join(shlex.quote(a) for a in
                            gilcheck_command(self.cfg, relative(inputs), relative(sarif)))
        validator = " ".join(shlex.quote(a) for a in
                             validator_command(self.cfg, relative(inputs), relative(sarif)))
        reasons = "\n".join(f"# {f.kind}: {f.detail}" for f in failures)
        # A lost file leaves valid SARIF behind: say which name is missing from it.
        lost = "".join(f"grep -q {shlex.quote(name)} out.sarif || echo '{name} is not in out.sarif'\n"
                       for name in lost)
        return ("#!/bin/sh\n"
                f"# Reproduces a gilcheck fuzz failure (Scripts/fuzz.py, seed {self.cfg.seed}).\n"
                f"{reasons}\ncd \"$(dirname \"$0\")\"\n"
                f"timeout -s KILL {self.cfg.kill_after:g} {gilcheck}\n"
                f"echo \"gilcheck exit status: $?\"\n"
                f"[ -f out.sarif ] && {validator}\n{lost}")

    def failure_text(self, names, mutants, failures, outcome) -> str:
        lines = [f"{f.kind}: {f.detail}" for f in failures]
        lines.append(f"gilcheck exit status: {outcome.returncode}")
        for name in names:
            m = mutants[name]
            lines.append(f"{name}: mutant {m.index} of seed {self.cfg.seed}, from {m.source} "
                         f"by {' + '.join(m.kinds)}")
        lines += ["", "gilcheck stderr (last 40 lines):", *outcome.stderr.splitlines()[-40:]]
        if outcome.validator_output:
            lines += ["", "validate-sarif:", *outcome.validator_output.splitlines()[:60]]
        return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------------------------

def preflight(cfg: Config, corpus: list[Source]) -> str | None:
    """Why gilcheck cannot be fuzzed, or None. It must pass on a few unmutated corpus files:
    otherwise (an unknown flag, a broken validator) every batch would fail and be bisected."""
    directory = WORK / "preflight"
    write_dir(directory, {os.path.basename(s.path): s.data for s in corpus[:3]})
    try:
        outcome = analyze(cfg, directory)
    except (OSError, RuntimeError, subprocess.TimeoutExpired) as error:
        return str(error)
    if not outcome.failures:
        shutil.rmtree(directory)
        directory.with_suffix(".sarif").unlink(missing_ok=True)
        return None
    problem = "; ".join(f"{f.kind}: {f.detail}" for f in outcome.failures)
    return (f"gilcheck fails on unmutated corpus files in {directory}: {problem}\n"
            + "\n".join(outcome.stderr.splitlines()[-10:]))


def build_gilcheck() -> str:
    print("building gilcheck (Scripts/build-release.sh)...", file=sys.stderr)
    built = subprocess.run([str(ROOT / "Scripts" / "build-release.sh")], check=True, stdout=subprocess.PIPE, text=True)
    return built.stdout.strip()


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="Exit status: 0 no failure, 1 failures found, 2 setup error.")
    ap.add_argument("--gilcheck", metavar="PATH", help="gilcheck binary (default: build one)")
    ap.add_argument("--validator", metavar="PATH", default=str(DEFAULT_VALIDATOR),
                    help="validate-sarif (default: %(default)s)")
    ap.add_argument("--corpus", metavar="DIR", default=str(ROOT / "Corpus"),
                    help="the files to mutate (default: %(default)s)")
    ap.add_argument("--seed", type=int, default=1, help="selects the mutants (default: %(default)s)")
    ap.add_argument("--mutants", type=int, default=20000, metavar="N",
                    help="how many to run (default: %(default)s)")
    ap.add_argument("--time-budget", type=float, metavar="SECONDS",
                    help="start no batch after this many seconds")
    # Two batches of one job each beat one batch of two jobs on two cores: a gilcheck run has
    # serial phases, and one batch's validation overlaps the other's analysis.
    ap.add_argument("--batch-size", type=int, default=100, metavar="N",
                    help="mutants per gilcheck run (default: %(default)s)")
    ap.add_argument("--parallel", type=int, default=2, metavar="N",
                    help="batches run at once (default: %(default)s)")
    ap.add_argument("--jobs", type=int, default=1, metavar="N",
                    help="gilcheck --jobs for each batch (default: %(default)s)")
    ap.add_argument("--per-file-timeout", type=int, default=10, metavar="S",
                    help="gilcheck --timeout-per-file (default: %(default)s)")
    # A batch normally takes 5-15 s; the limit must stay well above that on a loaded machine,
    # or slow batches are reported as hangs that no smaller group reproduces.
    ap.add_argument("--kill-after", type=float, default=60, metavar="S",
                    help="a gilcheck run still going after S seconds is a hang (default: %(default)s)")
    ap.add_argument("--no-lost-file-check", action="store_true",
                    help="do not require every mutant to appear in the SARIF")
    args = ap.parse_args(argv)
    if min(args.mutants, args.batch_size, args.parallel, args.jobs) < 1:
        ap.error("--mutants, --batch-size, --parallel and --jobs must be at least 1")
    return args


def report(totals, started, cfg, args) -> int:
    """Prints the report, keeps a copy in .cache/fuzz/report.txt; returns the exit status."""
    elapsed = time.monotonic() - started
    failures = totals["failures"]
    by_kind = collections.Counter(kind for kind, _, _ in failures)
    timeout = "" if cfg.per_file_timeout is not None else " (without --timeout-per-file)"
    lines = [
        "gilcheck fuzz report" + (" (interrupted)" if STOP.is_set() else ""),
        f"  gilcheck          {cfg.gilcheck}{timeout}",
        f"  seed              {cfg.seed}",
        f"  mutants run       {totals['mutants']} in {totals['batches']} batches of up to "
        f"{args.batch_size} ({args.parallel} at once, --jobs {cfg.jobs})",
        f"  elapsed           {elapsed:.1f} s, {totals['mutants'] / max(elapsed, 1e-9):.1f} mutants/s",
        "  mutations         " + ", ".join(f"{k} {totals['kinds'][k]}" for k in MUTATIONS),
        "  batch exit codes  " + ", ".join(f"{code}: {n}"
                                           for code, n in sorted(totals["exit_codes"].items())),
    ]
    if totals["tolerated"]:
        warnings = ", ".join(f"{k} x{n}" for k, n in totals["tolerated"].items())
        lines.append(f"  expected warnings {warnings} (caused by the mutants, not failures)")
    lines.append("  failures          " + ", ".join(f"{k} {by_kind[k]}" for k in FAILURE_KINDS))
    if totals["unverifiable"]:
        lines.append("  lost-file check   NOT POSSIBLE: the SARIF has no runs[0].artifacts, so the "
                     f"{totals['unverifiable']} mutants it does not mention cannot be told "
                     "from lost ones")
    elif not cfg.lost_file_check:
        lines.append("  lost-file check   skipped (--no-lost-file-check)")
    lines += [f"  - {directory}: {description}" for _, directory, description in failures]
    text = "\n".join(lines) + "\n"
    sys.stdout.write("\n" + text)
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / "report.txt").write_text(text)
    return 1 if failures else 0


def accumulate(totals, result: BatchResult) -> None:
    totals["mutants"] += result.mutants
    totals["batches"] += 1
    totals["kinds"] += result.kinds
    totals["failures"] += result.failures
    totals["tolerated"] += result.tolerated_warnings
    totals["unverifiable"] += result.unverifiable
    totals["exit_codes"][result.returncode] += 1
    for kind, directory, description in result.failures:
        print(f"fuzz: FAILURE {directory}: {description}", file=sys.stderr)


def progress(totals, started) -> None:
    elapsed = time.monotonic() - started
    print(f"fuzz: {totals['mutants']} mutants, {totals['batches']} batches, "
          f"{totals['mutants'] / max(elapsed, 1e-9):.1f}/s, {len(totals['failures'])} failures",
          file=sys.stderr)


def main(argv=None) -> int:
    args = parse_args(argv)
    if not os.access(args.validator, os.X_OK):
        print(f"fuzz: no executable validator at {args.validator} (--validator)", file=sys.stderr)
        return 2
    corpus = load_corpus(pathlib.Path(args.corpus).resolve())
    if not corpus:
        print(f"fuzz: no {', '.join(SOURCE_SUFFIXES)} files under {args.corpus}", file=sys.stderr)
        return 2
    cfg = Config(gilcheck=os.path.abspath(args.gilcheck) if args.gilcheck else build_gilcheck(),
                 validator=os.path.abspath(args.validator), seed=args.seed, jobs=args.jobs,
                 per_file_timeout=args.per_file_timeout,
                 kill_after=args.kill_after, lost_file_check=not args.no_lost_file_check)
    for stale in ("batches", "reruns"):
        shutil.rmtree(WORK / stale, ignore_errors=True)
    problem = preflight(cfg, corpus)
    if problem:
        print(f"fuzz: {problem}", file=sys.stderr)
        return 2
    fuzzer = Fuzzer(cfg, corpus)
    totals = {"mutants": 0, "batches": 0, "kinds": collections.Counter(), "failures": [],
              "tolerated": collections.Counter(), "unverifiable": 0,
              "exit_codes": collections.Counter()}
    batches = [(n, first, min(args.batch_size, args.mutants - first))
               for n, first in enumerate(range(0, args.mutants, args.batch_size))]
    started = time.monotonic()
    print(f"fuzz: {args.mutants} mutants of {len(corpus)} corpus files, seed {args.seed}",
          file=sys.stderr)
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=args.parallel)
    try:
        pending, queue = set(), iter(batches)
        while True:
            # Keep --parallel batches in flight; start none once the time budget is spent.
            while len(pending) < args.parallel and (
                    args.time_budget is None or time.monotonic() - started < args.time_budget):
                batch = next(queue, None)
                if batch is None:
                    break
                pending.add(pool.submit(fuzzer.run_batch, *batch))
            if not pending:
                break
            done, pending = concurrent.futures.wait(pending, return_when="FIRST_COMPLETED")
            for future in done:
                accumulate(totals, future.result())
                progress(totals, started)
    except KeyboardInterrupt:
        kill_live_processes()
        print("\nfuzz: interrupted", file=sys.stderr)
    except (OSError, RuntimeError, subprocess.TimeoutExpired) as error:
        # The fuzzer's own trouble (a validator that fails, a full disk), not gilcheck's.
        kill_live_processes()
        print(f"fuzz: {error}", file=sys.stderr)
        pool.shutdown(wait=True, cancel_futures=True)
        return 2
    pool.shutdown(wait=True, cancel_futures=True)
    for scratch in ("batches", "reruns"):
        shutil.rmtree(WORK / scratch, ignore_errors=True)
    return report(totals, started, cfg, args)



if __name__ == "__main__":
    sys.exit(main())
