#!/usr/bin/env node
// Arena room-broadcast load client in JavaScript (Node.js + ws): as heavy per socket as a real game client.
// Joins N guests to one room, sends R room.send per second in total (each carrying its send time), and times every
// delivery on every client. Reports, like `arena bench room-broadcast`: deliveries (expected, delivered), latency
// p50/p99/p99.9/max for the warm-up and for the measured window separately, and with --server-pid the server's CPU
// per delivered message (the process, its descendants and its embedded PostgreSQL, from /proc) and its RSS; and the
// server's stalls in the window (event-loop delays and collector pauses over 25 ms, from its /metrics).
// Usage: node load.js --url http://127.0.0.1:8080 --clients 500 --rate 50 --duration 30 --warmup 5 [--server-pid N]
//        [--threads T]
// --threads T spreads the sockets over T worker threads (each its own event loop, like T client processes): each
// socket costs its thread what it costs a real client, but one thread no longer reads all N sockets of a broadcast
// one after another (with T = 1 the median delivery waits for N/2 others to be read and parsed first).
'use strict';
const fs = require('fs');
const path = require('path');
const WebSocket = require('ws');
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

function options(argv) {
  const o = { url: 'http://127.0.0.1:8080', clients: 100, rate: 50, duration: 30, warmup: 5, drain: 5,
    concurrency: 100, threads: 1, room: 'bench-js-' + Math.random().toString(36).slice(2, 8), serverPid: null, json: false };
  for (let i = 2; i < argv.length; i++) {
    const k = argv[i].replace(/^--/, '');
    const v = argv[i + 1];
    switch (k) {
      case 'url': o.url = v; i++; break;
      case 'clients': o.clients = +v; i++; break;
      case 'rate': o.rate = +v; i++; break;
      case 'duration': o.duration = +v; i++; break;
      case 'warmup': o.warmup = +v; i++; break;
      case 'drain': o.drain = +v; i++; break;
      case 'concurrency': o.concurrency = +v; i++; break;
      case 'threads': o.threads = Math.max(1, +v); i++; break;
      case 'room': o.room = v; i++; break;
      case 'server-pid': o.serverPid = +v; i++; break;
      case 'json': o.json = true; break;
      default: console.error('unknown option --' + k); process.exit(2);
    }
  }
  return o;
}

const now = () => performance.timeOrigin + performance.now(); // ms, sub-ms resolution, same clock on every socket

async function guest(url, i, run) {
  const r = await fetch(url + '/auth/guest', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ device_id: 'benchjs-' + run + '-' + i }) });
  if (r.status !== 200) throw new Error('guest ' + i + ': HTTP ' + r.status);
  return (await r.json()).token;
}

function connect(url, token, room, onFrame) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace(/^http/, 'ws') + '/ws?token=' + encodeURIComponent(token));
    const timer = setTimeout(() => reject(new Error('join timeout')), 30000);
    ws.on('message', (buf) => {
      const text = buf.toString();
      if (text.startsWith('{"type":"room.joined"')) { clearTimeout(timer); resolve(ws); }
      onFrame(text);
    });
    ws.on('open', () => ws.send(JSON.stringify({ type: 'room.join', room })));
    ws.on('error', (e) => { clearTimeout(timer); reject(e); });
  });
}

async function pool(n, concurrency, task) {
  let next = 0;
  const workers = Array.from({ length: Math.min(n, concurrency) }, async () => {
    while (next < n) { const i = next++; await task(i); }
  });
  await Promise.all(workers);
}

function percentiles(samples) {
  if (samples.length === 0) return { count: 0 };
  const s = Float64Array.from(samples).sort();
  const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  const r = (x) => Math.round(x * 1000) / 1000;
  return { count: s.length, p50: r(at(0.5)), p99: r(at(0.99)), p999: r(at(0.999)), max: r(s[s.length - 1]) };
}

// The server as /proc accounts it: the pid, its descendants, and the embedded postmaster (postmaster.pid in
// ARENA_DATA_DIR/postgres) with its backends. Returns { ticks, rssKib } or null off Linux.
function serverSample(pid) {
  try {
    const parents = new Map();
    const stats = new Map();
    for (const d of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const st = fs.readFileSync('/proc/' + d + '/stat', 'utf8');
        const f = st.slice(st.lastIndexOf(')') + 2).trim().split(/ +/);
        parents.set(+d, +f[1]);
        stats.set(+d, +f[11] + +f[12]);
      } catch (e) { /* gone */ }
    }
    const roots = [pid];
    try {
      const env = fs.readFileSync('/proc/' + pid + '/environ', 'utf8').split('\0');
      const kv = env.find((x) => x.startsWith('ARENA_DATA_DIR='));
      const dir = path.resolve(fs.readlinkSync('/proc/' + pid + '/cwd'), kv ? kv.slice(15) : './data');
      roots.push(+fs.readFileSync(path.join(dir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    } catch (e) { /* external database */ }
    const children = new Map();
    for (const [p, parent] of parents) { if (!children.has(parent)) children.set(parent, []); children.get(parent).push(p); }
    const seen = new Set();
    const todo = roots.filter((r) => parents.has(r));
    while (todo.length) { const p = todo.pop(); if (!seen.has(p)) { seen.add(p); todo.push(...(children.get(p) || [])); } }
    let ticks = 0; let rssKib = 0;
    for (const p of seen) {
      ticks += stats.get(p) || 0;
      try { const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync('/proc/' + p + '/status', 'utf8')); if (m) rssKib += +m[1]; } catch (e) { /* gone */ }
    }
    return { ticks, rssKib, processes: seen.size };
  } catch (e) { return null; }
}

// One thread's share: sockets [from, to) of the tokens; it sends message k when k % threads == index.
// The server's stalls in the window, as `arena bench` reports them (docs/BENCH.md, "Stalls"): from a scrape of its
// /metrics at each edge of the window. A server without these meters (the floor peer) gets an error line instead.
async function scrape(url) {
  try {
    const r = await fetch(url + '/metrics');
    if (!r.ok) return null;
    const m = new Map();
    for (const line of (await r.text()).split('\n')) {
      const i = line.lastIndexOf(' ');
      if (!line || line[0] === '#' || i <= 0) continue;
      const v = Number(line.slice(i + 1));
      if (!Number.isNaN(v)) m.set(line.slice(0, i).trim(), v);
    }
    return m;
  } catch { return null; }
}

function stalls(a, b) {
  const L = 'arena_event_loop_delay_seconds'; const G = 'jvm_gc_pause_seconds';
  // a series summed over its labels (the largest for a _max); null when the server has none
  const total = (m, name) => {
    let s = null;
    for (const [k, v] of m) if (k === name || k.startsWith(name + '{')) s = s === null ? v : name.endsWith('_max') ? Math.max(s, v) : s + v;
    return s;
  };
  const bucket = (m, h, le) => {
    let s = null;
    for (const [k, v] of m) {
      const b = k.startsWith(h + '_bucket{') && /le="([^"]+)"/.exec(k);
      if (b && b[1] !== '+Inf' && Number(b[1]) === le) s = (s ?? 0) + v;
    }
    return s;
  };
  if (!a || !b || total(b, L + '_count') === null) return { error: 'the server exports no ' + L };
  const d = (n) => total(b, n) - (total(a, n) ?? 0);
  const over = (h, le) => (bucket(b, h, le) === null ? undefined : d(h + '_count') - (bucket(b, h, le) - (bucket(a, h, le) ?? 0)));
  const out = { event_loop_checks: d(L + '_count'), event_loop_delays_over_25ms: over(L, 0.025),
    event_loop_delays_over_100ms: over(L, 0.1), event_loop_delay_max_recent_ms: Math.round(total(b, L + '_max') * 1e4) / 10 };
  if (total(b, G + '_count') !== null) {
    Object.assign(out, { gc_pauses: d(G + '_count'), gc_pause_ms: Math.round(d(G + '_sum') * 1e4) / 10,
      gc_pauses_over_25ms: over(G, 0.025) });
  }
  return out;
}

async function runSockets(o, tokens, index, threads, signal) {
  const warmupLat = []; const windowLat = [];
  const st = { delivered: 0, windowDelivered: 0, sent: 0, windowSent: 0, closes: 0, presence: 0, presenceAtJoin: 0 };
  let windowStart = Infinity; let windowEnd = Infinity;
  const onFrame = (text) => {
    if (text.startsWith('{"type":"presence.diff"')) { st.presence++; return; }
    if (!text.startsWith('{"type":"room.message"')) return;
    const t = now();
    const m = JSON.parse(text);
    const sentAt = m.data && m.data.t;
    if (typeof sentAt !== 'number') return;
    st.delivered++;
    if (sentAt >= windowStart && sentAt < windowEnd) { windowLat.push(t - sentAt); st.windowDelivered++; } else warmupLat.push(t - sentAt);
  };
  const sockets = new Array(tokens.length);
  await pool(tokens.length, Math.max(1, Math.floor(o.concurrency / threads)), async (i) => {
    sockets[i] = await connect(o.url, tokens[i], o.room, onFrame);
    sockets[i].on('close', () => st.closes++);
  });
  st.presenceAtJoin = st.presence; // what filling the room cost this thread's sockets
  const start = await signal.joined();
  windowStart = start + o.warmup * 1000;
  windowEnd = windowStart + o.duration * 1000;
  // Paced by the clock: message k is due at start + k / rate; this thread sends every threads-th one.
  let k = index;
  await new Promise((resolve) => {
    const tick = setInterval(() => {
      const t = now();
      while (start + (k * 1000) / o.rate <= t) {
        const due = start + (k * 1000) / o.rate;
        if (due >= windowEnd) { clearInterval(tick); resolve(); return; }
        const ws = sockets[Math.floor(k / threads) % sockets.length];
        if (ws.readyState === WebSocket.OPEN) {
          ws.send('{"type":"room.send","room":' + JSON.stringify(o.room) + ',"data":{"t":' + now() + ',"k":' + k + '}}');
          st.sent++;
          if (due >= windowStart) st.windowSent++;
        }
        k += threads;
      }
    }, 1);
  });
  await new Promise((r) => setTimeout(r, o.drain * 1000));
  const closedByServer = st.closes; // before the client closes its own sockets
  for (const ws of sockets) ws.terminate();
  return { ...st, closes: closedByServer, windowLat: Float64Array.from(windowLat), warmupLat: Float64Array.from(warmupLat) };
}

// A worker thread: connects its sockets, tells the main thread, waits for the common start time, runs, reports.
if (!isMainThread) {
  const { o, tokens, index, threads } = workerData;
  const signal = { joined: () => new Promise((resolve) => {
    parentPort.on('message', (m) => { if (m.start) resolve(m.start); });
    parentPort.postMessage({ joined: true });
  }) };
  runSockets(o, tokens, index, threads, signal).then((r) => {
    parentPort.postMessage({ result: r }, [r.windowLat.buffer, r.warmupLat.buffer]);
  }).catch((e) => { parentPort.postMessage({ error: e.message }); });
}

async function main() {
  const o = options(process.argv);
  const run = Math.random().toString(36).slice(2, 8);
  const t0 = Date.now();
  const tokens = new Array(o.clients);
  await pool(o.clients, o.concurrency, async (i) => { tokens[i] = await guest(o.url, i, run); });
  const tConnect = Date.now(); // the guests exist: from here on, connecting and joining only (the join storm)
  const setup = { guests_s: (tConnect - t0) / 1000 };
  console.error(`${o.clients} guests in ${setup.guests_s.toFixed(1)} s; connecting and joining`);
  const readings = {};
  let start;
  // Every thread has joined its sockets: the common clock starts, and the readings are taken on this thread.
  const begin = () => {
    setup.connect_join_s = (Date.now() - tConnect) / 1000;
    console.error(`joined ${o.clients} clients in ${setup.connect_join_s.toFixed(1)} s after ${setup.guests_s.toFixed(1)} s of guest logins (${o.threads} thread${o.threads > 1 ? 's' : ''})`);
    start = now();
    if (o.serverPid) {
      readings.start = serverSample(o.serverPid);
      setTimeout(() => { readings.window = serverSample(o.serverPid); }, o.warmup * 1000);
      setTimeout(() => { readings.end = serverSample(o.serverPid); }, (o.warmup + o.duration) * 1000);
    }
    // The client's own CPU (all its threads) over the window: what the client spends per delivery bounds how soon
    // it can have read a broadcast on all its sockets, whatever the server does.
    setTimeout(() => { readings.clientWindow = process.cpuUsage(); }, o.warmup * 1000);
    setTimeout(() => { readings.clientEnd = process.cpuUsage(); }, (o.warmup + o.duration) * 1000);
    const scrapeAt = (ms) => new Promise((resolve) => setTimeout(() => scrape(o.url).then(resolve), ms));
    readings.metrics = [scrapeAt(o.warmup * 1000), scrapeAt((o.warmup + o.duration) * 1000)];
    return start;
  };
  let results;
  if (o.threads === 1) {
    results = [await runSockets(o, tokens, 0, 1, { joined: async () => begin() })];
  } else {
    const per = Math.ceil(o.clients / o.threads);
    const workers = [];
    for (let w = 0; w < o.threads; w++) {
      workers.push(new Worker(__filename, { workerData: { o, tokens: tokens.slice(w * per, (w + 1) * per), index: w, threads: o.threads } }));
    }
    let joined = 0;
    results = await Promise.all(workers.map((w) => new Promise((resolve, reject) => {
      w.on('message', (m) => {
        if (m.joined && ++joined === workers.length) { const at = begin(); workers.forEach((x) => x.postMessage({ start: at })); }
        if (m.result) { resolve(m.result); w.terminate(); }
        if (m.error) reject(new Error(m.error));
      });
      w.on('error', reject);
    })));
  }
  const sum = (f) => results.reduce((a, r) => a + r[f], 0);
  const merge = (f) => { const all = []; for (const r of results) for (const x of r[f]) all.push(x); return all; };
  const sent = sum('sent'); const windowSent = sum('windowSent');
  const delivered = sum('delivered'); const windowDelivered = sum('windowDelivered');
  const report = {
    client: 'node ' + process.version + ' + ws',
    clients: o.clients, rate: o.rate, warmup_s: o.warmup, duration_s: o.duration, threads: o.threads,
    setup: { ...setup, presence_frames: sum('presenceAtJoin'), presence_frames_total: sum('presence') },
    messages: { sent, window_sent: windowSent },
    deliveries: { expected: windowSent * o.clients, delivered: windowDelivered,
      delivered_pct: windowSent ? Math.floor((windowDelivered / (windowSent * o.clients)) * 100000) / 1000 : 0 },
    latency_ms: percentiles(merge('windowLat')),
    warmup: { latency_ms: percentiles(merge('warmupLat')), deliveries: delivered - windowDelivered },
    unexpected_closes: sum('closes'),
  };
  if (readings.clientWindow && readings.clientEnd && windowDelivered) {
    const us = (readings.clientEnd.user - readings.clientWindow.user) + (readings.clientEnd.system - readings.clientWindow.system);
    report.client_cpu = { us_per_delivery: Math.round((us / windowDelivered) * 100) / 100,
      cores: Math.round((us / (o.duration * 1e6)) * 100) / 100 };
  }
  if (readings.start && readings.window && readings.end) {
    const us = (a, b) => ((b.ticks - a.ticks) * 1e6) / 100; // USER_HZ 100
    report.server = {
      processes: readings.end.processes,
      cpu_us_per_delivery: windowDelivered ? Math.round((us(readings.window, readings.end) / windowDelivered) * 100) / 100 : null,
      warmup_cpu_us_per_delivery: delivered - windowDelivered > 0
        ? Math.round((us(readings.start, readings.window) / (delivered - windowDelivered)) * 100) / 100 : null,
      cpu_cores: Math.round((us(readings.window, readings.end) / (o.duration * 1e6)) * 100) / 100,
      rss_mib: Math.round(readings.end.rssKib / 102.4) / 10,
    };
  }
  if (readings.metrics) report.stalls = stalls(...(await Promise.all(readings.metrics)));
  console.log(o.json ? JSON.stringify(report) : JSON.stringify(report, null, 2));
}

if (isMainThread) main().catch((e) => { console.error(e.message); process.exit(1); });
