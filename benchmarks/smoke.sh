#!/usr/bin/env bash
# CI smoke run of every JMH benchmark: one fork, no warmup, one short iteration, each benchmark on its
# smallest parameter, so the benchmarks keep compiling and running. The numbers mean nothing.
# Exits non-zero if the jar cannot be built or any benchmark fails (-foe true).
#
# Usage: benchmarks/smoke.sh [extra JMH options]     (from any directory)
# Builds benchmarks/target/benchmarks.jar with the reactor if it is missing; set MVN_ARGS (e.g. "-o")
# to pass options to that build. A new benchmark with a large @Param must add its smallest value below.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/benchmarks/target/benchmarks.jar"
if [[ ! -f "$jar" ]]; then
  (cd "$root" && mvn -B -q ${MVN_ARGS:-} -pl benchmarks -am package -DskipTests)
fi

# Smallest parameter of each parameterised benchmark.
params=(-p pairs=10000 -p users=100 -p runs=2)

exec java -jar "$jar" -f 1 -wi 0 -i 1 -w 200ms -r 200ms -foe true "${params[@]}" \
  -rf json -rff "$root/benchmarks/target/jmh-smoke.json" "$@"
