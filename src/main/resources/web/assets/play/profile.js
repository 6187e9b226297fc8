// A player's profile: rating per mode, record, and recent games with their replays.
import { html, useEffect, useState } from '/vendor/preact/standalone.module.js';
import { ago, modeName, words } from './util.js';

export function Profile({ app, playerId }) {
  const { arena, me } = app;
  const id = playerId || me.id;
  const [s, setS] = useState({ p: null, error: null });
  useEffect(() => {
    let alive = true;
    arena.players.profile(id).then(p => alive && setS({ p, error: null }), e => alive && setS({ p: null, error: words(e) }));
    return () => { alive = false; };
  }, [id]);
  if (s.error) return html`<main class="narrow-main"><p class="notice error" role="alert">${s.error}</p></main>`;
  if (!s.p) return html`<main class="narrow-main"><p class="muted">Loading…</p></main>`;
  const { player, stats, recent_games: recent, rank } = s.p;
  const ratings = (stats && stats.ratings) || [];
  return html`<main class="narrow-main" data-testid="profile">
    <div class="profile-head">
      <div class="avatar" aria-hidden="true">${(player.display_name || '?').slice(0, 1).toUpperCase()}</div>
      <div><h1>${player.display_name}${id === me.id ? html` <span class="badge">you</span>` : null}</h1>
        <p class="muted">${player.is_guest ? 'Guest' : player.username} · joined ${ago(player.created_at)}
          ${rank ? html` · rank #${rank}` : null}</p></div>
    </div>
    <div class="grid">
      ${ratings.length === 0 ? html`<div class="card"><h3>Rating</h3><p class="muted">No rated games yet.</p></div>` : null}
      ${ratings.map(r => html`<div class="card" key=${r.mode}><h3>${modeName(r.mode)}</h3>
        <div class="stat" data-testid=${'rating-' + r.mode}>${Math.round(r.rating)}<small>± ${Math.round(r.deviation)}</small></div>
        <p class="muted">${count(r.games, 'rated game')}</p></div>`)}
      <div class="card"><h3>Record</h3><div class="stat">${stats ? stats.wins : 0}<small>${stats && stats.wins === 1 ? 'win' : 'wins'}</small></div>
        <p class="muted">${stats ? `${count(stats.losses, 'loss', 'losses')} · ${count(stats.draws, 'draw')} · ${count(stats.games_played, 'game')}` : ''}</p></div>
    </div>
    <h2 class="section">Recent games</h2>
    <div class="card">${(recent || []).length === 0 ? html`<p class="muted">No games yet.</p>` : html`
      <table><thead><tr><th>Game</th><th>Outcome</th><th>When</th><th></th></tr></thead>
        <tbody>${recent.map(g => html`<tr key=${g.game_id}><td>${modeName(g.mode)}</td>
          <td><span class=${'outcome ' + g.outcome}>${g.outcome}</span></td><td class="muted">${ago(g.finished_at)}</td>
          <td>${id === me.id ? html`<a href=${'#/replay/' + g.game_id}>Replay</a>` : null}</td></tr>`)}</tbody></table>`}</div>
  </main>`;
}

function count(n, one, many = one + 's') {
  return `${n} ${n === 1 ? one : many}`;
}
