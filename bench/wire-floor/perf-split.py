#!/usr/bin/env python3
"""Splits a `perf record -g` profile by where the CPU went on the way of a frame to a loopback socket.

Usage: perf script -i <perf.data> | perf-split.py
Each sample is put in the first class whose test its call chain passes (leaf to root), so the loopback receive
path that runs as a softirq inside the writer's own write syscall counts as "receive", not as "write".
Note: perf's cpu-clock samples cannot fire while interrupts are off, so time spent with them off is booked at
the point where they come back on (in this VM: pvm_irq_enable); the call chain still names the path.
"""
import collections
import re
import sys

HEADER = re.compile(r"^(.*?)\s+\d+(/\d+)?\s+[\d.]+:")

CLASSES = [
    ("loopback receive in softirq (IP/TCP input, queue to the reader, wake it)",
     lambda fs: any(f in ("net_rx_action", "process_backlog", "__netif_receive_skb", "ip_rcv", "tcp_v4_rcv")
                    for f in fs)),
    ("TCP send (tcp_sendmsg and below: segment, IP output, loopback xmit)",
     lambda fs: any(f.startswith("tcp_sendmsg") for f in fs)),
    ("rest of the write syscalls (entry, fd lookup, vfs, return)",
     lambda fs: any(f in ("ksys_write", "vfs_write", "__x64_sys_write", "do_writev", "__x64_sys_writev",
                          "sock_write_iter", "__sys_sendmsg", "__sys_sendto") for f in fs)),
    ("epoll_wait", lambda fs: any(f in ("do_epoll_wait", "__x64_sys_epoll_wait", "__x64_sys_epoll_pwait")
                                  for f in fs)),
    ("scheduler, context switches", lambda fs: any(f in ("schedule", "__schedule", "finish_task_switch.isra.0",
                                                        "finish_task_switch", "exit_to_user_mode_loop")
                                                   for f in fs)),
    ("other syscalls", lambda fs: any(f in ("do_syscall_64", "entry_SYSCALL_64_after_hwframe") for f in fs)),
]


def samples(lines):
    frames, kernel_leaf, thread = [], None, "?"
    for line in lines:
        if not line.strip():
            if frames:
                yield frames, kernel_leaf, thread
            frames, kernel_leaf = [], None
            continue
        if not line[0].isspace():  # a sample's header line: thread name, tid, time
            m = HEADER.match(line)
            thread = re.sub(r"[#\d-]+$", "", m.group(1)).strip() if m else "?"
            continue
        parts = line.split()
        if len(parts) < 2:
            continue
        sym = parts[1].split("+")[0]
        if kernel_leaf is None:
            kernel_leaf = "[kernel.kallsyms]" in line
        frames.append(sym)
    if frames:
        yield frames, kernel_leaf, thread


def main():
    counts, threads = collections.Counter(), collections.Counter()
    total = 0
    for frames, kernel_leaf, thread in samples(sys.stdin):
        total += 1
        threads[thread] += 1
        if not kernel_leaf:
            counts["user space"] += 1
            continue
        for name, test in CLASSES:
            if test(frames):
                counts[name] += 1
                break
        else:
            counts["other kernel (interrupts, timers, page faults, ...)"] += 1
    if not total:
        sys.exit("no samples")
    print(f"{total} samples")
    for name, n in counts.most_common():
        print(f"{100.0 * n / total:6.1f} %  {name}")
    print("by thread: " + ", ".join(f"{name} {100.0 * n / total:.1f} %" for name, n in threads.most_common(6)))


if __name__ == "__main__":
    main()
