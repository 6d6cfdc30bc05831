#!/usr/bin/env bash
# Runs the whole test suite. The corpus runs against gilcheck's embedded model of the C API and
# against every CPython >= 3.13 header set found here besides the one discovery picks.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/setup-system.sh
python3 Scripts/embed-resources.py --check
# The SARIF tests check output with ../shared/sarif/validate-sarif, which needs jsonschema.
python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install --quiet jsonschema
extra=""
for dir in /usr/include/python3.1[3-9] /usr/local/include/python3.1[3-9] "$HOME"/.pyenv/versions/3.1[3-9]*/include/python3.1[3-9]; do
  [ -f "$dir/Python.h" ] && extra="${extra:+$extra:}$dir"
done
export GILCHECK_TEST_PYTHON_INCLUDES="${GILCHECK_TEST_PYTHON_INCLUDES:-$extra}"
exec swift test "$@"
