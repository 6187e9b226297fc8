// The floor peer: the least a server has to do for the room scenarios of `arena bench` and load.js, written the
// way a lean Node.js server would be (one process, the `ws` package), so a figure can be set beside what no server
// of this protocol could beat on the same machine with the same client. It does:
//   POST /auth/guest {device_id}            -> {player: {id, display_name}, token} (an HS256 JWT, signed here)
//   GET /ws?token=                          -> the token's signature checked, a welcome frame
//   room.join {rid, room}                   -> room.joined {rid, room, seq, members (the first 100), member_count}
//   presence                                -> presence.diff per room at most every 250 ms, 20 joins/leaves named
//   room.send {room, data}                  -> room.message {room, seq, from, data, ts}, serialised once
// It has no database, no sessions, no limits, no resume, no metrics, and nothing else of Arena's protocol.
// Usage: node floor-peer.js [--port 18640] [--host 127.0.0.1]     (docs/BENCH.md, "The floor peer")
'use strict';
const http = require('http');
const crypto = require('crypto');
const { WebSocketServer } = require('ws');

const arg = (name, dflt) => { const i = process.argv.indexOf('--' + name); return i > 0 ? process.argv[i + 1] : dflt; };
const port = +arg('port', 18640);
const host = arg('host', '127.0.0.1');
const MEMBERS_SHOWN = 100;
const NAMED_PER_DIFF = 20;
const DIFF_EVERY_MS = 250;

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

// name -> { name, seq, members: Map(ws -> member), joins, leaves, omittedJoins, omittedLeaves, timer }
const rooms = new Map();
function roomOf(name) {
  let r = rooms.get(name);
  if (!r) {
    r = { name, seq: 0, members: new Map(), joins: [], leaves: [], omittedJoins: 0, omittedLeaves: 0, timer: null };
    rooms.set(name, r);
  }
  return r;
}
function changed(r, list, member) {
  if (list === 'joins') { if (r.joins.length < NAMED_PER_DIFF) r.joins.push(member); else r.omittedJoins++; }
  else if (r.leaves.length < NAMED_PER_DIFF) r.leaves.push(member); else r.omittedLeaves++;
  if (!r.timer) r.timer = setTimeout(() => flush(r), DIFF_EVERY_MS);
}
function flush(r) {
  r.timer = null;
  const diff = { type: 'presence.diff', room: r.name, joins: r.joins, leaves: r.leaves };
  if (r.omittedJoins) diff.omitted_joins = r.omittedJoins;
  if (r.omittedLeaves) diff.omitted_leaves = r.omittedLeaves;
  const frame = JSON.stringify(diff); // once for every member
  r.joins = []; r.leaves = []; r.omittedJoins = 0; r.omittedLeaves = 0;
  for (const ws of r.members.keys()) ws.send(frame);
  if (r.members.size === 0) rooms.delete(r.name);
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/auth/guest') { res.writeHead(404); res.end(); return; }
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    let device;
    try { device = String(JSON.parse(body).device_id); } catch { res.writeHead(422); res.end(); return; }
    const id = crypto.randomUUID();
    const token = sign({ sub: id, sid: crypto.randomUUID(), name: device, exp: Math.floor(Date.now() / 1000) + 3600 });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ player: { id, display_name: device }, token }));
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
      if (binary || !m || typeof m.room !== 'string') return;
      if (m.type === 'room.join') {
        const r = roomOf(m.room);
        if (r.members.has(ws)) return;
        r.members.set(ws, me);
        joined.add(r);
        const shown = [];
        for (const x of r.members.values()) { if (shown.length === MEMBERS_SHOWN) break; shown.push(x); }
        ws.send(JSON.stringify({ type: 'room.joined', rid: m.rid, room: r.name, seq: r.seq, members: shown,
          member_count: r.members.size }));
        changed(r, 'joins', me);
      } else if (m.type === 'room.send') {
        const r = rooms.get(m.room);
        if (!r || !r.members.has(ws)) return;
        const frame = JSON.stringify({ type: 'room.message', room: r.name, seq: ++r.seq, from: claims.sub,
          data: m.data, ts: new Date().toISOString() });
        for (const x of r.members.keys()) x.send(frame);
      }
    });
    ws.on('close', () => { for (const r of joined) { r.members.delete(ws); changed(r, 'leaves', me); } });
  });
});
server.listen(port, host, () => console.error(`floor peer on http://${host}:${port} (pid ${process.pid})`));
