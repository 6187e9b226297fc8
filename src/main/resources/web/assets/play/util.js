// Small helpers shared by the views: listening to socket events, error words, names and time.
import { useEffect, useState } from '/vendor/preact/standalone.module.js';

/** Listens to one socket event type; returns the function that stops listening. */
export function listen(socket, type, fn) {
  if (!socket) return () => {};
  const off = socket.on(type, fn);
  if (typeof off === 'function') return off;
  return () => socket.off && socket.off(type, fn);
}

/** Hook form of listen(): subscribed while the component is mounted (or the deps change). */
export function useEvent(socket, type, fn, deps = []) {
  useEffect(() => listen(socket, type, fn), [socket, type, ...deps]);
}

/** Re-renders every `ms` (clocks, wait timers). */
export function useTicker(ms) {
  const [, setN] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setN(n => n + 1), ms);
    return () => clearInterval(t);
  }, [ms]);
}

const WORDS = {
  muted: 'You are muted here',
  banned: 'You are banned from chat',
  rate_limited: 'Slow down: too many messages, try again in a moment',
  filtered: 'That message was blocked by the chat filter',
  too_large: 'That is too long',
  full: 'That game is full',
  wrong_join_code: 'Wrong join code',
  join_code_required: 'That game needs a join code',
  already_started: 'That game has already started',
  forfeited: 'You left that game for good',
  kicked: 'The host removed you from that game',
  ended: 'That game has ended',
  not_your_turn: 'It is not your turn',
  column_full: 'That column is full',
  out_of_range: 'Out of range',
  cooldown: 'Not ready yet (cooldown)',
  blocking: 'You cannot do that while blocking',
  dead: 'You are out',
  target_dead: 'That fighter is already out',
  invalid_target: 'Nobody to hit there',
  too_fast: 'Too fast',
  not_started: 'The game has not started yet',
  not_connected: 'Not connected to the game',
  spectator: 'Spectators cannot play',
  not_participant: 'You are not playing in that game',
  too_many_spectators: 'Too many spectators already',
  conflict: 'Already done (or it clashes with what is happening)',
  busy: 'The server is busy, try again',
  unavailable: 'The server cannot do that right now, try again',
  players_not_ready: 'Not everyone is ready',
  not_enough_players: 'Not enough players yet',
  invalid_credentials: 'Wrong username or password',
  timeout: 'The server did not answer in time',
  offline: 'Not connected',
};

/** An error from the SDK (ArenaError) or anything else, in words for a player. */
export function words(err) {
  if (!err) return '';
  const code = err.code || (err.problem && err.problem.type && String(err.problem.type).split('/').pop());
  const detail = err.detail || (err.problem && err.problem.detail) || err.message || '';
  if (err.status === 404 && /code/i.test(detail)) return 'No game has that join code';
  // an HTTP 429 says what was too many (failed logins, new guests): its detail is the better sentence
  if (err.status === 429) return detail ? sentence(detail) : WORDS.rate_limited;
  if (code && WORDS[code]) {
    // the server's detail says until when (muted) or which field (bad input): keep it when it adds something
    return (code === 'muted' || code === 'banned') && detail ? `${WORDS[code]}: ${detail}` : WORDS[code];
  }
  if (err.status === 422 && err.problem && Array.isArray(err.problem.errors)) {
    return err.problem.errors.map(e => `${e.field}: ${e.message}`).join('; ');
  }
  return sentence(detail) || String(code || err);
}

/** The server's details start lower-case ("wrong username or password"); shown alone they read as a sentence. */
function sentence(text) {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

export function ratingOf(stats, mode) {
  const r = stats && Array.isArray(stats.ratings) ? stats.ratings.find(x => x.mode === mode) : null;
  return r ? { rating: Math.round(r.rating), games: r.games } : null;
}

export function modeName(mode) {
  return { connect_four: 'Connect Four', arena_battle: 'Arena Battle' }[mode] || mode;
}

export function shortId(id) {
  return id ? String(id).slice(0, 8) : '?';
}

export function mmss(ms) {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function ago(iso) {
  const s = Math.round((Date.now() - Date.parse(iso)) / 1000);
  if (!isFinite(s)) return '';
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return new Date(iso).toLocaleDateString();
}

/** Names of players we have met (chat, presence, tournaments), for showing names instead of ids. */
export const names = new Map();
export function remember(id, name) {
  if (id && name) names.set(String(id), name);
}
export function nameOf(id) {
  return names.get(String(id)) || `player ${shortId(id)}`;
}

const asked = new Set();

/**
 * Learns the names of the players among `ids` we have not met (GET /players/{id}, once each) and re-renders when
 * they arrive, so lists of matches, parties and invites show names, not ids.
 */
export function useNames(arena, ids) {
  const [, setN] = useState(0);
  const key = [...new Set(ids.filter(Boolean).map(String))].sort().join(',');
  useEffect(() => {
    let alive = true;
    const unknown = key ? key.split(',').filter(id => !names.has(id) && !asked.has(id)) : [];
    unknown.forEach(id => {
      asked.add(id);
      arena.players.get(id).then(p => remember(id, p.display_name), () => asked.delete(id))
        .finally(() => alive && setN(n => n + 1));
    });
    return () => { alive = false; };
  }, [key]);
}

export function go(route) {
  location.hash = route;
}
