// Arena JavaScript client SDK: one ES module, no dependencies, no build step.
// Served by every Arena node at /sdk/arena.js (types: /sdk/arena.d.ts); also the npm package in clients/js/.
// Guide: docs/CLIENT.md. Wire protocol: docs/PROTOCOL.md.

const SESSION_KEY = 'arena.session';
const DEVICE_KEY = 'arena.device';
/** Refresh this long before the access token expires (or at 80% of a shorter lifetime). */
const REFRESH_MARGIN_MS = 30_000;
const DEFAULT_TIMEOUT_MS = 10_000;
const BACKOFF_BASE_MS = 250;
const BACKOFF_MAX_MS = 15_000;
const PROBLEM_PREFIX = 'urn:arena:problem:';
/**
 * Outgoing frames per second and burst: 90% of the server's defaults (ARENA_WS_RATE 20, ARENA_WS_BURST 40), so
 * network jitter bunching frames together does not cross the server's limit. Frames over the server's rate are
 * refused unread (no rid to answer), and count as abuse: enough of them close the connection.
 */
const DEFAULT_RATE = { perSecond: 18, burst: 36 };
/** Requests waiting for the rate at most; more are refused at once with `rate_limited`. */
const MAX_QUEUED = 1000;

/** Every failure of the SDK: an HTTP problem (RFC 9457), a socket `error` frame, a time-out or a network fault. */
export class ArenaError extends Error {
  constructor({ status = 0, code, title, detail, problem = null, socketCode = null, message } = {}) {
    super(message || detail || title || code || 'Arena request failed');
    this.name = 'ArenaError';
    this.status = status;
    this.code = code;
    this.title = title || null;
    this.detail = detail || null;
    this.problem = problem;
    this.socketCode = socketCode;
  }

  /** From an RFC 9457 problem document (or whatever body a failed response had). */
  static fromProblem(status, problem) {
    const p = problem && typeof problem === 'object' ? problem : null;
    const type = p && typeof p.type === 'string' ? p.type : '';
    // the problem kind spelled as the socket's codes ("not-found" -> "not_found"): one code to switch on
    const kind = type.startsWith(PROBLEM_PREFIX) ? type.slice(PROBLEM_PREFIX.length) : `http_${status}`;
    const code = kind.replace(/-/g, '_');
    let detail = p && p.detail;
    if (p && Array.isArray(p.errors) && p.errors.length) {
      const fields = p.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
      detail = detail ? `${detail} (${fields})` : fields;
    }
    return new ArenaError({ status, code, title: p && p.title, detail: detail || null, problem: p,
      message: detail || (p && p.title) || `HTTP ${status}` });
  }

  /** From a socket `error` frame `{code, message}`. */
  static fromFrame(frame) {
    return new ArenaError({ code: frame.code, socketCode: frame.code, detail: frame.message || null,
      message: frame.message || frame.code });
  }
}

function memoryStorage() {
  const m = new Map();
  return {
    getItem: (k) => (m.has(k) ? m.get(k) : null),
    setItem: (k, v) => { m.set(k, String(v)); },
    removeItem: (k) => { m.delete(k); },
  };
}

function pickStorage(choice) {
  if (choice && typeof choice === 'object') return choice;
  try {
    if (choice === 'session' && globalThis.sessionStorage) return globalThis.sessionStorage;
    if ((choice === undefined || choice === 'local') && globalThis.localStorage) return globalThis.localStorage;
  } catch (e) {
    // storage refused (a sandboxed frame, privacy settings): fall back to memory
  }
  return memoryStorage();
}

const enc = encodeURIComponent;

function randomId() {
  if (globalThis.crypto && globalThis.crypto.randomUUID) return globalThis.crypto.randomUUID();
  return 'dev-' + Math.random().toString(36).slice(2) + Date.now().toString(36);
}

/** The client: one per server and player. Holds the session, the HTTP calls and the one socket. */
/** An HTTP answer read once: its JSON (or its text, or null when empty), or an ArenaError with the problem document. */
async function answer(response) {
  const text = await response.text();
  let parsed = null;
  if (text) {
    try { parsed = JSON.parse(text); } catch (e) { parsed = text; }
  }
  if (!response.ok) throw ArenaError.fromProblem(response.status, parsed);
  return parsed;
}

export class Arena {
  constructor(options = {}) {
    const loc = globalThis.location;
    this.baseUrl = (options.baseUrl || (loc ? loc.origin : '')).replace(/\/+$/, '');
    this._fetch = options.fetch || globalThis.fetch.bind(globalThis);
    this._WebSocket = options.WebSocket || globalThis.WebSocket;
    this._storage = pickStorage(options.storage);
    this._key = options.storageKey || SESSION_KEY;
    this._timeout = options.timeout || DEFAULT_TIMEOUT_MS;
    this._rate = options.rate === undefined ? DEFAULT_RATE : options.rate;
    this._listeners = new Set();
    this._refreshing = null;
    this._refreshTimer = null;
    this._socket = null;
    this.session = this._load();
    this._schedule();

    this.auth = new AuthApi(this);
    this.players = new PlayersApi(this);
    this.leaderboards = new LeaderboardsApi(this);
    this.rooms = new RoomsApi(this);
    this.chat = new ChatApi(this);
    this.dm = new DmApi(this);
    this.matchmaking = new MatchmakingApi(this);
    this.parties = new PartiesApi(this);
    this.lobby = new LobbyApi(this);
    this.games = new GamesApi(this);
    this.match = new MatchApi(this);
    this.tournaments = new TournamentsApi(this);
    this.moderation = new ModerationApi(this);
    this.admin = new AdminApi(this);
    this.metrics = new MetricsApi(this);
    this.logs = new LogsApi(this);
    this.analytics = new AnalyticsApi(this);
    this.health = new HealthApi(this);

    if (globalThis.addEventListener && this._storage === pickStorage('local')) {
      // another tab refreshed or logged out: adopt its session (refresh tokens rotate, ours may be spent)
      globalThis.addEventListener('storage', (e) => {
        if (e.key === this._key) this._set(this._load(), false);
      });
    }
  }

  /** Calls `cb(session)` whenever the session changes (log in, refresh, log out); returns an unsubscribe. */
  onSession(cb) {
    this._listeners.add(cb);
    return () => this._listeners.delete(cb);
  }

  _load() {
    try {
      const raw = this._storage.getItem(this._key);
      const s = raw ? JSON.parse(raw) : null;
      return s && s.token && s.refresh_token ? s : null;
    } catch (e) {
      return null;
    }
  }

  _set(session, persist = true) {
    this.session = session;
    if (persist) {
      if (session) this._storage.setItem(this._key, JSON.stringify(session));
      else this._storage.removeItem(this._key);
    }
    this._schedule();
    for (const cb of [...this._listeners]) {
      try { cb(session); } catch (e) { setTimeout(() => { throw e; }); }
    }
    if (!session && this._socket) this._socket._sessionEnded();
  }

  /** Stores what /auth/* returned: {player, token, refresh_token, expires_in}. */
  _adopt(result) {
    const lifetime = Number(result.expires_in) * 1000;
    this._set({ player: result.player, token: result.token, refresh_token: result.refresh_token,
      expires_at: Date.now() + lifetime, lifetime });
    return this.session;
  }

  _refreshDelay(s) {
    const lifetime = s.lifetime || (s.expires_at - Date.now());
    const margin = Math.min(REFRESH_MARGIN_MS, lifetime * 0.2);
    return s.expires_at - margin - Date.now();
  }

  _schedule() {
    clearTimeout(this._refreshTimer);
    this._refreshTimer = null;
    const s = this.session;
    if (!s) return;
    this._refreshTimer = setTimeout(() => {
      this.refresh().catch(() => { /* a later request retries, or the session has ended */ });
    }, Math.max(0, this._refreshDelay(s)));
  }

  /** One refresh at a time; callers during a refresh share it. */
  refresh() {
    if (!this._refreshing) {
      const spent = this.session && this.session.refresh_token;
      this._refreshing = (async () => {
        if (!spent) throw new ArenaError({ status: 401, code: 'unauthorized', message: 'Not signed in' });
        try {
          const r = await this.request('POST', '/auth/refresh', { body: { refresh_token: spent }, auth: false });
          return this._adopt(r);
        } catch (e) {
          const stored = this._load();
          if (stored && stored.refresh_token !== spent) {
            this._set(stored, false); // another tab refreshed first
            return stored;
          }
          if (e.status === 401 || e.status === 400 || e.status === 422) this._set(null);
          throw e;
        }
      })().finally(() => { this._refreshing = null; });
    }
    return this._refreshing;
  }

  /** A token valid for a while yet: refreshed first when it is about to expire. */
  async _token() {
    if (this._refreshing) await this._refreshing.catch(() => {});
    const s = this.session;
    if (!s) throw new ArenaError({ status: 401, code: 'unauthorized', message: 'Not signed in' });
    if (this._refreshDelay(s) <= 0) return (await this.refresh()).token;
    return s.token;
  }

  /**
   * One JSON call: `request('GET', '/players/me')`. Sends the access token unless `auth: false`; after a 401 it
   * refreshes the token once and retries. Resolves with the parsed body (null for 204); rejects ArenaError.
   */
  async request(method, path, { body, query, auth = true, signal } = {}) {
    let url = this.baseUrl + path;
    if (query) {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) {
        if (v === undefined || v === null) continue;
        for (const one of Array.isArray(v) ? v : [v]) q.append(k, String(one));
      }
      const qs = q.toString();
      if (qs) url += (url.includes('?') ? '&' : '?') + qs;
    }
    const send = async (token) => {
      const headers = { Accept: 'application/json, application/problem+json' };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (token) headers.Authorization = `Bearer ${token}`;
      try {
        return await this._fetch(url, { method, headers, signal,
          body: body === undefined ? undefined : JSON.stringify(body) });
      } catch (e) {
        if (e && e.name === 'AbortError') throw e;
        throw new ArenaError({ code: 'network', message: `Cannot reach the server (${e && e.message})` });
      }
    };
    const used = auth ? await this._token() : null;
    let response = await send(used);
    if (response.status === 401 && auth && this.session) {
      // a token the server no longer takes (expired early, clocks apart): refresh once and retry
      const fresh = this.session.token !== used ? this.session : await this.refresh();
      response = await send(fresh.token);
    }
    return answer(response);
  }

  /** The one /ws socket of this client, connected (resolves once the server said `welcome`). @route GET /ws */
  connect() {
    if (!this._socket) this._socket = new ArenaSocket(this);
    if (this._socket.state === 'closed') this._socket._restart();
    return this._socket._opened();
  }

  /** The socket if `connect()` was called, else null. */
  get socket() {
    return this._socket;
  }
}

/** The /ws connection: reconnects by itself, re-joins rooms from their last seq, re-attaches matches. */
export class ArenaSocket {
  constructor(arena) {
    this.arena = arena;
    this.state = 'connecting';
    this.welcome = null;
    this._handlers = new Map();
    this._pending = new Map();
    this._rid = 0;
    this._attempt = 0;
    this._ws = null;
    this._timer = null;
    this._beat = null;
    this._lastHeard = 0;
    this._rooms = new Map(); // room -> {seq}: the last seq delivered to the page
    this._matches = new Map(); // game id -> 'join' | 'spectate'
    this._acks = new Map(); // game id -> the last seq of ours the match acknowledged (match.event / match.state acks)
    this._lobby = null; // the lobby filter to subscribe again after a reconnect
    this._waiters = [];
    this._forceRefresh = false;
    this._tokens = arena._rate ? arena._rate.burst : Infinity;
    this._refilled = Date.now();
    this._queue = []; // requests waiting for the rate: {run, alive}
    this._drainTimer = null;
    this.state = 'closed';
    this._restart();
  }

  /** (Re)starts a closed socket: same listeners, no rooms, matches or lobby subscription. */
  _restart() {
    this._attempt = 0;
    this._forceRefresh = false;
    this._setState('connecting');
    this._open();
  }

  /** `on('room.message', f)`, `on('state', f)`, `on('*', f)` for every frame; returns an unsubscribe. */
  on(type, handler) {
    if (!this._handlers.has(type)) this._handlers.set(type, new Set());
    this._handlers.get(type).add(handler);
    return () => this._handlers.get(type).delete(handler);
  }

  _emit(type, value) {
    for (const key of [type, '*']) {
      const set = this._handlers.get(key);
      if (!set) continue;
      for (const h of [...set]) {
        try { h(value); } catch (e) { setTimeout(() => { throw e; }); }
      }
    }
  }

  _setState(s) {
    if (this.state === s) return;
    this.state = s;
    this._emit('state', s);
  }

  _opened() {
    if (this.state === 'open') return Promise.resolve(this);
    if (this.state === 'closed') return Promise.reject(new ArenaError({ code: 'closed', message: 'The socket is closed' }));
    return new Promise((resolve, reject) => this._waiters.push({ resolve, reject }));
  }

  async _open() {
    let token;
    try {
      if (this._forceRefresh) await this.arena.refresh();
      token = await this.arena._token();
    } catch (e) {
      if (!this.arena.session) return this._close(e);
      return this._retry(); // the server is unreachable for now
    }
    if (this.state === 'closed') return;
    this._forceRefresh = false;
    const url = this.arena.baseUrl.replace(/^http/, 'ws') + '/ws?token=' + enc(token);
    let ws;
    try {
      ws = new this.arena._WebSocket(url);
    } catch (e) {
      return this._retry();
    }
    this._ws = ws;
    let welcomed = false;
    ws.onmessage = (ev) => {
      let frame;
      try { frame = JSON.parse(ev.data); } catch (e) { return; }
      if (!frame || typeof frame !== 'object') return;
      this._lastHeard = Date.now();
      if (frame.type === 'welcome' && !welcomed) {
        welcomed = true;
        this._welcomed(frame);
        return;
      }
      this._frame(frame);
    };
    ws.onclose = (ev) => {
      if (this._ws !== ws) return;
      this._ws = null;
      clearInterval(this._beat);
      this._failPending(new ArenaError({ code: 'disconnected', message: 'The connection dropped' }));
      this._emit('close', { code: ev.code, reason: ev.reason });
      if (this.state === 'closed') return;
      if (ev.code === 4002) {
        // the session ended on the server (logout, ban): a new token would not help
        return this._close(new ArenaError({ code: 'session_ended', message: ev.reason || 'Session ended' }));
      }
      // a reconnect always gets a fresh token: the old one may have expired by the server's clock, and a browser
      // cannot tell a refused upgrade (401) from a network fault
      this._forceRefresh = true;
      this._retry();
    };
  }

  _welcomed(frame) {
    this.welcome = frame;
    this._attempt = 0;
    this._lastHeard = Date.now();
    const beat = Math.max(1000, Number(frame.heartbeat_ms) || 15000);
    clearInterval(this._beat);
    // browsers answer the server's pings on their own; this notices a dead link the browser has not
    this._beat = setInterval(() => this._heartbeat(beat), beat);
    this._emit('welcome', frame);
    // open for the resumes first, so they go out before anything the page asked for while reconnecting
    this.state = 'open';
    // a resume the server refuses (a match that ended meanwhile, say) is told as an `error` event with no rid
    const told = (extra) => (e) => {
      if (e.code !== 'disconnected') this._emit('error', { type: 'error', code: e.code, message: e.message, ...extra });
    };
    for (const [room, r] of this._rooms) this._joinRoom(room, r.seq).catch(told({ room }));
    for (const [gameId, how] of this._matches) {
      this.request(how === 'join' ? 'match.join' : 'match.spectate', { game_id: gameId })
        .catch((e) => {
          if (e.code !== 'disconnected') this._matches.delete(gameId); // else: again on the next reconnect
          told({ game_id: gameId })(e);
        });
    }
    if (this._lobby) this.request('lobby.subscribe', this._lobby).catch(told({}));
    this._emit('state', 'open');
    for (const w of this._waiters.splice(0)) w.resolve(this);
  }

  _heartbeat(beat) {
    if (!this._ws || this.state !== 'open') return;
    if (Date.now() - this._lastHeard < beat) return;
    const ws = this._ws;
    this.request('ping', {}, { timeout: beat }).catch(() => {
      if (this._ws === ws) ws.close(4000, 'no pong'); // dead link: reconnect
    });
  }

  _retry() {
    if (this.state === 'closed') return;
    this._setState('reconnecting');
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** this._attempt);
    this._attempt = Math.min(this._attempt + 1, 16);
    const delay = ceiling / 2 + Math.random() * ceiling / 2; // exponential, with jitter
    clearTimeout(this._timer);
    this._timer = setTimeout(() => this._open(), delay);
  }

  _close(error) {
    this._setState('closed');
    this._rooms.clear();
    this._matches.clear();
    this._acks.clear();
    this._lobby = null;
    clearTimeout(this._timer);
    clearInterval(this._beat);
    const err = error || new ArenaError({ code: 'closed', message: 'The socket is closed' });
    this._failPending(err);
    for (const w of this._waiters.splice(0)) w.reject(err);
    if (this._ws) {
      const ws = this._ws;
      this._ws = null;
      try { ws.close(1000); } catch (e) { /* already closed */ }
    }
  }

  _sessionEnded() {
    this._close(new ArenaError({ code: 'session_ended', message: 'Signed out' }));
  }

  /** Closes for good (no reconnect). */
  close() {
    this._close();
  }

  _failPending(err) {
    for (const p of this._pending.values()) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    this._pending.clear();
  }

  _frame(frame) {
    const room = frame.room;
    if ((frame.type === 'room.message' || frame.type === 'chat.message') && typeof frame.seq === 'number') {
      const r = this._rooms.get(room);
      if (r) {
        if (frame.seq <= r.seq) return; // already delivered before a reconnect
        r.seq = frame.seq;
      }
    }
    const p = frame.rid !== undefined ? this._pending.get(frame.rid) : undefined;
    if (p) {
      if (frame.type === 'error' && !(p.keep && p.keep.includes(frame.code))) {
        this._pending.delete(frame.rid);
        clearTimeout(p.timer);
        p.reject(ArenaError.fromFrame(frame));
      } else if (frame.type !== 'error') {
        this._pending.delete(frame.rid);
        clearTimeout(p.timer);
        p.resolve(frame);
      }
    }
    if (frame.type === 'error' && frame.code === 'resync' && room) this._emit('resync', { room });
    if ((frame.type === 'match.event' || frame.type === 'match.state') && frame.acks && this.welcome) {
      const seq = frame.acks[this.welcome.user_id];
      if (typeof seq === 'number') this._acks.set(frame.game_id, seq);
    }
    if (frame.type === 'match.end' || frame.type === 'match.left') {
      this._matches.delete(frame.game_id);
      this._acks.delete(frame.game_id);
    }
    if (frame.type === 'mm.ticket') this.arena.matchmaking._keep(frame.ticket);
    this._emit(frame.type, frame);
  }

  /**
   * Sends a frame now; false when the socket is not open or the frame would exceed the rate (it is dropped, not
   * queued: a stale input is worth less than the next one).
   */
  send(type, fields = {}) {
    if (!this._writable() || this._queue.length || !this._take()) return false;
    this._ws.send(JSON.stringify({ ...fields, type }));
    return true;
  }

  /**
   * Open by our state and by the browser's: between the server's close frame and the `close` event the socket
   * is CLOSING, and a send then is lost (and the browser logs a warning).
   */
  _writable() {
    return !!this._ws && this.state === 'open' && this._ws.readyState === 1;
  }

  /** One frame's worth of the rate, if there is one now. */
  _take() {
    const rate = this.arena._rate;
    if (!rate) return true;
    const now = Date.now();
    this._tokens = Math.min(rate.burst, this._tokens + (now - this._refilled) * rate.perSecond / 1000);
    this._refilled = now;
    if (this._tokens < 1) return false;
    this._tokens -= 1;
    return true;
  }

  /** Runs `run` within the rate: now, or in order after the requests already waiting. */
  _paced(run, alive, reject) {
    if (!this._queue.length && this._take()) return run();
    if (this._queue.length >= MAX_QUEUED) {
      return reject(new ArenaError({ code: 'rate_limited', message: 'Too many requests waiting to be sent' }));
    }
    this._queue.push({ run, alive });
    this._drain();
  }

  _drain() {
    clearTimeout(this._drainTimer);
    while (this._queue.length) {
      if (!this._queue[0].alive()) {
        this._queue.shift(); // timed out while waiting: costs nothing
        continue;
      }
      if (!this._take()) {
        const wait = Math.ceil((1 - this._tokens) * 1000 / this.arena._rate.perSecond);
        this._drainTimer = setTimeout(() => this._drain(), Math.max(1, wait));
        return;
      }
      this._queue.shift().run();
    }
  }

  /**
   * Sends a frame with a fresh `rid` and resolves with the reply that repeats it; rejects ArenaError on an
   * `error` frame, on `timeout` (default 10 s, counting any wait for the socket to open) or when the socket drops.
   */
  request(type, fields = {}, { timeout = this.arena._timeout, keep } = {}) {
    const rid = 'r' + (++this._rid);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this._pending.delete(rid);
        reject(new ArenaError({ code: 'timeout', message: `No reply to ${type} within ${timeout} ms` }));
      }, timeout);
      this._pending.set(rid, { resolve, reject, timer, keep });
      const fail = (e) => {
        this._pending.delete(rid);
        clearTimeout(timer);
        reject(e);
      };
      const write = () => {
        if (!this._pending.has(rid)) return;
        if (!this._writable()) {
          return fail(new ArenaError({ code: 'disconnected', message: 'The connection dropped' }));
        }
        this._ws.send(JSON.stringify({ ...fields, rid, type }));
      };
      const go = () => {
        if (this._pending.has(rid)) this._paced(write, () => this._pending.has(rid), fail);
      };
      if (this.state === 'open' && this._ws) go();
      else this._opened().then(go, fail);
    });
  }

  async _joinRoom(room, lastSeq) {
    const fields = { room };
    if (lastSeq !== undefined && lastSeq !== null) fields.last_seq = lastSeq;
    try {
      const joined = await this.request('room.join', fields, { keep: ['resync'] });
      const r = this._rooms.get(room);
      if (r) r.seq = joined.seq; // the room's latest: replayed messages came first, live ones follow
      return joined;
    } catch (e) {
      if (e.code === 'already_joined') return { type: 'room.joined', room };
      if (e.code !== 'disconnected') this._rooms.delete(room);
      throw e;
    }
  }

  /** Joins a room and keeps it joined across reconnects, resuming from the last seq seen. */
  joinRoom(room) {
    if (!this._rooms.has(room)) this._rooms.set(room, { seq: null });
    return this._joinRoom(room, null);
  }

  async leaveRoom(room) {
    this._rooms.delete(room);
    return this.request('room.leave', { room });
  }

  /** The last seq delivered to the page for a joined room (null before any). */
  lastSeq(room) {
    const r = this._rooms.get(room);
    return r ? r.seq : null;
  }
}

class Part {
  constructor(arena) { this.a = arena; }
  http(method, path, options) { return this.a.request(method, path, options); }
  async sock() { return this.a.connect(); }
}

class AuthApi extends Part {
  /** @route POST /auth/guest */
  async guest(deviceId) {
    let device = deviceId;
    if (!device) {
      device = this.a._storage.getItem(DEVICE_KEY);
      if (!device) {
        device = randomId();
        this.a._storage.setItem(DEVICE_KEY, device);
      }
    }
    return this.a._adopt(await this.http('POST', '/auth/guest', { body: { device_id: device }, auth: false }));
  }
  /** @route POST /auth/register */
  async register(username, password) {
    return this.a._adopt(await this.http('POST', '/auth/register', { body: { username, password }, auth: false }));
  }
  /** @route POST /auth/login */
  async login(username, password) {
    return this.a._adopt(await this.http('POST', '/auth/login', { body: { username, password }, auth: false }));
  }
  /** @route POST /auth/refresh */
  refresh() { return this.a.refresh(); }
  /** @route POST /auth/logout */
  async logout() {
    try {
      if (this.a.session) await this.http('POST', '/auth/logout', {});
    } finally {
      if (this.a._socket) this.a._socket.close();
      this.a._set(null);
    }
  }
  /** @route POST /auth/logout-all */
  async logoutAll() {
    try {
      if (this.a.session) await this.http('POST', '/auth/logout-all', {});
    } finally {
      if (this.a._socket) this.a._socket.close();
      this.a._set(null);
    }
  }
}

class PlayersApi extends Part {
  me() { return this.http('GET', '/players/me'); }
  /** Players whose display name starts with `name` (any case): `{players, limit, offset, next_offset}`. */
  search(name, { limit, offset } = {}) { return this.http('GET', '/players', { query: { name, limit, offset } }); }
  update({ displayName }) { return this.http('PATCH', '/players/me', { body: { display_name: displayName } }); }
  get(id) { return this.http('GET', `/players/${enc(id)}`, { auth: false }); }
  profile(id) { return this.http('GET', `/players/${enc(id)}/profile`, { auth: false }); }
  stats(id) { return this.http('GET', `/players/${enc(id)}/stats`, { auth: false }); }
  setRole(id, role) { return this.http('PUT', `/players/${enc(id)}/role`, { body: { role } }); }
}

class LeaderboardsApi extends Part {
  global(mode, { limit, offset } = {}) {
    return this.http('GET', '/leaderboard/global', { query: { mode, limit, offset } });
  }
  around(playerId, mode, { radius } = {}) {
    return this.http('GET', `/leaderboard/global/around/${enc(playerId)}`, { query: { mode, radius } });
  }
}

class RoomsApi extends Part {
  async join(room) { return (await this.sock()).joinRoom(room); }
  async leave(room) { return (await this.sock()).leaveRoom(room); }
  async send(room, data) { return (await this.sock()).request('room.send', { room, data }); }
  async members(room, { offset, limit } = {}) {
    return (await this.sock()).request('presence.list', { room, offset, limit });
  }
}

class ChatApi extends Part {
  async send(room, text) { return (await this.sock()).request('chat.send', { room, message: text }); }
  history(room, { before, limit } = {}) {
    return this.http('GET', `/chat/${enc(room)}/messages`, { query: { before, limit } });
  }
}

class DmApi extends Part {
  async send(playerId, text) { return (await this.sock()).request('dm.send', { to: playerId, message: text }); }
}

class MatchmakingApi extends Part {
  constructor(arena) {
    super(arena);
    this._tickets = new Map();
  }
  _keep(ticket) {
    if (ticket && ticket.ticket_id) this._tickets.set(ticket.ticket_id, ticket);
    return ticket;
  }
  async enqueue(mode, { properties = {}, partyId } = {}) {
    const body = { mode, properties };
    if (partyId) body.party_id = partyId;
    return this._keep(await this.http('POST', '/matchmaking/tickets', { body }));
  }
  async cancel(ticketId) { return this._keep(await this.http('DELETE', `/matchmaking/tickets/${enc(ticketId)}`)); }
  async ticket(ticketId) { return this._keep(await this.http('GET', `/matchmaking/tickets/${enc(ticketId)}`)); }
  /** The tickets this client created or heard of (`mm.ticket` frames), latest state first. */
  tickets() {
    const s = this.a._socket;
    if (s && !this._watching) {
      this._watching = s.on('mm.ticket', (f) => this._keep(f.ticket));
    }
    return [...this._tickets.values()].reverse();
  }
  stats() { return this.http('GET', '/matchmaking/stats'); }
}

class PartiesApi extends Part {
  create() { return this.http('POST', '/parties', {}); }
  get(id) { return this.http('GET', `/parties/${enc(id)}`); }
  invite(id, playerId) { return this.http('POST', `/parties/${enc(id)}/invite`, { body: { player_id: playerId } }); }
  accept(id) { return this.http('POST', `/parties/${enc(id)}/accept`, {}); }
  decline(id) { return this.http('POST', `/parties/${enc(id)}/decline`, {}); }
  leave(id) { return this.http('POST', `/parties/${enc(id)}/leave`, {}); }
  kick(id, playerId) { return this.http('POST', `/parties/${enc(id)}/kick`, { body: { player_id: playerId } }); }
  promote(id, playerId) { return this.http('POST', `/parties/${enc(id)}/promote`, { body: { player_id: playerId } }); }
}

class LobbyApi extends Part {
  list({ mode, region, hasSpace, limit, offset } = {}) {
    return this.http('GET', '/lobby/games', { query: { mode, region, has_space: hasSpace, limit, offset } });
  }
  /**
   * Live open games: resolves with `lobby.subscribed`; `lobby.game_*` frames follow (again after a reconnect). With
   * `live: true` also the matches anyone may watch (`live_games`, then `lobby.live_*` frames).
   */
  async subscribe({ mode, region, live } = {}) {
    const s = await this.sock();
    const filter = {};
    if (mode) filter.mode = mode;
    if (region) filter.region = region;
    if (live) filter.live = true;
    s._lobby = filter;
    return s.request('lobby.subscribe', filter);
  }
  async unsubscribe() {
    const s = await this.sock();
    s._lobby = null;
    return s.request('lobby.unsubscribe', {});
  }
  joinByCode(code) { return this.http('POST', '/games/join-by-code', { body: { join_code: code } }); }
}

class GamesApi extends Part {
  create({ mode, private: isPrivate, maxPlayers, settings, region } = {}) {
    const body = { mode };
    if (isPrivate !== undefined) body.private = isPrivate;
    if (maxPlayers !== undefined) body.max_players = maxPlayers;
    if (settings !== undefined) body.settings = settings;
    if (region !== undefined) body.region = region;
    return this.http('POST', '/games/create', { body });
  }
  join(id, { joinCode } = {}) {
    return this.http('POST', `/games/${enc(id)}/join`, { body: joinCode ? { join_code: joinCode } : {} });
  }
  leave(id) { return this.http('POST', `/games/${enc(id)}/leave`, {}); }
  ready(id, ready = true) { return this.http('POST', `/games/${enc(id)}/ready`, { body: { ready } }); }
  start(id, { force } = {}) {
    return this.http('POST', `/games/${enc(id)}/start`, { body: force === undefined ? {} : { force } });
  }
  kick(id, playerId) { return this.http('POST', `/games/${enc(id)}/kick`, { body: { player_id: playerId } }); }
  state(id) { return this.http('GET', `/games/${enc(id)}/state`); }
  replay(id) { return this.http('GET', `/games/${enc(id)}/replay`); }
  /** `watchable: true` adds matchmade and tournament games: every game one may spectate. */
  list({ mode, status, watchable } = {}) { return this.http('GET', '/games', { query: { mode, status, watchable } }); }
  finish(id, result) { return this.http('POST', `/games/${enc(id)}/finish`, { body: { result } }); }
}

class MatchApi extends Part {
  /** Attaches as a seated player (re-attached after a reconnect): resolves with `match.state`. */
  async join(gameId) {
    const s = await this.sock();
    const state = await s.request('match.join', { game_id: gameId });
    s._matches.set(gameId, 'join');
    return state;
  }
  async spectate(gameId) {
    const s = await this.sock();
    const state = await s.request('match.spectate', { game_id: gameId });
    s._matches.set(gameId, 'spectate');
    return state;
  }
  /**
   * Fire and forget: its effect arrives as `match.event`; a refusal as an `error` event. False when offline. With
   * `seq` (an integer 0 to 2^53-1, increasing), the `match.event` of the tick that takes it acknowledges it
   * (`acks`); `lastAck` reads the latest.
   */
  input(gameId, input, seq) {
    const s = this.a._socket;
    return !!s && s.send('match.input', seq === undefined ? { game_id: gameId, input } : { game_id: gameId, input, seq });
  }
  /** The `seq` of our last input the match took (applied or refused), from its frames and snapshots; null if none. */
  lastAck(gameId) {
    const s = this.a._socket;
    const seq = s && s._acks.get(gameId);
    return seq === undefined ? null : seq;
  }
  async ready(gameId, ready = true) { return (await this.sock()).request('match.ready', { game_id: gameId, ready }); }
  async leave(gameId) {
    const s = await this.sock();
    s._matches.delete(gameId);
    return s.request('match.leave', { game_id: gameId });
  }
}

class TournamentsApi extends Part {
  list({ status } = {}) { return this.http('GET', '/tournaments', { query: { status }, auth: false }); }
  get(id) { return this.http('GET', `/tournaments/${enc(id)}`, { auth: false }); }
  create({ name, format, mode, maxPlayers, bestOf, startsAt, checkInMinutes, rounds, thirdPlaceMatch,
    noShowMinutes, reason } = {}) {
    const body = { name, format, mode, max_players: maxPlayers, best_of: bestOf, starts_at: startsAt,
      check_in_minutes: checkInMinutes, rounds, third_place_match: thirdPlaceMatch, no_show_minutes: noShowMinutes,
      reason };
    for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
    return this.http('POST', '/tournaments', { body });
  }
  register(id) { return this.http('POST', `/tournaments/${enc(id)}/register`, {}); }
  unregister(id) { return this.http('POST', `/tournaments/${enc(id)}/unregister`, {}); }
  checkIn(id) { return this.http('POST', `/tournaments/${enc(id)}/check-in`, {}); }
  start(id, { seedOrder, reason } = {}) {
    const body = {};
    if (seedOrder) body.seed_order = seedOrder;
    if (reason) body.reason = reason;
    return this.http('POST', `/tournaments/${enc(id)}/start`, { body });
  }
  cancel(id, { reason } = {}) {
    return this.http('POST', `/tournaments/${enc(id)}/cancel`, reason ? { body: { reason } } : {});
  }
  setResult(id, pairingId, { homeWins, awayWins, draws, walkover, reason } = {}) {
    const body = { home_wins: homeWins, away_wins: awayWins, draws, walkover, reason };
    for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
    return this.http('POST', `/tournaments/${enc(id)}/pairings/${enc(pairingId)}/result`, { body });
  }
  bracket(id) { return this.http('GET', `/tournaments/${enc(id)}/bracket`, { auth: false }); }
  standings(id) { return this.http('GET', `/tournaments/${enc(id)}/leaderboard`, { auth: false }); }
  matches(id, { round } = {}) {
    return this.http('GET', `/tournaments/${enc(id)}/matches`, { query: { round }, auth: false });
  }
  corrections(id) { return this.http('GET', `/tournaments/${enc(id)}/corrections`, { auth: false }); }
  /**
   * Live updates through the `tournament:{id}` room of /ws: `onUpdate(update)` for each, in version order, none
   * twice (resumed after a reconnect). Returns an unsubscribe; `.ready` resolves once the room is joined.
   */
  watch(id, onUpdate) {
    const room = `tournament:${id}`;
    this._watching = this._watching || new Map(); // room -> watchers: the room is left with the last one
    this._watching.set(room, (this._watching.get(room) || 0) + 1);
    let off = null;
    let stopped = false;
    const ready = this.sock().then(async (s) => {
      if (stopped) return null;
      off = s.on('room.message', (f) => { if (f.room === room) onUpdate(f.data, f); });
      return s._rooms.has(room) ? { type: 'room.joined', room } : s.joinRoom(room);
    });
    const unsubscribe = () => {
      if (stopped) return;
      stopped = true;
      if (off) off();
      const left = this._watching.get(room) - 1;
      if (left > 0) {
        this._watching.set(room, left);
        return;
      }
      this._watching.delete(room);
      const s = this.a._socket;
      if (s && s._rooms.has(room)) s.leaveRoom(room).catch(() => {});
    };
    unsubscribe.ready = ready;
    return unsubscribe;
  }
}

class ModerationApi extends Part {
  mute({ playerId, room, durationSeconds, reason }) {
    const body = { player_id: playerId, duration_seconds: durationSeconds, reason };
    if (room) body.room = room;
    return this.http('POST', '/chat/mutes', { body });
  }
  unmute(playerId, { room } = {}) { return this.http('DELETE', `/chat/mutes/${enc(playerId)}`, { query: { room } }); }
  ban(playerId, reason) { return this.http('POST', '/chat/bans', { body: { player_id: playerId, reason } }); }
  unban(playerId) { return this.http('DELETE', `/chat/bans/${enc(playerId)}`); }
  status(playerId) { return this.http('GET', `/chat/moderation/${enc(playerId)}`); }
}

/** The admin console's routes (viewers read; moderators moderate; admins administer). Every action takes a reason. */
class AdminApi extends Part {
  jobs() { return this.http('GET', '/admin/jobs'); }
  retryJob(step, gameId, reason) {
    return this.http('POST', `/admin/jobs/${enc(step)}/${enc(gameId)}/retry`, { body: { reason } });
  }
  players({ q, after, limit } = {}) { return this.http('GET', '/admin/players', { query: { q, after, limit } }); }
  player(id) { return this.http('GET', `/admin/players/${enc(id)}`); }
  setRole(id, role, reason) { return this.http('PUT', `/admin/players/${enc(id)}/role`, { body: { role, reason } }); }
  chatBan(id, reason) { return this.http('POST', `/admin/players/${enc(id)}/chat-ban`, { body: { reason } }); }
  chatUnban(id, reason) { return this.http('POST', `/admin/players/${enc(id)}/chat-unban`, { body: { reason } }); }
  /** Moderators: a timed mute, in one room or (no room) in all chat; audited. */
  /** @route POST /admin/players/{id}/chat-mute */
  chatMute(id, { room, durationSeconds, reason } = {}) {
    const body = { room, duration_seconds: durationSeconds, reason };
    if (room === undefined || room === null || room === '') delete body.room;
    return this.http('POST', `/admin/players/${enc(id)}/chat-mute`, { body });
  }
  exportPlayer(id) { return this.http('GET', `/admin/players/${enc(id)}/export`); }
  deletePlayer(id, reason) { return this.http('DELETE', `/admin/players/${enc(id)}`, { body: { reason } }); }
  /** Admins: signs the player out everywhere, on every node; audited. */
  /** @route POST /admin/players/{id}/revoke-sessions */
  revokeSessions(id, reason) {
    return this.http('POST', `/admin/players/${enc(id)}/revoke-sessions`, { body: { reason } });
  }
  audit({ q, before, limit } = {}) { return this.http('GET', '/admin/audit', { query: { q, before, limit } }); }
  matches({ mode, after, limit } = {}) { return this.http('GET', '/admin/matches', { query: { mode, after, limit } }); }
  match(id) { return this.http('GET', `/admin/matches/${enc(id)}`); }
  stopMatch(id, reason) { return this.http('POST', `/admin/matches/${enc(id)}/stop`, { body: { reason } }); }
  queue(mode) { return this.http('GET', `/admin/matchmaking/${enc(mode)}`); }
  cancelTicket(id, reason) {
    return this.http('POST', `/admin/matchmaking/tickets/${enc(id)}/cancel`, { body: { reason } });
  }
  nodes() { return this.http('GET', '/admin/nodes'); }
  messages(room, { q, before, limit } = {}) {
    return this.http('GET', `/admin/chat/${enc(room)}/messages`, { query: { q, before, limit } });
  }
}

/**
 * The live dashboard: an hour of history, player statistics, and the live feed (Server-Sent Events read with fetch,
 * so the bearer token goes in a header, never in the URL; anonymous when the server's dashboard is public).
 */
class MetricsApi extends Part {
  history({ seconds } = {}) {
    return this.http('GET', '/dashboard/history', { query: { seconds }, auth: !!this.a.session });
  }
  players() { return this.http('GET', '/dashboard/players', { auth: !!this.a.session }); }
  /**
   * Calls `onSample(sample)` for each second's merged cluster sample and `onState('live' | 'reconnecting' |
   * 'stopped', error)` as the stream comes and goes; reconnects by itself (1 s, doubling to 15 s). Returns a stop
   * function. A 401/403 stops it (with the ArenaError) instead of retrying.
   */
  stream(onSample, onState = () => {}) {
    const [method, path] = ['GET', '/dashboard/stream'];
    let stopped = false;
    let controller = null;
    let delay = 1000;
    const run = async () => {
      while (!stopped) {
        controller = new AbortController();
        try {
          const headers = { Accept: 'text/event-stream' };
          if (this.a.session) headers.Authorization = `Bearer ${await this.a._token()}`;
          const r = await this.a._fetch(this.a.baseUrl + path, { method, headers, signal: controller.signal });
          if (!r.ok) await answer(r); // throws the problem
          onState('live');
          delay = 1000;
          const reader = r.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += value;
            let end;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const event = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const data = event.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
              if (data) onSample(JSON.parse(data));
            }
          }
        } catch (e) {
          if (stopped) return;
          if (e instanceof ArenaError && (e.status === 401 || e.status === 403)) {
            stopped = true;
            onState('stopped', e);
            return;
          }
        }
        if (stopped) return;
        onState('reconnecting');
        await new Promise((res) => setTimeout(res, delay));
        delay = Math.min(delay * 2, 15000);
      }
    };
    run();
    return () => {
      stopped = true;
      if (controller) controller.abort();
    };
  }
}

/** Game logs (docs/LOGS.md): streaming ingest, jobs, server-side import, export. */
class LogsApi extends Part {
  /**
   * Uploads NDJSON (a string, Blob, ArrayBuffer or ReadableStream) as one job. `idempotencyKey` names the file, so a
   * re-send is a no-op; to resume a broken upload pass its `jobId` and the committed `offset` and send the rest.
   * @route POST /logs/ingest
   */
  async ingest(body, { idempotencyKey, gzip = false, jobId, offset, raw } = {}) {
    const q = new URLSearchParams();
    if (jobId) q.set('job_id', jobId);
    if (offset !== undefined) q.set('offset', String(offset));
    if (raw === false) q.set('raw', 'false');
    const qs = q.toString();
    const [method, path] = ['POST', '/logs/ingest'];
    const url = this.a.baseUrl + path + (qs ? '?' + qs : '');
    const headers = { 'Content-Type': 'application/x-ndjson', Accept: 'application/json, application/problem+json',
      Authorization: `Bearer ${await this.a._token()}` };
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    if (gzip) headers['Content-Encoding'] = 'gzip';
    const init = { method, headers, body };
    if (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream) init.duplex = 'half';
    let r;
    try {
      r = await this.a._fetch(url, init);
    } catch (e) {
      throw new ArenaError({ code: 'network', message: `Cannot reach the server (${e && e.message})` });
    }
    return answer(r);
  }
  /** @route GET /logs/jobs */
  jobs({ idempotencyKey, limit } = {}) {
    return this.http('GET', '/logs/jobs', { query: { idempotency_key: idempotencyKey, limit } });
  }
  /** @route GET /logs/jobs/{id} */
  job(id) { return this.http('GET', `/logs/jobs/${enc(id)}`); }
  /** @route POST /logs/import */
  importFile(path, options = {}) { return this.http('POST', '/logs/import', { body: { path, ...options } }); }
  /** The NDJSON text of the events in a window (use fetch yourself to stream a large export). @route GET /logs/export */
  async export({ from, to, mode, gameId, source } = {}) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ from, to, mode, game_id: gameId, source })) if (v !== undefined) q.set(k, v);
    const [method, path] = ['GET', '/logs/export'];
    const r = await this.a._fetch(this.a.baseUrl + path + '?' + q.toString(),
      { method, headers: { Authorization: `Bearer ${await this.a._token()}` } });
    if (!r.ok) await answer(r); // throws the problem
    return r.text();
  }
}

/** Player analytics from ingested logs (rollups). */
class AnalyticsApi extends Part {
  /** @route GET /analytics/players/{player_id} */
  player(playerId) { return this.http('GET', `/analytics/players/${enc(playerId)}`); }
  /** @route GET /analytics/modes */
  modes({ from, to, bucket } = {}) { return this.http('GET', '/analytics/modes', { query: { from, to, bucket } }); }
  /** @route GET /analytics/top */
  top({ type, period, limit } = {}) { return this.http('GET', '/analytics/top', { query: { type, period, limit } }); }
  /** @route GET /analytics/games/{game_id} */
  game(gameId) { return this.http('GET', `/analytics/games/${enc(gameId)}`); }
}

class HealthApi extends Part {
  live() { return this.http('GET', '/health/live', { auth: false }); }
  ready() { return this.http('GET', '/health/ready', { auth: false }); }
}
