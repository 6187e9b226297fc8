// The admin console: one Preact + htm module, every call through the SDK (arena.admin.*), so it works across server
// upgrades exactly as far as the public API does. Roles are enforced by the server; the page only shows what the
// server answered (a viewer's refused action shows the 403 in words next to the button).
import { html, render, useState, useEffect, useCallback } from '/vendor/preact/standalone.module.js';
import { duration, fmt, problemText } from './ui.js';
import { arena, when, useAction, usePaged, Reason } from './admin-kit.js';
import { Tournaments } from './tournaments.js';
import { MatchDetail } from './match-detail.js';

const SECTIONS = [['players', 'Players'], ['matches', 'Live matches'], ['chat', 'Chat moderation'],
  ['tournaments', 'Tournaments'], ['matchmaking', 'Matchmaking'], ['jobs', 'Jobs'], ['nodes', 'Nodes'],
  ['audit', 'Audit log']];

function Players() {
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(null);
  const [page, pager] = usePaged((after) => arena.admin.players({ q: query || undefined, after, limit: 20 }), [query]);
  return html`<section aria-labelledby="h-players">
    <h2 id="h-players">Players</h2>
    <form class="toolbar" onSubmit=${(e) => { e.preventDefault(); setQuery(q); }}>
      <input type="search" aria-label="Search players by name or id" placeholder="username prefix or player id"
        data-testid="player-search" value=${q} onInput=${(e) => setQ(e.target.value)} />
      <button type="submit" class="primary" data-testid="player-search-go">Search</button>
    </form>
    ${page.error && html`<p class="notice error">${page.error}</p>`}
    <div class="card"><table data-testid="players">
      <thead><tr><th scope="col">Username</th><th scope="col">Display name</th><th scope="col">Role</th>
        <th scope="col">Joined</th><th scope="col">Last sign-in</th><th scope="col"></th></tr></thead>
      <tbody>${page.items.map((p) => html`<tr key=${p.id}>
        <td>${p.username}</td><td data-testid="player-name">${p.display_name}</td><td>${p.role}</td>
        <td>${when(p.created_at)}</td><td>${when(p.last_login_at)}</td>
        <td><button type="button" data-testid=${`open-${p.username}`} onClick=${() => setSelected(p.id)}>Open</button></td>
      </tr>`)}
      ${!page.items.length && !page.error && html`<tr><td colspan="6" class="muted">No players match.</td></tr>`}</tbody>
    </table>${pager}</div>
    ${selected && html`<${PlayerDetail} id=${selected} key=${selected} />`}
  </section>`;
}

function PlayerDetail({ id }) {
  const [d, setD] = useState(null);
  const [error, setError] = useState(null);
  const [reason, setReason] = useState('');
  const [role, setRole] = useState('player');
  const [confirming, setConfirming] = useState(false); // deleting takes two clicks: the second one deletes
  const [run, result] = useAction();
  const load = useCallback(() => arena.admin.player(id).then((r) => { setD(r); setRole(r.player.role); })
    .catch((e) => setError(problemText(e))), [id]);
  useEffect(() => { load(); }, [load]);
  if (error) return html`<p class="notice error detail">${error}</p>`;
  if (!d) return html`<p class="muted detail">Loading…</p>`;
  const p = d.player;
  const download = async () => {
    const data = await arena.admin.exportPlayer(id);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
    a.download = `player-${id}.json`;
    a.click();
  };
  return html`<article class="card detail" data-testid="player-detail" aria-label="Player">
    <h3 class="name">${p.display_name}</h3>
    <dl class="kv"><dt>Id</dt><dd class="mono">${p.id}</dd><dt>Username</dt><dd>${p.username || '(guest)'}</dd>
      <dt>Role</dt><dd>${p.role}</dd><dt>Games</dt><dd>${fmt(d.stats.games_played)} (${fmt(d.stats.wins)} won)</dd>
      <dt>Ratings</dt><dd>${d.ratings.length ? d.ratings.map((r) => `${r.mode} ${fmt(r.rating)} (${r.games})`).join(' · ') : '–'}</dd>
      <dt>Chat</dt><dd data-testid="chat-status">${d.chat ? (d.chat.ban ? `banned: ${d.chat.ban.reason}` : 'not banned') : '–'}</dd>
      <dt>Sessions</dt><dd>${d.sessions.filter((s) => !s.revoked_at).length} open of ${d.sessions.length} recent</dd></dl>
    <${Reason} value=${reason} onInput=${setReason} />
    <div class="actions">
      <button type="button" class="danger" data-testid="chat-ban"
        onClick=${() => run('Chat ban', () => arena.admin.chatBan(id, reason), load)}>Ban from chat</button>
      <button type="button" data-testid="chat-unban"
        onClick=${() => run('Chat unban', () => arena.admin.chatUnban(id, reason), load)}>Lift chat ban</button>
      <button type="button" data-testid="revoke-sessions"
        onClick=${() => run('Sign out everywhere', () => arena.admin.revokeSessions(id, reason), load)}>Sign out everywhere</button>
      <select aria-label="New role" data-testid="role" value=${role} onChange=${(e) => setRole(e.target.value)}>
        ${['player', 'viewer', 'moderator', 'admin', 'ingest'].map((r) => html`<option value=${r}>${r}</option>`)}</select>
      <button type="button" data-testid="set-role"
        onClick=${() => run('Role change', () => arena.admin.setRole(id, role, reason), load)}>Change role</button>
      <button type="button" data-testid="export" onClick=${() => run('Export', download)}>Export JSON</button>
      <button type="button" class="danger" data-testid="delete" onBlur=${() => setConfirming(false)}
        onClick=${() => (confirming ? run('Delete', () => arena.admin.deletePlayer(id, reason)) : setConfirming(true))}>
        ${confirming ? 'Click again to delete (export first!)' : 'Delete account'}</button>
    </div>${result}
    <h3>Recent games</h3>
    <table><thead><tr><th scope="col">Mode</th><th scope="col">Outcome</th><th scope="col">Finished</th></tr></thead>
      <tbody>${d.recent_games.map((g) => html`<tr><td>${g.mode}</td><td>${g.outcome}</td><td>${when(g.finished_at)}</td></tr>`)}
      ${!d.recent_games.length && html`<tr><td colspan="3" class="muted">No games yet.</td></tr>`}</tbody></table>
  </article>`;
}

function Matches() {
  const [open, setOpen] = useState(null);
  const [page, pager, reload] = usePaged((after) => arena.admin.matches({ after, limit: 20 }), []);
  return html`<section aria-labelledby="h-matches"><h2 id="h-matches">Live matches</h2>
    <p class="muted">Every node's matches. Open one to follow its live events; opening and stopping work whichever
      node runs it.</p>
    <div class="toolbar"><button type="button" onClick=${reload}>Refresh</button></div>
    ${page.error && html`<p class="notice error">${page.error}</p>`}
    <div class="card"><table data-testid="matches"><thead><tr><th scope="col">Match</th><th scope="col">Mode</th>
      <th scope="col">Node</th><th scope="col">Status</th><th scope="col">Players</th><th scope="col">Tick</th>
      <th scope="col">Age</th><th scope="col"></th></tr></thead>
      <tbody>${page.items.map((m) => html`<tr data-testid="match-row"><td class="mono">${m.id.slice(0, 8)}</td><td>${m.mode}</td>
        <td class="mono" data-testid="match-node">${m.node}</td>
        <td>${m.status}</td><td>${m.players}</td><td>${fmt(m.tick)}</td><td>${duration(m.age_seconds)}</td>
        <td><button type="button" data-testid="open-match" onClick=${() => setOpen(m.id)}>Open</button></td></tr>`)}
      ${!page.items.length && !page.error && html`<tr><td colspan="8" class="muted">No live matches on any node.</td></tr>`}
      </tbody></table>${pager}</div>
    ${open && html`<${MatchDetail} id=${open} key=${open} onStopped=${reload} />`}</section>`;
}

const MUTES = [[600, '10 minutes'], [3600, '1 hour'], [86400, '24 hours'], [604800, '7 days']];

function Chat() {
  const [room, setRoom] = useState('lobby');
  const [shown, setShown] = useState({ room: 'lobby', q: '' });
  const [q, setQ] = useState('');
  const [reason, setReason] = useState('');
  const [mute, setMute] = useState(String(MUTES[0][0]));
  const [run, result] = useAction();
  const [page, pager, reload] = usePaged((before) => arena.admin.messages(shown.room, { q: shown.q || undefined,
    before, limit: 30 }), [shown]);
  const muteSender = (m) => run(`Mute ${m.display_name} in ${m.room}`, () => arena.admin.chatMute(m.sender_id,
    { room: m.room, durationSeconds: Number(mute), reason }), reload);
  return html`<section aria-labelledby="h-chat"><h2 id="h-chat">Chat moderation</h2>
    <form class="toolbar" onSubmit=${(e) => { e.preventDefault(); setShown({ room, q }); }}>
      <input aria-label="Room" data-testid="chat-room" value=${room} onInput=${(e) => setRoom(e.target.value)} />
      <input type="search" aria-label="Search messages" placeholder="text or sender" value=${q}
        onInput=${(e) => setQ(e.target.value)} />
      <button type="submit" class="primary">Show</button></form>
    <${Reason} value=${reason} onInput=${setReason} />
    <div class="toolbar"><label for="mute-for">Mute for</label>
      <select id="mute-for" data-testid="mute-duration" value=${mute} onChange=${(e) => setMute(e.target.value)}>
        ${MUTES.map(([s, label]) => html`<option value=${String(s)}>${label}</option>`)}</select>
      <span class="muted">in the room shown</span></div>${result}
    ${page.error && html`<p class="notice error">${page.error}</p>`}
    <div class="card"><table data-testid="messages"><thead><tr><th scope="col">When</th><th scope="col">Sender</th>
      <th scope="col">Message</th>
      <th scope="col" title="messages of this sender in this room that the profanity filter masked">Filter hits</th>
      <th scope="col"></th></tr></thead>
      <tbody>${page.items.map((m) => html`<tr data-testid="message-row"><td>${when(m.created_at)}</td>
        <td>${m.display_name}</td>
        <td>${m.message}${m.filtered && html` <span class="badge warn" title="masked by the profanity filter">filtered</span>`}</td>
        <td data-testid="filter-hits" class=${m.sender_filter_hits ? 'down' : ''}>${fmt(m.sender_filter_hits)}</td>
        <td class="row-actions"><button type="button" data-testid="mute-sender" onClick=${() => muteSender(m)}>Mute</button>
          <button type="button" class="danger" onClick=${() => run('Chat ban', () => arena.admin.chatBan(m.sender_id, reason))}>
          Ban sender</button></td></tr>`)}
      ${!page.items.length && !page.error && html`<tr><td colspan="5" class="muted">No messages.</td></tr>`}</tbody>
    </table>${pager}</div></section>`;
}

function Matchmaking() {
  const [modes, setModes] = useState([]);
  const [mode, setMode] = useState(null);
  const [tickets, setTickets] = useState(null);
  const [reason, setReason] = useState('');
  const [run, result] = useAction();
  useEffect(() => { arena.matchmaking.stats().then((s) => { const m = (s.queues || s).map((q) => q.mode); setModes(m); setMode(m[0]); }).catch(() => {}); }, []);
  const load = () => mode && arena.admin.queue(mode).then((r) => setTickets(r.tickets)).catch((e) => setTickets({ error: problemText(e) }));
  useEffect(() => { load(); }, [mode]);
  const list = Array.isArray(tickets) ? tickets : [];
  return html`<section aria-labelledby="h-mm"><h2 id="h-mm">Matchmaking</h2>
    <div class="toolbar"><select aria-label="Queue" value=${mode} onChange=${(e) => setMode(e.target.value)}>
      ${modes.map((m) => html`<option value=${m}>${m}</option>`)}</select><button type="button" onClick=${load}>Refresh</button></div>
    <${Reason} value=${reason} onInput=${setReason} />${result}
    ${tickets && tickets.error && html`<p class="notice error">${tickets.error}</p>`}
    <div class="card"><table><thead><tr><th scope="col">Ticket</th><th scope="col">Players</th><th scope="col">Waiting since</th>
      <th scope="col"></th></tr></thead><tbody>${list.map((t) => html`<tr><td class="mono">${t.ticket_id.slice(0, 8)}</td>
      <td>${t.members.length}</td><td>${when(t.created_at)}</td>
      <td><button type="button" class="danger" onClick=${() => run('Cancel ticket', () => arena.admin.cancelTicket(t.ticket_id, reason), load)}>Cancel</button></td></tr>`)}
      ${!list.length && html`<tr><td colspan="4" class="muted">Nobody is waiting.</td></tr>`}</tbody></table></div></section>`;
}

function Jobs() {
  const [jobs, setJobs] = useState(null);
  const [reason, setReason] = useState('');
  const [run, result] = useAction();
  const load = () => arena.admin.jobs().then(setJobs).catch((e) => setJobs({ error: problemText(e) }));
  useEffect(() => { load(); }, []);
  return html`<section aria-labelledby="h-jobs"><h2 id="h-jobs">Result jobs</h2>
    ${jobs && jobs.error && html`<p class="notice error">${jobs.error}</p>`}
    ${jobs && !jobs.error && html`<p>${fmt(jobs.pending)} waiting to run.</p>`}
    <${Reason} value=${reason} onInput=${setReason} />${result}
    <div class="card"><table data-testid="jobs"><thead><tr><th scope="col">Step</th><th scope="col">Game</th>
      <th scope="col">Failures</th><th scope="col">Last failure</th><th scope="col">Last error</th>
      <th scope="col">Next attempt</th><th scope="col"></th></tr></thead>
      <tbody>${(jobs && jobs.failing || []).map((j) => html`<tr><td>${j.step}</td><td class="mono">${j.game_id.slice(0, 8)}</td>
        <td>${j.consecutive_failures}</td><td>${when(j.last_failure)}</td>
        <td class="error-text" data-testid="job-error">${j.last_error || '–'}</td><td>${when(j.next_attempt)}</td>
        <td><button type="button" onClick=${() => run('Retry', () => arena.admin.retryJob(j.step, j.game_id, reason), load)}>Retry now</button></td></tr>`)}
      ${!(jobs && jobs.failing && jobs.failing.length) && html`<tr><td colspan="7" class="muted">No failing jobs.</td></tr>`}
      </tbody></table></div>
    <h3 id="h-unstored" class="section-gap">Results not stored</h3>
    <p class="muted">Finished matches whose result the database refused; kept here with the error until mended by hand.</p>
    <div class="card"><table data-testid="failed-results"><thead><tr><th scope="col">Game</th><th scope="col">Mode</th>
      <th scope="col">Node</th><th scope="col">When</th><th scope="col">Error</th><th scope="col">Result</th></tr></thead>
      <tbody>${(jobs && jobs.failed || []).map((f) => html`<tr><td class="mono">${f.game_id.slice(0, 8)}</td><td>${f.mode}</td>
        <td>${f.node}</td><td>${when(f.created_at)}</td><td class="error-text" data-testid="failed-error">${f.error}</td>
        <td class="mono">${f.result.length > 80 ? f.result.slice(0, 80) + '…' : f.result}</td></tr>`)}
      ${!(jobs && jobs.failed && jobs.failed.length) && html`<tr><td colspan="6" class="muted">Every result was stored.</td></tr>`}
      </tbody></table></div></section>`;
}

function Nodes() {
  const [nodes, setNodes] = useState(null);
  useEffect(() => {
    const load = () => arena.admin.nodes().then((r) => setNodes(r.nodes)).catch((e) => setNodes({ error: problemText(e) }));
    load();
    const t = setInterval(load, 2000);
    return () => clearInterval(t);
  }, []);
  const list = Array.isArray(nodes) ? nodes : [];
  return html`<section aria-labelledby="h-nodes"><h2 id="h-nodes">Nodes</h2>
    ${nodes && nodes.error && html`<p class="notice error">${nodes.error}</p>`}
    <div class="card"><table data-testid="node-list"><thead><tr><th scope="col">Node</th><th scope="col">Version</th>
      <th scope="col">Up</th><th scope="col">Sockets</th><th scope="col">Rooms</th><th scope="col">Matches</th>
      <th scope="col">Heap</th><th scope="col">Matcher lease</th></tr></thead>
      <tbody>${list.map((n) => html`<tr><td class="mono">${n.id}</td><td>${n.version}</td><td>${duration(n.uptime_seconds)}</td>
        <td>${fmt(n.sockets)}</td><td>${fmt(n.rooms)}</td><td>${fmt(n.matches)}</td>
        <td>${fmt(n.heap_used_mb)} / ${fmt(n.heap_max_mb)} MB</td><td>${n.leases.length ? n.leases.join(', ') : '–'}</td></tr>`)}
      </tbody></table></div></section>`;
}

function Audit() {
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [page, pager] = usePaged((before) => arena.admin.audit({ q: query || undefined, before, limit: 25 }), [query]);
  return html`<section aria-labelledby="h-audit"><h2 id="h-audit">Audit log</h2>
    <form class="toolbar" onSubmit=${(e) => { e.preventDefault(); setQuery(q); }}>
      <input type="search" aria-label="Search the audit log" placeholder="action, target, who or why" value=${q}
        onInput=${(e) => setQ(e.target.value)} /><button type="submit" class="primary">Search</button></form>
    ${page.error && html`<p class="notice error">${page.error}</p>`}
    <div class="card"><table data-testid="audit"><thead><tr><th scope="col">When</th><th scope="col">Who</th>
      <th scope="col">Action</th><th scope="col">Target</th><th scope="col">Why</th></tr></thead>
      <tbody>${page.items.map((a) => html`<tr><td>${when(a.at)}</td><td>${a.actor_name}</td><td>${a.action}</td>
        <td class="mono">${a.target}</td><td>${a.reason}</td></tr>`)}
      ${!page.items.length && !page.error && html`<tr><td colspan="5" class="muted">Nothing recorded.</td></tr>`}</tbody>
    </table>${pager}</div></section>`;
}

const VIEWS = { players: Players, matches: Matches, chat: Chat, tournaments: Tournaments, matchmaking: Matchmaking,
  jobs: Jobs, nodes: Nodes, audit: Audit };

function SignIn({ message, onSignedIn }) {
  const [user, setUser] = useState('');
  const [pass, setPass] = useState('');
  const [error, setError] = useState(null);
  const submit = async (e) => {
    e.preventDefault();
    setError(null);
    try {
      const s = await arena.auth.login(user, pass);
      const role = (s.player || arena.session.player).role;
      if (role === 'player') {
        await arena.auth.logout().catch(() => {});
        setError('This account is a player: the console is for admins, moderators and viewers.');
        return;
      }
      onSignedIn();
    } catch (err) {
      setError(err.status === 401 ? 'Wrong username or password.' : problemText(err));
    }
  };
  return html`<form class="card sign-in" data-testid="sign-in" onSubmit=${submit} aria-label="Sign in to the console">
    <h2>Admin console</h2>
    ${message && html`<p class="notice" data-testid="sign-in-message" role="status">${message}</p>`}
    <label for="user">Username</label><input id="user" data-testid="username" autocomplete="username" required
      value=${user} onInput=${(e) => setUser(e.target.value)} />
    <label for="pass">Password</label><input id="pass" data-testid="password" type="password" required
      autocomplete="current-password" value=${pass} onInput=${(e) => setPass(e.target.value)} />
    ${error && html`<p class="notice error" role="alert">${error}</p>`}
    <div class="row"><button class="primary" type="submit" data-testid="sign-in-submit">Sign in</button></div></form>`;
}

function App() {
  const [session, setSession] = useState(arena.session);
  const [message, setMessage] = useState(null);
  const [section, setSection] = useState(location.hash.slice(1) || 'players');
  useEffect(() => arena.onSession((s) => {
    if (!s) setMessage('Your session has ended: sign in again.');
    setSession(s);
  }), []);
  useEffect(() => {
    const account = document.getElementById('account');
    if (!session) { account.replaceChildren(); return; }
    const p = session.player;
    render(html`<span class="whoami">${p.display_name} · <span class=${`role-${p.role}`} data-testid="my-role">${p.role}</span></span>
      <button type="button" data-testid="sign-out" onClick=${() => arena.auth.logout().catch(() => {})
        .finally(() => { setMessage('Signed out.'); setSession(null); })}>Sign out</button>`, account);
  }, [session]);
  if (!session) return html`<${SignIn} message=${message} onSignedIn=${() => { setMessage(null); setSession(arena.session); }} />`;
  const View = VIEWS[section] || Players;
  return html`<div class="admin">
    <nav class="sections" aria-label="Console sections">${SECTIONS.map(([id, label]) => html`<button type="button"
      data-testid=${`section-${id}`} aria-current=${section === id ? 'page' : undefined}
      onClick=${() => { location.hash = id; setSection(id); }}>${label}</button>`)}</nav>
    <div>${session.player.role === 'viewer' && html`<p class="notice" data-testid="viewer-note">You are signed in as a
      viewer: you can look at everything, and the server refuses every action.</p>`}<${View} /></div></div>`;
}

const root = document.getElementById('app');
root.replaceChildren(); // the "Loading…" line is static markup, not Preact's to diff away
render(html`<${App} />`, root);
