#!/usr/bin/env bash
# JVM RSS at 1,000 clients in one room at 50 msgs/s (issue 15, item 6; docs/BENCHMARKS.md): starts `./arena serve`
# with the launcher's defaults (plus JOPTS as ARENA_JAVA_OPTS) on a fresh data directory, runs
# `arena bench room-broadcast --clients 1000 --rate 50 --duration 30s --warmup 5s`, samples the server JVM's VmRSS
# every second (OUT/series.txt, in MiB) and, 30 s in, keeps `GC.heap_info` (and `VM.native_memory summary` when
# JOPTS turns NMT on) in OUT.
#   JOPTS='-XX:+UseSerialGC' OUT=/tmp/rss bench/rss-1000.sh
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
port=${PORT:-18630}; data=$(mktemp -d /tmp/arena-rss-XXXX); out=${OUT:-$data.out}; mkdir -p "$out"
jdk=${ARENA_JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* | head -n1)}
export ARENA_PORT=$port ARENA_DATA_DIR=$data ARENA_GUEST_LIMIT=0
ARENA_JAVA_OPTS="${JOPTS:-}" ./arena serve >"$out/serve.log" 2>&1 &
pid=$! # the launcher execs the server's JVM
# stopped however the script ends (a pipe into head included): one left running would hold the port, and the next
# run would measure it instead of its own
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$data"' EXIT
# ready, and on the port itself: not another server that already holds it
until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && ss -ltnp "sport = :$port" | grep -q "pid=$pid,"; do
  kill -0 "$pid" 2>/dev/null || { echo "the server did not start: $out/serve.log" >&2; exit 1; }
  sleep 0.5
done
./arena bench room-broadcast --url "http://127.0.0.1:$port" --clients 1000 --rate 50 --duration 30s --warmup 5s \
  --quiet --server-pid "$pid" >"$out/bench.txt" 2>&1 &
bench=$!
max=0; i=0
: >"$out/series.txt" # this run's alone, in an OUT used before too
while kill -0 $bench 2>/dev/null; do
  r=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status"); [ "$r" -gt "$max" ] && max=$r
  echo -n "$((r / 1024)) " >>"$out/series.txt" # MiB each second: the connect's transient against the window
  i=$((i + 1))
  if [ $i = 30 ]; then
    "$jdk/bin/jcmd" "$pid" GC.heap_info >"$out/heap.txt" 2>&1
    "$jdk/bin/jcmd" "$pid" VM.native_memory summary >"$out/nmt.txt" 2>&1
    cat "/proc/$pid/smaps_rollup" >"$out/smaps_rollup.txt"
  fi
  sleep 1
done
echo "JVM max RSS $((max / 1024)) MiB; heap $(grep -o 'committed [0-9]*K' "$out/heap.txt"); load $(cut -d' ' -f1-3 /proc/loadavg)"
grep -E "delivered_pct|p50_ms|p99_ms|p999_ms|max_ms" "$out/bench.txt" | tail -5 | tr -s ' ' | tr '\n' ' '; echo
