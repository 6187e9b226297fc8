// Tournament brackets as SVG, from plain data (the rounds of GET /tournaments/{id}/bracket, names, standings):
// single and double elimination trees, the round-robin cross table, Swiss standings with their rounds.
import { html } from '/vendor/preact/standalone.module.js';

const W = 210, H = 54, ROW = H / 2, GAP_X = 56, GAP_Y = 18, PAD = 24, HEAD = 28;

/** Upserts changed pairings (a tournament.bracket_changed update) into the bracket's rounds. */
export function upsertPairings(rounds, changed) {
  const byId = new Map(changed.map(p => [p.pairing_id, p]));
  const seen = new Set();
  const out = rounds.map(r => ({
    ...r,
    pairings: r.pairings.map(p => {
      const c = byId.get(p.pairing_id);
      if (!c) return p;
      seen.add(p.pairing_id);
      return { ...p, ...c, game_ids: c.game_ids || p.game_ids };
    }),
  }));
  // pairings of a round we did not have yet (a new Swiss round)
  for (const c of changed) {
    if (seen.has(c.pairing_id)) continue;
    let r = out.find(x => x.round === c.round && x.bracket === c.bracket);
    if (!r) {
      r = { round: c.round, bracket: c.bracket, pairings: [] };
      out.push(r);
    }
    r.pairings.push(c);
  }
  return out;
}

/** The bracket of any format; `names` maps player id → display name; `me` is highlighted. */
export function Bracket({ data, names, standings, me, onWatch }) {
  const name = id => (id ? names[id] || `player ${String(id).slice(0, 6)}` : null);
  const ctx = { name, me, onWatch };
  let body;
  switch (data.format) {
    case 'round_robin': body = crossTable(data, standings, ctx); break;
    case 'swiss': body = swiss(data, standings, ctx); break;
    default: body = elimination(data, ctx);
  }
  return html`<div class="bracket" data-testid="bracket" data-version=${data.version}>${body}</div>`;
}

function side(rounds, bracket) {
  return rounds.filter(r => r.bracket === bracket).sort((a, b) => a.round - b.round)
    .map(r => ({ ...r, pairings: r.pairings.slice().sort((a, b) => a.table - b.table) }));
}

/**
 * Lays out one side's rounds as columns: a round with half the pairings of the previous one sits between its
 * feeders (table t is fed by tables 2t-1 and 2t), one with as many stays level (losers-bracket drop-in rounds).
 */
function layout(rounds, x0, y0) {
  const cols = [];
  rounds.forEach((r, i) => {
    const prev = cols[i - 1];
    const ps = r.pairings.filter(p => p.pairing_id !== '3RD');
    const ys = ps.map((p, t) => {
      if (!prev) return y0 + t * (H + GAP_Y);
      if (prev.ys.length === ps.length * 2) return (prev.ys[2 * t] + prev.ys[2 * t + 1]) / 2;
      if (prev.ys.length === ps.length) return prev.ys[t];
      return y0 + t * (H + GAP_Y);
    });
    cols.push({ round: r.round, x: x0 + i * (W + GAP_X), ps, ys });
  });
  return cols;
}

function connectors(cols, key) {
  const out = [];
  for (let i = 1; i < cols.length; i++) {
    const a = cols[i - 1], b = cols[i];
    b.ps.forEach((p, t) => {
      const feeders = a.ys.length === b.ps.length * 2 ? [2 * t, 2 * t + 1] : a.ys.length === b.ps.length ? [t] : [];
      for (const f of feeders) {
        const x1 = a.x + W, y1 = a.ys[f] + ROW, x2 = b.x, y2 = b.ys[t] + ROW, mx = x1 + GAP_X / 2;
        out.push(html`<path key=${key + p.pairing_id + f} class="b-link" d=${`M${x1} ${y1}H${mx}V${y2}H${x2}`} />`);
      }
    });
  }
  return out;
}

function box(p, x, y, ctx) {
  const [home, away] = p.players || [null, null];
  const [hs, as] = p.scores || [0, 0];
  const decided = p.state === 'decided';
  const live = p.state === 'ready' && p.game_ids && p.game_ids.length > 0;
  const slot = (id, score, row) => {
    const won = decided && p.winner && p.winner === id;
    const lost = decided && p.winner && id && p.winner !== id;
    const label = id ? ctx.name(id) : p.state === 'bye' ? 'bye' : '—';
    const cls = ['b-slot', won ? 'won' : '', lost ? 'lost' : '', id && id === ctx.me ? 'me' : '', id ? '' : 'tbd']
      .join(' ');
    const ty = y + row * ROW;
    return html`<g class=${cls}>
      <rect class="b-row" x=${x} y=${ty} width=${W} height=${ROW} />
      <text class="b-name" x=${x + 10} y=${ty + ROW / 2 + 5}>${clip(label, 22)}</text>
      ${p.state === 'bye' || p.state === 'pending' || p.state === 'skipped' ? null
        : html`<text class="b-score" x=${x + W - 12} y=${ty + ROW / 2 + 5}>${p.walkover && won ? 'W/O' : score}</text>`}
    </g>`;
  };
  const watch = live && ctx.onWatch ? () => ctx.onWatch(p.game_ids[p.game_ids.length - 1]) : null;
  return html`<g key=${p.pairing_id} class=${'b-pairing state-' + p.state + (watch ? ' watchable' : '')}
      data-testid=${'pairing-' + p.pairing_id} data-state=${p.state} onClick=${watch}>
    <title>${p.pairing_id}${live ? ' · live: click to watch' : ''}</title>
    ${slot(home, hs, 0)}${slot(away, as, 1)}
    <rect class="b-frame" x=${x} y=${y} width=${W} height=${H} rx="6" />
    <line class="b-split" x1=${x} x2=${x + W} y1=${y + ROW} y2=${y + ROW} />
    <text class="b-id" x=${x + W - 4} y=${y - 4}>${p.pairing_id}${live ? ' ● live' : ''}</text>
  </g>`;
}

function clip(s, n) {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

function roundTitle(bracket, round, count, i, double) {
  if (bracket === 'final') return round === 1 ? 'Grand final' : 'Reset';
  if (bracket === 'losers') return `Losers ${round}`;
  const left = count - i;
  const name = left === 1 ? 'Final' : left === 2 ? 'Semi-finals' : left === 3 ? 'Quarter-finals' : `Round ${round}`;
  // in double elimination the winners bracket's final is not the last match
  return double ? `Winners ${left <= 3 ? name.toLowerCase() : round}` : name;
}

function elimination(data, ctx) {
  const winners = side(data.rounds, 'winners');
  const losers = side(data.rounds, 'losers');
  // a bracket reset that was not needed (the winners' champion took the grand final) is not drawn at all
  const finals = side(data.rounds, 'final').map(r => ({ ...r, pairings: r.pairings.filter(p => p.state !== 'skipped') }))
    .filter(r => r.pairings.length);
  const parts = [];
  const wcols = layout(winners, PAD, PAD + HEAD);
  const wBottom = Math.max(PAD + HEAD, ...wcols.flatMap(c => c.ys)) + H;
  let width = PAD + wcols.length * (W + GAP_X);
  let height = wBottom + PAD;
  wcols.forEach((c, i) => parts.push(html`<text key=${'wh' + i} class="b-head" x=${c.x} y=${PAD + 10}>
      ${roundTitle('winners', c.round, wcols.length, i, losers.length > 0)}</text>`));
  parts.push(...connectors(wcols, 'w'));
  wcols.forEach(c => c.ps.forEach((p, t) => parts.push(box(p, c.x, c.ys[t], ctx))));
  const third = winners.flatMap(r => r.pairings).find(p => p.pairing_id === '3RD');
  if (third) {
    const last = wcols[wcols.length - 1];
    const y = last.ys[0] + H + 48;
    parts.push(html`<text key="3h" class="b-head" x=${last.x} y=${y - 10}>Third place</text>`);
    parts.push(box(third, last.x, y, ctx));
    height = Math.max(height, y + H + PAD);
  }
  let lcols = [];
  if (losers.length) {
    const top = wBottom + 56;
    parts.push(html`<text key="lh" class="b-section" x=${PAD} y=${top - 18}>Losers bracket</text>`);
    lcols = layout(losers, PAD, top + HEAD);
    lcols.forEach((c, i) => parts.push(html`<text key=${'lh' + i} class="b-head" x=${c.x} y=${top + 10}>
        ${roundTitle('losers', c.round, lcols.length, i)}</text>`));
    parts.push(...connectors(lcols, 'l'));
    lcols.forEach(c => c.ps.forEach((p, t) => parts.push(box(p, c.x, c.ys[t], ctx))));
    width = Math.max(width, PAD + lcols.length * (W + GAP_X));
    height = Math.max(height, Math.max(...lcols.flatMap(c => c.ys)) + H + PAD);
  }
  if (finals.length) {
    // right of both sides: a losers bracket has more rounds than the winners one from eight players on
    const x = PAD + Math.max(wcols.length, lcols.length) * (W + GAP_X);
    const lastW = wcols[wcols.length - 1];
    const y = lastW ? lastW.ys[0] : PAD + HEAD;
    finals.forEach((r, i) => r.pairings.forEach(p => {
      const px = x + i * (W + GAP_X);
      parts.push(html`<text key=${'fh' + i} class="b-head" x=${px} y=${PAD + 10}>${roundTitle('final', r.round)}</text>`);
      parts.push(box(p, px, y, ctx));
      if (lastW && i === 0) {
        parts.push(html`<path key="fl" class="b-link" d=${`M${lastW.x + W} ${y + ROW}H${px}`} />`);
      }
      if (lcols.length && i === 0) {
        // the losers bracket's winner comes up into the grand final's second row
        const lastL = lcols[lcols.length - 1], from = lastL.ys[0] + ROW, mx = px - GAP_X / 2;
        parts.push(html`<path key="ll" class="b-link" d=${`M${lastL.x + W} ${from}H${mx}V${y + ROW * 1.5}H${px}`} />`);
      }
    }));
    width = Math.max(width, x + finals.length * (W + GAP_X));
  }
  // the champion, right of the pairing that decided it (the reset if it was played, else the grand final / final)
  const deciding = finals.length
    ? finals.flatMap(r => r.pairings).filter(p => p.state === 'decided').pop()
    : wcols.length && wcols[wcols.length - 1].ps.length === 1 ? wcols[wcols.length - 1].ps[0] : null;
  if (deciding && deciding.state === 'decided' && deciding.winner) {
    const x = width, lastW = wcols[wcols.length - 1];
    const mid = (lastW ? lastW.ys[0] : PAD + HEAD) + ROW; // level with the final's middle
    const y = mid - (ROW + 4) / 2;
    parts.push(html`<path key="champ-link" class="b-link" d=${`M${x - GAP_X} ${mid}H${x}`} />`);
    parts.push(html`<g key="champ" class="b-champion" data-testid="champion">
      <text class="b-head" x=${x} y=${y - 8}>Champion</text>
      <rect class="b-champ-box" x=${x} y=${y} width=${W} height=${ROW + 4} rx="6" />
      <text class="b-champ-name" x=${x + 12} y=${y + ROW / 2 + 7}>${clip(ctx.name(deciding.winner), 22)}</text></g>`);
    width += W + PAD;
  }
  return html`<svg class="b-svg" width=${width} height=${height} viewBox=${`0 0 ${width} ${height}`}
      role="img" aria-label="Tournament bracket">${parts}</svg>`;
}

/** Round robin: everyone against everyone, the series score in each cell, points at the end of the row. */
function crossTable(data, standings, ctx) {
  const rows = standings && standings.length ? standings.map(s => s.player_id)
    : [...new Set(data.rounds.flatMap(r => r.pairings.flatMap(p => p.players || [])).filter(Boolean))];
  const points = new Map((standings || []).map(s => [s.player_id, s]));
  const cell = new Map();
  for (const r of data.rounds) {
    for (const p of r.pairings) {
      const [h, a] = p.players || [];
      if (!h || !a) continue;
      const [hs, as] = p.scores || [0, 0];
      const done = p.state === 'decided';
      cell.set(h + a, { text: done ? `${hs}–${as}` : p.state === 'ready' ? '●' : '·', res: done ? res(p, h) : p.state });
      cell.set(a + h, { text: done ? `${as}–${hs}` : p.state === 'ready' ? '●' : '·', res: done ? res(p, a) : p.state });
    }
  }
  const CW = 54, NW = 190, RH = 30, n = rows.length;
  const width = PAD * 2 + NW + n * CW + 70, height = PAD * 2 + RH * (n + 1);
  const parts = [];
  rows.forEach((id, j) => parts.push(html`<text key=${'c' + j} class="b-head center" x=${PAD + NW + j * CW + CW / 2}
      y=${PAD + RH / 2 + 5}>${j + 1}</text>`));
  parts.push(html`<text key="pts" class="b-head center" x=${PAD + NW + n * CW + 35} y=${PAD + RH / 2 + 5}>Pts</text>`);
  rows.forEach((id, i) => {
    const y = PAD + RH * (i + 1);
    parts.push(html`<g key=${'r' + id} class=${'rr-row' + (id === ctx.me ? ' me' : '')} data-testid=${'standing-' + id}>
      <rect class="rr-bg" x=${PAD} y=${y} width=${width - PAD * 2} height=${RH} />
      <text class="b-name" x=${PAD + 8} y=${y + RH / 2 + 5}>${i + 1}. ${clip(ctx.name(id), 20)}</text>
      ${rows.map((o, j) => {
        const c = i === j ? { text: '', res: 'self' } : cell.get(id + o) || { text: '', res: 'none' };
        return html`<g key=${o}><rect class=${'rr-cell ' + c.res} x=${PAD + NW + j * CW + 2} y=${y + 2}
            width=${CW - 4} height=${RH - 4} rx="4" />
          <text class="rr-text" x=${PAD + NW + j * CW + CW / 2} y=${y + RH / 2 + 5}>${c.text}</text></g>`;
      })}
      <text class="b-score rr-points" x=${PAD + NW + n * CW + 48} y=${y + RH / 2 + 5}>${points.has(id) ? points.get(id).points : ''}</text>
    </g>`);
  });
  return html`<svg class="b-svg" width=${width} height=${height} viewBox=${`0 0 ${width} ${height}`} role="img"
      aria-label="Round-robin table">${parts}</svg>`;
}

function res(p, id) {
  if (!p.winner) return 'draw';
  return p.winner === id ? 'win' : 'loss';
}

/** Swiss: the standings (points, record, Buchholz), then each round's pairings. */
function swiss(data, standings, ctx) {
  const rows = standings || [];
  const RH = 28, cols = [[PAD + 8, 'start', '#'], [PAD + 40, 'start', 'Player'], [PAD + 250, 'end', 'Pts'],
    [PAD + 330, 'end', 'W-D-L'], [PAD + 430, 'end', 'Buchholz'], [PAD + 500, 'end', 'SB']];
  const parts = cols.map(([x, a, t], i) => html`<text key=${'h' + i} class=${'b-head ' + (a === 'end' ? 'end' : '')}
      x=${x} y=${PAD + 14}>${t}</text>`);
  rows.forEach((s, i) => {
    const y = PAD + 22 + i * RH;
    const tb = s.tiebreaks || {};
    parts.push(html`<g key=${s.player_id} class=${'rr-row' + (s.player_id === ctx.me ? ' me' : '')}
        data-testid=${'standing-' + s.player_id}>
      <rect class="rr-bg" x=${PAD} y=${y} width="520" height=${RH} />
      <text class="b-name" x=${PAD + 8} y=${y + 19}>${s.place}</text>
      <text class="b-name" x=${PAD + 40} y=${y + 19}>${clip(s.display_name || ctx.name(s.player_id), 24)}</text>
      <text class="b-score swiss-points" x=${PAD + 250} y=${y + 19}>${s.points}</text>
      <text class="b-score" x=${PAD + 330} y=${y + 19}>${s.wins}-${s.draws}-${s.losses}</text>
      <text class="b-score" x=${PAD + 430} y=${y + 19}>${tb.buchholz ?? ''}</text>
      <text class="b-score" x=${PAD + 500} y=${y + 19}>${tb.sonneborn_berger ?? ''}</text>
    </g>`);
  });
  const rounds = side(data.rounds, 'winners');
  const top = PAD + 40 + rows.length * RH + 30;
  let height = top + HEAD;
  rounds.forEach((r, i) => {
    const x = PAD + i * (W + GAP_X);
    parts.push(html`<text key=${'sr' + i} class="b-head" x=${x} y=${top + 10}>Round ${r.round}</text>`);
    r.pairings.forEach((p, t) => {
      const y = top + HEAD + t * (H + GAP_Y);
      parts.push(box(p, x, y, ctx));
      height = Math.max(height, y + H + PAD);
    });
  });
  const width = Math.max(PAD * 2 + 520, PAD + rounds.length * (W + GAP_X));
  return html`<svg class="b-svg" width=${width} height=${height} viewBox=${`0 0 ${width} ${height}`} role="img"
      aria-label="Swiss standings and rounds">${parts}</svg>`;
}
