#!/usr/bin/env bash
# Real-world run: downloads pinned sdists from PyPI into a git-ignored cache, runs gilcheck on
# all their C/C++ sources, and prints findings per rule per package. Fails on a crash, a hang
# (over 10 minutes per package) or a file that could not be analyzed.
#
#   Scripts/realworld.sh                 the foundation set
#   Scripts/realworld.sh NAME==VERSION…  other packages
set -euo pipefail
cd "$(dirname "$0")/.."
packages=("$@")
if [ ${#packages[@]} -eq 0 ]; then
  packages=(ujson==5.10.0 wrapt==1.16.0 regex==2024.5.15 Brotli==1.1.0 pyrsistent==0.20.0 greenlet==3.0.3)
fi
cache=.cache/realworld
mkdir -p "$cache/sdists" "$cache/src" "$cache/results"
bin=$(Scripts/build-release.sh)

status=0
printf '%-22s %6s %6s %s\n' PACKAGE FILES FOUND "BY RULE"
for spec in "${packages[@]}"; do
  name=${spec%%==*}; version=${spec##*==}
  src="$cache/src/$name-$version"
  if [ ! -d "$src" ]; then
    archive=$(ls "$cache/sdists/" 2>/dev/null | grep -i "^${name//-/[-_]}-$version\.\(tar\.gz\|zip\)$" | head -1 || true)
    if [ -z "$archive" ]; then
      pip download --quiet --no-deps --no-binary :all: "$spec" -d "$cache/sdists" >&2
      archive=$(ls "$cache/sdists/" | grep -i "^${name//-/[-_]}-$version\.\(tar\.gz\|zip\)$" | head -1)
    fi
    mkdir -p "$src.tmp"
    case "$archive" in
      *.zip) python3 -m zipfile -e "$cache/sdists/$archive" "$src.tmp" ;;
      *) tar -xzf "$cache/sdists/$archive" -C "$src.tmp" ;;
    esac
    mv "$src.tmp" "$src"
  fi
  out="$cache/results/$name.txt"; err="$cache/results/$name.stderr"
  # Approximates the package's build flags: its include/ directories, and the other
  # directories of its own that hold headers (not the subdirectories of an include/ tree, such
  # as a platform-specific stdint.h); then, last, the parents of those header directories, for
  # includes spelled with the directory ("double-conversion/utils.h").
  includes=(); header_dirs=()
  while IFS= read -r dir; do includes+=("-I$dir"); header_dirs+=("$dir"); done < <(
    (find "$src" -type d -name include; find "$src" \( -name '*.h' -o -name '*.hpp' \) -not -path '*/include/*' -printf '%h\n') | sort -u)
  while IFS= read -r dir; do includes+=("-I$dir"); done < <(
    for dir in "${header_dirs[@]}"; do parent=$(dirname "$dir"); case "$parent/" in "$src"/*) echo "$parent";; esac; done |
      sort -u | grep -vxF -f <(printf '%s\n' "${header_dirs[@]}"))
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
