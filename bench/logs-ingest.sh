#!/usr/bin/env bash
# Game-log ingest benchmark (docs/LOGS.md#measurement): starts a fresh `arena serve` (-Xmx256m, its own embedded
# PostgreSQL in a new data directory), uploads FILE with `arena logs ingest`, and prints the CPU seconds the server
# JVM and its PostgreSQL spent per MB (from /proc: stable on a shared machine, unlike wall-clock rates), the
# client's CPU, the job's seconds and MB/s, and the largest heap seen. Usage:
#   bench/logs-ingest.sh FILE [FILE...]          raw + rollups (each file is one job, in order, same server)
#   RAW=false bench/logs-ingest.sh FILE          rollups only
#   PORT=18613 DATA=/tmp/arena-ingest-bench KEEP=1 ...   (KEEP=1: leave the server running, print its pid)
#   JAR=/path/to/other/arena.jar ...                     (an earlier build, for before/after; same target/lib)
#   CLIENT_OPTS='' ...    the client's JVM flags (default: the launcher's for `arena logs ingest`, C1 and serial GC)
#   THREADS=1 ...         also the server JVM's CPU per thread group during each file (ingest, event loops, commit,
#                         JIT compilers, GC, ...), from /proc/PID/task: where the JVM's CPU per MB goes
# It builds target/arena.jar when stale and runs a copy of it (a rebuild during the run cannot disturb it).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${PORT:-18613}"
data="${DATA:-/tmp/arena-ingest-bench-$$}"
raw="${RAW:-true}"
url="http://127.0.0.1:$port"
jdk="${ARENA_JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -n1)}"
export ARENA_JAVA_HOME="$jdk" ARENA_PORT="$port" ARENA_DATA_DIR="$data" ARENA_GUEST_LIMIT=0
export ARENA_ADMIN_PASSWORD="bench-password-123"
tick=$(getconf CLK_TCK)

cpu_of() { # utime+stime(+children's when $2=1) of pid $1, in ticks
  awk -v c="${2:-0}" '{ s = $14 + $15; if (c) s += $16 + $17; print s }' "/proc/$1/stat" 2>/dev/null || echo 0
}
threads() { # "name ticks" per live thread of pid $1, digits in the name folded (GC Thread#0, #1 -> GC Thread#)
  local t
  for t in /proc/"$1"/task/*; do
    awk -v n="$(tr ' ' '_' 2>/dev/null <"$t/comm")" -v id="${t##*/}" \
      '{ sub(/^.*\) /, ""); gsub(/[0-9]+/, "#", n); print id, n, $12 + $13 }' "$t/stat" 2>/dev/null || true
  done # (a thread that ended meanwhile is skipped)
}
pg_cpu() { # the postmaster with its reaped children, plus its live children, in ticks
  local pm total=0 kid
  pm=$(pgrep -f -o "postgres.*$data" || true)
  [ -n "$pm" ] || { echo 0; return; }
  total=$(cpu_of "$pm" 1)
  for kid in $(pgrep -P "$pm"); do total=$((total + $(cpu_of "$kid"))); done
  echo "$total"
}

mkdir -p "$data/app"
[ -n "${JAR:-}" ] || "$here/arena" version >/dev/null # builds the jar when the sources are newer
cp "${JAR:-$here/target/arena.jar}" "$data/app/arena.jar"
cp -r "$here/target/lib" "$data/app/"
arena() { "$jdk/bin/java" --enable-native-access=ALL-UNNAMED "$@"; }
arena -jar "$data/app/arena.jar" admin --username benchloader --role ingest >"$data/admin.log" 2>&1 \
  || { echo "arena admin failed: $data/admin.log" >&2; tail -5 "$data/admin.log" >&2; exit 1; }
"$jdk/bin/java" --enable-native-access=ALL-UNNAMED -Xmx256m -XX:+UseG1GC ${ARENA_JAVA_OPTS:-} -jar "$data/app/arena.jar" serve \
  >"$data/serve.log" 2>&1 &
server=$!
trap '[ "${KEEP:-0}" = 1 ] || { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; rm -rf "$data"; }' EXIT
until curl -sf "$url/health/ready" >/dev/null; do sleep 0.5; done
jvm=$server
token=$(curl -sf -H 'Content-Type: application/json' -d "{\"username\":\"benchloader\",\"password\":\"$ARENA_ADMIN_PASSWORD\"}" \
  "$url/auth/login" | jq -r .token)
"$jdk/bin/jstat" -gc "$jvm" 1000 >"$data/jstat.txt" 2>/dev/null &
jstat=$!

for f in "$@"; do
  mb=$(awk -v b="$(stat -c %s "$f")" 'BEGIN { printf "%.1f", b / 1e6 }')
  [ "${THREADS:-0}" = 1 ] && threads "$jvm" >"$data/threads.0"
  j0=$(cpu_of "$jvm"); p0=$(pg_cpu); w0=$(date +%s.%N)
  /usr/bin/time -f "%U %S" -o "$data/client.time" "$jdk/bin/java" ${CLIENT_OPTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -jar "$data/app/arena.jar" logs ingest "$f" --url "$url" --token "$token" \
    --raw="$raw" >"$data/client.log" 2>&1
  w1=$(date +%s.%N); j1=$(cpu_of "$jvm"); p1=$(pg_cpu)
  job=$(curl -sf -H "Authorization: Bearer $token" "$url/logs/jobs?limit=1" | jq -c '.jobs[0] | {status, lines, events, bad_lines, bytes, seconds}')
  awk -v f="$f" -v mb="$mb" -v j="$((j1 - j0))" -v p="$((p1 - p0))" -v t="$tick" -v w0="$w0" -v w1="$w1" \
      -v c="$(cat "$data/client.time")" -v job="$job" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
    split(c, cs, " "); jc = j / t; pc = p / t
    printf "%s: %s MB raw=%s  JVM %.1f s + PostgreSQL %.1f s = %.3f CPU s/MB (JVM %.3f, PG %.3f); client %.1f CPU s;",
      f, mb, "'"$raw"'", jc, pc, (jc + pc) / mb, jc / mb, pc / mb, cs[1] + cs[2]
    printf " wall %.1f s = %.1f MB/s; load %s\n  job %s\n", w1 - w0, mb / (w1 - w0), load, job }'
  if [ "${THREADS:-0}" = 1 ]; then # threads that ended during the file are not counted (the pools keep theirs)
    threads "$jvm" | awk -v mb="$mb" -v t="$tick" 'NR == FNR { before[$1] = $3; next }
      { cpu[$2] += $3 - before[$1] } END { for (n in cpu) if (cpu[n] > 0) printf "%s %.2f\n", n, cpu[n] / t }' \
      "$data/threads.0" - | sort -k2 -rn | head -n 12 |
      awk -v mb="$mb" '{ printf "  thread %-18s %6.2f CPU s = %.4f s/MB\n", $1, $2, $2 / mb }'
  fi
done
kill "$jstat" 2>/dev/null || true
grep -h "log job" "$data/serve.log" | sed 's/^.*\(log job\)/server: \1/' || true # its commits, on builds that log them
awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { u = $3 + $4 + $6 + $8; if (u > m) m = u } END { printf "heap max %.0f MB\n", m / 1024 }' \
  "$data/jstat.txt"
[ "${KEEP:-0}" = 1 ] && echo "server pid $jvm, url $url, token $token, data $data"
