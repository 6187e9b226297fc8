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
until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.5; done
pid=$(ss -ltnp "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
./arena bench room-broadcast --url "http://127.0.0.1:$port" --clients 1000 --rate 50 --duration 30s --warmup 5s \
  --quiet --server-pid "$pid" >"$out/bench.txt" 2>&1 &
bench=$!
max=0; i=0
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
kill "$pid"; wait "$pid" 2>/dev/null; rm -rf "$data"
