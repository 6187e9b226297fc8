// The web client's entry: sign-in, the socket and its connection state, the top bar and the hash routes.
// Every view is its own module and talks to the server only through the SDK.
import { html, render, useEffect, useState } from '/vendor/preact/standalone.module.js';
import * as sdk from '/sdk/arena.js';
import { Lobby } from './lobby.js';
import { GameView } from './game.js';
import { Replay } from './replay.js';
import { Leaderboard } from './leaderboard.js';
import { Profile } from './profile.js';
import { TournamentList, TournamentView } from './tournaments.js';
import { Fixtures } from './fixtures.js';
import { go, remember, words } from './util.js';

const Arena = sdk.Arena || sdk.default;
// ?guest=2 (any short name) is a second guest in this browser, with its own device id and session: two tabs,
// two players. Without it, every tab of this browser is the same player.
const slot = (new URLSearchParams(location.search).get('guest') || '').toLowerCase();
const suffix = /^[a-z0-9]{1,16}$/.test(slot) ? '.' + slot : '';
const arena = new Arena({ storage: 'local', storageKey: 'arena.session' + suffix });

function route() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  return { name: parts[0] || 'lobby', arg: parts[1] ? decodeURIComponent(parts[1]) : null };
}

/** The device id of one-click guest sign-in, kept in this browser. */
function deviceId() {
  let id = localStorage.getItem('arena.device' + suffix);
  if (!id) {
    id = (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2)) + '-web';
    localStorage.setItem('arena.device' + suffix, id);
  }
  return id;
}

function stateName(st) {
  return typeof st === 'string' ? st : st && st.state ? st.state : 'open';
}

function App() {
  const [s, setS] = useState({ phase: 'boot', me: null, socket: null, conn: 'connecting', route: route() });
  const patch = p => setS(old => ({ ...old, ...p }));

  useEffect(() => {
    const onHash = () => patch({ route: route() });
    window.addEventListener('hashchange', onHash);
    // a stored session (storage: 'local') signs us straight in
    arena.players.me().then(me => online(me), () => patch({ phase: 'signin' }));
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const online = async me => {
    remember(me.id, me.display_name);
    const socket = await arena.connect();
    socket.on('state', st => patch({ conn: stateName(st) }));
    patch({ phase: 'in', me, socket, conn: stateName(socket.state) });
  };
  const signOut = async () => {
    await arena.auth.logout().catch(() => {});
    patch({ phase: 'signin', me: null, socket: null });
  };

  if (s.phase === 'boot') return html`<${Bar} /><main><p class="muted">Loading…</p></main>`;
  if (s.phase === 'signin') return html`<${Bar} /><${SignIn} onIn=${online} />`;
  const app = { arena, socket: s.socket, me: s.me };
  const r = s.route;
  let view;
  switch (r.name) {
    case 'game': view = html`<${GameView} key=${'g' + r.arg} app=${app} gameId=${r.arg} />`; break;
    case 'watch': view = html`<${GameView} key=${'w' + r.arg} app=${app} gameId=${r.arg} watch=${true} />`; break;
    case 'replay': view = html`<${Replay} key=${r.arg} app=${app} gameId=${r.arg} />`; break;
    case 'leaderboard': view = html`<${Leaderboard} key=${r.arg} app=${app} mode=${r.arg} />`; break;
    case 'profile': view = html`<${Profile} key=${r.arg} app=${app} playerId=${r.arg} />`; break;
    case 'tournaments': view = html`<${TournamentList} app=${app} />`; break;
    case 'tournament': view = html`<${TournamentView} key=${r.arg} app=${app} id=${r.arg} />`; break;
    case 'fixtures': view = html`<${Fixtures} app=${app} />`; break;
    default: view = html`<${Lobby} app=${app} />`;
  }
  return html`<${Bar} me=${s.me} conn=${s.conn} route=${r.name} onSignOut=${signOut} />
    ${s.conn !== 'open' ? html`<div class="conn-banner" role="status" data-testid="reconnecting">
      ${s.conn === 'closed' ? 'Disconnected.' : 'Connection lost: reconnecting…'}</div>` : null}
    ${view}`;
}

function Bar({ me, conn, route: current, onSignOut }) {
  const link = (name, href, label) => html`<a href=${href} aria-current=${current === name ? 'page' : null}>${label}</a>`;
  return html`<header class="topbar">
    <a class="brand" href="/"><span class="brand-mark" aria-hidden="true"></span>Arena</a>
    ${me ? html`<nav aria-label="Play">
      ${link('lobby', '#/lobby', 'Lobby')}
      ${link('leaderboard', '#/leaderboard/connect_four', 'Leaderboard')}
      ${link('tournaments', '#/tournaments', 'Tournaments')}
      ${link('profile', '#/profile', 'Profile')}
    </nav>` : null}
    <span class="spacer"></span>
    ${me ? html`<span class=${'badge ' + (conn === 'open' ? 'live' : 'warn')} data-testid="connection">
        ${conn === 'open' ? 'online' : conn}</span>
      <a href="#/profile" class="me-name" data-testid="me-name">${me.display_name}</a>
      <button class="small" onClick=${onSignOut}>Sign out</button>` : null}
  </header>`;
}

function SignIn({ onIn }) {
  const [f, setF] = useState({ tab: 'guest', username: '', password: '', error: null, busy: false });
  const patch = p => setF(old => ({ ...old, ...p }));
  const run = async call => {
    patch({ error: null, busy: true });
    try {
      await call();
      onIn(await arena.players.me());
    } catch (e) {
      patch({ error: words(e), busy: false });
    }
  };
  const submit = e => {
    e.preventDefault();
    run(() => (f.tab === 'login' ? arena.auth.login(f.username, f.password) : arena.auth.register(f.username, f.password)));
  };
  return html`<main class="signin">
    <section class="card signin-card">
      <h1>Play Arena</h1>
      <p class="muted">Connect Four and Arena Battle in your browser: quick matches, private games with friends,
        tournaments with live brackets.</p>
      <button class="primary big" data-testid="guest-login" disabled=${f.busy}
        onClick=${() => run(() => arena.auth.guest(deviceId()))}>Play now as a guest</button>
      <p class="muted small">One click, no account. Your guest stays on this browser.</p>
      <div class="divider"><span>or</span></div>
      <div class="tabs" role="tablist">
        <button role="tab" class=${f.tab !== 'register' ? 'tab active' : 'tab'} aria-selected=${f.tab !== 'register'}
          onClick=${() => patch({ tab: 'login' })}>Log in</button>
        <button role="tab" class=${f.tab === 'register' ? 'tab active' : 'tab'} aria-selected=${f.tab === 'register'}
          onClick=${() => patch({ tab: 'register' })}>Create account</button>
      </div>
      <form onSubmit=${submit}>
        <label for="u">Username</label>
        <input id="u" autocomplete="username" value=${f.username} onInput=${e => patch({ username: e.target.value })} />
        <label for="p">Password</label>
        <input id="p" type="password" autocomplete=${f.tab === 'register' ? 'new-password' : 'current-password'}
          value=${f.password} onInput=${e => patch({ password: e.target.value })} />
        <button type="submit" disabled=${f.busy} data-testid=${f.tab === 'register' ? 'register' : 'login'}>
          ${f.tab === 'register' ? 'Create account' : 'Log in'}</button>
      </form>
      ${f.error ? html`<p class="field-error" role="alert" data-testid="signin-error">${f.error}</p>` : null}
    </section>
  </main>`;
}

const root = document.getElementById('app');
root.textContent = ''; // the boot message, shown until this module runs
render(html`<${App} />`, root);
