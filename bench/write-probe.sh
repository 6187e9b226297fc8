#!/usr/bin/env bash
# Socket writes per delivered frame of a running Arena server, sampled while `arena bench` drives it (issue 15):
# frames written and socket flushes (from /metrics), the JVM's user and system CPU per frame (from /proc), and
# the write syscalls per frame (perf's syscall tracepoints: they count without slowing the server, unlike strace).
# Usage: bench/write-probe.sh <port> <server pid> [seconds, default 10]; start it a few seconds into the bench's
# measured window. Needs perf (apt-get install linux-perf) and kernel.perf_event_paranoid <= 2 for tracepoints.
set -euo pipefail
port=$1; pid=$2; secs=${3:-10}
metric() { curl -sf "http://127.0.0.1:$port/metrics" | awk -v k="$1" '$1==k {print $2}'; }
cpu() { awk '{print $14, $15}' "/proc/$pid/stat"; }
csv=$(mktemp)
trap 'rm -f "$csv"' EXIT
read -r u0 s0 < <(cpu); f0=$(metric arena_ws_messages_out_total); fl0=$(metric arena_ws_flushes_total)
perf stat -x, -o "$csv" -p "$pid" -e 'syscalls:sys_enter_write,syscalls:sys_enter_writev,syscalls:sys_enter_sendto,syscalls:sys_enter_io_uring_enter,raw_syscalls:sys_enter' -- sleep "$secs"
read -r u1 s1 < <(cpu); f1=$(metric arena_ws_messages_out_total); fl1=$(metric arena_ws_flushes_total)
python3 - "$(getconf CLK_TCK)" "$u0" "$s0" "$u1" "$s1" "$f0" "$f1" "$fl0" "$fl1" "$csv" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import sys
tick, u0, s0, u1, s1, f0, f1, fl0, fl1 = (float(x) for x in sys.argv[1:10])
frames, flushes = f1 - f0, fl1 - fl0
if frames <= 0:
    sys.exit("no frames written while sampling: is the bench in its measured window?")
counts = {}
for line in open(sys.argv[10]):
    p = line.strip().split(',')
    if len(p) > 3 and p[0].replace('.', '').isdigit():
        counts[p[2].split(':')[-1].replace('sys_enter_', '')] = float(p[0])
writes = sum(counts.get(k, 0) for k in ('write', 'writev', 'sendto'))
print(f"load average       {sys.argv[11]}")
print(f"frames written     {frames:.0f}")
print(f"frames per flush   {frames / flushes:.2f}" if flushes else "frames per flush   - (no arena_ws_flushes_total)")
print(f"JVM CPU per frame  user {(u1 - u0) / tick * 1e6 / frames:.2f} us, system {(s1 - s0) / tick * 1e6 / frames:.2f} us")
print(f"syscalls per frame write/writev/sendto {writes / frames:.3f}, io_uring_enter {counts.get('io_uring_enter', 0) / frames:.4f}, "
      f"all {counts.get('sys_enter', 0) / frames:.3f}")
PY
