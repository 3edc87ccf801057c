#!/bin/bash
# Issue 29's experiment (docs/methodology.md, "Explanations"): batches of one fresh JVM per condition, each batch
# under the machine lock, one row per JVM appended to OUT (scripts/explain-table.py sums them).
#
#   ./mvnw -q -pl junit-ext -am test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
#   echo "$PWD/junit-ext/target/test-classes:$PWD/junit-ext/target/classes:$(cat cp.txt)" > cp.txt
#   java -cp "$(cat cp.txt)" dev.brigade.junit.ExplainExperiment prepare WORK
#   scripts/explain-experiment.sh cp.txt WORK OUT 20 [conditions]
#   scripts/explain-table.py OUT
#
# Copy the classes elsewhere first if the tree may be rebuilt while it runs (it takes about 25 minutes for 20
# batches of the eight default conditions on the 2-vCPU machine).
set -euo pipefail
CP=$(cat "$1"); WORK=$2; OUT=$3; BATCHES=$4
CONDS=${5:-V-slow,P-slow3,V-alloc,P-alloc,V-aa,P-aa,V-aa-off,P-aa-off}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
for b in $(seq 1 "$BATCHES"); do
  flock /tmp/brigade-machine.lock bash -c '
    for c in '"${CONDS//,/ }"'; do
      i=$(date +%s%N)
      case $c in *aa*) base=same;; *alloc) base=alloc;; *) base=slow;; esac
      off=""; case $c in *-off) off=-XX:-FlightRecorder;; esac
      "'"$JAVA"'" --enable-native-access=ALL-UNNAMED $off -cp "'"$CP"'" dev.brigade.junit.ExplainExperiment child \
          $c "'"$WORK"'/$base/classes" "'"$WORK"'/reports-b$i" > "'"$WORK"'/child-b$i.log" 2>&1
      row=$(grep "^ROW" "'"$WORK"'/child-b$i.log" | head -1)
      echo -e "b$i\t$c${row#ROW}" >> "'"$OUT"'"
    done'
done
