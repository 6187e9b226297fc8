// The floor peer's matches: the least a server has to do for `arena bench matches`, private arena_battle games
// with Arena's frames and rules (dev.arena.match.games.ArenaBattleRules, MatchLoop). It does:
//   POST /games/create {mode, max_players, settings} -> 201 the snapshot and join_code; the creator is seated
//   POST /games/{id}/join {join_code}, /ready {ready} -> the snapshot; the game starts at the next tick with two or
//                                                       more seated, all ready
//   GET /metrics             -> Prometheus text: the tick histogram the bench's verdict needs (a tick timed as Arena
//                               times it: commands, rules, the frame serialised; not the socket writes), inputs
//                               accepted and rejected, running matches
//   match.join {rid, game_id} -> match.state {rid, ...} at once: the state of the last tick
//   match.input {seq, input} -> taken at the next tick, in arrival order; malformed or not attached: error at once;
//                               refused by the rules: error (no rid) at the tick
//   match.leave              -> a forfeit at the next tick, then match.left; match.end to whoever is still attached
//   every 50 ms per match (setTimeout on a fixed schedule, Arena's 5 ms grid): ONE match.event per tick with events
//   or acks, {type, game_id, tick, events, acks}, serialised once for the attached sockets
// It has no spectators, host controls, reconnect grace (a closed socket forfeits at once), input budget per tick,
// catch-up limit, seeded spawns, storage, ratings or matchmaking.
'use strict';
const crypto = require('crypto');

// arena_battle's rules (ArenaBattle.java): units and ticks
const TICK_RATE = 20; const MAX_SPEED = 10; const ATTACK_RANGE = 60; const ATTACK_DAMAGE = 10;
const ATTACK_COOLDOWN = 10; const BLOCK_TICKS = 15; const BLOCK_COOLDOWN = 40; const BLOCK_KEEP_PERCENT = 30;
const BLAST_RADIUS = 120; const BLAST_DAMAGE = 20; const BLAST_COOLDOWN = 100;
const TEXT = { binary: false };

const games = new Map(); // game_id -> game
const BOUNDS = []; // of the tick histogram, in seconds: 10 us to 1 s, 25 % apart
for (let b = 1e-5; b < 1; b *= 1.25) BOUNDS.push(b);
const meter = { buckets: BOUNDS.map(() => 0), count: 0, sum: 0, max: 0, accepted: 0, rejected: 0 };

const json = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
const int = (v, dflt, lo, hi) => (v === undefined ? dflt : Number.isInteger(v) && v >= lo && v <= hi ? v : NaN);
const error = (ws, rid, code, message) => ws.send(JSON.stringify({ type: 'error', rid, code, message }));
const blocking = (f, t) => f.blockFrom <= t && t < f.blockUntil;
const dist2 = (a, b) => (a.x - b.x) ** 2 + (a.y - b.y) ** 2;

function seat(g, player) {
  const margin = Math.floor(g.size / 10); const span = g.size - 2 * margin + 1;
  const f = { player, x: margin + Math.floor(Math.random() * span), y: margin + Math.floor(Math.random() * span),
    vx: 0, vy: 0, hp: g.hp, attackReadyAt: 0, blockFrom: 0, blockUntil: 0, blockReadyAt: 0, blastReadyAt: 0,
    attackTarget: null, blastPending: false, alive: true, outAt: 0, forfeited: false, damageDealt: 0 };
  g.seats.set(player, { ready: false, fighter: f });
  g.fighters.push(f);
  g.events.push({ type: 'player_joined', player },
    { type: 'fighter', player, x: f.x, y: f.y, hp: f.hp, blocking: false, alive: true });
}

// Arena's snapshot: match.state without type and rid (and the HTTP bodies)
function view(g) {
  const t = g.started ? g.tick : 0;
  const v = { game_id: g.id, mode: 'arena_battle', status: g.started ? 'running' : 'waiting', tick: g.tick,
    tick_rate: TICK_RATE, players: [...g.seats].map(([player, s]) =>
      ({ player, connected: true, forfeit_at_tick: null, ready: s.ready })), spectators: 0,
    state: { arena_size: g.size, hit_points: g.hp, max_speed: MAX_SPEED, attack_range: ATTACK_RANGE,
      blast_radius: BLAST_RADIUS, tick: t, started: g.started, end_tick: g.endTick,
      fighters: g.fighters.map((f) => ({ player: f.player, x: f.x, y: f.y, hp: f.hp,
        blocking: f.alive && blocking(f, t), alive: f.alive, forfeited: f.forfeited, damage_dealt: f.damageDealt,
        attack_ready_at: Math.max(t + 1, f.attackReadyAt), block_ready_at: Math.max(t + 1, f.blockReadyAt),
        blast_ready_at: Math.max(t + 1, f.blastReadyAt) })) }, host: g.host };
  if (g.lastAcks.size > 0) v.acks = Object.fromEntries(g.lastAcks);
  return v;
}

// The matches' POSTs (body parsed, token checked); false when the route is none of them.
function http(req, res, body, claims) {
  const me = claims.sub;
  if (req.url === '/games/create') {
    const cfg = body.settings || {};
    const size = int(cfg.arena_size, 1000, 200, 10000); const limit = int(cfg.time_limit_seconds, 120, 10, 1800);
    const hp = int(cfg.hit_points, 100, 10, 10000); const max = int(body.max_players, 8, 2, 8);
    if (body.mode !== 'arena_battle' || [size, limit, hp, max].some(Number.isNaN)) { json(res, 422, {}); return true; }
    const g = { id: crypto.randomUUID(), code: crypto.randomBytes(3).toString('hex').toUpperCase(), host: me, size,
      hp, max, limitTicks: limit * TICK_RATE, tick: 0, started: false, endTick: 0, seats: new Map(), fighters: [],
      queue: [], events: [], acks: new Map(), lastAcks: new Map(), sockets: new Map() /* ws -> player */,
      next: Math.ceil(performance.now() / 5) * 5 }; // Arena's 5 ms grid: games made together tick together
    games.set(g.id, g);
    schedule(g);
    seat(g, me);
    json(res, 201, { ...view(g), join_code: g.code });
    return true;
  }
  const m = /^\/games\/([0-9a-f-]{36})\/(join|ready)$/.exec(req.url);
  const g = m && games.get(m[1]);
  const s = g && g.seats.get(me);
  if (!m) return false;
  if (!g) json(res, 404, {});
  else if (m[2] === 'join' && body.join_code !== g.code) json(res, 403, { code: 'wrong_join_code' });
  else if (m[2] === 'join' && (g.started || s || g.seats.size >= g.max)) json(res, 409, {});
  else if (m[2] === 'join') { seat(g, me); json(res, 200, view(g)); }
  else if (!s || g.started || typeof body.ready !== 'boolean') json(res, 409, {});
  else {
    if (s.ready !== body.ready) g.events.push({ type: 'player_ready', player: me, ready: body.ready });
    s.ready = body.ready;
    json(res, 200, view(g));
  }
  return true;
}

// A match.* message of a socket; ws.games: the games it is attached to.
function message(ws, me, m) {
  const g = games.get(m.game_id);
  if (!g) { // no such game, or one that has ended: leaving it is done
    if (m.type === 'match.leave') ws.send(JSON.stringify({ type: 'match.left', rid: m.rid, game_id: m.game_id }));
    else error(ws, m.rid, 'not_found', 'no game ' + m.game_id);
    return;
  }
  if (m.type === 'match.join') {
    if (!g.seats.has(me)) { error(ws, m.rid, 'not_participant', 'not a player of this match'); return; }
    g.sockets.set(ws, me);
    (ws.games || (ws.games = new Set())).add(g);
    ws.send(JSON.stringify({ type: 'match.state', rid: m.rid, ...view(g) }));
  } else if (m.type === 'match.input') {
    const i = m.input; const seq = m.seq ?? -1;
    const ok = i && ((i.type === 'move' && Number.isInteger(i.dx) && Number.isInteger(i.dy))
      || (i.type === 'attack' && typeof i.target === 'string') || i.type === 'block' || i.type === 'blast');
    if (!g.sockets.has(ws)) error(ws, m.rid, 'not_participant', 'attach with match.join first');
    else if (!ok || !(seq === -1 || (Number.isSafeInteger(seq) && seq >= 0))) error(ws, m.rid, 'malformed', 'input');
    else g.queue.push({ player: me, input: i, seq });
  } else if (m.type === 'match.leave') {
    g.sockets.delete(ws); ws.games?.delete(g);
    g.queue.push({ player: me, leave: ws, rid: m.rid });
  }
}

// The socket closed: its players forfeit at the next tick.
function closed(ws) {
  for (const g of ws.games || []) {
    const me = g.sockets.get(ws);
    g.sockets.delete(ws);
    if (![...g.sockets.values()].includes(me)) g.queue.push({ player: me, leave: null });
  }
}

function leave(g, c, n) {
  const s = g.seats.get(c.player);
  if (s) {
    g.seats.delete(c.player); g.acks.delete(c.player); g.lastAcks.delete(c.player);
    g.events.push({ type: 'player_left', player: c.player });
    const f = s.fighter;
    if (!g.started) {
      g.fighters.splice(g.fighters.indexOf(f), 1);
      g.events.push({ type: 'fighter_removed', player: c.player });
    } else if (f.alive) {
      Object.assign(f, { alive: false, forfeited: true, outAt: n, vx: 0, vy: 0, attackTarget: null,
        blastPending: false });
      g.events.push({ type: 'eliminated', player: c.player, cause: 'forfeit' },
        { type: 'fighter', player: c.player, alive: false });
    }
  }
  if (c.leave?.readyState === 1) c.leave.send(JSON.stringify({ type: 'match.left', rid: c.rid, game_id: g.id }));
}

// ArenaBattleRules.input at tick n: [code, message] when refused, else applied.
function rules(g, f, i, n) {
  if (!g.started) return ['not_started', 'the battle has not started'];
  if (!f.alive) return ['dead', 'eliminated fighters cannot act'];
  if (i.type === 'move') {
    if (i.dx ** 2 + i.dy ** 2 > MAX_SPEED ** 2) return ['too_fast', `speed is limited to ${MAX_SPEED} units per tick`];
    f.vx = i.dx; f.vy = i.dy;
  } else if (i.type === 'attack') {
    const t = g.fighters.find((x) => x.player === i.target);
    if (!t || t === f) return ['invalid_target', 'the target must be another fighter'];
    if (!t.alive) return ['target_dead', 'the target is already out'];
    if (blocking(f, n)) return ['blocking', 'cannot attack while blocking'];
    if (n < f.attackReadyAt) return ['cooldown', 'attack ready at tick ' + f.attackReadyAt];
    if (dist2(f, t) > ATTACK_RANGE ** 2) return ['out_of_range', `the target is beyond ${ATTACK_RANGE} units`];
    f.attackTarget = t; f.attackReadyAt = n + ATTACK_COOLDOWN;
  } else if (i.type === 'block') {
    if (n < f.blockReadyAt) return ['cooldown', 'block ready at tick ' + f.blockReadyAt];
    f.blockFrom = n; f.blockUntil = n + BLOCK_TICKS; f.blockReadyAt = n + BLOCK_COOLDOWN;
  } else {
    if (blocking(f, n)) return ['blocking', 'cannot blast while blocking'];
    if (n < f.blastReadyAt) return ['cooldown', 'blast ready at tick ' + f.blastReadyAt];
    f.blastPending = true; f.blastReadyAt = n + BLAST_COOLDOWN;
  }
  return null;
}

// Seating.input: a seated player's numbered input is acknowledged whatever the verdict.
function take(g, c, n) {
  const s = g.seats.get(c.player);
  const refused = s ? rules(g, s.fighter, c.input, n) : ['not_participant', 'not a player of this match'];
  if (s && c.seq >= 0) g.acks.set(c.player, c.seq); // a Map keeps the order in which players first moved
  if (!refused) { meter.accepted++; return; }
  meter.rejected++;
  const text = JSON.stringify({ type: 'error', code: refused[0], message: refused[1] });
  for (const [ws, p] of g.sockets) if (p === c.player) ws.send(text);
}

// ArenaBattleRules.tick: strikes and blasts against this tick's positions, all applied together, then movement;
// a delta of the changed fields of each fighter.
function battle(g, n) {
  const fs = g.fighters;
  for (const f of fs) { f.was = [f.x, f.y, f.hp, f.alive, f.alive && blocking(f, n - 1)]; f.damage = 0; }
  const strike = (a, t, base, by) => {
    const blocked = blocking(t, n); const damage = blocked ? Math.floor(base * BLOCK_KEEP_PERCENT / 100) : base;
    t.damage += damage; a.damageDealt += damage;
    g.events.push({ type: 'hit', attacker: a.player, target: t.player, damage, blocked, by });
  };
  for (const a of fs) {
    if (!a.alive) continue;
    if (a.attackTarget?.alive) strike(a, a.attackTarget, ATTACK_DAMAGE, 'attack');
    if (a.blastPending) {
      g.events.push({ type: 'blast', player: a.player, x: a.x, y: a.y, radius: BLAST_RADIUS });
      for (const t of fs) {
        if (t !== a && t.alive && dist2(a, t) <= BLAST_RADIUS ** 2) strike(a, t, BLAST_DAMAGE, 'blast');
      }
    }
  }
  for (const f of fs) {
    f.attackTarget = null; f.blastPending = false;
    if (f.damage > 0) f.hp = Math.max(0, f.hp - f.damage);
    if (f.damage > 0 && f.hp === 0) {
      Object.assign(f, { alive: false, outAt: n, vx: 0, vy: 0 });
      g.events.push({ type: 'eliminated', player: f.player, cause: 'killed' });
    }
  }
  for (const f of fs) {
    if (f.alive) { f.x = Math.max(0, Math.min(g.size, f.x + f.vx)); f.y = Math.max(0, Math.min(g.size, f.y + f.vy)); }
    const [x, y, hp, alive, wasBlocking] = f.was; const nowBlocking = f.alive && blocking(f, n);
    const e = { type: 'fighter', player: f.player };
    if (x !== f.x) e.x = f.x;
    if (y !== f.y) e.y = f.y;
    if (hp !== f.hp) e.hp = f.hp;
    if (wasBlocking !== nowBlocking) e.blocking = nowBlocking;
    if (alive !== f.alive) e.alive = f.alive;
    if (Object.keys(e).length > 2) g.events.push(e);
  }
}

// ArenaBattleRules.result: the alive first by HP, then the eliminated, the later out first; then damage dealt.
function result(g) {
  const alive = g.fighters.filter((f) => f.alive).length;
  const reason = alive === 1 ? 'last_standing' : alive === 0 ? 'all_eliminated'
    : g.tick >= g.endTick ? 'time_limit' : null;
  if (!reason || g.fighters.length === 0) return null;
  const key = (f) => [f.alive ? 0 : 1, f.alive ? -f.hp : -f.outAt, -f.damageDealt];
  const cmp = (a, b) => { const x = key(a); const y = key(b); return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]; };
  const ranked = [...g.fighters].sort(cmp); const standings = [];
  ranked.forEach((f, i) => standings.push({ player: f.player,
    place: i > 0 && cmp(ranked[i - 1], f) === 0 ? standings[i - 1].place : i + 1, score: f.damageDealt }));
  const first = standings.filter((s) => s.place === 1);
  const outcome = first.length === 1 ? { player: first[0].player, type: 'winner' } : { type: 'draw' };
  return { outcome, standings, reason };
}

const UNSTARTED_TICKS = 60 * TICK_RATE; // a minute with no socket attached and no start

// Tick k is due at base + k * 50 ms: a late tick makes the next one sooner, so the rate holds (Arena's TickPacer).
function schedule(g) {
  g.next += 1000 / TICK_RATE;
  setTimeout(() => { tick(g); if (games.has(g.id)) schedule(g); }, Math.max(1, Math.round(g.next - performance.now())));
}

function tick(g) {
  const t0 = process.hrtime.bigint();
  const n = ++g.tick;
  const commands = g.queue; g.queue = [];
  for (const c of commands) if (c.input) take(g, c, n); else leave(g, c, n);
  const seats = [...g.seats.values()];
  if (!g.started && seats.length >= 2 && seats.every((s) => s.ready)) {
    g.started = true; g.endTick = n - 1 + g.limitTicks;
    g.events.push({ type: 'match_started', tick: n }, { type: 'battle_started', end_tick: g.endTick });
  }
  if (g.started) battle(g, n);
  // a game that never starts (a failed setup, an aborted run) must not tick on into later runs on this peer
  if (!g.started && (seats.length === 0 || (g.sockets.size === 0 && n > UNSTARTED_TICKS))) { games.delete(g.id); return; }
  const end = g.started ? result(g) : null;
  let frame = null;
  if (g.events.length > 0 || g.acks.size > 0) {
    const f = { type: 'match.event', game_id: g.id, tick: n, events: g.events };
    if (g.acks.size > 0) f.acks = Object.fromEntries(g.acks);
    frame = Buffer.from(JSON.stringify(f)); // once for every attached socket
    for (const [p, seq] of g.acks) g.lastAcks.set(p, seq);
    g.events = []; g.acks.clear();
  }
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const b = BOUNDS.findIndex((le) => s <= le);
  if (b >= 0) meter.buckets[b]++;
  meter.count++; meter.sum += s; meter.max = Math.max(meter.max, s);
  if (frame) for (const ws of g.sockets.keys()) ws.send(frame, TEXT);
  if (end) {
    games.delete(g.id);
    const text = JSON.stringify({ type: 'match.end', game_id: g.id, tick: n, result: end });
    for (const ws of g.sockets.keys()) { ws.send(text); ws.games?.delete(g); }
  }
}

function metrics(res) {
  const T = 'arena_match_tick_duration_seconds'; let below = 0;
  const lines = BOUNDS.map((le, i) => `${T}_bucket{le="${le.toPrecision(3)}"} ${below += meter.buckets[i]}`);
  lines.push(`${T}_bucket{le="+Inf"} ${meter.count}`, `${T}_count ${meter.count}`, `${T}_sum ${meter.sum}`,
    `${T}_max ${meter.max}`, `arena_match_inputs_total{result="accepted"} ${meter.accepted}`,
    `arena_match_inputs_total{result="rejected"} ${meter.rejected}`,
    `arena_matches{status="running"} ${[...games.values()].filter((g) => g.started).length}`);
  res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
  res.end(lines.join('\n') + '\n');
}

module.exports = { http, message, closed, metrics };
