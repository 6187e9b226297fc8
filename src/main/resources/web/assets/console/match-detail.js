// The console's view of one live match (admin.js opens it from the live-match list): its state, its event stream
// with players named, and the stop action.
import { html, useState, useEffect } from '/vendor/preact/standalone.module.js';
import { count, fmt, problemText } from './ui.js';
import { arena, useAction, Reason } from './admin-kit.js';

/**
 * One event of a `match.event` frame in words: its type, then its other fields, a player's id shown as their display
 * name when `names` knows it (ids stay ids in the state, which shows the game as it is).
 */
function eventText(e, names) {
  const { type, tick, ...rest } = e;
  const named = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, names.get(v) ?? v]));
  const more = Object.keys(named).length ? ` ${JSON.stringify(named)}` : '';
  return `tick ${fmt(tick)} · ${type}${more}`;
}

/**
 * The display names of a match's players, id → name: one public profile read per player the view shows (a few per
 * match, each read once while the match is open), never one per event.
 */
function usePlayerNames(players) {
  const [names, setNames] = useState(() => new Map());
  const ids = (players || []).map((p) => p.player).sort().join(',');
  useEffect(() => {
    let live = true;
    ids.split(',').filter((pid) => pid && !names.has(pid)).forEach((pid) => arena.players.get(pid)
      .then((p) => { if (live) setNames((old) => new Map(old).set(pid, p.display_name)); })
      .catch(() => {})); // a deleted account stays an id
    return () => { live = false; };
  }, [ids]);
  return names;
}

const FOLLOWING = {
  connecting: 'Connecting to the live event stream…',
  live: 'Following the live event stream (the console spectates the match).',
  reconnecting: 'Connection lost: reconnecting…',
};

/**
 * A live match, followed through its event stream: `match.spectate` over the console's socket (on whichever node;
 * the SDK re-attaches after a reconnect), events shown as they arrive, the state read again after events (at most
 * once a second). Every console account may spectate every match, a private one a player made included (the rule
 * of `GET /games/{id}/state`); should the stream be refused or unreachable, the state is read once a second
 * instead (`GET /admin/matches/{id}`); once the match ends its result stays on screen.
 */
export function MatchDetail({ id, onStopped }) {
  const [view, setView] = useState(null);
  const [events, setEvents] = useState([]);
  const [follow, setFollow] = useState('connecting'); // connecting | live | reconnecting | polling | ended
  const [note, setNote] = useState(null);
  const [reason, setReason] = useState('');
  const [run, result] = useAction();
  const names = usePlayerNames(view && view.players);
  useEffect(() => {
    let live = true;
    let spectating = false;
    let ended = false;
    let poller = null;
    let inFlight = false;
    let again = false;
    let lastRead = 0;
    let later = null;
    const offs = [];
    const read = () => {
      if (!live) return;
      if (inFlight) { again = true; return; }
      const wait = lastRead + 1000 - Date.now();
      if (wait > 0) { if (!later) later = setTimeout(() => { later = null; read(); }, wait); return; }
      inFlight = true;
      lastRead = Date.now();
      arena.admin.match(id).then((v) => { if (live && !ended) setView(v); })
        .catch((e) => { if (live && !ended) setNote(problemText(e)); })
        .finally(() => { inFlight = false; if (again) { again = false; read(); } });
    };
    const ends = (res, tick) => {
      ended = true;
      clearInterval(poller);
      setFollow('ended');
      setView((v) => ({ ...(v || {}), status: 'finished', tick: tick ?? (v && v.tick), result: res }));
    };
    arena.match.spectate(id).then((state) => {
      if (!live) { arena.match.leave(id).catch(() => {}); return; }
      spectating = true;
      setView(state);
      setFollow(state.status === 'finished' ? 'ended' : 'live');
      const s = arena.socket;
      offs.push(s.on('match.event', (f) => {
        if (f.game_id !== id) return;
        const fresh = f.events.map((e) => ({ ...e, tick: f.tick })).reverse();
        setEvents((old) => [...fresh, ...old].slice(0, 50));
        setView((v) => (v ? { ...v, tick: f.tick } : v));
        read();
      }));
      offs.push(s.on('match.end', (f) => { if (f.game_id === id) ends(f.result, f.tick); }));
      offs.push(s.on('state', (st) => { if (!ended) setFollow(st === 'open' ? 'live' : 'reconnecting'); }));
    }).catch((e) => {
      if (!live) return;
      if (e.code === 'ended') { setFollow('ended'); read(); return; }
      setFollow('polling');
      setNote(`No live event stream (${problemText(e)}): the state is read once a second.`);
      read();
      poller = setInterval(read, 1000);
    });
    return () => {
      live = false;
      clearInterval(poller);
      clearTimeout(later);
      offs.forEach((off) => off());
      if (spectating && !ended) arena.match.leave(id).catch(() => {});
    };
  }, [id]);
  const res = view && view.result;
  return html`<article class="card detail" data-testid="match-detail"><h3>Match ${id}</h3>
    <p class=${`notice ${follow === 'ended' ? 'ok' : ''}`} role="status" data-testid="match-follow">${follow === 'ended'
      ? `The match has ended${res && res.reason ? `: ${res.reason}` : ''}.` : follow === 'polling' ? note : FOLLOWING[follow]}</p>
    ${follow !== 'polling' && note && html`<p class="notice error">${note}</p>`}
    ${view && html`
      <p>${view.mode} · <span data-testid="match-status">${view.status}</span> · tick <span data-testid="match-tick">${fmt(view.tick)}</span>${' '}
        · ${count((view.players || []).length, 'player')}<span data-testid="match-players">${(view.players || []).length
          ? ` (${view.players.map((p) => names.get(p.player) ?? p.player).join(', ')})` : ''}</span>${' '}
        · ${count(view.spectators || 0, 'spectator')}</p>
      <div class="match-live"><div><h4>State</h4><pre class="state">${JSON.stringify(view.state, null, 2)}</pre></div>
      <div><h4>Events (newest first)</h4><ol class="events" data-testid="match-events" aria-live="polite">
        ${events.map((e, i) => html`<li key=${events.length - i} data-testid="match-event" class="mono">${eventText(e, names)}</li>`)}
        ${!events.length && html`<li class="muted">None yet: they appear here as they happen.</li>`}</ol></div></div>`}
    <${Reason} value=${reason} onInput=${setReason} />
    <div class="actions"><button type="button" class="danger" data-testid="stop-match" disabled=${follow === 'ended'}
      onClick=${() => run('Stop', () => arena.admin.stopMatch(id, reason), onStopped)}>Stop match</button></div>${result}
  </article>`;
}
