#!/usr/bin/env bash
# Builds the release gilcheck that every script runs, after installing what the build needs
# (Scripts/setup-system.sh), and prints its path. The Swift runtime is linked statically: the
# worker processes a run starts then load faster. Build output goes to standard error.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/setup-system.sh
swift build -c release --static-swift-stdlib --product gilcheck >&2
echo "$PWD/.build/release/gilcheck"
