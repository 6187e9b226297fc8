#!/usr/bin/env python3
"""An Arena server's CPU per frame written, user and system apart, over a window of wall-clock time.

Usage: arena-window.py <server pid> <data dir> <port> <from> <to>   (from/to: seconds since the epoch)
Sleeps until <from>, reads utime and stime from /proc/<pid>/stat for the JVM, everything descended from it and
the embedded PostgreSQL (the postmaster in <data dir>/postgres/postmaster.pid and its backends), the ksoftirqd
threads, and the server's counters of frames written (arena_ws_messages_out_total), their payload bytes and its
socket flushes; again at <to>; prints one line of key=value pairs.
"""
import os
import sys
import time
import urllib.request

TICK = os.sysconf("SC_CLK_TCK")


def procs():
    out = {}
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                s = open(f"/proc/{p}/stat").read()
            except OSError:
                continue
            f = s[s.rindex(")") + 2:].split()
            out[int(p)] = (s[s.index("(") + 1:s.rindex(")")], int(f[1]), int(f[11]), int(f[12]))
    return out


def tree(stats, roots):
    pids, grew = {r for r in roots if r in stats}, True
    while grew:
        more = {p for p, st in stats.items() if st[1] in pids and p not in pids}
        pids |= more
        grew = bool(more)
    return pids


def metrics(port):
    wanted = ("arena_ws_messages_out_total", "arena_ws_bytes_out_bytes_total", "arena_ws_flushes_total")
    out = dict.fromkeys(wanted, 0.0)
    for line in urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10).read().decode().splitlines():
        k, _, v = line.partition(" ")
        if k in out:
            out[k] = float(v)
    return out


def sample(pid, data, port):
    t = time.time()
    m = metrics(port)
    stats = procs()
    try:
        postmaster = int(open(os.path.join(data, "postgres", "postmaster.pid")).readline())
    except (OSError, ValueError):
        postmaster = None
    jvm = tree(stats, {pid})
    db = tree(stats, {postmaster}) - jvm if postmaster else set()
    ticks = lambda ps, i: sum(stats[p][i] for p in ps)
    ksoft = [p for p, st in stats.items() if st[0].startswith("ksoftirqd/")]
    return dict(t=t, m=m, ju=ticks(jvm, 2), js=ticks(jvm, 3), du=ticks(db, 2), ds=ticks(db, 3),
                k=ticks(ksoft, 2) + ticks(ksoft, 3), n=len(jvm) + len(db))


def sleep_until(t):
    while time.time() < t:
        time.sleep(min(0.5, t - time.time()))


def main():
    pid, data, port, t_from, t_to = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
    load = lambda: " ".join(open("/proc/loadavg").read().split()[:3])
    sleep_until(t_from)
    a, load0 = sample(pid, data, port), load()
    sleep_until(t_to)
    b = sample(pid, data, port)
    frames = b["m"]["arena_ws_messages_out_total"] - a["m"]["arena_ws_messages_out_total"]
    if frames <= 0:
        sys.exit("no frames written in the window")
    us = lambda key: (b[key] - a[key]) / TICK * 1e6 / frames
    secs = b["t"] - a["t"]
    flushes = b["m"]["arena_ws_flushes_total"] - a["m"]["arena_ws_flushes_total"]
    payload = b["m"]["arena_ws_bytes_out_bytes_total"] - a["m"]["arena_ws_bytes_out_bytes_total"]
    total = us("ju") + us("js") + us("du") + us("ds")
    print(f"variant=arena window_s={secs:.1f} frames={frames:.0f} frames_per_s={frames / secs:.0f} "
          f"payload_bytes_per_frame={payload / frames:.1f} "
          f"frames_per_flush={frames / flushes if flushes else float('nan'):.2f} processes={b['n']} "
          f"jvm_user_us={us('ju'):.3f} jvm_sys_us={us('js'):.3f} db_user_us={us('du'):.3f} db_sys_us={us('ds'):.3f} "
          f"server_us={total:.3f} server_cores={total * frames / 1e6 / secs:.3f} ksoftirqd_us={us('k'):.3f} "
          f'load="{load0}" load_after="{load()}"', flush=True)


if __name__ == "__main__":
    main()
