#!/usr/bin/env bash
# Runs tests of one module N times, each time in a fresh JVM (as a Surefire fork), one after the other, and prints
# how many times each passed, and the first lines of each failure. Measured lines that tests print to standard
# output as "[observed] <name> <value>" are gathered too, with their lowest and highest value over the runs.
#
#   scripts/repeat-tests.sh MODULE N TEST...       e.g. scripts/repeat-tests.sh fixtures 30 dev.brigade.fixture.RoundsTest
#
# The JVM options are the build's Surefire argLine; the module and those it needs are packaged first (offline).
# Run it alone on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
module=$1; runs=$2; shift 2
out=$(mktemp -d /tmp/brigade-repeat.XXXXXX)
trap 'rm -rf "$out"' EXIT
# built with the modules it needs (never installed): the class path of the module, written last, is the module's
./mvnw -B -q -o -DskipTests -pl "$module" -am package dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$out/cp.txt" >/dev/null
platform=$(tr ':' '\n' < "$out/cp.txt" | sed -n 's#.*/junit-platform-engine-\([^/]*\)\.jar$#\1#p' | head -1)
launcher=$HOME/.m2/repository/org/junit/platform/junit-platform-launcher/$platform/junit-platform-launcher-$platform.jar
[ -f "$launcher" ] || ./mvnw -B -q dependency:get -Dartifact="org.junit.platform:junit-platform-launcher:$platform" >/dev/null
cp="$PWD/$module/target/test-classes:$PWD/$module/target/classes:$(cat "$out/cp.txt"):$launcher"
java="$(.ci/jdk21)/bin/java"
"${java%java}javac" -cp "$cp" -d "$out/launcher" scripts/RepeatTests.java
for i in $(seq 1 "$runs"); do
  (cd "$module" && "$java" -XX:+UseG1GC -Xmx2g --enable-native-access=ALL-UNNAMED -cp "$out/launcher:$cp" RepeatTests "$@" > "$out/run-$i.log" 2>&1) || true
  grep -c "^\[repeat\] SUCCESSFUL" "$out/run-$i.log" | xargs -I{} echo "run $i: {} passed, $(grep -c '^\[repeat\] FAILED\|^\[repeat\] ABORTED' "$out/run-$i.log" || true) not"
done
echo "== per test (passed of $runs)"
cat "$out"/run-*.log | grep '^\[repeat\]' | awk -F'\t' '{split($1, s, " "); n[$2]++; if (s[2] == "SUCCESSFUL") p[$2]++} END {for (t in n) printf "%3d of %3d  %s\n", p[t], n[t], t}' | sort -k4
echo "== failures"
cat "$out"/run-*.log | grep '^\[repeat\] \(FAILED\|ABORTED\)' | cut -c1-400 || true
echo "== observed (lowest, highest, count)"
cat "$out"/run-*.log | grep '^\[observed\]' | awk '{k=$2; v=$3; if (!(k in lo) || v < lo[k]) lo[k]=v; if (!(k in hi) || v > hi[k]) hi[k]=v; c[k]++} END {for (k in c) printf "%s  %s  %s  (%d)\n", k, lo[k], hi[k], c[k]}' | sort || true
