#!/usr/bin/env bash
# Real-world run: downloads pinned sdists from PyPI into a git-ignored cache (Scripts/packages.py),
# runs gilcheck on all their C/C++ sources, and prints findings per rule per package. Fails on a
# crash, a hang (over 10 minutes per package) or a file that could not be analyzed.
#
#   Scripts/realworld.sh                 the foundation set
#   Scripts/realworld.sh NAME==VERSION…  other packages
set -euo pipefail
cd "$(dirname "$0")/.."
packages=("$@")
if [ ${#packages[@]} -eq 0 ]; then mapfile -t packages < <(Scripts/packages.py); fi
cache=.cache/realworld
mkdir -p "$cache/results"
bin=$(Scripts/build-release.sh)

status=0
printf '%-22s %6s %6s %s\n' PACKAGE FILES FOUND "BY RULE"
for spec in "${packages[@]}"; do
  name=${spec%%==*}
  # The package's directory, then the include flags that approximate its build (the ones the
  # benchmark uses too).
  fetched=$(Scripts/packages.py flags "$spec")
  mapfile -t lines <<<"$fetched"
  src=${lines[0]}; includes=("${lines[@]:1}")
  out="$cache/results/$name.txt"; err="$cache/results/$name.stderr"
  set +e
  timeout 600 "$bin" check "$src" --fail-on never -- "${includes[@]}" >"$out" 2>"$err"
  rc=$?
  set -e
  files=$(sed -n 's/.*; \([0-9]*\) files\{0,1\} analyzed.*/\1/p' "$err" | tail -1)
  total=$(grep -c ': \(warning\|error\|note\): .*\[[a-z-]*\]$' "$out" || true)
  by_rule=$(grep -o '\[[a-z-]*\]$' "$out" | sort | uniq -c | awk '{printf "%s %s  ", $2, $1}' || true)
  printf '%-22s %6s %6s %s\n' "$name" "${files:-?}" "$total" "$by_rule"
  if [ $rc -ge 3 ]; then
    echo "  FAILED: gilcheck exited $rc (crash or time-out); see $err" >&2; status=1
  elif [ $rc -eq 2 ]; then
    echo "  FAILED: some inputs could not be analyzed:" >&2; grep 'error:' "$err" >&2 || true; status=1
  fi
done
echo "Findings are in $cache/results/NAME.txt (parse warnings in NAME.stderr)."
exit $status
