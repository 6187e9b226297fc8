// The lobby: queue per mode with the live wait, parties, open games (live), every live match anyone may watch
// (public, matchmade and tournament games, live too), private games with join codes, and the lobby chat. Both lists
// come from the socket's lobby topic: its snapshot, then upserts; nothing is polled but the queues' numbers.
import { html, useEffect, useState } from '/vendor/preact/standalone.module.js';
import { Chat } from './chat.js';
import { go, listen, mmss, modeName, nameOf, remember, useNames, useTicker, words } from './util.js';

const MODES = ['connect_four', 'arena_battle'];
const REGIONS = ['eu', 'us', 'asia'];

export function Lobby({ app }) {
  const { arena, socket, me } = app;
  const [s, setS] = useState({
    region: localStorage.getItem('arena.region') || 'eu', stats: {}, tickets: {}, errors: {},
    games: [], live: [], online: [], party: null, invites: [],
  });
  const patch = p => setS(old => ({ ...old, ...(typeof p === 'function' ? p(old) : p) }));
  const fail = (key, e) => patch(old => ({ errors: { ...old.errors, [key]: e ? words(e) : null } }));

  useEffect(() => {
    let alive = true;
    const offs = [
      listen(socket, 'mm.ticket', m => upsertTicket(m.ticket)),
      listen(socket, 'mm.matched', m => go('/game/' + m.game_id)),
      listen(socket, 'lobby.game_added', m => patch(old => ({ games: upsert(old.games, m.game) }))),
      listen(socket, 'lobby.game_updated', m => patch(old => ({ games: upsert(old.games, m.game) }))),
      listen(socket, 'lobby.game_removed', m => patch(old => ({ games: old.games.filter(g => g.game_id !== m.game_id) }))),
      listen(socket, 'lobby.live_added', m => patch(old => ({ live: upsert(old.live, m.game) }))),
      listen(socket, 'lobby.live_updated', m => patch(old => ({ live: upsert(old.live, m.game) }))),
      listen(socket, 'lobby.live_removed', m => patch(old => ({ live: old.live.filter(g => g.game_id !== m.game_id) }))),
      // the snapshot: the reply to our subscribe, and again after each reconnect (the SDK subscribes anew)
      listen(socket, 'lobby.subscribed', m => patch({ games: m.games || [], live: m.live_games || [] })),
      listen(socket, 'party.invited', m => patch(old => ({ invites: [...old.invites.filter(p => p.party_id !== m.party.party_id), m.party] }))),
      listen(socket, 'party.updated', m => partyChanged(m)),
      listen(socket, 'presence.diff', m => {
        if (m.room !== 'lobby') return;
        // a crowd's diff names only some of its changes: page the members again, at most every 5 s (each
        // client asking on every diff of a big lobby would be thousands of requests per diff)
        if (m.omitted_joins || m.omitted_leaves) pageOnline();
        online(list => {
          // a diff is applied as upserts: a known joiner or an unknown leaver changes nothing
          const gone = new Set(m.leaves.map(x => x.session_id));
          const known = new Set(list.map(x => x.session_id));
          return [...list.filter(x => !gone.has(x.session_id)), ...m.joins.filter(x => !known.has(x.session_id))];
        });
      }),
    ];
    const upsertTicket = t => {
      if (!t) return;
      patch(old => ({ tickets: { ...old.tickets, [t.mode]: t.status === 'waiting' ? t : null } }));
      if (t.status === 'matched' && t.game_id) go('/game/' + t.game_id);
    };
    const online = f => patch(old => ({ online: f(old.online) }));
    let pagedAt = 0, pageTimer = null;
    const pageOnline = () => {
      if (pageTimer) return;
      pageTimer = setTimeout(() => {
        pagedAt = Date.now();
        arena.rooms.members('lobby', { limit: 100 }).then(p => alive && online(() => p.members), () => {})
          .finally(() => { pageTimer = null; });
      }, Math.max(0, pagedAt + 5000 - Date.now()));
    };
    const partyChanged = m => patch(old => {
      const mine = (m.party.members || []).includes(me.id);
      const invites = old.invites.filter(p => p.party_id !== m.party.party_id || (m.party.invited || []).includes(me.id));
      return { party: mine && m.event !== 'disbanded' ? m.party : old.party && old.party.party_id === m.party.party_id ? null : old.party, invites };
    });
    // open games and every running game one may spectate (public ones and those of matchmaking and tournaments;
    // a private game a player made is friends-only and never listed): the reply is applied by the listener above
    arena.lobby.subscribe({ live: true }).catch(e => fail('games', e));
    const refresh = async () => {
      try {
        // the queues' live numbers, and their shapes (team sizes: whether the party fits)
        const st = await arena.matchmaking.stats();
        const list = st.modes || [];
        if (alive) patch({ stats: Object.fromEntries(list.map(x => [x.mode, x])), statsRead: true });
      } catch (e) { /* the queue buttons still work without numbers */ }
    };
    refresh();
    const t = setInterval(refresh, 5000);
    return () => {
      alive = false;
      clearInterval(t);
      clearTimeout(pageTimer);
      offs.forEach(f => f());
      arena.lobby.unsubscribe().catch(() => {});
    };
  }, [socket]);

  useNames(arena, [...s.live.flatMap(g => (g.players || []).map(p => p.player)), ...s.games.map(g => g.host),
    ...(s.party ? [...s.party.members, ...(s.party.invited || [])] : []), ...s.invites.map(p => p.leader)]);

  const setRegion = r => {
    localStorage.setItem('arena.region', r);
    patch({ region: r });
  };
  const queue = async mode => {
    fail(mode, null);
    try {
      const opts = { properties: { region: s.region } };
      if (s.party && s.party.leader === me.id) opts.partyId = s.party.party_id;
      const t = await arena.matchmaking.enqueue(mode, opts);
      patch(old => ({ tickets: { ...old.tickets, [mode]: t.status === 'waiting' ? t : null } }));
    } catch (e) { fail(mode, e); }
  };
  const cancel = async mode => {
    try {
      await arena.matchmaking.cancel(s.tickets[mode].ticket_id);
      patch(old => ({ tickets: { ...old.tickets, [mode]: null } }));
    } catch (e) { fail(mode, e); }
  };
  const joinGame = async id => {
    fail('games', null);
    try {
      await arena.games.join(id);
      go('/game/' + id);
    } catch (e) { fail('games', e); }
  };

  return html`<main class="lobby-layout">
    <div class="lobby-main">
      <section class="card queue-card">
        <div class="row spread"><h2>Quick match</h2>
          <label class="inline">Region <select aria-label="Region" value=${s.region}
            onChange=${e => setRegion(e.target.value)}>${REGIONS.map(r => html`<option value=${r}>${r}</option>`)}</select></label></div>
        <div class="queues">${MODES.filter(mode => !s.statsRead || s.stats[mode]).map(mode => html`<${QueueButton} key=${mode} mode=${mode} ticket=${s.tickets[mode]}
          stats=${s.stats[mode]} error=${s.errors[mode]} onQueue=${() => queue(mode)} onCancel=${() => cancel(mode)}
          party=${s.party} me=${me.id} />`)}</div>
      </section>
      <${PartyCard} app=${app} s=${s} patch=${patch} />
      <section class="card">
        <h2>Open games</h2>
        ${s.errors.games ? html`<p class="field-error" role="alert" data-testid="games-error">${s.errors.games}</p>` : null}
        ${s.games.length === 0 ? html`<p class="muted">No open games right now. Create one below.</p>` : html`
        <table data-testid="open-games"><thead><tr><th>Game</th><th>Host</th><th>Players</th><th>Region</th><th></th></tr></thead>
          <tbody>${s.games.map(g => html`<tr key=${g.game_id}><td>${modeName(g.mode)}</td><td>${nameOf(g.host)}</td>
            <td>${g.player_count}/${g.max_players}${g.ready_count ? html` <span class="muted">(${g.ready_count} ready)</span>` : null}</td>
            <td>${g.region || '—'}</td>
            <td><button disabled=${!g.has_space} onClick=${() => joinGame(g.game_id)}>${g.has_space ? 'Join' : 'Full'}</button></td></tr>`)}</tbody>
        </table>`}
        <${CreateGame} app=${app} region=${s.region} />
      </section>
      <section class="card">
        <h2>Live now</h2>
        ${s.live.length === 0 ? html`<p class="muted" data-testid="no-live-matches">No match is being played right now.
          Matches from the queues, tournaments and open games show up here to watch.</p>` : html`
        <ul class="live-list" data-testid="live-matches">${s.live.map(g => html`<li key=${g.game_id} data-testid=${'live-' + g.game_id}>
          <span class="live-mode">${modeName(g.mode)}</span>
          <span class="live-players">${(g.players || []).map(p => p.player === me.id ? 'You' : nameOf(p.player)).join(' vs ')}</span>
          <span class="muted live-watchers" data-testid=${'watchers-' + g.game_id}>${g.spectators ? `${g.spectators} watching` : ''}</span>
          <a class="button" href=${'#/watch/' + g.game_id} data-testid=${'watch-' + g.game_id}>Watch</a></li>`)}</ul>`}
        <${WatchById} />
      </section>
    </div>
    <aside class="lobby-side">
      <${Chat} app=${app} room="lobby" title=${`Lobby chat · ${new Set(s.online.map(m => m.user_id)).size || 1} online`} onJoined=${j => {
        (j && j.members || []).forEach(m => remember(m.user_id, m.display_name));
        patch({ online: (j && j.members) || [] });
      }} />
    </aside>
  </main>`;
}

function upsert(list, game) {
  const i = list.findIndex(g => g.game_id === game.game_id);
  if (i < 0) return [...list, game];
  const out = list.slice();
  out[i] = game;
  return out;
}

/** A queue's shape in words: 1v1, 2v2, 3v3v3, free-for-all of 8. */
function shape(stats) {
  if (!stats || !stats.team_count) return '';
  if (stats.team_size === 1 && stats.team_count > 2) return `free-for-all of ${stats.team_count}`;
  return Array(stats.team_count).fill(stats.team_size).join('v');
}

function QueueButton({ mode, ticket, stats, error, onQueue, onCancel, party, me }) {
  useTicker(1000);
  const waiting = ticket && ticket.status === 'waiting';
  const waited = waiting ? Date.now() - Date.parse(ticket.created_at) : 0;
  const withParty = party && party.leader === me && party.members.length > 1;
  // a party queues as one ticket on one team: the server refuses one bigger than the queue's teams (422), so say
  // so before the click
  const tooBig = withParty && stats && stats.team_size && party.members.length > stats.team_size;
  const hint = tooBig ? `Your party of ${party.members.length} does not fit: ${modeName(mode)} is ${shape(stats)}, `
    + `teams of ${stats.team_size}. Queue where the teams hold ${party.members.length}, or leave the party to play alone.` : null;
  return html`<div class=${'queue' + (waiting ? ' waiting' : '') + (tooBig ? ' unfit' : '')}>
    <div class="queue-title">${modeName(mode)}${shape(stats) ? html` <span class="muted queue-shape">${shape(stats)}</span>` : null}</div>
    ${waiting ? html`
      <div class="queue-wait" data-testid=${'wait-' + mode} aria-live="polite">Searching… <strong>${mmss(waited)}</strong></div>
      <button data-testid=${'cancel-' + mode} onClick=${onCancel}>Cancel</button>`
    : html`<button class="primary" data-testid=${'queue-' + mode} onClick=${onQueue} disabled=${tooBig}
        aria-describedby=${tooBig ? 'unfit-' + mode : null}>
        ${tooBig ? `Party too big for ${shape(stats)}` : withParty ? `Queue with party (${party.members.length})` : 'Find a match'}</button>`}
    <div class="queue-stats muted">${stats ? html`${stats.players_waiting} waiting
      ${stats.wait_p50_ms ? html` · usually ${Math.max(1, Math.round(stats.wait_p50_ms / 1000))} s` : null}` : '\u00a0'}</div>
    ${hint ? html`<p class="hint" id=${'unfit-' + mode} data-testid=${'unfit-' + mode}>${hint}</p>` : null}
    ${error ? html`<p class="field-error" role="alert">${error}</p>` : null}
  </div>`;
}

function CreateGame({ app, region }) {
  const { arena } = app;
  const [f, setF] = useState({ mode: 'connect_four', priv: true, max: 8, code: '', error: null, codeError: null });
  const patch = p => setF(old => ({ ...old, ...p }));
  const create = async e => {
    e.preventDefault();
    patch({ error: null });
    try {
      const body = { mode: f.mode, private: f.priv, region };
      if (f.mode === 'arena_battle') body.maxPlayers = Number(f.max);
      const g = await arena.games.create(body);
      if (g.join_code) sessionStorage.setItem('arena.code.' + g.game_id, g.join_code);
      go('/game/' + g.game_id);
    } catch (err) { patch({ error: words(err) }); }
  };
  const join = async e => {
    e.preventDefault();
    patch({ codeError: null });
    try {
      const g = await arena.lobby.joinByCode(f.code.trim());
      go('/game/' + g.game_id);
    } catch (err) { patch({ codeError: err && err.status === 404 ? 'Wrong join code: no game has it' : words(err) }); }
  };
  return html`<div class="create-row">
    <form class="row" onSubmit=${create} aria-label="Create a game">
      <select aria-label="Game" value=${f.mode} onChange=${e => patch({ mode: e.target.value })}>
        ${MODES.map(m => html`<option value=${m}>${modeName(m)}</option>`)}</select>
      ${f.mode === 'arena_battle' ? html`<select aria-label="Seats" value=${f.max} onChange=${e => patch({ max: e.target.value })}>
        ${[2, 3, 4, 5, 6, 7, 8].map(n => html`<option value=${n}>${n} players</option>`)}</select>` : null}
      <label class="inline"><input type="checkbox" checked=${f.priv} onChange=${e => patch({ priv: e.target.checked })} /> private</label>
      <button type="submit" data-testid="create-game">Create game</button>
      ${f.error ? html`<span class="field-error" role="alert">${f.error}</span>` : null}
    </form>
    <form class="row" onSubmit=${join} aria-label="Join by code">
      <input aria-label="Join code" data-testid="join-code-input" placeholder="Join code" maxlength="6" class="code-input"
        value=${f.code} onInput=${e => patch({ code: e.target.value.toUpperCase() })} />
      <button type="submit" data-testid="join-by-code">Join</button>
      ${f.codeError ? html`<span class="field-error" role="alert" data-testid="join-code-error">${f.codeError}</span>` : null}
    </form>
  </div>`;
}

function WatchById() {
  const [id, setId] = useState('');
  return html`<form class="row" onSubmit=${e => { e.preventDefault(); if (id.trim()) go('/watch/' + id.trim()); }}>
    <input aria-label="Game id to watch" placeholder="Game id or spectator link" class="grow" value=${id}
      onInput=${e => setId(e.target.value.replace(/^.*#\/(watch|game)\//, ''))} />
    <button type="submit">Watch</button></form>`;
}

function PartyCard({ app, s, patch }) {
  const { arena, me } = app;
  const [err, setErr] = useState(null);
  const [who, setWho] = useState('');
  const [found, setFound] = useState([]);
  const act = async f => {
    setErr(null);
    try { return await f(); } catch (e) { setErr(words(e)); return null; }
  };
  const others = [...new Map(s.online.filter(m => m.user_id !== me.id).map(m => [m.user_id, m])).values()];
  const here = new Set(others.map(m => m.user_id));
  // suggestions as you type: players whose name starts with what is typed (GET /players?name=), a moment after
  // the last key so a fast typist sends one search
  useEffect(() => {
    const q = who.trim();
    if (!q) { setFound([]); return undefined; }
    let alive = true;
    const t = setTimeout(async () => {
      try {
        const page = await arena.players.search(q, { limit: 8 });
        page.players.forEach(p => remember(p.id, p.display_name));
        if (alive) setFound(page.players.filter(p => p.id !== me.id));
      } catch (e) { if (alive) setFound([]); }
    }, 200);
    return () => { alive = false; clearTimeout(t); };
  }, [who]);
  const inviteId = async id => {
    let party = s.party;
    if (!party) party = await act(() => arena.parties.create());
    if (!party) return;
    const after = await act(() => arena.parties.invite(party.party_id, id));
    if (after) { patch({ party: after }); setWho(''); setFound([]); }
  };
  const invite = async e => {
    e.preventDefault();
    const name = who.trim().toLowerCase();
    if (!name) return;
    // display names are not unique: an exact name invites only when one player has it
    const several = n => `${n} players are called "${who.trim()}": pick one from the list`;
    const exact = new Map([...found.map(p => [p.id, p.display_name]), ...others.map(m => [m.user_id, m.display_name])]
      .filter(([id, n]) => id !== me.id && n.toLowerCase() === name));
    if (exact.size === 1) return inviteId([...exact.keys()][0]);
    if (exact.size > 1) { setErr(several(exact.size)); return; }
    let page = null;
    try { page = await arena.players.search(who.trim(), { limit: 8 }); } catch (x) { setErr(words(x)); return; }
    const matches = page.players.filter(p => p.id !== me.id && p.display_name.toLowerCase() === name);
    if (matches.length === 1) return inviteId(matches[0].id);
    setErr(matches.length ? several(matches.length) : `No player is called "${who.trim()}"`);
  };
  const accept = async p => {
    const after = await act(() => arena.parties.accept(p.party_id));
    if (after) patch(old => ({ party: after, invites: old.invites.filter(x => x.party_id !== p.party_id) }));
  };
  const decline = async p => {
    await act(() => arena.parties.decline(p.party_id));
    patch(old => ({ invites: old.invites.filter(x => x.party_id !== p.party_id) }));
  };
  const leave = async () => {
    await act(() => arena.parties.leave(s.party.party_id));
    patch({ party: null });
  };
  return html`<section class="card party-card">
    <h2>Party</h2>
    ${s.invites.map(p => html`<div class="notice invite" key=${p.party_id}>
      ${nameOf(p.leader)} invites you to a party.
      <button class="primary" onClick=${() => accept(p)} data-testid="accept-invite">Accept</button>
      <button onClick=${() => decline(p)}>Decline</button></div>`)}
    ${s.party ? html`<p>${s.party.members.map(m => html`<span class="chip" key=${m}>${m === me.id ? 'You' : nameOf(m)}
        ${m === s.party.leader ? ' ★' : ''}</span>`)}
      ${(s.party.invited || []).map(m => html`<span class="chip muted" key=${m}>${nameOf(m)} (invited)</span>`)}</p>
      <p class="muted">${s.party.leader === me.id ? 'Queue above and your party plays together.' : 'Your leader queues for the party.'}</p>`
    : html`<p class="muted">Play together: type a player's name and invite them.</p>`}
    <form class="row" onSubmit=${invite} autocomplete="off">
      <input aria-label="Player name to invite" placeholder="Player name" value=${who} aria-autocomplete="list"
        aria-controls="invite-suggestions" data-testid="invite-name" onInput=${e => setWho(e.target.value)} />
      <button type="submit" data-testid="invite">Invite</button>
      ${s.party ? html`<button type="button" onClick=${leave}>Leave party</button>` : null}
    </form>
    ${found.length ? html`<ul class="suggestions" id="invite-suggestions" role="listbox" aria-label="Players found">
      ${found.map(p => html`<li key=${p.id} role="option"><button type="button" data-testid="invite-suggestion"
        onClick=${() => inviteId(p.id)}>${p.display_name}${p.is_guest ? html` <span class="muted">guest</span>` : null}
        ${here.has(p.id) ? html` <span class="badge">in the lobby</span>` : null}</button></li>`)}</ul>` : null}
    ${err ? html`<p class="field-error" role="alert">${err}</p>` : null}
  </section>`;
}
