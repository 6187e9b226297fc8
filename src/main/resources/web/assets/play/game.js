// One match, played (#/game/{id}) or watched (#/watch/{id}): attach, apply the tick frames to the game's model,
// send inputs, show the result and the rating change; the chat sits beside it.
import { html, useEffect, useRef, useState } from '/vendor/preact/standalone.module.js';
import { Board, c4Apply, c4Model, discOf } from './c4.js';
import { BattleCanvas, battleFrame, battleModel, estimatedTick, useBattleKeys } from './battle.js';
import { Chat } from './chat.js';
import { go, listen, modeName, nameOf, ratingOf, remember, useTicker, words, mmss } from './util.js';

const REASONS = {
  four_in_a_row: 'four in a row', board_full: 'the board is full', forfeit: 'forfeit', timeout: 'out of time',
  last_standing: 'last one standing', all_eliminated: 'everyone fell', time_limit: 'time is up', empty: 'nobody stayed',
  shutdown: 'the server stopped', owner_lost: 'the server running it was lost',
};

/** win / loss / draw for a player, or null for an abandoned game. */
export function outcomeFor(result, player) {
  const o = result && result.outcome;
  if (!o || o.type === 'abandoned') return null;
  if (o.type === 'draw') return 'draw';
  return o.player === player ? 'win' : 'loss';
}

export function GameView({ app, gameId, watch }) {
  const { arena, socket, me } = app;
  const [s, setS] = useState({ loading: true, error: null, inputError: null, snap: null, status: 'waiting',
    players: [], host: null, c4: null, result: null, ratingBefore: null, ratingAfter: null, ready: false });
  const patch = p => setS(old => ({ ...old, ...(typeof p === 'function' ? p(old) : p) }));
  const battle = useRef(null);
  const snapTick = useRef(0);
  const lastTick = useRef({ tick: 0, at: performance.now() });
  const asPlayer = !watch;

  // attach; after a reconnect the SDK attaches again and its match.state replaces whatever we had
  useEffect(() => {
    let alive = true;
    const adopt = snap => {
      if (!alive || snap.game_id !== gameId) return;
      snapTick.current = snap.tick;
      lastTick.current = { tick: snap.tick, at: performance.now() };
      (snap.players || []).forEach(p => lookUpName(arena, p.player));
      if (snap.mode === 'arena_battle') battle.current = battleModel(snap.state, snap.tick_rate);
      patch({ loading: false, error: null, snap, status: snap.status, players: snap.players || [],
        host: snap.host || null, result: snap.result || null,
        c4: snap.mode === 'connect_four' ? c4Model(snap.state) : null });
    };
    (async () => {
      try {
        const snap = asPlayer ? await arena.match.join(gameId) : await arena.match.spectate(gameId);
        if (!alive) return;
        if (snap.tick >= snapTick.current) adopt(snap);
        if (asPlayer && snap.status !== 'finished') {
          const p = await arena.players.profile(me.id).catch(() => null);
          if (alive && p) patch({ ratingBefore: ratingOf(p.stats, snap.mode) || { rating: 1500, games: 0 } });
        }
      } catch (e) {
        // not seated in it (a link shared to the wrong route): watch it instead
        if (alive && asPlayer && e.code === 'not_participant') go('/watch/' + gameId);
        else if (alive) patch({ loading: false, error: words(e) });
      }
    })();
    const offs = [
      listen(socket, 'match.state', f => f.game_id === gameId && f.tick > snapTick.current && adopt(f)),
      listen(socket, 'match.event', f => {
        if (f.game_id !== gameId || f.tick <= snapTick.current) return;
        lastTick.current = { tick: f.tick, at: performance.now() };
        if (battle.current) battleFrame(battle.current, f.tick, f.events);
        patch(old => applyLoop(old, f.events));
      }),
      listen(socket, 'match.end', e => {
        if (e.game_id === gameId) patch({ status: 'finished', result: e.result });
      }),
      // refusals of inputs come as error frames without a rid (the rules decide at the tick)
      listen(socket, 'error', f => {
        if (f && f.code && f.rid === undefined && !(f instanceof Error)) patch({ inputError: words(f) });
      }),
    ];
    return () => {
      alive = false;
      offs.forEach(off => off());
      if (!asPlayer) arena.match.leave(gameId).catch(() => {});
    };
  }, [gameId, watch, socket]);

  // the rating moves once the result job has run: ask until it has
  useEffect(() => {
    if (!asPlayer || s.status !== 'finished' || !s.snap || !s.ratingBefore || !outcomeFor(s.result, me.id)) return undefined;
    let tries = 0, stop = false;
    const poll = async () => {
      if (stop || tries++ > 20) return;
      const p = await arena.players.profile(me.id).catch(() => null);
      const r = p && ratingOf(p.stats, s.snap.mode);
      if (r && r.games > s.ratingBefore.games) patch({ ratingAfter: r });
      else setTimeout(poll, 1000);
    };
    poll();
    return () => { stop = true; };
  }, [s.status, s.ratingBefore]);

  // false: not sent, either offline or over the socket's outgoing rate (the SDK drops rather than queue inputs)
  const send = input => {
    const sent = arena.match.input(gameId, input);
    patch({ inputError: sent ? null : words({ code: socket.state === 'open' ? 'rate_limited' : 'offline' }) });
  };
  const mode = s.snap && s.snap.mode;
  const seated = s.players.some(p => p.player === me.id);
  const running = s.status === 'running';
  const mine = battle.current && battle.current.fighters[me.id];
  useBattleKeys(mode === 'arena_battle' && asPlayer && running && seated, battle, me.id, send);

  if (s.loading) return html`<main><p class="muted">Joining the game…</p></main>`;
  if (s.error) {
    return html`<main><div class="card narrow"><p class="notice error" role="alert">${s.error}</p>
      <a class="button" href="#/lobby">Back to the lobby</a></div></main>`;
  }

  const leave = async () => {
    if (asPlayer && running && !confirm('Leave the game? You forfeit it.')) return;
    await arena.match.leave(gameId).catch(() => {});
    go('/lobby');
  };

  return html`<main class="game-layout">
    <section class="game-main">
      <header class="game-head">
        <div>
          <h1>${modeName(mode)}</h1>
          <p class="muted" data-testid="game-status">${watch ? html`<span class="badge live">Spectating</span> ` : null}
            ${statusLine(s, me.id)}</p>
        </div>
        <div class="row">
          <${ShareLink} gameId=${gameId} />
          <button onClick=${leave} data-testid="leave-game">${watch ? 'Stop watching' : s.status === 'finished' ? 'Back to the lobby' : 'Leave'}</button>
        </div>
      </header>
      ${s.status === 'waiting' && s.host ? html`<${WaitingRoom} app=${app} gameId=${gameId} s=${s} patch=${patch} />` : null}
      ${mode === 'connect_four' && s.c4 ? html`<${FourPanel} s=${s} me=${me.id} asPlayer=${asPlayer} send=${send}
          lastTick=${lastTick} tickRate=${s.snap.tick_rate} />` : null}
      ${mode === 'arena_battle' ? html`<${BattlePanel} model=${battle} me=${asPlayer ? me.id : null} running=${running}
          send=${send} mine=${mine} />` : null}
      ${s.inputError ? html`<p class="field-error" role="alert" data-testid="input-error">${s.inputError}</p>` : null}
      ${s.status === 'finished' ? html`<${ResultBanner} s=${s} me=${me.id} asPlayer=${asPlayer && seated} gameId=${gameId} />` : null}
    </section>
    <aside class="game-side">
      <${Players} s=${s} me=${me.id} battle=${battle.current} />
      <${Chat} app=${app} room=${'match:' + gameId} title="Game chat" />
    </aside>
  </main>`;
}

function lookUpName(arena, id) {
  if (!id || nameOf(id).startsWith('player ') === false) return;
  arena.players.profile(id).then(p => remember(id, p.player.display_name)).catch(() => {});
}

/** The loop's own events (joins, ready, host, start) on the plain state; the game's go to its model. */
function applyLoop(old, events) {
  let { players, host, status, c4 } = old;
  for (const ev of events) {
    switch (ev.type) {
      case 'player_joined':
        if (!players.some(p => p.player === ev.player)) players = [...players, { player: ev.player, connected: true, ready: false }];
        break;
      case 'player_left': case 'player_kicked': case 'fighter_removed':
        if (status === 'waiting') players = players.filter(p => p.player !== ev.player);
        break;
      case 'player_ready':
        players = players.map(p => (p.player === ev.player ? { ...p, ready: ev.ready } : p));
        break;
      case 'player_disconnected':
        players = players.map(p => (p.player === ev.player ? { ...p, connected: false } : p));
        break;
      case 'player_reconnected':
        players = players.map(p => (p.player === ev.player ? { ...p, connected: true } : p));
        break;
      case 'host_changed':
        host = ev.player;
        break;
      case 'match_started':
        status = 'running';
        break;
      default:
    }
    if (c4) c4 = c4Apply(c4, ev);
  }
  return { players, host, status, c4 };
}

function statusLine(s, me) {
  if (s.status === 'waiting') return s.host ? 'Waiting for everyone to be ready' : 'Waiting for the players';
  if (s.status === 'finished') return 'Finished';
  if (s.c4) {
    if (!s.c4.toMove) return 'Running';
    return s.c4.toMove === me ? 'Your turn' : `${nameOf(s.c4.toMove)} to move`;
  }
  return 'Running';
}

function ShareLink({ gameId }) {
  const [copied, setCopied] = useState(false);
  const url = `${location.origin}/play#/watch/${gameId}`;
  const copy = () => navigator.clipboard && navigator.clipboard.writeText(url).then(() => setCopied(true), () => {});
  return html`<a class="button" href=${'#/watch/' + gameId} onClick=${e => { e.preventDefault(); copy(); }}
      title="Copy the spectator link">${copied ? 'Link copied' : 'Spectator link'}</a>`;
}

function WaitingRoom({ app, gameId, s, patch }) {
  const { arena, me } = app;
  const [err, setErr] = useState(null);
  const code = sessionStorage.getItem('arena.code.' + gameId);
  const mineReady = (s.players.find(p => p.player === me.id) || {}).ready;
  const act = async f => {
    setErr(null);
    try { await f(); } catch (e) { setErr(words(e)); }
  };
  return html`<div class="card waiting">
    ${code ? html`<p>Join code: <strong class="join-code" data-testid="join-code">${code}</strong>
      <span class="muted"> — give it to a friend</span></p>` : null}
    <div class="row">
      <button class=${mineReady ? '' : 'primary'} data-testid="ready"
        onClick=${() => act(() => arena.games.ready(gameId, !mineReady))}>${mineReady ? 'Not ready' : "I'm ready"}</button>
      ${s.host === me.id ? html`<button data-testid="start" onClick=${() => act(() => arena.games.start(gameId, { force: false }))}>
        Start now</button>` : null}
    </div>
    ${err ? html`<p class="field-error" role="alert">${err}</p>` : null}
  </div>`;
}

function FourPanel({ s, me, asPlayer, send, lastTick, tickRate }) {
  useTicker(500);
  const m = s.c4;
  const myDisc = asPlayer ? discOf(m, me) : null;
  const canPlay = asPlayer && s.status === 'running' && m.toMove === me;
  const now = lastTick.current.tick + ((performance.now() - lastTick.current.at) / 1000) * tickRate;
  const left = m.deadlineTick && s.status === 'running' ? (m.deadlineTick - now) / tickRate : null;
  return html`<div class="c4-wrap">
    <div class="c4-legend">
      ${m.players.map((p, i) => html`<span key=${p} class=${'who ' + (m.toMove === p ? 'to-move' : '')}>
        <span class=${'disc ' + (i === 0 ? 'red' : 'yellow')}></span>${p === me ? 'You' : nameOf(p)}</span>`)}
      ${left !== null ? html`<span class=${'clock' + (left < 10 ? ' low' : '')}>${mmss(left * 1000)}</span>` : null}
    </div>
    <${Board} model=${m} myDisc=${myDisc} onDrop=${canPlay ? c => send({ type: 'drop', column: c }) : null} />
    ${canPlay ? html`<p class="hint">Your move: click a column.</p>` : null}
  </div>`;
}

function BattlePanel({ model, me, running, send, mine }) {
  useTicker(200);
  const m = model.current;
  if (!m) return null;
  const tick = estimatedTick(m);
  const left = m.endTick ? Math.max(0, (m.endTick - tick) * m.tickMs) : null;
  const cd = (at, total) => Math.max(0, Math.min(1, (at - tick) / total));
  const pick = me && running ? target => send({ type: 'attack', target }) : null;
  return html`<div class="battle-wrap">
    <${BattleCanvas} modelRef=${model} me=${me} onPick=${pick} />
    <div class="battle-hud">
      ${left !== null && running ? html`<span class="clock">${mmss(left)}</span>` : null}
      ${mine ? html`
        <span>HP <strong>${mine.hp}</strong></span>
        <${Cooldown} label="Attack (Space)" frac=${cd(mine.attackReadyAt, 10)} />
        <${Cooldown} label="Block (Shift)" frac=${cd(mine.blockReadyAt, 40)} />
        <${Cooldown} label="Blast (E)" frac=${cd(mine.blastReadyAt, 100)} />` : html`<span class="muted">Watching</span>`}
    </div>
    ${me ? html`<p class="hint">Move with WASD or the arrows · Space attacks the nearest fighter (or click one) ·
      Shift blocks · E blasts everyone near you</p>` : null}
  </div>`;
}

function Cooldown({ label, frac }) {
  return html`<span class=${'cooldown' + (frac === 0 ? ' ready' : '')}><span class="bar"
      ref=${el => el && (el.style.width = `${Math.round((1 - frac) * 100)}%`)}></span><span class="label">${label}</span></span>`;
}

function Players({ s, me, battle }) {
  const rows = s.players.map(p => {
    const f = battle && battle.fighters[p.player];
    return html`<li key=${p.player} class=${p.player === me ? 'me' : ''}>
      ${f ? html`<span class="swatch" ref=${el => el && (el.style.background = f.color)}></span>` : null}
      ${s.c4 && s.c4.players.indexOf(p.player) >= 0 ? html`<span class=${'disc ' + (s.c4.players.indexOf(p.player) === 0 ? 'red' : 'yellow')}></span>` : null}
      <span class="name" title=${nameOf(p.player)}>${p.player === me ? 'You' : nameOf(p.player)}</span>
      ${s.host === p.player ? html`<span class="badge">host</span>` : null}
      ${s.status === 'waiting' && s.host ? html`<span class=${'badge ' + (p.ready ? 'live' : '')}>${p.ready ? 'ready' : 'not ready'}</span>` : null}
      ${p.connected === false ? html`<span class="badge warn">disconnected</span>` : null}
      ${f ? html`<span class="stats">${f.alive ? `${f.hp} HP` : 'out'} · ${f.damage} dmg</span>` : null}
    </li>`;
  });
  return html`<section class="card"><h3>Players</h3><ul class="players">${rows}</ul></section>`;
}

function ResultBanner({ s, me, asPlayer, gameId }) {
  const r = s.result;
  const reason = r && r.reason ? REASONS[r.reason] || r.reason : '';
  const o = outcomeFor(r, me);
  let text;
  if (!r || !r.outcome || r.outcome.type === 'abandoned') text = `Result: abandoned${reason ? ' · ' + reason : ''}`;
  else if (asPlayer) text = `Result: ${o}${reason ? ' · ' + reason : ''}`;
  else text = r.outcome.type === 'draw' ? `Result: draw · ${reason}` : `Result: win for ${nameOf(r.outcome.player)} · ${reason}`;
  const place = asPlayer && r && r.standings ? r.standings.find(x => x.player === me) : null;
  const headline = asPlayer ? { win: 'Victory!', loss: 'Defeat', draw: 'Draw' }[o] || 'Game over' : 'Game over';
  return html`<div class=${'result-banner ' + (asPlayer ? o || '' : '')}>
    <strong class="headline">${headline}</strong>
    <span data-testid="game-result">${text}</span>
    ${place && s.players.length > 2 ? html`<span class="muted">Place ${place.place} of ${s.players.length}</span>` : null}
    ${asPlayer && s.ratingBefore && o ? html`<span data-testid="rating-change" class="rating-change">${s.ratingAfter
      ? html`Rating ${s.ratingBefore.rating} → <strong>${s.ratingAfter.rating}</strong>${' '}<span class=${s.ratingAfter.rating >= s.ratingBefore.rating ? 'up' : 'down'}>
          (${s.ratingAfter.rating >= s.ratingBefore.rating ? '+' : ''}${s.ratingAfter.rating - s.ratingBefore.rating})</span>`
      : 'Rating: updating…'}</span>` : null}
    <span class="row"><a class="button" href=${'#/replay/' + gameId}>Watch the replay</a>
      <a class="button primary" href="#/lobby">Play again</a></span>
  </div>`;
}
