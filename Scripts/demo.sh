#!/usr/bin/env bash
# Builds gilcheck and runs it on the bundled demo extension (Corpus/demo). Exit status 1 means
# findings were reported, as they should be: the demo has planted bugs.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/setup-system.sh
swift build -c release --static-swift-stdlib --product gilcheck >&2
exec .build/release/gilcheck check Corpus/demo "$@"
