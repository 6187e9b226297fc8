// The global rating board of one mode, with the signed-in player's neighbourhood highlighted.
import { html, useEffect, useState } from '/vendor/preact/standalone.module.js';
import { go, modeName, remember, words } from './util.js';

const MODES = ['connect_four', 'arena_battle'];

export function Leaderboard({ app, mode }) {
  const { arena, me } = app;
  mode = MODES.includes(mode) ? mode : MODES[0];
  const [s, setS] = useState({ top: null, around: null, error: null });
  useEffect(() => {
    let alive = true;
    const load = async () => {
      try {
        const [top, around] = await Promise.all([
          arena.leaderboards.global(mode, { limit: 50, offset: 0 }),
          arena.leaderboards.around(me.id, mode).catch(() => null),
        ]);
        [...(top.entries || []), ...((around && around.entries) || [])].forEach(e => remember(e.player_id, e.display_name));
        if (alive) setS({ top, around, error: null });
      } catch (e) {
        if (alive) setS(old => ({ ...old, error: words(e) }));
      }
    };
    load();
    // ratings land a moment after a game (a background job): keep the board fresh while it is open
    const t = setInterval(load, 5000);
    return () => { alive = false; clearInterval(t); };
  }, [mode]);

  const mine = s.around && (s.around.entries || []).find(e => e.player_id === me.id);
  const inTop = s.top && (s.top.entries || []).some(e => e.player_id === me.id);
  return html`<main class="narrow-main">
    <div class="row spread"><h1>Leaderboard</h1>
      <div class="tabs" role="tablist">${MODES.map(m => html`<button role="tab" aria-selected=${m === mode}
        class=${m === mode ? 'tab active' : 'tab'} onClick=${() => go('/leaderboard/' + m)}>${modeName(m)}</button>`)}</div></div>
    ${s.error ? html`<p class="notice error" role="alert">${s.error}</p>` : null}
    ${mine ? html`<p class="my-rank card" data-testid="my-rank">You are <strong>#${mine.rank}</strong> of ${s.around.total}${' '}with <strong data-testid="my-rating">${Math.round(mine.rating)}</strong></p>`
    : html`<p class="muted card">You are not on this board yet: finish a rated ${modeName(mode)} game.</p>`}
    <div class="card">
      ${s.top ? html`<${Table} entries=${s.top.entries || []} me=${me.id} testid="leaderboard" />` : html`<p class="muted">Loading…</p>`}
    </div>
    ${mine && !inTop ? html`<h2>Around you</h2><div class="card"><${Table} entries=${s.around.entries} me=${me.id}
      testid="leaderboard-around" /></div>` : null}
  </main>`;
}

function Table({ entries, me, testid }) {
  if (!entries.length) return html`<p class="muted">Nobody has played a rated game yet.</p>`;
  return html`<table data-testid=${testid}><thead><tr><th>#</th><th>Player</th><th class="num">Rating</th></tr></thead>
    <tbody>${entries.map(e => html`<tr key=${e.player_id} class=${e.player_id === me ? 'me' : ''}
        data-testid=${e.player_id === me ? 'leaderboard-me' : null}>
      <td>${e.rank}</td><td><a href=${'#/profile/' + e.player_id}>${e.display_name || e.player_id.slice(0, 8)}</a>
        ${e.player_id === me ? html` <span class="badge live">you</span>` : null}</td>
      <td class="num rating">${Math.round(e.rating)}</td></tr>`)}</tbody></table>`;
}
