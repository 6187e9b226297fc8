// arena_battle: the match as plain data (snapshot + per-tick events), drawn on a canvas at the display's rate
// with positions interpolated between the server's ticks, and the keyboard controls.
import { html, useEffect, useRef } from '/vendor/preact/standalone.module.js';
import { nameOf } from './util.js';

const PALETTE = ['#f5a524', '#3fb6ff', '#3ccf7a', '#ff5d5d', '#c38cff', '#ffcc4d', '#ff8fc7', '#5ee0d0'];
const BODY = 16; // fighter radius in arena units
const ATTACK_COOLDOWN = 10, BLOCK_COOLDOWN = 40, BLAST_COOLDOWN = 100;

/** The model from a snapshot's `state` (or an empty one for a replay, filled by `fighter` events). */
export function battleModel(state, tickRate) {
  const m = {
    size: (state && state.arena_size) || 1000,
    maxHp: (state && state.hit_points) || 100,
    range: (state && state.attack_range) || 60,
    blastRadius: (state && state.blast_radius) || 120,
    maxSpeed: (state && state.max_speed) || 10,
    endTick: (state && state.end_tick) || 0,
    started: !!(state && state.started),
    tick: (state && state.tick) || 0,
    tickMs: 1000 / (tickRate || 20),
    tickAt: performance.now(),
    order: [],
    fighters: {},
    effects: [],
  };
  for (const f of (state && state.fighters) || []) {
    addFighter(m, f.player);
    Object.assign(m.fighters[f.player], {
      x: f.x, y: f.y, fromX: f.x, fromY: f.y, hp: f.hp, blocking: f.blocking, alive: f.alive,
      damage: f.damage_dealt || 0, attackReadyAt: f.attack_ready_at || 0, blockReadyAt: f.block_ready_at || 0,
      blastReadyAt: f.blast_ready_at || 0,
    });
  }
  return m;
}

function addFighter(m, player) {
  if (!m.fighters[player]) {
    m.fighters[player] = { player, color: PALETTE[m.order.length % PALETTE.length], x: 0, y: 0, fromX: 0, fromY: 0,
      hp: m.maxHp, blocking: false, alive: true, damage: 0, attackReadyAt: 0, blockReadyAt: 0, blastReadyAt: 0 };
    m.order.push(player);
  }
  return m.fighters[player];
}

/** Where a fighter is drawn at `now`: between its previous and its latest tick. */
export function drawnAt(m, f, now) {
  const a = Math.min(1, Math.max(0, (now - m.tickAt) / m.tickMs));
  return [f.fromX + (f.x - f.fromX) * a, f.fromY + (f.y - f.fromY) * a];
}

/**
 * One frame's events for `tick`, applied in place (the canvas reads the model every display frame). Every
 * fighter's interpolation restarts from where it is drawn now, so a late frame never makes anyone jump back.
 */
export function battleFrame(m, tick, events, now = performance.now()) {
  for (const id of m.order) {
    const f = m.fighters[id];
    [f.fromX, f.fromY] = drawnAt(m, f, now);
  }
  m.tick = tick;
  m.tickAt = now;
  for (const ev of events) battleApply(m, ev, tick, now);
}

export function battleApply(m, ev, tick, now = performance.now()) {
  switch (ev.type) {
    case 'fighter': {
      const fresh = !m.fighters[ev.player];
      const f = addFighter(m, ev.player);
      if (ev.x !== undefined && ev.x !== null) f.x = ev.x;
      if (ev.y !== undefined && ev.y !== null) f.y = ev.y;
      if (fresh) { f.fromX = f.x; f.fromY = f.y; }
      if (ev.hp !== undefined && ev.hp !== null) f.hp = ev.hp;
      if (ev.blocking !== undefined && ev.blocking !== null) {
        if (ev.blocking && !f.blocking) f.blockReadyAt = tick + BLOCK_COOLDOWN;
        f.blocking = ev.blocking;
      }
      if (ev.alive !== undefined && ev.alive !== null) f.alive = ev.alive;
      break;
    }
    case 'fighter_removed':
      delete m.fighters[ev.player];
      m.order = m.order.filter(p => p !== ev.player);
      break;
    case 'battle_started':
      m.started = true;
      m.endTick = ev.end_tick;
      break;
    case 'hit': {
      const a = m.fighters[ev.attacker];
      if (a) {
        a.damage += ev.damage;
        if (ev.by === 'attack') a.attackReadyAt = tick + ATTACK_COOLDOWN;
      }
      m.effects.push({ kind: 'hit', attacker: ev.attacker, target: ev.target, damage: ev.damage,
        blocked: ev.blocked, by: ev.by, at: now });
      break;
    }
    case 'blast': {
      const f = m.fighters[ev.player];
      if (f) f.blastReadyAt = tick + BLAST_COOLDOWN;
      m.effects.push({ kind: 'blast', x: ev.x, y: ev.y, radius: ev.radius, at: now });
      break;
    }
    case 'eliminated': {
      const f = m.fighters[ev.player];
      if (f) f.alive = false;
      m.effects.push({ kind: 'out', player: ev.player, at: now });
      break;
    }
    default:
  }
}

/** The tick the server is at now, by our clock since the last frame (for cooldowns and the time left). */
export function estimatedTick(m, now = performance.now()) {
  return m.tick + Math.floor((now - m.tickAt) / m.tickMs);
}

/** The arena on a canvas, redrawn every display frame from `model.current`; frame times go to window.__arenaFrames. */
export function BattleCanvas({ modelRef, me, onPick }) {
  const canvas = useRef(null);
  useEffect(() => {
    const c = canvas.current;
    const ctx = c.getContext('2d');
    let raf = 0, last = 0;
    const frames = (window.__arenaFrames = window.__arenaFrames || []);
    const draw = now => {
      if (last) {
        frames.push(now - last);
        if (frames.length > 20000) frames.splice(0, 10000);
      }
      last = now;
      const m = modelRef.current;
      if (m) paint(ctx, c, m, me, now);
      raf = requestAnimationFrame(draw);
    };
    raf = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(raf);
  }, [me]);

  const click = e => {
    const m = modelRef.current;
    if (!m || !onPick) return;
    const r = canvas.current.getBoundingClientRect();
    const margin = 34 * (r.width / (canvas.current.clientWidth || r.width)), side = r.width - 2 * margin;
    const x = ((e.clientX - r.left - margin) / side) * m.size, y = ((e.clientY - r.top - margin) / side) * m.size;
    let best = null, bestD = Infinity;
    for (const id of m.order) {
      const f = m.fighters[id];
      if (!f.alive || id === me) continue;
      const d = Math.hypot(f.x - x, f.y - y);
      if (d < bestD) { best = id; bestD = d; }
    }
    if (best && bestD < BODY * 4) onPick(best);
  };
  return html`<canvas ref=${canvas} class="battle-canvas" width="720" height="720" data-testid="battle-canvas"
      aria-label="Arena battle: move with WASD or the arrow keys, Space attacks the nearest fighter, Shift blocks, E blasts"
      onClick=${click}></canvas>`;
}

function paint(ctx, c, m, me, now) {
  const dpr = window.devicePixelRatio || 1;
  const w = c.clientWidth || 720;
  if (c.width !== Math.round(w * dpr)) {
    c.width = Math.round(w * dpr);
    c.height = Math.round(w * dpr);
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = '#070b10';
  ctx.fillRect(0, 0, c.width, c.height);
  // the arena is inset by a margin: a fighter at a wall, with its name and health bar, stays whole
  const margin = 34 * dpr;
  const side = c.width - 2 * margin;
  const k = side / m.size;
  ctx.setTransform(1, 0, 0, 1, margin, margin);
  ctx.fillStyle = '#0b1016';
  ctx.fillRect(0, 0, side, side);
  // floor grid: every tenth of the arena
  ctx.strokeStyle = '#17212b';
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let i = 1; i < 10; i++) {
    const p = Math.round((i * side) / 10) + 0.5;
    ctx.moveTo(p, 0); ctx.lineTo(p, side);
    ctx.moveTo(0, p); ctx.lineTo(side, p);
  }
  ctx.stroke();
  ctx.strokeStyle = '#3a4a5a';
  ctx.lineWidth = 2 * dpr;
  ctx.strokeRect(0, 0, side, side);

  const pos = {};
  for (const id of m.order) pos[id] = drawnAt(m, m.fighters[id], now);

  // my attack range, so a player sees what Space can reach
  const mine = me && m.fighters[me];
  if (mine && mine.alive) {
    const [x, y] = pos[me];
    ctx.beginPath();
    ctx.arc(x * k, y * k, m.range * k, 0, Math.PI * 2);
    ctx.fillStyle = 'rgba(245,165,36,0.06)';
    ctx.fill();
    ctx.setLineDash([4 * dpr, 6 * dpr]);
    ctx.strokeStyle = 'rgba(245,165,36,0.35)';
    ctx.lineWidth = 1 * dpr;
    ctx.stroke();
    ctx.setLineDash([]);
  }

  // effects under the fighters: blasts and attack lines
  m.effects = m.effects.filter(e => now - e.at < 700);
  for (const e of m.effects) {
    const t = (now - e.at) / 700;
    if (e.kind === 'blast') {
      ctx.beginPath();
      ctx.arc(e.x * k, e.y * k, e.radius * k * (0.3 + 0.7 * Math.min(1, t * 2)), 0, Math.PI * 2);
      ctx.strokeStyle = `rgba(255,140,40,${1 - t})`;
      ctx.lineWidth = 4 * dpr;
      ctx.stroke();
      ctx.fillStyle = `rgba(255,140,40,${0.15 * (1 - t)})`;
      ctx.fill();
    } else if (e.kind === 'hit' && e.by === 'attack' && pos[e.attacker] && pos[e.target] && t < 0.4) {
      ctx.beginPath();
      ctx.moveTo(pos[e.attacker][0] * k, pos[e.attacker][1] * k);
      ctx.lineTo(pos[e.target][0] * k, pos[e.target][1] * k);
      ctx.strokeStyle = `rgba(255,255,255,${0.8 * (1 - t / 0.4)})`;
      ctx.lineWidth = 2 * dpr;
      ctx.stroke();
    }
  }

  ctx.textAlign = 'center';
  ctx.font = `${11 * dpr}px system-ui, sans-serif`;
  const r = Math.max(BODY * k, 9 * dpr);
  for (const id of m.order) {
    const f = m.fighters[id];
    const [x, y] = pos[id];
    const px = x * k, py = y * k;
    ctx.globalAlpha = f.alive ? 1 : 0.3;
    ctx.beginPath();
    ctx.arc(px, py, r, 0, Math.PI * 2);
    ctx.fillStyle = f.color;
    ctx.fill();
    if (id === me) {
      ctx.lineWidth = 3 * dpr;
      ctx.strokeStyle = '#ffffff';
      ctx.stroke();
    }
    if (f.blocking) {
      ctx.beginPath();
      ctx.arc(px, py, r + 5 * dpr, 0, Math.PI * 2);
      ctx.lineWidth = 3 * dpr;
      ctx.strokeStyle = '#7fe3ff';
      ctx.stroke();
    }
    if (!f.alive) {
      ctx.strokeStyle = '#0b1016';
      ctx.lineWidth = 3 * dpr;
      ctx.beginPath();
      ctx.moveTo(px - r / 2, py - r / 2); ctx.lineTo(px + r / 2, py + r / 2);
      ctx.moveTo(px + r / 2, py - r / 2); ctx.lineTo(px - r / 2, py + r / 2);
      ctx.stroke();
    }
    // health bar and name above the fighter
    const bw = r * 2.4, bh = 4 * dpr, bx = px - bw / 2, by = py - r - 9 * dpr;
    ctx.fillStyle = '#2a3642';
    ctx.fillRect(bx, by, bw, bh);
    const frac = Math.max(0, f.hp / m.maxHp);
    ctx.fillStyle = frac > 0.5 ? '#3ccf7a' : frac > 0.25 ? '#ffcc4d' : '#ff5d5d';
    ctx.fillRect(bx, by, bw * frac, bh);
    ctx.fillStyle = id === me ? '#ffffff' : '#c9d4de';
    ctx.fillText(id === me ? 'You' : nameOf(id), px, by - 4 * dpr);
    ctx.globalAlpha = 1;
  }

  // damage numbers float up from the target
  ctx.font = `bold ${13 * dpr}px system-ui, sans-serif`;
  for (const e of m.effects) {
    if (e.kind !== 'hit' || !pos[e.target]) continue;
    const t = (now - e.at) / 700;
    ctx.fillStyle = e.blocked ? `rgba(127,227,255,${1 - t})` : `rgba(255,93,93,${1 - t})`;
    ctx.fillText(`-${e.damage}`, pos[e.target][0] * k + r, pos[e.target][1] * k - r - 14 * dpr - t * 24 * dpr);
  }
}

/**
 * Keyboard controls while mounted: WASD/arrows move (speed 10, 7 on diagonals: 7² + 7² ≤ 10²), Space attacks the
 * nearest fighter, Shift blocks, E blasts. Typing in a text field is left alone.
 */
export function useBattleKeys(enabled, modelRef, me, send) {
  useEffect(() => {
    if (!enabled) return undefined;
    const held = new Set();
    let lastMove = '0,0';
    const move = () => {
      let dx = 0, dy = 0;
      if (held.has('left')) dx -= 1;
      if (held.has('right')) dx += 1;
      if (held.has('up')) dy -= 1;
      if (held.has('down')) dy += 1;
      const s = dx && dy ? 7 : 10;
      const key = `${dx * s},${dy * s}`;
      if (key !== lastMove) {
        lastMove = key;
        send({ type: 'move', dx: dx * s, dy: dy * s });
      }
    };
    const dir = k => ({ ArrowLeft: 'left', a: 'left', A: 'left', ArrowRight: 'right', d: 'right', D: 'right',
      ArrowUp: 'up', w: 'up', W: 'up', ArrowDown: 'down', s: 'down', S: 'down' })[k];
    const typing = e => e.target && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName);
    const down = e => {
      if (typing(e)) return;
      const d = dir(e.key);
      if (d) {
        e.preventDefault();
        held.add(d);
        move();
      } else if (e.key === ' ') {
        e.preventDefault();
        const t = nearest(modelRef.current, me);
        if (t) send({ type: 'attack', target: t });
      } else if (e.key === 'Shift') {
        send({ type: 'block' });
      } else if (e.key === 'e' || e.key === 'E') {
        send({ type: 'blast' });
      }
    };
    const up = e => {
      const d = dir(e.key);
      if (d) {
        held.delete(d);
        move();
      }
    };
    const blur = () => { held.clear(); move(); };
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', blur);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', blur);
    };
  }, [enabled, me]);
}

/** The nearest living opponent of `me`. */
export function nearest(m, me) {
  const f = m && m.fighters[me];
  if (!f) return null;
  let best = null, bestD = Infinity;
  for (const id of m.order) {
    const o = m.fighters[id];
    if (id === me || !o.alive) continue;
    const d = Math.hypot(o.x - f.x, o.y - f.y);
    if (d < bestD) { best = id; bestD = d; }
  }
  return best;
}
