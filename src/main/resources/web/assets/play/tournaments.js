// Tournaments: the list, and one tournament with registration, check-in, its live bracket and standings.
import { html, useEffect, useRef, useState } from '/vendor/preact/standalone.module.js';
import { Bracket, upsertPairings } from './bracket.js';
import { go, listen, modeName, remember, words } from './util.js';

const FORMATS = { single_elimination: 'Single elimination', double_elimination: 'Double elimination',
  round_robin: 'Round robin', swiss: 'Swiss' };

export function TournamentList({ app }) {
  const { arena } = app;
  const [s, setS] = useState({ list: null, error: null });
  useEffect(() => {
    arena.tournaments.list().then(r => setS({ list: r.tournaments, error: null }), e => setS({ list: [], error: words(e) }));
  }, []);
  return html`<main class="narrow-main"><h1>Tournaments</h1>
    ${s.error ? html`<p class="notice error" role="alert">${s.error}</p>` : null}
    <div class="card">${!s.list ? html`<p class="muted">Loading…</p>` : s.list.length === 0
      ? html`<p class="muted">No tournaments yet.</p>`
      : html`<table data-testid="tournaments"><thead><tr><th>Name</th><th>Game</th><th>Format</th><th>Status</th><th>Starts</th></tr></thead>
        <tbody>${s.list.map(t => html`<tr key=${t.tournament_id}>
          <td><a href=${'#/tournament/' + t.tournament_id}>${t.name}</a></td><td>${modeName(t.mode)}</td>
          <td>${FORMATS[t.format] || t.format}</td><td><span class=${'badge ' + statusClass(t.status)}>${t.status.replace('_', ' ')}</span></td>
          <td class="muted">${new Date(t.starts_at).toLocaleString()}</td></tr>`)}</tbody></table>`}</div></main>`;
}

function statusClass(st) {
  return st === 'running' ? 'live' : st === 'checking_in' ? 'warn' : '';
}

export function TournamentView({ app, id }) {
  const { arena, socket, me } = app;
  const [s, setS] = useState({ t: null, players: [], bracket: null, standings: null, error: null, actionError: null,
    ready: null });
  const patch = p => setS(old => ({ ...old, ...(typeof p === 'function' ? p(old) : p) }));
  const version = useRef(0);

  useEffect(() => {
    let alive = true;
    const load = async (tries = 3) => {
      try {
        const [d, b, lb] = await Promise.all([arena.tournaments.get(id), arena.tournaments.bracket(id).catch(() => null),
          arena.tournaments.standings(id).catch(() => null)]);
        if (!alive) return;
        (d.players || []).forEach(p => remember(p.player_id, p.display_name));
        const v = Math.max(d.tournament.version, b ? b.version : 0);
        // updates that arrived while this was in flight are newer than it: applying it would undo them, and their
        // frames are gone, so read again (the server's version only grows)
        if (v < version.current && tries > 1) { load(tries - 1); return; }
        version.current = v;
        patch({ t: d.tournament, players: d.players || [], bracket: b, standings: lb ? lb.standings : null, error: null });
      } catch (e) {
        if (alive) patch({ error: words(e) });
      }
    };
    const standings = () => arena.tournaments.standings(id).then(lb => alive && patch({ standings: lb.standings }), () => {});
    const onUpdate = u => {
      if (!u || u.tournament_id !== id) return;
      if (u.version <= version.current) return; // already in what we loaded
      if (u.version !== version.current + 1) { load(); return; } // a gap: refetch and go on from there
      version.current = u.version;
      switch (u.type) {
        case 'tournament.bracket_changed':
          patch(old => (old.bracket ? { bracket: { ...old.bracket, version: u.version,
            rounds: upsertPairings(old.bracket.rounds, u.pairings || []) } } : {}));
          standings();
          break;
        case 'tournament.match_started':
          patch(old => (old.bracket ? { bracket: { ...old.bracket, rounds: old.bracket.rounds.map(r => ({ ...r,
            pairings: r.pairings.map(p => (p.pairing_id === u.pairing_id
              ? { ...p, game_ids: [...(p.game_ids || []), u.game_id] } : p)) })) } } : {}));
          break;
        case 'tournament.status':
          patch(old => ({ t: old.t && { ...old.t, status: u.status } }));
          if (u.status === 'running') load();
          break;
        case 'tournament.player_registered': case 'tournament.player_unregistered': case 'tournament.player_checked_in':
        case 'tournament.round_advanced': case 'tournament.result_corrected': case 'tournament.finished':
          load();
          break;
        default:
      }
    };
    load();
    const stop = arena.tournaments.watch(id, onUpdate);
    const offReady = listen(socket, 'room.message', f => {
      const m = f.data;
      if (m && m.type === 'tournament.match_ready' && m.tournament_id === id) patch({ ready: m });
    });
    return () => {
      alive = false;
      offReady();
      stop();
    };
  }, [id, socket]);

  if (s.error) return html`<main class="narrow-main"><p class="notice error" role="alert">${s.error}</p></main>`;
  if (!s.t) return html`<main class="narrow-main"><p class="muted">Loading…</p></main>`;
  const t = s.t;
  const mine = s.players.find(p => p.player_id === me.id);
  const act = async (f, after) => {
    patch({ actionError: null });
    try {
      await f();
      const d = await arena.tournaments.get(id);
      patch({ t: d.tournament, players: d.players || [] });
    } catch (e) { patch({ actionError: words(e) }); }
  };
  const names = Object.fromEntries(s.players.map(p => [p.player_id, p.display_name]));
  const play = async m => {
    try {
      await arena.games.join(m.game_id);
      go('/game/' + m.game_id);
    } catch (e) { patch({ actionError: words(e) }); }
  };
  return html`<main class="wide-main">
    <div class="row spread">
      <div><h1>${t.name}</h1>
        <p class="muted">${modeName(t.mode)} · ${FORMATS[t.format] || t.format} · best of ${t.best_of}${' · '}${s.players.length}/${t.max_players} players · <span class=${'badge ' + statusClass(t.status)}
          data-testid="tournament-status">${t.status.replace('_', ' ')}</span></p></div>
      <div class="row">
        ${(t.status === 'registering' || t.status === 'checking_in') && !mine
          ? html`<button class="primary" data-testid="register" onClick=${() => act(() => arena.tournaments.register(id))}>Register</button>` : null}
        ${t.status === 'checking_in' && mine && !mine.checked_in
          ? html`<button class="primary" data-testid="check-in" onClick=${() => act(() => arena.tournaments.checkIn(id))}>Check in</button>` : null}
        ${mine ? html`<span class="badge live">${mine.checked_in ? 'checked in' : 'registered'}</span>` : null}
      </div>
    </div>
    ${s.actionError ? html`<p class="field-error" role="alert">${s.actionError}</p>` : null}
    ${s.ready ? html`<div class="notice ok">Your game ${s.ready.pairing_id} is ready.
      <button class="primary" onClick=${() => play(s.ready)}>Play now</button></div>` : null}
    ${t.status === 'registering' || t.status === 'checking_in' ? html`<p class="muted">Starts ${new Date(t.starts_at).toLocaleString()}
      ${t.check_in_minutes ? ` · check-in opens ${new Date(t.check_in_opens_at).toLocaleString()}` : ''}</p>` : null}
    ${s.bracket && s.bracket.rounds && s.bracket.rounds.length ? html`<div class="card bracket-card">
      <${Bracket} data=${s.bracket} names=${names} standings=${s.standings} me=${me.id}
        onWatch=${gid => go('/watch/' + gid)} /></div>`
      : html`<div class="card"><h3>Players</h3><ol class="players">${s.players.map(p => html`<li key=${p.player_id}
          class=${p.player_id === me.id ? 'me' : ''}>${p.display_name}${p.checked_in ? ' ✓' : ''}</li>`)}</ol>
          <p class="muted">The bracket appears when the tournament starts.</p></div>`}
  </main>`;
}
