// The floor peer: the least a server has to do for the room scenarios of `arena bench` and load.js, and for
// `arena bench matches` (floor-matches.js), written the way a lean Node.js server would be (one process, the `ws`
// package), so a figure can be set beside what no server of this protocol could beat on the same machine with the
// same client. It does:
//   POST /auth/guest {device_id}            -> {player: {id, display_name}, token} (an HS256 JWT, signed here)
//   GET /ws?token=                          -> the token's signature checked, a welcome frame
//   room.join {rid, room}                   -> room.joined {rid, room, seq, members (the first 100), member_count}
//   presence                                -> presence.diff per room, Arena's interval rule, 20 joins/leaves named
//   room.send {room, data}                  -> room.message {room, seq, from, data, ts}, serialised once
//   POST /games/..., GET /metrics, match.*  -> arena_battle matches: see floor-matches.js
// It has no database, no sessions, no limits, no resume, and nothing else of Arena's protocol.
// Usage: node floor-peer.js [--port 18640] [--host 127.0.0.1]     (docs/BENCH.md, "The floor peer")
'use strict';
const http = require('http');
const crypto = require('crypto');
const { WebSocketServer } = require('ws');
const matches = require('./floor-matches');

const arg = (name, dflt) => { const i = process.argv.indexOf('--' + name); return i > 0 ? process.argv[i + 1] : dflt; };
const port = +arg('port', 18640);
const host = arg('host', '127.0.0.1');
const MEMBERS_SHOWN = 100;
const NAMED_PER_DIFF = 20;
const TEXT = { binary: false }; // a Buffer sent as a text frame: encoded once for all recipients

// Arena's rule (room.PresenceBatch): a diff at most every 250 ms, one more 250 ms per 1,000 members, up to 2 s; the
// first change after a quiet interval goes out at once; a join and a leave of one member within a diff cancel out.
const diffEveryMs = (members) => Math.min(2000, 250 * (1 + Math.floor(members / 1000)));

const key = crypto.randomBytes(32);
const b64 = (s) => Buffer.from(s).toString('base64url');
const HEAD = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
const mac = (s) => crypto.createHmac('sha256', key).update(s).digest('base64url');
const sign = (claims) => { const body = HEAD + '.' + b64(JSON.stringify(claims)); return body + '.' + mac(body); };
function verify(token) {
  const dot = token ? token.lastIndexOf('.') : -1;
  if (dot < 0 || mac(token.slice(0, dot)) !== token.slice(dot + 1)) return null;
  const claims = JSON.parse(Buffer.from(token.slice(token.indexOf('.') + 1, dot), 'base64url').toString());
  return claims.exp * 1000 > Date.now() ? claims : null;
}

// name -> { name, seq, members: Map(ws -> member), changes: Map(member -> joined?), lastFlush, timer }
const rooms = new Map();
function roomOf(name) {
  let r = rooms.get(name);
  if (!r) { r = { name, seq: 0, members: new Map(), changes: new Map(), lastFlush: 0, timer: null }; rooms.set(name, r); }
  return r;
}
function changed(r, member, joined) {
  const before = r.changes.get(member);
  if (before !== undefined && before !== joined) r.changes.delete(member); else r.changes.set(member, joined);
  if (!r.timer) {
    const wait = Math.max(0, r.lastFlush + diffEveryMs(r.members.size) - Date.now());
    r.timer = setTimeout(() => flush(r), wait);
  }
}
function flush(r) {
  r.timer = null;
  r.lastFlush = Date.now();
  const joins = []; const leaves = []; let joined = 0; let left = 0;
  for (const [m, j] of r.changes) {
    if (j) { if (joined++ < NAMED_PER_DIFF) joins.push(m); } else if (left++ < NAMED_PER_DIFF) leaves.push(m);
  }
  r.changes.clear();
  if (r.members.size === 0) { rooms.delete(r.name); return; }
  if (joined + left === 0) return;
  const diff = { type: 'presence.diff', room: r.name, joins, leaves };
  if (joined > NAMED_PER_DIFF) diff.omitted_joins = joined - NAMED_PER_DIFF;
  if (left > NAMED_PER_DIFF) diff.omitted_leaves = left - NAMED_PER_DIFF;
  const frame = Buffer.from(JSON.stringify(diff)); // serialised and encoded once for every member
  for (const ws of r.members.keys()) ws.send(frame, TEXT);
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/metrics') { matches.metrics(res); return; }
  if (req.method !== 'POST') { res.writeHead(404); res.end(); return; }
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    try { body = JSON.parse(body); } catch { body = null; }
    if (!body || typeof body !== 'object') { res.writeHead(422); res.end(); return; }
    if (req.url === '/auth/guest') {
      const device = String(body.device_id);
      const id = crypto.randomUUID();
      const exp = Math.floor(Date.now() / 1000) + 3600;
      const token = sign({ sub: id, sid: crypto.randomUUID(), name: device, exp });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ player: { id, display_name: device }, token }));
      return;
    }
    let claims = null;
    try { claims = verify((req.headers.authorization || '').replace(/^Bearer /, '')); } catch { claims = null; }
    if (!claims) { res.writeHead(401); res.end(); return; }
    if (!matches.http(req, res, body, claims)) { res.writeHead(404); res.end(); }
  });
});

const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
server.on('upgrade', (req, socket, head) => {
  const url = new URL(req.url, 'http://peer');
  let claims = null;
  try { claims = url.pathname === '/ws' ? verify(url.searchParams.get('token')) : null; } catch { claims = null; }
  if (!claims) { socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n'); return; }
  wss.handleUpgrade(req, socket, head, (ws) => {
    socket.setNoDelay(true);
    const me = { user_id: claims.sub, display_name: claims.name, session_id: claims.sid };
    const joined = new Set();
    ws.send(JSON.stringify({ type: 'welcome', player_id: claims.sub, session_id: claims.sid }));
    ws.on('message', (data, binary) => {
      let m;
      try { m = JSON.parse(data); } catch { return; }
      if (binary || !m) return;
      if (typeof m.type === 'string' && m.type.startsWith('match.')) { matches.message(ws, claims.sub, m); return; }
      if (typeof m.room !== 'string') return;
      if (m.type === 'room.join') {
        const r = roomOf(m.room);
        if (r.members.has(ws)) return;
        r.members.set(ws, me);
        joined.add(r);
        const shown = [];
        for (const x of r.members.values()) { if (shown.length === MEMBERS_SHOWN) break; shown.push(x); }
        ws.send(JSON.stringify({ type: 'room.joined', rid: m.rid, room: r.name, seq: r.seq, members: shown,
          member_count: r.members.size }));
        changed(r, me, true);
      } else if (m.type === 'room.send') {
        const r = rooms.get(m.room);
        if (!r || !r.members.has(ws)) return;
        const frame = Buffer.from(JSON.stringify({ type: 'room.message', room: r.name, seq: ++r.seq,
          from: claims.sub, data: m.data, ts: new Date().toISOString() })); // to bytes once, not once per member
        for (const x of r.members.keys()) x.send(frame, TEXT);
      }
    });
    ws.on('close', () => {
      for (const r of joined) { r.members.delete(ws); changed(r, me, false); }
      matches.closed(ws);
    });
  });
});
server.listen(port, host, () => console.error(`floor peer on http://${host}:${port} (pid ${process.pid})`));
