#!/usr/bin/env python3
"""The slow hostile inputs, too big for the unit tests: a 20 MB generated C file and a directory
of 10,000 files. Each is analyzed beside a good file; the run must finish within its limit, exit
0, 1 or 2, keep the good file's finding, and write SARIF that passes validate-sarif.

    Scripts/hostile-inputs.py [--gilcheck PATH] [--validator PATH]

Inputs are generated into .cache/hostile (git-ignored). Exit status 1 when a case fails.
"""
import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / ".cache" / "hostile"
GOOD = """#include <Python.h>
static long calls;
static PyObject *f(PyObject *m, PyObject *a) { calls++; Py_RETURN_NONE; }
static PyMethodDef methods[] = {{"f", f, METH_NOARGS, NULL}, {NULL}};
"""


def big_file(directory: Path) -> None:
    """About 20 MB: many small functions, each writing a static, and a large data table."""
    with open(directory / "huge.c", "w") as out:
        out.write("static int table[] = {\n")
        for i in range(400_000):
            out.write(f"  {i}, {i * 7 % 1000}, {i * 13 % 977},\n")
        out.write("};\n")
        for i in range(40_000):
            out.write(f"static int counter{i};\nvoid bump{i}(void) {{ counter{i}++; table[{i}] += counter{i}; }}\n")


def many_files(directory: Path) -> None:
    for i in range(10_000):
        sub = directory / f"d{i // 500:02d}"
        sub.mkdir(exist_ok=True)
        (sub / f"f{i:05d}.c").write_text(f"static int n{i};\nint get{i}(void) {{ return n{i}; }}\n")


CASES = [("20 MB file", big_file, 900), ("10,000 files", many_files, 1800)]


def run_case(name, make, limit, gilcheck, validator) -> bool:
    directory = WORK / name.replace(" ", "-").replace(",", "")
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    make(directory)
    (directory / "good.c").write_text(GOOD)
    sarif = directory.with_suffix(".sarif")
    start = time.monotonic()
    try:
        run = subprocess.run([gilcheck, "check", str(directory), "--source-root", str(directory), "--no-cache",
                              "--embedded-headers", "--format", "sarif",
                              "--output", str(sarif), "--fail-on", "warning"],
                             capture_output=True, text=True, timeout=limit)
    except subprocess.TimeoutExpired:
        print(f"FAIL {name}: no answer within {limit} s")
        return False
    seconds = time.monotonic() - start
    problems = []
    if run.returncode not in (0, 1, 2):
        problems.append(f"exit status {run.returncode}")
    text = sarif.read_text() if sarif.exists() else ""
    if "good.c" not in text or "static-mutable-state" not in text:
        problems.append("the good file's finding is missing")
    check = subprocess.run([sys.executable, validator, "--source-root", str(directory), str(sarif)], capture_output=True, text=True)
    if check.returncode != 0:
        problems.append("invalid SARIF: " + check.stdout.strip().splitlines()[-1] if check.stdout.strip() else "invalid SARIF")
    try:
        results = len(json.loads(text)["runs"][0]["results"]) if text else 0
    except (ValueError, KeyError, IndexError) as error:
        results = 0
        problems.append(f"unreadable SARIF: {error}")
    summary = run.stderr.strip().splitlines()[-1] if run.stderr.strip() else ""
    print(f"{'FAIL' if problems else 'ok  '} {name}: exit {run.returncode}, {seconds:.1f} s, {results} results; {summary}")
    for p in problems:
        print(f"     {p}")
    return not problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gilcheck", help="gilcheck binary (default: build a release one)")
    parser.add_argument("--validator", default=str(REPO.parent / "shared" / "sarif" / "validate-sarif"))
    args = parser.parse_args()
    gilcheck = args.gilcheck
    if not gilcheck:
        built = subprocess.run([str(REPO / "Scripts" / "build-release.sh")], check=True, stdout=subprocess.PIPE, text=True)
        gilcheck = built.stdout.strip()
    WORK.mkdir(parents=True, exist_ok=True)
    ok = all([run_case(name, make, limit, gilcheck, args.validator) for name, make, limit in CASES])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
