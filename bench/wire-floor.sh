#!/usr/bin/env bash
# The floor under a server's CPU per delivered frame when it makes one write syscall per frame per socket, on
# loopback with the load generator on the same cores (issue 15, item 2), and Arena measured the same way.
#
#   bench/wire-floor.sh [variant ...]   variants: one-write batch2 nagle pinned-apart one-core profile arena
#                                       arena-perf (default: the first five)
#
#   one-write     the writer sends one pre-built WebSocket text frame to each of N sockets R times a second, one
#                 write per frame, TCP_NODELAY, non-blocking sockets and epoll; a separate reader process reads
#                 and discards
#   batch2        two frames joined in one write, at half the rate (the same deliveries per second)
#   nagle         one-write with TCP_NODELAY off
#   pinned-apart  one-write, writer on core 0 and reader on core 1 (taskset)
#   one-core      one-write, writer and reader both on core 0
#   profile       one-write with `perf record -g` of the writer for 10 s in the window, split by kernel path
#   arena         `./arena serve` (ARENA_GUEST_LIMIT=0, a random port, its own data directory) and
#                 `arena bench room-broadcast --server-pid`; inside the bench's measured window, the server's user
#                 and system CPU (the JVM and its embedded PostgreSQL apart, from /proc/<pid>/stat) per frame
#                 written (arena_ws_messages_out_total): bench/wire-floor/arena-window.py
#   arena-perf    arena with `perf record -g -p <jvm>` for 6 s of the bench's window first (the CPU window
#                 follows it), split the same way
#
# Environment: CLIENTS (500), RATE (50 frames per socket per second), WARMUP (5 s), DURATION (30 s),
# FRAME_BYTES (184: a room.message frame of `arena bench room-broadcast`, 176-180 bytes of JSON (the server's
# arena_ws_bytes_out counter: 178-179 per frame in the window) and a 4-byte WebSocket header).
# The writer reports its CPU from getrusage and the reader's from /proc over the same window; ksoftirqd_us is
# softirq work the kernel deferred to its own threads (charged to neither process). Needs gcc; the profiles need
# perf. While other work shares the machine, run it as `nice -n 19 bench/wire-floor.sh ...`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLIENTS=${CLIENTS:-500} RATE=${RATE:-50} WARMUP=${WARMUP:-5} DURATION=${DURATION:-30} FRAME_BYTES=${FRAME_BYTES:-184}
bin="$here/target/wire-floor/wire-floor"
src="$here/bench/wire-floor/wire-floor.c"
split="$here/bench/wire-floor/perf-split.py"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ ! -x "$bin" ] || [ "$src" -nt "$bin" ]; then
  mkdir -p "$(dirname "$bin")"
  gcc -O2 -Wall -Wextra -o "$bin" "$src"
fi

random_port() { echo $((20000 + RANDOM % 10000)); }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# floor <name> <writer taskset cpus or -> <reader taskset cpus or -> [writer options ...]
floor() {
  local name=$1 wcpu=$2 rcpu=$3
  shift 3
  local port pidfile wpid rpid
  local -a wpre=() rpre=()
  port=$(random_port)
  pidfile="$work/reader-$name.pid"
  rm -f "$pidfile"
  [ "$wcpu" != - ] && wpre=(taskset -c "$wcpu")
  [ "$rcpu" != - ] && rpre=(taskset -c "$rcpu")
  "${wpre[@]}" "$bin" writer --port "$port" --clients "$CLIENTS" --rate "$RATE" --frame-bytes "$FRAME_BYTES" \
    --warmup "$WARMUP" --duration "$DURATION" --peer-pid-file "$pidfile" "$@" >"$work/$name.out" 2>"$work/$name.err" &
  wpid=$!
  "${rpre[@]}" "$bin" reader --port "$port" --clients "$CLIENTS" --pid-file "$pidfile" 2>"$work/$name.reader" &
  rpid=$!
  if [ "$name" = profile ]; then
    sleep $((WARMUP + 3))
    perf record -q -F 999 -g -o "$work/profile.data" -p "$wpid" -- sleep 10 >/dev/null 2>&1 || true
  fi
  wait "$wpid"
  wait "$rpid" || true
  echo "variant=$name $(cat "$work/$name.out")"
  if [ "$name" = profile ]; then
    perf script -i "$work/profile.data" 2>/dev/null | python3 "$split" | sed 's/^/  /'
  fi
}

# a counter of the server's /metrics, 0 when it is missing
metric() { curl -sf "http://127.0.0.1:$1/metrics" | awk -v k="$2" '$1==k {v=$2} END {printf "%.0f\n", v}'; }

arena() {
  local with_perf=$1 port data pid bench i f0 f1 started=0 t
  port=$(random_port)
  data="$work/arena-data-$port"
  mkdir -p "$data"
  # ARENA_DATA_DIR as well: the bench finds the embedded PostgreSQL through the server's environment
  ARENA_GUEST_LIMIT=0 ARENA_DATA_DIR="$data" "$here/arena" serve --port "$port" --data-dir "$data" \
    >"$work/serve.log" 2>&1 &
  pid=$! # the launcher execs the JVM
  for i in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { tail -20 "$work/serve.log" >&2; return 1; }
    sleep 1
  done
  "$here/arena" bench room-broadcast --url "http://127.0.0.1:$port" --clients "$CLIENTS" --rate "$RATE" \
    --warmup "${WARMUP}s" --duration "${DURATION}s" --server-pid "$pid" --json --quiet >"$work/bench.out" 2>&1 &
  bench=$!
  # sending has started when frames go out at a quarter of the expected rate or more
  f0=$(metric "$port" arena_ws_messages_out_total)
  for i in $(seq 1 2400); do
    sleep 0.25
    f1=$(metric "$port" arena_ws_messages_out_total)
    if [ $((f1 - f0)) -gt $((CLIENTS * RATE / 16)) ]; then
      started=1
      break
    fi
    f0=$f1
    kill -0 "$bench" 2>/dev/null || break
  done
  if [ $started != 1 ]; then
    echo "arena: the bench never started sending; its output:" >&2
    tail -c 3000 "$work/bench.out" >&2
    kill "$pid" "$bench" 2>/dev/null || true
    return 1
  fi
  # inside the bench's measured window [start + WARMUP, start + WARMUP + DURATION]: with perf, 6 s of profile
  # first, then the CPU window (perf's own cost stays out of it); the window ends 1 s before the bench's
  t=$(date +%s.%N)
  local from=$((WARMUP + 1))
  if [ "$with_perf" = 1 ]; then
    sleep "$from"
    perf record -q -F 999 -g -o "$work/arena.data" -p "$pid" -- sleep 6 >/dev/null 2>&1 || true
    from=$((WARMUP + 8))
  fi
  python3 "$here/bench/wire-floor/arena-window.py" "$pid" "$data" "$port" \
    "$(awk -v t="$t" -v d="$from" 'BEGIN {printf "%.3f", t + d}')" \
    "$(awk -v t="$t" -v d=$((WARMUP + DURATION - 1)) 'BEGIN {printf "%.3f", t + d}')" || true
  wait "$bench" || true
  python3 - "$work/bench.out" <<'PY'
import json, sys
report = None
for line in open(sys.argv[1]):
    if line.startswith('{'):
        try:
            report = json.loads(line)
        except ValueError:
            pass
if report is None:
    print("  bench: no JSON report; its output:\n" + open(sys.argv[1]).read()[-2000:])
else:
    srv, lat, msg = report.get('server', {}), report.get('latency_ms', {}), report.get('messages', {})
    dl = report.get('deliveries', {})
    print(f"  bench: sent {msg.get('per_s')}/s, delivered {dl.get('delivered_pct')} % ({dl.get('per_s')}/s); "
          f"server {srv.get('cpu_us_per_delivery')} us per delivery ({srv.get('processes')} processes), "
          f"{srv.get('cpu_cores')} cores, RSS {srv.get('rss_mib')} MiB; p50 {lat.get('p50_ms')} p99 {lat.get('p99_ms')} "
          f"p99.9 {lat.get('p999_ms')} max {lat.get('max_ms')} ms")
PY
  if [ "$with_perf" = 1 ]; then
    perf script -i "$work/arena.data" 2>/dev/null | python3 "$split" | sed 's/^/  /'
  fi
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

variants=("$@")
[ ${#variants[@]} -gt 0 ] || variants=(one-write batch2 nagle pinned-apart one-core)
echo "# wire-floor $(date -u +%FT%TZ) clients=$CLIENTS rate=$RATE frame_bytes=$FRAME_BYTES warmup=${WARMUP}s duration=${DURATION}s load=\"$(load)\""
for v in "${variants[@]}"; do
  case $v in
    one-write) floor one-write - - ;;
    batch2) floor batch2 - - --batch 2 ;;
    nagle) floor nagle - - --nodelay 0 ;;
    pinned-apart) floor pinned-apart 0 1 ;;
    one-core) floor one-core 0 0 ;;
    profile) floor profile - - ;;
    arena) arena 0 ;;
    arena-perf) arena 1 ;;
    *) echo "unknown variant $v" >&2; exit 2 ;;
  esac
done
