#!/usr/bin/env bash
# The epoch close at scale (docs/scale.md): the single JVM (`fomo epoch-close --engine local`, EpochDistributor)
# against the Flink job on a MiniCluster of parallelism $PAR bound to 127.0.0.1 (FlinkEpochClose --local), over
# the same generated files; prints each one's wall time and peak resident memory, their ratio, and checks
# that every output line is the same (sorted, as the job writes part files in no order).
#
# Usage: benchmarks/flink-scale.sh [pairs] [dir]     (defaults: 1000000, benchmarks/target/scale)
# Needs: mvn -B -pl fomo-examples,benchmarks -am package -DskipTests   (fomo.jar and benchmarks.jar)
# Env:   PAR (2), LOCAL_HEAP (12g), FLINK_HEAP (3g)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-1000000}
dir=${2:-$root/benchmarks/target/scale}/$n
par=${PAR:-2}
fomo=$root/fomo-examples/target/fomo.jar
bench=$root/benchmarks/target/benchmarks.jar
for jar in "$fomo" "$bench"; do
  [ -f "$jar" ] || { echo "missing $jar: mvn -B -pl fomo-examples,benchmarks -am package -DskipTests" >&2; exit 2; }
done
[ -f "$dir/pairs.csv" ] || java -cp "$bench" io.fomo.benchmarks.EpochPairsFile "$n" "$dir"
rm -rf "$dir/local" "$dir/flink"
echo "# $n pairs, $(nproc) cores, $(java -version 2>&1 | head -1), load average before: $(cut -d" " -f1-3 /proc/loadavg)"
/usr/bin/time -o "$dir/local.time" -f "%e %M %U %S" java -Xmx"${LOCAL_HEAP:-12g}" -jar "$fomo" epoch-close \
  --pairs "$dir/pairs.csv" --deployments "$dir/deployments.csv" --engine local --out "$dir/local" > "$dir/local.json"
/usr/bin/time -o "$dir/flink.time" -f "%e %M %U %S" java -Xmx"${FLINK_HEAP:-3g}" -cp "$fomo" io.fomo.flink.FlinkEpochClose \
  --local "$par" --pairs "$dir/pairs.csv" --deployments "$dir/deployments.csv" --out "$dir/flink" 2> "$dir/flink.err"
for f in payouts users pools epoch; do
  tail -n +2 "$dir/local/$f.csv" | LC_ALL=C sort > "$dir/$f.local.sorted"
  cat "$dir/flink/$f.csv"/* | LC_ALL=C sort > "$dir/$f.flink.sorted"
  cmp -s "$dir/$f.local.sorted" "$dir/$f.flink.sorted" || { echo "DIFFERENT: $f.csv ($dir)" >&2; exit 1; }
  echo "same $f.csv: $(wc -l < "$dir/$f.local.sorted") lines"
done
read -r lt lm lu ls < "$dir/local.time"
read -r ft fm fu fs < "$dir/flink.time"
lc=$(echo "$lu + $ls" | bc)
fc=$(echo "$fu + $fs" | bc)
echo "local (one JVM):        wall ${lt} s, CPU ${lc} s, peak RSS $((lm / 1024)) MB"
echo "flink (parallelism $par): wall ${ft} s, CPU ${fc} s, peak RSS $((fm / 1024)) MB"
echo "ratio flink/local: wall $(echo "scale=2; $ft / $lt" | bc), CPU $(echo "scale=2; $fc / $lc" | bc), memory $(echo "scale=2; $fm / $lm" | bc)"
echo "# load average after: $(cut -d" " -f1-3 /proc/loadavg)"
