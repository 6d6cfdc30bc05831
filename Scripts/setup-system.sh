#!/usr/bin/env bash
# Installs what gilcheck needs from Debian/Ubuntu packages when it is missing: libclang's
# headers and library (libclang-dev) and Python's C headers (python3-dev).
set -euo pipefail
have_libclang() { ls /usr/lib/llvm-*/include/clang-c/Index.h >/dev/null 2>&1 || [ -n "${LLVM_PREFIX:-}" ]; }
have_python_headers() { ls /usr/include/python3*/Python.h >/dev/null 2>&1; }
if have_libclang && have_python_headers; then exit 0; fi
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
  echo "setup: libclang-dev and python3-dev are needed; run as root or install them" >&2; exit 2
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq libclang-dev python3-dev >/dev/null
