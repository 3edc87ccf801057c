#!/usr/bin/env bash
# Refreshes the flame graph library that report.html inlines (issue 29): d3-flame-graph's minified UMD bundle and the
# d3 modules it needs (its dependencies and theirs), each with its LICENSE, into junit-ext's resources beside
# HtmlReport. The page inlines them only when it has a flame graph. Versions are pinned here; to move one, change it,
# run this script, update THIRD-PARTY.md beside the files, and run RunReportTest and ExplanationTest (the browser checks).
#
# Usage: scripts/vendor-flamegraph.sh   (needs npm and the npm registry; run it outside the machine lock)
set -euo pipefail
cd "$(dirname "$0")/.."
target=junit-ext/src/main/resources/dev/brigade/junit/internal/report/flame
# name@version; the order is the order of loading (each after what it requires), HtmlReport.FLAME_SCRIPTS repeats it
packages=(
  d3-array@3.2.5 d3-color@3.1.1 d3-dispatch@3.0.2 d3-ease@3.0.2 d3-format@3.1.3 d3-hierarchy@3.1.3
  d3-interpolate@3.0.2 d3-selection@3.0.1 d3-time@3.1.1 d3-time-format@4.1.1 d3-timer@3.0.2 d3-transition@3.0.2
  d3-scale@4.0.3 d3-flame-graph@5.0.0
)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$target"/*.js "$target"/licenses/*
mkdir -p "$target/licenses"
for p in "${packages[@]}" internmap@2.0.3; do
  name=${p%@*}
  (cd "$work" && npm pack --silent "$p" >/dev/null)
  mkdir -p "$work/$name"
  tar xzf "$work/$name-${p#*@}.tgz" -C "$work/$name"
  cp "$work/$name/package/LICENSE" "$target/licenses/$name.LICENSE"
  case $name in
    internmap) ;;  # bundled in d3-array's dist; its licence only
    d3-flame-graph) cp "$work/$name/package/dist/d3-flamegraph.umd.min.js" "$target/d3-flamegraph.umd.min.js" ;;
    *) cp "$work/$name/package/dist/$name.min.js" "$target/$name.min.js" ;;
  esac
done
ls -l "$target" "$target/licenses"
