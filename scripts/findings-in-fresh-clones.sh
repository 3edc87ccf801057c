#!/usr/bin/env bash
# Runs README's first command (./mvnw -B -Pfindings verify) in N fresh clones of this repository's HEAD, one after
# the other, keeps each run's findings table (target/brigade/findings.md) and log, and merges the tables into one
# that says in how many runs each claim's verdict held: what docs/findings.md shows.
#
#   scripts/findings-in-fresh-clones.sh [N=5] [OUT=target/findings-runs] [TRIALS]
#
# TRIALS, when given, is passed as -Dbrigade.findings.trials (the suite's default is 3; the published tables took 5).
# Run it alone on the machine: anything else running moves the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
out=$(realpath -m "${2:-target/findings-runs}")
trials=()
if [ -n "${3:-}" ]; then trials=("-Dbrigade.findings.trials=$3"); fi
mkdir -p "$out"
repo=$(pwd)
commit=$(git rev-parse --short HEAD)
for i in $(seq 1 "$runs"); do
  clone=$(mktemp -d /tmp/brigade-findings-XXXXXX)
  trap 'rm -rf "$clone"' EXIT
  git clone -q "$repo" "$clone"
  echo "run $i of $runs: $commit in $clone"
  start=$(date +%s)
  (cd "$clone" && ./mvnw -B -Pfindings verify "${trials[@]}") > "$out/run-$i.log" 2>&1 || { echo "run $i failed: $out/run-$i.log"; exit 1; }
  cp "$clone/example-tests/target/brigade/findings.md" "$out/run-$i.md"
  grep -E '^\[findings\]|Tests run:.*Fail' "$out/run-$i.log" | tail -2
  echo "run $i took $(( $(date +%s) - start )) s"
  rm -rf "$clone"
  trap - EXIT
done
java example-tests/src/test/java/dev/brigade/examples/findings/FindingsRuns.java "$out"/run-*.md > "$out/findings-runs.md"
echo "merged table: $out/findings-runs.md"
