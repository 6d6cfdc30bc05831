#!/usr/bin/env python3
"""The real-world packages gilcheck is run on, shared by Scripts/realworld.sh and
Scripts/benchmark.py so that both see the same files with the same flags: pinned sdists from
PyPI, downloaded once into the git-ignored .cache/realworld, their C/C++ sources, and include
flags that approximate their builds.

    Scripts/packages.py                        the pinned set, one NAME==VERSION a line
    Scripts/packages.py flags NAME==VERSION    fetches it; prints its directory, then its
                                               include flags, one a line
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REALWORLD = REPO / ".cache" / "realworld"

# The foundation set: small and large, C and C++, one file and many.
DEFAULT_PACKAGES = [
    "ujson==5.10.0", "wrapt==1.16.0", "regex==2024.5.15",
    "Brotli==1.1.0", "pyrsistent==0.20.0", "greenlet==3.0.3",
]
C_SOURCES = {".c"}
CXX_SOURCES = {".cc", ".cpp", ".cxx"}
HEADERS = {".h", ".hpp"}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def fail(message: str) -> None:
    sys.exit(f"packages: {message}")



@dataclass
class Package:
    name: str
    version: str
    root: Path
    sources: list[Path]
    include_flags: list[str]

    @property
    def label(self) -> str:
        return f"{self.name}-{self.version}"


def find_archive(name: str, version: str) -> Path | None:
    """The cached sdist of NAME==VERSION, whatever separator or case PyPI used in its name."""
    stem = "".join("[-_.]" if c in "-_." else re.escape(c) for c in name)
    pattern = re.compile(rf"^{stem}-{re.escape(version)}\.(tar\.gz|zip)$", re.IGNORECASE)
    sdists = REALWORLD / "sdists"
    matches = sorted(p for p in sdists.iterdir() if pattern.match(p.name)) if sdists.is_dir() else []
    return matches[0] if matches else None


def fetch_package(spec: str) -> Path:
    """Downloads and extracts an sdist into .cache/realworld/src/NAME-VERSION, reusing it."""
    name, sep, version = spec.partition("==")
    if not sep or not name or not version:
        fail(f"package {spec!r} is not NAME==VERSION")
    src = REALWORLD / "src" / f"{name}-{version}"
    if src.is_dir():
        return src
    archive = find_archive(name, version)
    if archive is None:
        log(f"downloading {spec}")
        (REALWORLD / "sdists").mkdir(parents=True, exist_ok=True)
        pip = subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                              "--no-binary", ":all:", spec, "-d", str(REALWORLD / "sdists")], stdout=sys.stderr)
        if pip.returncode != 0:
            fail(f"pip download {spec} exited {pip.returncode}")
        archive = find_archive(name, version)
        if archive is None:
            fail(f"pip downloaded no sdist for {spec}")
    # Extract next to the final place and rename, so an interrupted run leaves no half tree.
    tmp = src.with_name(src.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    if archive.name.endswith(".zip"):
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(tmp)
    else:
        with tarfile.open(archive) as tf:
            if hasattr(tarfile, "data_filter"):
                tf.extractall(tmp, filter="data")
            else:
                tf.extractall(tmp)
    tmp.rename(src)
    return src


def source_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*")
                  if p.suffix in C_SOURCES | CXX_SOURCES and p.is_file())


def include_flags(root: Path) -> list[str]:
    """Approximates the package's build flags: every include/ directory, and every other
    directory of the package that holds headers, except those inside an include/ tree
    (such as a platform-specific stdint.h that must not shadow the system one); then, last,
    the parents of those directories inside the package, for includes spelled with the
    directory ("double-conversion/utils.h")."""
    dirs = {p for p in root.rglob("include") if p.is_dir()}
    for header in root.rglob("*"):
        if header.suffix in HEADERS and header.is_file():
            if "include" not in header.relative_to(root).parts[:-1]:
                dirs.add(header.parent)
    parents = {d.parent for d in dirs if d.parent == root or root in d.parent.parents} - dirs
    return [f"-I{d}" for d in sorted(dirs, key=str) + sorted(parents, key=str)]


def load_package(spec: str, root: Path | None = None) -> Package:
    name, _, version = spec.partition("==")
    root = root or fetch_package(spec)
    return Package(name, version, root, source_files(root), include_flags(root))


def count_lines(roots: list[Path]) -> int:
    """Lines of the C/C++ sources and headers under the given trees."""
    total = 0
    for root in roots:
        for path in root.rglob("*"):
            if path.suffix in C_SOURCES | CXX_SOURCES | HEADERS and path.is_file():
                total += path.read_bytes().count(b"\n")
    return total


def main(argv: list[str]) -> int:
    if not argv:
        print("\n".join(DEFAULT_PACKAGES))
        return 0
    if argv[0] == "flags" and len(argv) == 2:
        package = load_package(argv[1])
        print("\n".join([str(package.root), *package.include_flags]))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
