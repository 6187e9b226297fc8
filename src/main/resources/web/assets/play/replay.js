// The replay of a finished game: the stored log's events, stepped at the game's tick rate, with play/pause/seek.
import { html, useEffect, useRef, useState } from '/vendor/preact/standalone.module.js';
import { Board, c4Apply, c4Model } from './c4.js';
import { BattleCanvas, battleFrame, battleModel } from './battle.js';
import { outcomeFor } from './game.js';
import { mmss, modeName, nameOf, words } from './util.js';

/** The log as frames: tick → the events to apply (joins become player_joined, as they were live). */
export function framesOf(log) {
  const frames = new Map();
  for (const e of log.entries || []) {
    let ev = null;
    if (e.kind === 'event') ev = e.data;
    else if (e.kind === 'join') ev = { type: 'player_joined', player: e.player };
    if (!ev) continue;
    if (!frames.has(e.tick)) frames.set(e.tick, []);
    frames.get(e.tick).push(ev);
  }
  return frames;
}

export function Replay({ app, gameId }) {
  const { arena, me } = app;
  const [s, setS] = useState({ r: null, error: null, tick: 0, playing: false, speed: 1, c4: null });
  const patch = p => setS(old => ({ ...old, ...(typeof p === 'function' ? p(old) : p) }));
  const frames = useRef(new Map());
  const battle = useRef(null);

  useEffect(() => {
    arena.games.replay(gameId).then(r => {
      frames.current = framesOf(r.log);
      // start where the game did: the wait for players before it is not worth watching
      const start = (r.log.entries || []).find(e => e.kind === 'start');
      const from = start ? Math.max(0, start.tick - 1) : 0;
      const m = rebuild(r, from);
      patch({ r, tick: from, c4: m.c4, playing: true });
    }, e => patch({ error: words(e) }));
  }, [gameId]);

  const rebuild = (r, upTo) => {
    const c4 = r.mode === 'connect_four' ? c4Model(null) : null;
    let m4 = c4;
    if (r.mode === 'arena_battle') battle.current = battleModel(null, r.log.tick_rate);
    const now = performance.now() - 1000; // already settled: no interpolation after a seek
    for (const [tick, evs] of [...frames.current.entries()].sort((a, b) => a[0] - b[0])) {
      if (tick > upTo) break;
      if (battle.current) battleFrame(battle.current, tick, evs, now);
      if (m4) for (const ev of evs) m4 = c4Apply(m4, ev);
    }
    return { c4: m4 };
  };

  // stepping: one tick per period of the game's tick rate, times the speed
  useEffect(() => {
    if (!s.r || !s.playing) return undefined;
    const rate = s.r.log.tick_rate || 10;
    const t = setInterval(() => {
      setS(old => {
        const next = old.tick + 1;
        if (next > old.r.log.final_tick) return { ...old, playing: false };
        const evs = frames.current.get(next);
        let c4 = old.c4;
        if (evs) {
          if (battle.current) battleFrame(battle.current, next, evs);
          if (c4) for (const ev of evs) c4 = c4Apply(c4, ev);
        } else if (battle.current) {
          battleFrame(battle.current, next, []);
        }
        return { ...old, tick: next, c4 };
      });
    }, 1000 / rate / s.speed);
    return () => clearInterval(t);
  }, [s.r, s.playing, s.speed]);

  if (s.error) return html`<main class="narrow-main"><p class="notice error" role="alert">${s.error}</p></main>`;
  if (!s.r) return html`<main class="narrow-main"><p class="muted">Loading the replay…</p></main>`;
  const r = s.r, final = r.log.final_tick, rate = r.log.tick_rate || 10;
  const seek = t => {
    const m = rebuild(r, t);
    patch({ tick: t, c4: m.c4 });
  };
  const o = outcomeFor(r.result, me.id);
  return html`<main class="narrow-main replay">
    <h1>Replay · ${modeName(r.mode)}</h1>
    <p class="muted">${new Date(r.finished_at).toLocaleString()} · ${o ? `you: ${o}` : r.result && r.result.outcome
      ? (r.result.outcome.type === 'winner' ? `${nameOf(r.result.outcome.player)} won` : r.result.outcome.type) : ''}</p>
    ${s.c4 ? html`<div class="c4-wrap"><${Board} model=${s.c4} onDrop=${null} /></div>` : null}
    ${r.mode === 'arena_battle' ? html`<div class="battle-wrap"><${BattleCanvas} modelRef=${battle} me=${me.id} /></div>` : null}
    <div class="replay-controls row">
      <button class="primary" data-testid="replay-play" onClick=${() => {
        if (s.tick >= final) seek(0);
        patch(old => ({ playing: !old.playing }));
      }}>${s.playing ? 'Pause' : 'Play'}</button>
      <input type="range" class="grow" min="0" max=${final} value=${s.tick} aria-label="Seek" data-testid="replay-seek"
        onInput=${e => { patch({ playing: false }); seek(Number(e.target.value)); }} />
      <span class="mono">${mmss((s.tick / rate) * 1000)} / ${mmss((final / rate) * 1000)}</span>
      <select aria-label="Speed" value=${s.speed} onChange=${e => patch({ speed: Number(e.target.value) })}>
        ${[0.5, 1, 2, 4, 8].map(x => html`<option value=${x}>${x}×</option>`)}</select>
    </div>
  </main>`;
}
