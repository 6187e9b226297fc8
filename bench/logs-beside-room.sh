#!/usr/bin/env bash
# Game-log ingest beside real-time work (docs/LOGS.md, "Ingest yields to games"): starts a fresh `arena serve`
# (-Xmx256m, GC log, its own embedded PostgreSQL in a new data directory), fills a 500-client room broadcasting
# 50 msgs/s (`arena bench room-broadcast`, DUR long), then ingests FILE with `arena logs ingest` while
# bench/health-probe.py asks /health/ready and /health/live in turn, 20 times a second. Prints the ingest's time,
# the probe's p50/p99/max per route and the room's delivery and latency. Usage:
#   bench/logs-beside-room.sh FILE                 (ARENA_LOG_NICE=0 for ingests at the server's priority)
#   DUR=60s PORT=18620 RAW=false NOROOM=1 JOPTS='...' bench/logs-beside-room.sh FILE
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
f="$1"; port="${PORT:-18620}"; data="${DATA:-/tmp/arena-beside-room-$$}"; dur="${DUR:-150s}"; raw="${RAW:-true}"
jdk=$(ls -d /usr/lib/jvm/temurin-25* | head -n1)
export ARENA_JAVA_HOME="$jdk" ARENA_PORT="$port" ARENA_DATA_DIR="$data" ARENA_GUEST_LIMIT=0 ARENA_ADMIN_PASSWORD=bench-password-123
url="http://127.0.0.1:$port"
mkdir -p "$data"
./arena admin --username benchloader --role ingest >"$data/admin.log" 2>&1
ARENA_JAVA_OPTS="-Xmx256m -Xlog:gc:file=$data/gc.log ${JOPTS:-}" ./arena serve >"$data/serve.log" 2>&1 &
until curl -sf "$url/health/ready" >/dev/null; do sleep 0.5; done
pid=$(ss -ltnp "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
echo "server pid $pid"
token=$(curl -sf -H 'Content-Type: application/json' -d "{\"username\":\"benchloader\",\"password\":\"$ARENA_ADMIN_PASSWORD\"}" "$url/auth/login" | jq -r .token)
if [ "${NOROOM:-0}" = 1 ]; then sleep 1 & room=$!; else
./arena bench room-broadcast --url "$url" --clients 500 --rate 50 --duration "$dur" --warmup 5s --quiet --server-pid "$pid" >"$data/room.txt" 2>&1 &
room=$!
sleep 12; fi   # the room fills and warms up (5 s) before the ingest starts
python3 bench/health-probe.py "$port" "$data/probe.txt" & probe=$!
t0=$(date +%s.%N)
./arena logs ingest "$f" --url "$url" --token "$token" --raw="$raw" >"$data/ingest.log" 2>&1 || echo "ingest exit $?"
t1=$(date +%s.%N)
kill -TERM $probe; wait $probe || true
echo "ingest wall $(echo "$t1 - $t0" | bc) s; load $(cut -d' ' -f1-3 /proc/loadavg)"
tail -c 300 "$data/ingest.log" | tr '\r' '\n' | tail -1
cat "$data/probe.txt"
wait $room || echo "room bench exit $?"
grep -E "delivered_pct|p50_ms|p99_ms|p999_ms|max_ms|cpu_cores|cpu_us_per" "$data/room.txt" | tail -8
awk '/Pause/ { v = $NF; sub(/ms$/, "", v); v += 0; n++; if (v > m) m = v; if (v > 20) big++ }
  END { print "gc pauses", n, "longest", m, "ms, over 20 ms:", big + 0 }' "$data/gc.log"
kill "$pid"; wait || true
[ "${KEEP:-0}" = 1 ] || rm -rf "$data"
