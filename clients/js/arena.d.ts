// Types of the Arena JavaScript client SDK (arena.js). Hand-kept: a test checks that every route of
// /openapi.json (tag `@route METHOD /path` above the method that calls it) and every message type of
// docs/PROTOCOL.md appears here. Guide: docs/CLIENT.md.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A UUID in its usual text form. */
export type Id = string;
/** An ISO-8601 instant, e.g. "2026-11-25T10:00:00.123Z". */
export type Instant = string;

// ---------------------------------------------------------------------------------------------------- client

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface ArenaOptions {
  /** The server, e.g. "https://arena.example.com"; default: the page's origin. */
  baseUrl?: string;
  /** Where the session is kept: localStorage (default), sessionStorage, memory only, or your own store. */
  storage?: 'local' | 'session' | 'memory' | StorageLike;
  /** The storage key of the session (default "arena.session"). */
  storageKey?: string;
  /** Default time-out of socket requests in ms (default 10000). */
  timeout?: number;
  /**
   * The socket's outgoing rate: requests beyond it wait their turn (in order), `send` beyond it returns false.
   * Default `{perSecond: 18, burst: 36}`, 90% of the server's defaults; null for none.
   */
  rate?: { perSecond: number; burst: number } | null;
  fetch?: typeof fetch;
  WebSocket?: typeof WebSocket;
}

export interface Player {
  id: Id;
  username: string | null;
  display_name: string;
  role: 'player' | 'viewer' | 'moderator' | 'admin';
  is_guest: boolean;
  created_at: Instant;
}

export interface Session {
  player: Player;
  /** The access token (sent as `Authorization: Bearer` and `?token=` on the socket). */
  token: string;
  refresh_token: string;
  /** When the access token expires, in ms since the epoch by this browser's clock. */
  expires_at: number;
  /** The access token's lifetime in ms when it was issued. */
  lifetime: number;
}

/** What /auth/register, /auth/login, /auth/guest and /auth/refresh return. */
export interface AuthResult {
  player: Player;
  token: string;
  refresh_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

/** An RFC 9457 problem document as the server sends it. */
export interface Problem {
  /** "urn:arena:problem:<code>" */
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: { field: string; message: string }[];
}

/** Every failure: an HTTP problem, a socket `error` frame, a time-out (`timeout`) or a network fault (`network`). */
export class ArenaError extends Error {
  /** The HTTP status; 0 for socket and network errors. */
  status: number;
  /**
   * The kind, to switch on: the problem type's last part with `-` as `_` (`not_found`, `validation_failed`,
   * `conflict`, ...; the same spelling as the socket's codes), the socket
   * error code (`muted`, `rate_limited`, `full`, ...), or the SDK's own: `timeout`, `network`, `disconnected`,
   * `closed`, `session_ended`, `unauthorized`.
   */
  code: string;
  title: string | null;
  detail: string | null;
  /** The problem document of an HTTP error, else null. */
  problem: Problem | null;
  /** The code of a socket `error` frame, else null. */
  socketCode: ErrorCode | null;
  static fromProblem(status: number, problem: unknown): ArenaError;
  static fromFrame(frame: ErrorFrame): ArenaError;
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | boolean | null | undefined | Array<string | number>>;
  /** Send the access token (default true); refreshed once and retried after a 401. */
  auth?: boolean;
  signal?: AbortSignal;
}

export class Arena {
  constructor(options?: ArenaOptions);
  readonly baseUrl: string;
  /** The signed-in session, or null. */
  session: Session | null;
  /** Called on every change of the session (sign-in, refresh, sign-out); returns an unsubscribe. */
  onSession(cb: (session: Session | null) => void): () => void;
  /**
   * One JSON call, e.g. `request('GET', '/players/me')`. Resolves with the parsed body (null for 204); rejects
   * with ArenaError carrying the problem document.
   */
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<T>;
  /** Refreshes the access token now (done by itself before expiry and once after a 401). */
  refresh(): Promise<Session>;
  /**
   * The one /ws socket of this client; resolves once the server said `welcome`. Reconnects by itself.
   * @route GET /ws
   */
  connect(): Promise<ArenaSocket>;
  /** The socket once `connect()` was called, else null. */
  readonly socket: ArenaSocket | null;

  auth: AuthApi;
  players: PlayersApi;
  leaderboards: LeaderboardsApi;
  rooms: RoomsApi;
  chat: ChatApi;
  dm: DmApi;
  matchmaking: MatchmakingApi;
  parties: PartiesApi;
  lobby: LobbyApi;
  games: GamesApi;
  match: MatchApi;
  tournaments: TournamentsApi;
  moderation: ModerationApi;
  admin: AdminApi;
  metrics: MetricsApi;
  logs: LogsApi;
  analytics: AnalyticsApi;
  health: HealthApi;
}

export type SocketState = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** Events of the socket besides the server's frames. */
export interface SocketEvents extends ServerMessages {
  state: SocketState;
  /** The socket closed (it reconnects unless `state` is `closed`). */
  close: { code: number; reason: string };
  /** A room was re-joined from its current seq: messages were missed; page chat history for the gap. */
  resync: { room: string };
  /** Every frame. */
  '*': ServerMessage;
}

export class ArenaSocket {
  readonly state: SocketState;
  /** The last `welcome` frame. */
  readonly welcome: WelcomeFrame | null;
  on<K extends keyof SocketEvents>(type: K, handler: (event: SocketEvents[K]) => void): () => void;
  /** Sends now; false (and nothing sent) while not open or beyond the rate. */
  send<K extends keyof ClientMessages>(type: K, fields: ClientMessages[K]): boolean;
  /**
   * Sends with a fresh `rid`; resolves with the reply, rejects ArenaError on an `error` frame, on `timeout`
   * (default 10 s, including any wait for the socket to open) or `disconnected`.
   */
  request<K extends keyof ClientMessages>(type: K, fields: ClientMessages[K],
    options?: { timeout?: number }): Promise<K extends keyof Replies ? Replies[K] : ServerMessage>;
  /** Joins a room and keeps it joined across reconnects, resuming from its last seq. */
  joinRoom(room: string): Promise<RoomJoinedFrame>;
  leaveRoom(room: string): Promise<RoomLeftFrame>;
  /** The last seq delivered for a joined room. */
  lastSeq(room: string): number | null;
  /** Closes (no reconnect); `arena.connect()` opens it again, with the same listeners and no rooms. */
  close(): void;
}

// --------------------------------------------------------------------------------------------------- HTTP parts

export interface AuthApi {
  /** Signs in as a guest; without `deviceId` one is made and kept in the storage. @route POST /auth/guest */
  guest(deviceId?: string): Promise<Session>;
  /** @route POST /auth/register */
  register(username: string, password: string): Promise<Session>;
  /** @route POST /auth/login */
  login(username: string, password: string): Promise<Session>;
  /** @route POST /auth/refresh */
  refresh(): Promise<Session>;
  /** Ends the session on the server and here, and closes the socket. @route POST /auth/logout */
  logout(): Promise<void>;
  /** Ends every session of this player on every node ("sign out everywhere"), this one included. @route POST /auth/logout-all */
  logoutAll(): Promise<void>;
}

export interface PlayerStats { [key: string]: Json }
export interface PlayerProfile {
  player: Player;
  stats: PlayerStats;
  recent_games: Array<{ [key: string]: Json }>;
  [key: string]: Json | Player | PlayerStats | undefined;
}

export interface PlayerPage { players: Player[]; limit: number; offset: number; next_offset: number | null }

export interface PlayersApi {
  /** @route GET /players/me */
  me(): Promise<Player>;
  /** Players whose display name starts with `name`, any case, in name order. @route GET /players */
  search(name: string, page?: { limit?: number; offset?: number }): Promise<PlayerPage>;
  /** @route PATCH /players/me */
  update(change: { displayName: string }): Promise<Player>;
  /** Public read: works signed out (docs/SECURITY.md). @route GET /players/{id} */
  get(id: Id): Promise<Player>;
  /** Public read: works signed out (docs/SECURITY.md). @route GET /players/{id}/profile */
  profile(id: Id): Promise<PlayerProfile>;
  /** Public read: works signed out (docs/SECURITY.md). @route GET /players/{id}/stats */
  stats(id: Id): Promise<PlayerStats>;
  /** Admins only. @route PUT /players/{id}/role */
  setRole(id: Id, role: 'player' | 'viewer' | 'moderator' | 'admin'): Promise<Player>;
}

export interface LeaderboardEntry { rank: number; player_id: Id; score: number; [key: string]: Json }

export interface LeaderboardsApi {
  /** Public read: works signed out (docs/SECURITY.md). @route GET /leaderboard/global */
  global(mode: string, page?: { limit?: number; offset?: number }): Promise<any>;
  /** Public read: works signed out (docs/SECURITY.md). @route GET /leaderboard/global/around/{player_id} */
  around(playerId: Id, mode: string, options?: { radius?: number }): Promise<any>;
}

export interface RoomsApi {
  /** Joins (and keeps joined across reconnects: no message lost or repeated). */
  join(room: string): Promise<RoomJoinedFrame>;
  leave(room: string): Promise<RoomLeftFrame>;
  /** Broadcasts `data` as `room.message` to every member; resolves with the `ack` (its seq). */
  send(room: string, data: Json): Promise<AckFrame>;
  /** One page of the room's members (`presence.list`). */
  members(room: string, page?: { offset?: number; limit?: number }): Promise<PresenceListFrame>;
}

export interface ChatMessageRecord { id: number; room: string; from: Id; display_name: string; message: string; ts: Instant }
export interface ChatPage { room: string; messages: ChatMessageRecord[]; next_before: number | null }

export interface ChatApi {
  /** Sends a line to a joined room; resolves with the `ack` ({id, seq}); rejects `muted`, `banned`, `filtered`... */
  send(room: string, text: string): Promise<AckFrame>;
  /** A page of history, oldest first; pass `next_before` as `before` for older. @route GET /chat/{room}/messages */
  history(room: string, page?: { before?: number; limit?: number }): Promise<ChatPage>;
}

export interface DmApi {
  send(playerId: Id, text: string): Promise<AckFrame>;
}

export interface Ticket {
  ticket_id: Id;
  mode: string;
  status: 'waiting' | 'matched' | 'cancelled';
  owner: Id;
  party_id: Id | null;
  members: { player_id: Id; rating: number; deviation: number }[];
  properties: Record<string, string>;
  created_at: Instant;
  game_id?: Id | null;
  game_node?: string | null;
  reason?: 'player' | 'disconnected' | 'matched_elsewhere' | 'party_changed' | 'launch_failed' | null;
}

export interface MatchmakingApi {
  /** Queue (keep a socket open: tickets of players with no socket are cancelled). @route POST /matchmaking/tickets */
  enqueue(mode: string, options?: { properties?: Record<string, string>; partyId?: Id }): Promise<Ticket>;
  /** @route DELETE /matchmaking/tickets/{ticket_id} */
  cancel(ticketId: Id): Promise<Ticket>;
  /** @route GET /matchmaking/tickets/{ticket_id} */
  ticket(ticketId: Id): Promise<Ticket>;
  /** The tickets this client created or was told of, latest first (no server call). */
  tickets(): Ticket[];
  /** Public read: works signed out (docs/SECURITY.md). @route GET /matchmaking/stats */
  stats(): Promise<{ modes: QueueStats[] }>;
}

/** One queue of `GET /matchmaking/stats`: its shape and how it is doing now. */
export interface QueueStats {
  mode: string;
  /** The queue's shape: `team_count` teams of `team_size` (1v1: 2 of 1; 2v2: 2 of 2; ffa8: 8 of 1). A party fits when it has at most `team_size` members. */
  team_count: number;
  team_size: number;
  queue_length: number;
  players_waiting: number;
  oldest_wait_ms: number;
  window_seconds: number;
  matches_formed: number;
  wait_p50_ms: number;
  wait_p95_ms: number;
  rating_spread_p50: number;
  rating_spread_p95: number;
  matcher_node: string | null;
  at: Instant | null;
}

export interface Party {
  party_id: Id;
  leader: Id;
  members: Id[];
  invited: Id[];
  version: number;
  created_at: Instant;
}

export interface PartiesApi {
  /** @route POST /parties */
  create(): Promise<Party>;
  /** @route GET /parties/{party_id} */
  get(id: Id): Promise<Party>;
  /** @route POST /parties/{party_id}/invite */
  invite(id: Id, playerId: Id): Promise<Party>;
  /** @route POST /parties/{party_id}/accept */
  accept(id: Id): Promise<Party>;
  /** @route POST /parties/{party_id}/decline */
  decline(id: Id): Promise<Party>;
  /** @route POST /parties/{party_id}/leave */
  leave(id: Id): Promise<null>;
  /** @route POST /parties/{party_id}/kick */
  kick(id: Id, playerId: Id): Promise<Party>;
  /** @route POST /parties/{party_id}/promote */
  promote(id: Id, playerId: Id): Promise<Party>;
}

export interface LobbyGame {
  game_id: Id;
  mode: string;
  region: string;
  host: Id;
  player_count: number;
  ready_count: number;
  min_players: number;
  max_players: number;
  has_space: boolean;
  owner_node: string;
}

/** A match being played that anyone may watch ("live now"): a subset of `GET /games`' items. */
export interface LiveGame {
  game_id: Id;
  mode: string;
  /** The creator's region; absent for matchmaking and tournament games. */
  region?: string;
  players: { player: Id }[];
  /**
   * Players watching it, from any node (counted by the match's own node; one player in two tabs counts once).
   * Pushed with `lobby.live_updated` at most once per match per second.
   */
  spectators: number;
  owner_node: string;
}

export interface LobbyApi {
  /** Public read: works signed out (docs/SECURITY.md). @route GET /lobby/games */
  list(filter?: { mode?: string; region?: string; hasSpace?: boolean; limit?: number; offset?: number }): Promise<any>;
  /**
   * Live list: `lobby.game_added` / `lobby.game_updated` / `lobby.game_removed` events follow (again after a reconnect).
   * With `live: true` also the matches anyone may watch: `live_games` in the reply, then `lobby.live_added` /
   * `lobby.live_updated` / `lobby.live_removed`.
   */
  subscribe(filter?: { mode?: string; region?: string; live?: boolean }): Promise<LobbySubscribedFrame>;
  unsubscribe(): Promise<LobbyUnsubscribedFrame>;
  /** @route POST /games/join-by-code */
  joinByCode(code: string): Promise<any>;
}

export interface GamesApi {
  /** @route POST /games/create */
  create(game: { mode: string; private?: boolean; maxPlayers?: number; settings?: { [key: string]: Json };
    region?: string }): Promise<any>;
  /** @route POST /games/{game_id}/join */
  join(id: Id, options?: { joinCode?: string }): Promise<any>;
  /** @route POST /games/{game_id}/leave */
  leave(id: Id): Promise<any>;
  /** @route POST /games/{game_id}/ready */
  ready(id: Id, ready?: boolean): Promise<any>;
  /** @route POST /games/{game_id}/start */
  start(id: Id, options?: { force?: boolean }): Promise<any>;
  /** @route POST /games/{game_id}/kick */
  kick(id: Id, playerId: Id): Promise<any>;
  /** Public read for public games; a private game a player made needs the token of one of its players. @route GET /games/{game_id}/state */
  state(id: Id): Promise<any>;
  /** Public read for public games; a private game a player made needs the token of one of its players (or a moderator's). @route GET /games/{game_id}/replay */
  replay(id: Id): Promise<any>;
  /**
   * Public read: works signed out (docs/SECURITY.md). Public games; with `watchable: true` also matchmade and tournament games (every game one may spectate).
   * @route GET /games
   */
  list(filter?: { mode?: string; status?: string; watchable?: boolean }): Promise<any>;
  /** @route POST /games/{game_id}/finish */
  finish(id: Id, result: Json): Promise<any>;
}

export interface MatchApi {
  /** Attach as a seated player (again by itself after a reconnect, within the 20 s grace). */
  join(gameId: Id): Promise<MatchStateFrame>;
  spectate(gameId: Id): Promise<MatchStateFrame>;
  /**
   * Fire and forget; effects arrive as `match.event`, refusals as `error`. False while offline. With `seq` (an
   * integer 0 to 2^53-1, increasing) the `match.event` of the tick that takes the input, applied or refused,
   * acknowledges it in `acks` (docs/PROTOCOL.md, "Input acknowledgements").
   */
  input(gameId: Id, input: { type: string; [key: string]: Json }, seq?: number): boolean;
  /** The `seq` of this player's last input the match took, from `acks` of its frames and snapshots; null if none. */
  lastAck(gameId: Id): number | null;
  ready(gameId: Id, ready?: boolean): Promise<AckFrame>;
  leave(gameId: Id): Promise<MatchLeftFrame>;
}

export interface TournamentCreate {
  name: string;
  format: 'single_elimination' | 'double_elimination' | 'round_robin' | 'swiss' | string;
  mode: string;
  maxPlayers?: number;
  bestOf?: number;
  startsAt: Instant;
  checkInMinutes?: number;
  rounds?: number;
  thirdPlaceMatch?: boolean;
  noShowMinutes?: number;
  /** Why (1-500 characters): written to the console's audit log when a console account creates it. */
  reason?: string;
}

export interface TournamentsApi {
  /** @route GET /tournaments */
  list(filter?: { status?: string }): Promise<any>;
  /** @route GET /tournaments/{tournament_id} */
  get(id: Id): Promise<any>;
  /** @route POST /tournaments */
  create(tournament: TournamentCreate): Promise<any>;
  /** @route POST /tournaments/{tournament_id}/register */
  register(id: Id): Promise<any>;
  /** @route POST /tournaments/{tournament_id}/unregister */
  unregister(id: Id): Promise<any>;
  /** @route POST /tournaments/{tournament_id}/check-in */
  checkIn(id: Id): Promise<any>;
  /** @route POST /tournaments/{tournament_id}/start */
  start(id: Id, options?: { seedOrder?: Id[]; reason?: string }): Promise<any>;
  /** @route POST /tournaments/{tournament_id}/cancel */
  cancel(id: Id, options?: { reason?: string }): Promise<any>;
  /** @route POST /tournaments/{tournament_id}/pairings/{pairing_id}/result */
  setResult(id: Id, pairingId: string, result: { homeWins?: number; awayWins?: number; draws?: number;
    walkover?: 'home' | 'away'; reason?: string }): Promise<any>;
  /** @route GET /tournaments/{tournament_id}/bracket */
  bracket(id: Id): Promise<any>;
  /** @route GET /tournaments/{tournament_id}/leaderboard */
  standings(id: Id): Promise<any>;
  /** @route GET /tournaments/{tournament_id}/matches */
  matches(id: Id, filter?: { round?: number }): Promise<any>;
  /** @route GET /tournaments/{tournament_id}/corrections */
  corrections(id: Id): Promise<any>;
  /**
   * Live updates through the `tournament:{id}` room of /ws, in version order, none twice across reconnects.
   * Returns an unsubscribe; its `ready` resolves once the room is joined.
   */
  watch(id: Id, onUpdate: (update: TournamentUpdate, frame: RoomMessageFrame) => void):
    (() => void) & { ready: Promise<RoomJoinedFrame | null> };
}

export interface ModerationApi {
  /** Moderators. @route POST /chat/mutes */
  mute(order: { playerId: Id; room?: string; durationSeconds: number; reason: string }): Promise<any>;
  /** @route DELETE /chat/mutes/{player_id} */
  unmute(playerId: Id, options?: { room?: string }): Promise<any>;
  /** @route POST /chat/bans */
  ban(playerId: Id, reason: string): Promise<any>;
  /** @route DELETE /chat/bans/{player_id} */
  unban(playerId: Id): Promise<any>;
  /** @route GET /chat/moderation/{player_id} */
  status(playerId: Id): Promise<any>;
}

/** A page of a console list: pass `next` back (as `after` or `before`) for the following page; null on the last. */
export interface Page<T> {
  items: T[];
  next: string | null;
}

/** The admin console (docs/CONSOLE.md). Viewers read; moderators moderate; admins administer; actions are audited. */
export interface AdminApi {
  /** Viewers and up. @route GET /admin/jobs */
  jobs(): Promise<any>;
  /** Admins. @route POST /admin/jobs/{step}/{game_id}/retry */
  retryJob(step: string, gameId: Id, reason: string): Promise<null>;
  /** Username prefix or id. @route GET /admin/players */
  players(options?: { q?: string; after?: string; limit?: number }): Promise<Page<any>>;
  /** @route GET /admin/players/{id} */
  player(id: Id): Promise<any>;
  /** Admins. @route PUT /admin/players/{id}/role */
  setRole(id: Id, role: 'player' | 'viewer' | 'moderator' | 'admin', reason: string): Promise<Player>;
  /** Moderators. @route POST /admin/players/{id}/chat-ban */
  chatBan(id: Id, reason: string): Promise<any>;
  /** Moderators. @route POST /admin/players/{id}/chat-unban */
  chatUnban(id: Id, reason: string): Promise<null>;
  /** Moderators: a timed mute, in one room or (no room) in all chat. @route POST /admin/players/{id}/chat-mute */
  chatMute(id: Id, options: { room?: string; durationSeconds: number; reason: string }): Promise<any>;
  /** Admins: everything stored about the player. @route GET /admin/players/{id}/export */
  exportPlayer(id: Id): Promise<any>;
  /** Admins: the account and its personal data. @route DELETE /admin/players/{id} */
  deletePlayer(id: Id, reason: string): Promise<null>;
  /** Admins: signs the player out on every node; their sockets close with 4002. @route POST /admin/players/{id}/revoke-sessions */
  revokeSessions(id: Id, reason: string): Promise<null>;
  /** @route GET /admin/audit */
  audit(options?: { q?: string; before?: number | string; limit?: number }): Promise<Page<any>>;
  /** @route GET /admin/matches */
  matches(options?: { mode?: string; after?: string; limit?: number }): Promise<Page<any>>;
  /** @route GET /admin/matches/{id} */
  match(id: Id): Promise<any>;
  /** Moderators. @route POST /admin/matches/{id}/stop */
  stopMatch(id: Id, reason: string): Promise<null>;
  /** @route GET /admin/matchmaking/{mode} */
  queue(mode: string): Promise<{ tickets: any[] }>;
  /** Moderators. @route POST /admin/matchmaking/tickets/{id}/cancel */
  cancelTicket(id: Id, reason: string): Promise<any>;
  /** @route GET /admin/nodes */
  nodes(): Promise<{ nodes: any[] }>;
  /** @route GET /admin/chat/{room}/messages */
  messages(room: string, options?: { q?: string; before?: number | string; limit?: number }): Promise<Page<any>>;
}

/** One merged cluster sample of the dashboard feed (docs/CONSOLE.md lists every field and its merge rule). */
export interface ClusterSample {
  seq: number;
  at: number;
  nodes: Array<{ id: string; version: string; uptime_seconds: number; sockets: number; rooms: number;
    matches: number; heap_used_mb: number; heap_max_mb: number; leases: string[] }>;
  realtime: { sockets: number; rooms: number; messages_in_per_second: number; messages_out_per_second: number;
    delivery_p50_ms: number; delivery_p99_ms: number;
    /** How late the event loops ran their 10 ms checks: p99 and the longest, over about two minutes. */
    loop_delay_p99_ms: number; loop_delay_max_ms: number };
  matches: { running_by_mode: Record<string, number>; waiting: number; started_per_minute: number;
    ended_per_minute: number; tick_p99_ms: number; input_p50_ms: number; input_p99_ms: number };
  queues: Record<string, { players_waiting: number; wait_p50_seconds: number; wait_p95_seconds: number;
    spread_p50: number; formed_per_minute: number }>;
  work: { tournaments_running: number; job_backlog: number; job_failures_per_minute: number };
  http: { requests_per_second: number; error_rate: number; db_in_use: number; db_waiting: number };
}

/** The live dashboard's data. */
export interface MetricsApi {
  /** @route GET /dashboard/history */
  history(options?: { seconds?: number }): Promise<{ samples: ClusterSample[] }>;
  /** @route GET /dashboard/players */
  players(): Promise<any>;
  /** The live feed, reconnecting by itself; returns a stop function. @route GET /dashboard/stream */
  stream(onSample: (sample: ClusterSample) => void,
    onState?: (state: 'live' | 'reconnecting' | 'stopped', error?: ArenaError) => void): () => void;
}

/** A log-ingest job (docs/LOGS.md). */
export interface LogJob {
  job_id: Id; status: 'running' | 'finished' | 'failed' | 'interrupted' | string; lines: number; events: number;
  bad_lines: number; bytes: number; seconds: number; bad_line_samples?: { line: number; reason: string }[];
  [key: string]: Json | undefined;
}

/** Game logs: streaming ingest, jobs, server-side import, export (admin or the ingest role). */
export interface LogsApi {
  /** Uploads NDJSON as one job; resume with `jobId` + the committed `offset`. @route POST /logs/ingest */
  ingest(body: string | Blob | ArrayBuffer | ReadableStream<Uint8Array>,
    options?: { idempotencyKey?: string; gzip?: boolean; jobId?: Id; offset?: number; raw?: boolean }): Promise<LogJob>;
  /** @route GET /logs/jobs */
  jobs(options?: { idempotencyKey?: string; limit?: number }): Promise<any>;
  /** @route GET /logs/jobs/{id} */
  job(id: Id): Promise<LogJob>;
  /** A file in ARENA_LOG_IMPORT_DIR, ingested by a durable job. @route POST /logs/import */
  importFile(path: string, options?: { [key: string]: Json }): Promise<LogJob>;
  /** NDJSON text of the events in a window. @route GET /logs/export */
  export(options?: { from?: string; to?: string; mode?: string; gameId?: string; source?: string }): Promise<string>;
}

/** Player analytics from the rollups of ingested logs. */
export interface AnalyticsApi {
  /** @route GET /analytics/players/{player_id} */
  player(playerId: string): Promise<any>;
  /** @route GET /analytics/modes */
  modes(options?: { from?: string; to?: string; bucket?: 'hour' | 'day' }): Promise<any>;
  /** @route GET /analytics/top */
  top(options?: { type?: string; period?: string; limit?: number }): Promise<any>;
  /** @route GET /analytics/games/{game_id} */
  game(gameId: string): Promise<any>;
}

export interface HealthApi {
  /** @route GET /health/live */
  live(): Promise<any>;
  /** @route GET /health/ready */
  ready(): Promise<any>;
}

// ------------------------------------------------------------------------------------------- client -> server

/** The fields of every message a client sends on /ws (docs/PROTOCOL.md); `rid` is added by `request`. */
export interface ClientMessages {
  'ping': {};
  'room.join': { room: string; last_seq?: number };
  'room.leave': { room: string };
  'room.send': { room: string; data: Json };
  'chat.send': { room: string; message: string };
  'chat.history': { room: string; before?: number; limit?: number };
  'dm.send': { to: Id; message: string };
  'presence.list': { room: string; offset?: number; limit?: number };
  'match.join': { game_id: Id };
  'match.spectate': { game_id: Id };
  'match.input': { game_id: Id; input: { type: string; [key: string]: Json }; seq?: number };
  'match.leave': { game_id: Id };
  'match.ready': { game_id: Id; ready: boolean };
  'lobby.subscribe': { mode?: string; region?: string; live?: boolean };
  'lobby.unsubscribe': {};
  'mm.enqueue': { mode: string; properties: Record<string, string>; party_id?: Id };
  'mm.cancel': { ticket_id: Id };
}

/** The reply each request gets (an `error` frame rejects instead). */
export interface Replies {
  'ping': PongFrame;
  'room.join': RoomJoinedFrame;
  'room.leave': RoomLeftFrame;
  'room.send': AckFrame;
  'chat.send': AckFrame;
  'chat.history': ChatHistoryFrame;
  'dm.send': AckFrame;
  'presence.list': PresenceListFrame;
  'match.join': MatchStateFrame;
  'match.spectate': MatchStateFrame;
  'match.leave': MatchLeftFrame;
  'match.ready': AckFrame;
  'lobby.subscribe': LobbySubscribedFrame;
  'lobby.unsubscribe': LobbyUnsubscribedFrame;
  'mm.enqueue': MmTicketFrame;
  'mm.cancel': MmTicketFrame;
}

// ------------------------------------------------------------------------------------------- server -> client

export interface Member { user_id: Id; display_name: string; session_id: string }

export interface WelcomeFrame { type: 'welcome'; session_id: string; user_id: Id; display_name: string; node: string; heartbeat_ms: number }
export interface PongFrame { type: 'pong'; rid: string; ts: number | Instant }
export interface RoomJoinedFrame { type: 'room.joined'; rid?: string; room: string; seq: number; members: Member[]; member_count: number }
export interface RoomLeftFrame { type: 'room.left'; rid?: string; room: string }
export interface RoomMessageFrame { type: 'room.message'; room: string; seq: number; from: Id; data: Json; ts: Instant }
export interface ChatMessageFrame { type: 'chat.message'; room: string; seq: number; id: number; from: Id; display_name: string; message: string; ts: Instant }
export interface ChatHistoryFrame { type: 'chat.history'; rid?: string; room: string; messages: ChatMessageRecord[]; next_before: number | null }
export interface DmMessageFrame { type: 'dm.message'; id: number; from: Id; to: Id; message: string; ts: Instant }
/** Joins and leaves of one room merged over an interval (at most every 250 ms); apply as upserts. */
/**
 * Presence changes since the previous diff of the room. At most 20 joins and 20 leaves are named; the rest are
 * counted in `omitted_joins` / `omitted_leaves` (absent when 0): page `rooms.members` for every name.
 */
export interface PresenceDiffFrame {
  type: 'presence.diff'; room: string; joins: Member[]; leaves: Member[];
  omitted_joins?: number; omitted_leaves?: number;
}
export interface PresenceListFrame { type: 'presence.list'; rid?: string; room: string; members: Member[]; offset: number; member_count: number }
export interface AckFrame { type: 'ack'; rid?: string; seq?: number; id?: number }

export interface MatchPlayer { player: Id; connected: boolean; forfeit_at_tick: number | null; ready?: boolean }
export interface MatchResult {
  outcome: { type: 'winner'; player: Id } | { type: 'draw' } | { type: 'abandoned' };
  standings: Json[];
  reason: string;
  [key: string]: Json | undefined;
}
export interface MatchStateFrame {
  type: 'match.state'; rid?: string; game_id: Id; mode: string; status: 'waiting' | 'running' | 'finished';
  tick: number; tick_rate: number; players: MatchPlayer[]; spectators: number; state: Json;
  result?: MatchResult | null; host?: Id | null;
  /** Every seated player's last input acknowledgement: player id -> seq. Absent while nobody numbered an input. */
  acks?: Record<Id, number>;
}
/**
 * One per tick that had events (`match_started`, `player_joined`, ..., and the game's own: `turn`, `disc`, ...) or
 * input acknowledgements (`acks`: player id -> the seq of their last input this tick took; absent when none).
 */
export interface MatchEventFrame {
  type: 'match.event'; game_id: Id; tick: number; events: Array<{ type: string; [key: string]: Json }>;
  acks?: Record<Id, number>;
}
export interface MatchEndFrame { type: 'match.end'; game_id: Id; tick: number; result: MatchResult }
export interface MatchLeftFrame { type: 'match.left'; rid?: string; game_id: Id }

export interface LobbySubscribedFrame {
  type: 'lobby.subscribed'; rid?: string; mode?: string; region?: string; games: LobbyGame[]; game_count: number;
  /** Only when subscribed with `live: true`: the live matches (at most 100) and how many there are. */
  live_games?: LiveGame[]; live_count?: number;
}
export interface LobbyUnsubscribedFrame { type: 'lobby.unsubscribed'; rid?: string }
export interface LobbyGameAddedFrame { type: 'lobby.game_added'; game: LobbyGame }
export interface LobbyGameUpdatedFrame { type: 'lobby.game_updated'; game: LobbyGame }
export interface LobbyGameRemovedFrame { type: 'lobby.game_removed'; game_id: Id; mode: string; region: string }
export interface LobbyLiveAddedFrame { type: 'lobby.live_added'; game: LiveGame }
/** Who plays changed (a leave or a forfeit); at most one a match per 500 ms. */
export interface LobbyLiveUpdatedFrame { type: 'lobby.live_updated'; game: LiveGame }
export interface LobbyLiveRemovedFrame { type: 'lobby.live_removed'; game_id: Id; mode: string; region?: string }

export type ErrorCode =
  | 'bad_json' | 'bad_message' | 'unknown_type' | 'too_large' | 'rate_limited' | 'not_member' | 'already_joined'
  | 'not_found' | 'forbidden' | 'read_only' | 'room_full' | 'muted' | 'banned' | 'filtered' | 'resync' | 'busy'
  | 'unavailable' | 'internal' | 'conflict' | 'not_participant' | 'spectator' | 'ended' | 'malformed' | 'full'
  | 'forfeited' | 'too_many_spectators' | 'not_connected' | 'not_started' | 'already_started' | 'auto_start'
  | 'not_subscribed' | 'too_many_subscribers'
  // game codes: connect_four, arena_battle
  | 'not_your_turn' | 'out_of_range' | 'column_full' | 'game_over' | 'too_fast' | 'cooldown' | 'invalid_target'
  | 'target_dead' | 'dead' | 'blocking'
  | string;
export interface ErrorFrame { type: 'error'; rid?: string; code: ErrorCode; message: string; room?: string }

export interface MmTicketFrame { type: 'mm.ticket'; rid?: string; ticket: Ticket }
export interface MmMatchedFrame {
  type: 'mm.matched'; game_id: Id; mode: string; node: string; ticket_id: Id; players: Id[]; teams: Id[][];
  rating_spread: number;
}
export interface PartyInvitedFrame { type: 'party.invited'; event: 'invited'; player: Id; party: Party }
export interface PartyUpdatedFrame {
  type: 'party.updated';
  event: 'created' | 'invited' | 'joined' | 'declined' | 'left' | 'kicked' | 'promoted' | 'disbanded';
  player: Id; party: Party;
}

/** Every server -> client frame of /ws by its `type`. */
export interface ServerMessages {
  'welcome': WelcomeFrame;
  'pong': PongFrame;
  'room.joined': RoomJoinedFrame;
  'room.left': RoomLeftFrame;
  'room.message': RoomMessageFrame;
  'chat.message': ChatMessageFrame;
  'chat.history': ChatHistoryFrame;
  'dm.message': DmMessageFrame;
  'presence.diff': PresenceDiffFrame;
  'presence.list': PresenceListFrame;
  'ack': AckFrame;
  'match.state': MatchStateFrame;
  'match.event': MatchEventFrame;
  'match.end': MatchEndFrame;
  'match.left': MatchLeftFrame;
  'lobby.subscribed': LobbySubscribedFrame;
  'lobby.unsubscribed': LobbyUnsubscribedFrame;
  'lobby.game_added': LobbyGameAddedFrame;
  'lobby.game_updated': LobbyGameUpdatedFrame;
  'lobby.game_removed': LobbyGameRemovedFrame;
  'lobby.live_added': LobbyLiveAddedFrame;
  'lobby.live_updated': LobbyLiveUpdatedFrame;
  'lobby.live_removed': LobbyLiveRemovedFrame;
  'error': ErrorFrame;
  'mm.ticket': MmTicketFrame;
  'mm.matched': MmMatchedFrame;
  'party.invited': PartyInvitedFrame;
  'party.updated': PartyUpdatedFrame;
}
export type ServerMessage = ServerMessages[keyof ServerMessages];

// ------------------------------------------------------------------------------------------ tournament updates

interface UpdateBase { tournament_id: Id; version: number }
export interface Pairing { pairing_id: string; [key: string]: Json }

/** The `data` of a `room.message` in `tournament:{id}` (and the frames of /tournaments/{id}/updates). */
export type TournamentUpdate =
  | (UpdateBase & { type: 'tournament.player_registered'; player_id: Id; player_count: number })
  | (UpdateBase & { type: 'tournament.player_unregistered'; player_id: Id; player_count: number })
  | (UpdateBase & { type: 'tournament.player_checked_in'; player_id: Id })
  | (UpdateBase & { type: 'tournament.status'; status: 'registering' | 'checking_in' | 'running' | 'completed' | 'cancelled'; reason?: string })
  | (UpdateBase & { type: 'tournament.bracket_changed'; pairings: Pairing[] })
  | (UpdateBase & { type: 'tournament.round_advanced'; round: number; bracket: 'winners' | 'losers' | 'final' })
  | (UpdateBase & { type: 'tournament.match_started'; pairing_id: string; game_id: Id; game_number: number; players: [Id, Id]; deadline: Instant })
  | (UpdateBase & { type: 'tournament.match_finished'; pairing_id: string; game_id: Id; game_number: number; outcome: 'home' | 'away' | 'draw' | 'void'; reason: string })
  | (UpdateBase & { type: 'tournament.walkover'; pairing_id: string; game_id: Id; no_show: 'home' | 'away'; both_absent: boolean })
  | (UpdateBase & { type: 'tournament.result_corrected'; pairing_id: string; previous: string; result: string; reset: string[] })
  | (UpdateBase & { type: 'tournament.finished'; podium: { place: number; player_id: Id; points: number }[] });

/** Sent to a player's private room `user:{id}` (a `room.message`) when a tournament game of theirs is created. */
export interface TournamentMatchReady {
  type: 'tournament.match_ready'; tournament_id: Id; tournament_name: string; pairing_id: string; game_id: Id;
  game_number: number; mode: string; opponent: Id; deadline: Instant;
}
