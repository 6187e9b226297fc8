/*
 * wire-floor: what one write syscall per frame per socket costs on loopback, with nothing else in the way
 * (issue 15, item 2). A writer accepts N TCP connections on 127.0.0.1 and, R times a second, writes one pre-built
 * WebSocket text frame to each of them (non-blocking sockets, epoll, TCP_NODELAY by default); a separate reader
 * process opens the N connections, reads and discards. The writer reports its own CPU (user and system, from
 * getrusage) per delivered frame over a measured window after a warm-up, and the reader's CPU over the same window
 * (from /proc/<reader>/stat). No server can write a frame to a socket more cheaply than this writer does, so its
 * figure is the floor under any server's CPU per delivery that makes one write per frame.
 *
 *   wire-floor writer [--port P] [--clients N] [--rate R] [--batch B] [--nodelay 0|1] [--frame-bytes F]
 *                     [--warmup S] [--duration S] [--peer-pid-file FILE]
 *   wire-floor reader [--port P] [--clients N] [--pid-file FILE]
 *
 * --batch B sends B frames in one write every B/R seconds (the same deliveries per second, 1/B writes per frame).
 * The writer prints one line of key=value pairs; the script bench/wire-floor.sh runs the variants.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <linux/tcp.h> /* struct tcp_info with the segment counters */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#define PENDING_MAX 65536 /* bytes a socket may have waiting in user space before frames are dropped */

typedef struct {
    int port, clients, batch, nodelay, frame_bytes;
    double rate, warmup, duration;
    const char *pid_file;
} options;

typedef struct {
    int fd;
    int pending_len; /* bytes waiting because the socket's send buffer was full */
    int pending_off;
    char *pending;
} conn;

static void die(const char *what) {
    perror(what);
    exit(1);
}

static double now_s(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static double tv_s(struct timeval t) {
    return t.tv_sec + t.tv_usec / 1e6;
}

/* user and system CPU seconds of another process, from /proc/<pid>/stat (clock ticks) */
static int proc_cpu(int pid, double *user, double *sys) {
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    char *p = strrchr(buf, ')'); /* the command name may hold spaces */
    if (!p) return -1;
    unsigned long ut, st;
    /* after ")": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime */
    if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) != 2) return -1;
    double hz = (double) sysconf(_SC_CLK_TCK);
    *user = ut / hz;
    *sys = st / hz;
    return 0;
}

/*
 * CPU seconds of the ksoftirqd threads. Softirq work (here: the receiving side of loopback TCP) that runs at the end
 * of a syscall is charged to the process that made it; work the kernel defers to ksoftirqd under load is charged to
 * no process of ours, so the writer reports it beside its own figure.
 */
static double ksoftirqd_cpu(void) {
    double total = 0;
    for (int cpu = 0; cpu < 1024; cpu++) {
        static int pids[1024];
        static int scanned;
        if (!scanned) { /* find the ksoftirqd/<cpu> pids once */
            scanned = 1;
            for (int pid = 1; pid < 4096; pid++) {
                char path[64], comm[64];
                snprintf(path, sizeof path, "/proc/%d/comm", pid);
                FILE *f = fopen(path, "r");
                if (!f) continue;
                int c;
                if (fgets(comm, sizeof comm, f) && sscanf(comm, "ksoftirqd/%d", &c) == 1 && c >= 0 && c < 1024) {
                    pids[c] = pid;
                }
                fclose(f);
            }
        }
        if (pids[cpu] <= 0) continue;
        double u, s;
        if (proc_cpu(pids[cpu], &u, &s) == 0) total += u + s;
    }
    return total;
}

static void parse(int argc, char **argv, options *o) {
    *o = (options) {.port = 0, .clients = 500, .batch = 1, .nodelay = 1, .frame_bytes = 184, .rate = 50,
                    .warmup = 5, .duration = 30, .pid_file = NULL};
    for (int i = 2; i < argc; i++) {
        const char *k = argv[i];
        if (i + 1 >= argc) {
            fprintf(stderr, "%s needs a value\n", k);
            exit(2);
        }
        const char *v = argv[++i];
        if (!strcmp(k, "--port")) o->port = atoi(v);
        else if (!strcmp(k, "--clients")) o->clients = atoi(v);
        else if (!strcmp(k, "--rate")) o->rate = atof(v);
        else if (!strcmp(k, "--batch")) o->batch = atoi(v);
        else if (!strcmp(k, "--nodelay")) o->nodelay = atoi(v);
        else if (!strcmp(k, "--frame-bytes")) o->frame_bytes = atoi(v);
        else if (!strcmp(k, "--warmup")) o->warmup = atof(v);
        else if (!strcmp(k, "--duration")) o->duration = atof(v);
        else if (!strcmp(k, "--peer-pid-file") || !strcmp(k, "--pid-file")) o->pid_file = v;
        else {
            fprintf(stderr, "unknown option %s\n", k);
            exit(2);
        }
    }
    if (o->port <= 0 || o->port > 65535 || o->clients < 1 || o->rate <= 0 || o->batch < 1
            || o->frame_bytes < 6 || o->frame_bytes > 65535 || o->duration <= 0 || o->warmup < 0) {
        fprintf(stderr, "bad options (a --port is required)\n");
        exit(2);
    }
}

/*
 * One unmasked WebSocket text frame (server to client) of frame_bytes bytes in all, its payload JSON text shaped like
 * Arena's room.message, padded inside "data" to the size asked for.
 */
static char *build_frame(int frame_bytes) {
    char *f = malloc(frame_bytes);
    int header = frame_bytes - 2 <= 125 ? 2 : 4;
    int len = frame_bytes - header;
    f[0] = (char) 0x81; /* FIN + text */
    if (header == 2) {
        f[1] = (char) len;
    } else {
        f[1] = 126;
        f[2] = (char) (len >> 8);
        f[3] = (char) (len & 0xff);
    }
    const char *head = "{\"type\":\"room.message\",\"room\":\"bench-wfloor-0\",\"seq\":1,\"data\":{\"p\":\"";
    const char *tail = "\"}}";
    int fixed = (int) (strlen(head) + strlen(tail));
    char *p = f + header;
    if (len < fixed) {
        memset(p, ' ', len);
        return f;
    }
    memcpy(p, head, strlen(head));
    memset(p + strlen(head), 'x', len - fixed);
    memcpy(p + len - strlen(tail), tail, strlen(tail));
    return f;
}

/* data segments sent and segments (mostly ACKs) received, summed over the sockets */
static void segments(conn *cs, int n, unsigned long long *out, unsigned long long *in) {
    *out = *in = 0;
    for (int i = 0; i < n; i++) {
        struct tcp_info t;
        socklen_t len = sizeof t;
        if (getsockopt(cs[i].fd, IPPROTO_TCP, TCP_INFO, &t, &len) == 0) {
            *out += t.tcpi_data_segs_out;
            *in += t.tcpi_segs_in;
        }
    }
}

static void set_nonblocking(int fd) {
    if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) < 0) die("fcntl");
}

/* writes what a socket has waiting; returns 1 when it is all written */
static int flush_pending(conn *c) {
    while (c->pending_off < c->pending_len) {
        ssize_t w = write(c->fd, c->pending + c->pending_off, c->pending_len - c->pending_off);
        if (w < 0) {
            if (errno == EAGAIN) return 0;
            die("write");
        }
        c->pending_off += (int) w;
    }
    c->pending_off = c->pending_len = 0;
    return 1;
}

static int writer(options *o) {
    int ls = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(o->port)};
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    if (bind(ls, (struct sockaddr *) &a, sizeof a) < 0) die("bind");
    if (listen(ls, 4096) < 0) die("listen");
    fprintf(stderr, "writer: listening on 127.0.0.1:%d for %d connections\n", o->port, o->clients);

    conn *cs = calloc(o->clients, sizeof *cs);
    int ep = epoll_create1(0);
    for (int i = 0; i < o->clients; i++) {
        int fd = accept(ls, NULL, NULL);
        if (fd < 0) die("accept");
        set_nonblocking(fd);
        if (setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &o->nodelay, sizeof o->nodelay) < 0) die("TCP_NODELAY");
        cs[i].fd = fd;
        cs[i].pending = malloc(PENDING_MAX);
        struct epoll_event ev = {.events = 0, .data.u32 = (uint32_t) i}; /* EPOLLOUT only while something waits */
        if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0) die("epoll_ctl");
    }
    close(ls);

    int peer = 0;
    if (o->pid_file) { /* the script writes the reader's pid there; wait for it a little */
        for (int tries = 0; tries < 200 && peer <= 0; tries++) {
            FILE *f = fopen(o->pid_file, "r");
            if (f) {
                if (fscanf(f, "%d", &peer) != 1) peer = 0;
                fclose(f);
            }
            if (peer <= 0) usleep(10000);
        }
    }

    /* B frames joined into one buffer: B frames per write */
    int frame_len = o->frame_bytes * o->batch;
    char *frame = malloc(frame_len);
    char *one_frame = build_frame(o->frame_bytes);
    for (int b = 0; b < o->batch; b++) memcpy(frame + b * o->frame_bytes, one_frame, o->frame_bytes);

    int tfd = timerfd_create(CLOCK_MONOTONIC, 0);
    double period = o->batch / o->rate;
    struct itimerspec its = {0};
    its.it_interval.tv_sec = (time_t) period;
    its.it_interval.tv_nsec = (long) ((period - (double) (time_t) period) * 1e9);
    its.it_value = its.it_interval;
    if (timerfd_settime(tfd, 0, &its, NULL) < 0) die("timerfd_settime");
    struct epoll_event tev = {.events = EPOLLIN, .data.u32 = UINT32_MAX};
    if (epoll_ctl(ep, EPOLL_CTL_ADD, tfd, &tev) < 0) die("epoll_ctl timer");

    double start = now_s(), window_start = start + o->warmup, window_end = window_start + o->duration;
    int in_window = 0;
    long frames = 0, writes = 0, partial = 0, dropped = 0, late_ticks = 0, ticks = 0;
    long w_frames = 0, w_writes = 0, w_partial = 0;
    struct rusage r0 = {0}, r1 = {0};
    double p_u0 = 0, p_s0 = 0, p_u1 = 0, p_s1 = 0, t0 = 0, t1 = 0, k0 = 0, k1 = 0;
    unsigned long long so0 = 0, si0 = 0, so1 = 0, si1 = 0;
    struct epoll_event evs[256];
    for (;;) {
        int n = epoll_wait(ep, evs, 256, -1);
        if (n < 0) {
            if (errno == EINTR) continue;
            die("epoll_wait");
        }
        for (int e = 0; e < n; e++) {
            uint32_t id = evs[e].data.u32;
            if (id != UINT32_MAX) { /* a socket that had frames waiting can take more */
                conn *c = &cs[id];
                if (flush_pending(c)) {
                    struct epoll_event ev = {.events = 0, .data.u32 = id};
                    epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
                }
                continue;
            }
            uint64_t expirations;
            if (read(tfd, &expirations, sizeof expirations) != sizeof expirations) die("read timerfd");
            late_ticks += (long) expirations - 1; /* ticks missed because the writer was late: not made up */
            ticks++;
            double t = now_s();
            if (!in_window && t >= window_start) {
                in_window = 1;
                getrusage(RUSAGE_SELF, &r0);
                if (peer > 0) proc_cpu(peer, &p_u0, &p_s0);
                k0 = ksoftirqd_cpu();
                segments(cs, o->clients, &so0, &si0);
                t0 = t;
                w_frames = frames;
                w_writes = writes;
                w_partial = partial;
            }
            if (t >= window_end) {
                segments(cs, o->clients, &so1, &si1);
                getrusage(RUSAGE_SELF, &r1);
                if (peer > 0) proc_cpu(peer, &p_u1, &p_s1);
                k1 = ksoftirqd_cpu();
                t1 = t;
                goto done;
            }
            for (int i = 0; i < o->clients; i++) {
                conn *c = &cs[i];
                if (c->pending_len > 0) { /* frames already waiting: queue behind them, keep the order */
                    if (c->pending_len + frame_len > PENDING_MAX) {
                        dropped += o->batch;
                        continue;
                    }
                    memcpy(c->pending + c->pending_len, frame, frame_len);
                    c->pending_len += frame_len;
                    frames += o->batch;
                    continue;
                }
                ssize_t w = write(c->fd, frame, frame_len); /* the one write per frame (or per batch) */
                writes++;
                frames += o->batch;
                if (w == frame_len) continue;
                if (w < 0) {
                    if (errno != EAGAIN) die("write");
                    w = 0;
                }
                partial++;
                memcpy(c->pending, frame + w, frame_len - w);
                c->pending_len = (int) (frame_len - w);
                c->pending_off = 0;
                struct epoll_event ev = {.events = EPOLLOUT, .data.u32 = (uint32_t) i};
                epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
            }
        }
    }
done:;
    long df = frames - w_frames;
    double user = tv_s(r1.ru_utime) - tv_s(r0.ru_utime), sys = tv_s(r1.ru_stime) - tv_s(r0.ru_stime);
    double secs = t1 - t0;
    char load[64] = "?";
    FILE *la = fopen("/proc/loadavg", "r");
    if (la) {
        if (!fgets(load, sizeof load, la)) strcpy(load, "?");
        fclose(la);
        char *sp = load;
        for (int k = 0; k < 3 && sp; k++) sp = strchr(sp + 1, ' ');
        if (sp) *sp = 0;
    }
    printf("clients=%d rate=%g batch=%d nodelay=%d frame_bytes=%d window_s=%.2f deliveries=%ld "
           "deliveries_per_s=%.0f writes_per_frame=%.3f partial_writes=%ld dropped=%ld late_ticks=%ld "
           "writer_user_us=%.3f writer_sys_us=%.3f writer_us=%.3f writer_cores=%.3f "
           "writer_vcsw=%ld writer_ivcsw=%ld segments_out_per_frame=%.3f segments_in_per_frame=%.3f",
           o->clients, o->rate, o->batch, o->nodelay, o->frame_bytes, secs, df, df / secs,
           df ? (double) (writes - w_writes) / df : 0, partial - w_partial, dropped, late_ticks,
           user * 1e6 / df, sys * 1e6 / df, (user + sys) * 1e6 / df, (user + sys) / secs,
           r1.ru_nvcsw - r0.ru_nvcsw, r1.ru_nivcsw - r0.ru_nivcsw, (double) (so1 - so0) / df,
           (double) (si1 - si0) / df);
    if (peer > 0) {
        double pu = p_u1 - p_u0, ps = p_s1 - p_s0;
        printf(" reader_user_us=%.3f reader_sys_us=%.3f reader_us=%.3f reader_cores=%.3f",
               pu * 1e6 / df, ps * 1e6 / df, (pu + ps) * 1e6 / df, (pu + ps) / secs);
    }
    printf(" ksoftirqd_us=%.3f load=\"%s\"\n", (k1 - k0) * 1e6 / df, load);
    fflush(stdout);
    for (int i = 0; i < o->clients; i++) close(cs[i].fd);
    return 0;
}

static int reader(options *o) {
    if (o->pid_file) {
        FILE *f = fopen(o->pid_file, "w");
        if (!f) die("pid file");
        fprintf(f, "%d\n", (int) getpid());
        fclose(f);
    }
    int ep = epoll_create1(0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(o->port)};
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    for (int i = 0; i < o->clients; i++) {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        int tries = 0;
        while (connect(fd, (struct sockaddr *) &a, sizeof a) < 0) { /* the writer may not listen yet */
            if (errno != ECONNREFUSED || ++tries > 500) die("connect");
            close(fd);
            usleep(10000);
            fd = socket(AF_INET, SOCK_STREAM, 0);
        }
        set_nonblocking(fd);
        struct epoll_event ev = {.events = EPOLLIN, .data.fd = fd};
        if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0) die("epoll_ctl");
    }
    static char buf[65536];
    long long bytes = 0;
    int open = o->clients;
    struct epoll_event evs[256];
    while (open > 0) {
        int n = epoll_wait(ep, evs, 256, -1);
        if (n < 0) {
            if (errno == EINTR) continue;
            die("epoll_wait");
        }
        for (int e = 0; e < n; e++) {
            int fd = evs[e].data.fd;
            for (;;) {
                ssize_t r = read(fd, buf, sizeof buf);
                if (r > 0) {
                    bytes += r;
                    if (r < (ssize_t) sizeof buf) break;
                    continue;
                }
                if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
                    close(fd);
                    open--;
                }
                break;
            }
        }
    }
    fprintf(stderr, "reader: %lld bytes read\n", bytes);
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2 || (strcmp(argv[1], "writer") && strcmp(argv[1], "reader"))) {
        fprintf(stderr, "usage: wire-floor writer|reader [options] (see the comment at the top of wire-floor.c)\n");
        return 2;
    }
    options o;
    parse(argc, argv, &o);
    return !strcmp(argv[1], "writer") ? writer(&o) : reader(&o);
}
