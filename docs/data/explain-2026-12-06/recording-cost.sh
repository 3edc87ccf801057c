#!/bin/bash
# Issue 29 (docs/methodology.md, "What the recording costs a hop"): RecordingCost.java, one configuration per fresh
# JVM, the configurations interleaved, each JVM under the machine lock measuring its configuration twice in a row.
#   ./mvnw -q -pl junit-ext -am install -DskipTests
#   ./mvnw -q -pl junit-ext dependency:build-classpath -Dmdep.outputFile=deps.txt -Dmdep.includeScope=test
#   docs/data/explain-2026-12-06/recording-cost.sh "junit-ext/target/classes:$(cat deps.txt)" PLATFORM 8 none stalls+exec+alloc+gc+round paired
set -euo pipefail
CP=$1; KIND=$2; N=$3; shift 3
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
"$JAVA_HOME/bin/javac" -d "$OUT" -cp "$CP" "$(dirname "$0")/RecordingCost.java"
for i in $(seq 1 "$N"); do
  for c in "$@"; do
    flock /tmp/brigade-machine.lock "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$OUT:$CP" \
        RecordingCost "$c" 2 "$KIND" 2>/dev/null | sed "s/^/$KIND $i /"
  done
done
