#!/usr/bin/env bash
# Builds gilcheck and runs it on the bundled demo extension (Corpus/demo). Exit status 1 means
# findings were reported, as they should be: the demo has planted bugs.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(Scripts/build-release.sh)
exec "$bin" check Corpus/demo "$@"
