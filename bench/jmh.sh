#!/usr/bin/env bash
# Micro-benchmarks of the screening stages and the store, with JMH:
#   bench/jmh.sh                      # all of them
#   bench/jmh.sh StageBenchmarks.policyChain -f 1 -i 3   # any JMH option after the pattern
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main "$@"
