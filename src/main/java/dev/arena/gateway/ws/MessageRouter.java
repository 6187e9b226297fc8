package dev.arena.gateway.ws;

import dev.arena.chat.ChatMessage;
import dev.arena.chat.ChatService;
import dev.arena.common.ArenaException;
import dev.arena.lobby.Lobby;
import dev.arena.match.MatchCodes;
import dev.arena.match.MatchDirectory;
import dev.arena.match.MatchId;
import dev.arena.match.MatchLoop;
import dev.arena.match.MatchStatus;
import dev.arena.match.Offer;
import dev.arena.match.PlayerId;
import dev.arena.matchmaking.service.Matchmaking;
import dev.arena.matchmaking.service.TicketRecord;
import dev.arena.matchmaking.service.TicketRequest;
import dev.arena.matchmaking.service.TicketView;
import dev.arena.room.RoomEvent;
import dev.arena.room.RoomRegistry;
import dev.arena.room.Rooms;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one switch every {@code /ws} message goes through, on its connection's event loop. Domain failures
 * become {@code error} replies here, and only here.
 */
final class MessageRouter {
    private static final Logger log = LoggerFactory.getLogger(MessageRouter.class);

    private final RoomRegistry rooms;
    private final ChatService chat;
    private final Clock clock;
    private final MatchDirectory games;
    private final MatchFeed feed;
    private final Lobby lobby;
    private final LobbyFeed lobbyFeed;
    private final Matchmaking matchmaking;
    /** Matches of other nodes (none on a single node: its bus has no peers). */
    private final MatchRelay relay;

    MessageRouter(RoomRegistry rooms, ChatService chat, Clock clock, MatchDirectory games, MatchFeed feed,
                  Lobby lobby, LobbyFeed lobbyFeed, Matchmaking matchmaking, MatchRelay relay) {
        this.matchmaking = matchmaking;
        this.rooms = rooms;
        this.chat = chat;
        this.clock = clock;
        this.games = games;
        this.feed = feed;
        this.lobby = lobby;
        this.lobbyFeed = lobbyFeed;
        this.relay = relay;
    }

    void handle(Connection c, ClientMessage message) {
        switch (message) {
            case ClientMessage.Ping p -> c.send(new ServerMessage.Pong(p.rid(), clock.instant()));
            case ClientMessage.RoomJoin j -> join(c, j);
            case ClientMessage.RoomLeave l -> leave(c, l);
            case ClientMessage.RoomSend s -> {
                if (member(c, s.rid(), s.room(), true)) {
                    reply(c, s.rid(), rooms.stream().append(
                                    new RoomEvent.Message(s.room(), 0, c.principal.playerId(), s.data(), clock.instant())),
                            seq -> new ServerMessage.Ack(s.rid(), seq, null));
                }
            }
            case ClientMessage.ChatSend s -> {
                if (member(c, s.rid(), s.room(), true)) {
                    reply(c, s.rid(), inOrder(c, () -> postChat(c, s.room(), s.message())), a -> a);
                }
            }
            case ClientMessage.ChatHistory h -> {
                if (member(c, h.rid(), h.room())) {
                    reply(c, h.rid(), chat.history(c.principal.playerId(), h.room(), h.before(), h.limit()),
                            page -> new ServerMessage.ChatHistory(h.rid(), page.room(), page.messages(),
                                    page.nextBefore()));
                }
            }
            case ClientMessage.DirectSend d -> reply(c, d.rid(), inOrder(c, () -> direct(c, d)), a -> a);
            case ClientMessage.PresenceList p -> {
                if (member(c, p.rid(), p.room())) {
                    reply(c, p.rid(), rooms.presence().list(p.room()),
                            list -> new ServerMessage.PresenceList(p.rid(), p.room(),
                                    List.copyOf(list.subList(Math.min(p.offset(), list.size()),
                                            (int) Math.min((long) p.offset() + p.limit(), list.size()))),
                                    p.offset(), list.size()));
                }
            }
            case ClientMessage.MatchJoin j -> attach(c, j.rid(), j.gameId(), true);
            case ClientMessage.MatchSpectate s -> attach(c, s.rid(), s.gameId(), false);
            case ClientMessage.MatchInput i -> matchInput(c, i);
            case ClientMessage.MatchLeave l -> matchLeave(c, l);
            case ClientMessage.MatchReady r -> {
                if (remote(r.gameId())) {
                    relay.ready(c, r);
                } else {
                    reply(c, r.rid(), lobby.ready(r.gameId(), new PlayerId(c.principal.playerId()), r.ready()),
                            g -> new ServerMessage.Ack(r.rid(), null, null));
                }
            }
            case ClientMessage.LobbySubscribe s -> {
                c.lobby = true;
                lobbyFeed.subscribe(c, s.rid(), s.mode(), s.region());
            }
            case ClientMessage.LobbyUnsubscribe u -> {
                c.lobby = false;
                lobbyFeed.unsubscribe(c, u.rid(), true);
            }
            case ClientMessage.MmEnqueue e -> reply(c, e.rid(), enqueue(c, e),
                    t -> new ServerMessage.MmTicket(e.rid(), TicketView.of(t)));
            case ClientMessage.MmCancel x -> reply(c, x.rid(), matchmaking.cancel(c.principal.playerId(), x.ticketId()),
                    t -> new ServerMessage.MmTicket(x.rid(), TicketView.of(t)));
        }
    }

    /** The socket closed: it leaves the lobby topic when it had subscribed. */
    void closed(Connection c) {
        if (c.lobby) {
            c.lobby = false;
            lobbyFeed.unsubscribe(c, null, false);
        }
    }

    private Future<TicketRecord> enqueue(Connection c, ClientMessage.MmEnqueue e) {
        try {
            return matchmaking.enqueue(c.principal.playerId(),
                    TicketRequest.parse(e.mode(), e.partyId(), e.properties(), matchmaking.modes()));
        } catch (ArenaException x) {
            return Future.failedFuture(x);
        }
    }

    // ---- matches -------------------------------------------------------------------------------------------

    /** The running match, or an error reply ({@code not_found}, or {@code ended} for a finished one). */
    private MatchLoop<?, ?, ?> running(Connection c, Object rid, MatchId id) {
        var loop = games.live(id);
        if (loop.isPresent() && loop.get().status() != MatchStatus.FINISHED) {
            return loop.get();
        }
        try {
            games.require(id);
            c.error(rid, MatchCodes.ENDED, "game " + id + " has finished");
        } catch (ArenaException.NotFound e) {
            fail(c, rid, e);
        }
        return null;
    }

    /**
     * Attaches the socket to the match's frames, then joins (only a player seated over HTTP: a first join or a
     * reconnect) or spectates; the reply is the full snapshot. Frames of ticks up to the snapshot's may arrive
     * before it: clients apply only frames whose tick is greater.
     */
    private void attach(Connection c, Object rid, MatchId id, boolean asPlayer) {
        if (remote(id)) {
            relay.attach(c, rid, id, asPlayer);
            return;
        }
        MatchLoop<?, ?, ?> loop = running(c, rid, id);
        if (loop == null) {
            return;
        }
        PlayerId me = new PlayerId(c.principal.playerId());
        if (asPlayer && !MatchDirectory.seated(loop, me)) {
            c.error(rid, MatchCodes.NOT_PARTICIPANT, "join the game over HTTP first (POST /games/" + id + "/join)");
            return;
        }
        boolean added = c.matches.add(id);
        feed.attach(id, c);
        (asPlayer ? loop.join(me) : loop.spectate(me)).onComplete(ar -> {
            if (ar.succeeded()) {
                c.send(ServerMessage.MatchState.of(rid, ar.result()));
            } else {
                c.context.runOnContext(v -> {
                    if (added) {
                        c.matches.remove(id);
                        feed.detach(id, c);
                    }
                    fail(c, rid, ar.cause());
                });
            }
        });
    }

    private void matchInput(Connection c, ClientMessage.MatchInput i) {
        if (remote(i.gameId())) {
            relay.input(c, i);
            return;
        }
        MatchLoop<?, ?, ?> loop = running(c, i.rid(), i.gameId());
        if (loop == null) {
            return;
        }
        if (!c.matches.contains(i.gameId())) {
            c.error(i.rid(), MatchCodes.NOT_PARTICIPANT, "send match.join first");
        } else if (loop.offerInput(new PlayerId(c.principal.playerId()), i.input()) instanceof Offer.Refused r) {
            c.error(i.rid(), r.code(), r.message());
        }
    }

    /** Leaves the match for good when seated (a forfeit once running), else stops spectating. */
    private void matchLeave(Connection c, ClientMessage.MatchLeave l) {
        if (remote(l.gameId())) {
            relay.leave(c, l);
            return;
        }
        PlayerId me = new PlayerId(c.principal.playerId());
        boolean attached = c.matches.remove(l.gameId());
        if (attached) {
            feed.detach(l.gameId(), c);
        }
        MatchLoop<?, ?, ?> loop = running(c, l.rid(), l.gameId());
        if (loop == null) {
            return;
        }
        if (MatchDirectory.seated(loop, me)) {
            reply(c, l.rid(), loop.leave(me), was -> new ServerMessage.MatchLeft(l.rid(), l.gameId()));
        } else if (attached) {
            loop.unspectate(me);
            c.send(new ServerMessage.MatchLeft(l.rid(), l.gameId()));
        } else {
            c.error(l.rid(), MatchCodes.NOT_PARTICIPANT, "not in game " + l.gameId());
        }
    }

    /**
     * The socket closed (or left): a seated player with no other socket on the match is disconnected (the
     * match's reconnect grace applies); a spectator stops watching.
     */
    void detach(Connection c, MatchId id) {
        if (remote(id)) {
            relay.detach(c, id);
            return;
        }
        c.matches.remove(id);
        boolean another = feed.detach(id, c);
        games.live(id).ifPresent(loop -> {
            PlayerId me = new PlayerId(c.principal.playerId());
            if (another || relay.watchedOutside(id, me)) {
                return;
            }
            if (MatchDirectory.seated(loop, me)) {
                loop.disconnected(me);
            } else {
                loop.unspectate(me);
            }
        });
    }

    /** Whether another node may run the match (this node does not know it). */
    private boolean remote(MatchId id) {
        return !games.known(id);
    }

    /** Stores the line, then puts it in the room's stream; the ack carries both its id and its place. */
    Future<ServerMessage.Ack> postChat(Connection c, String room, String text) {
        return chat.post(c.principal.playerId(), c.displayName, room, text).compose(m -> rooms.stream()
                .append(new RoomEvent.Chat(room, 0, m.id(), m.from(), m.displayName(), m.message(), m.ts()))
                .map(seq -> new ServerMessage.Ack(null, seq, m.id())));
    }

    /** Runs the post after the socket's previous one has completed, either way (see {@code Connection.chatTail}). */
    static <T> Future<T> inOrder(Connection c, java.util.function.Supplier<Future<T>> post) {
        Future<T> next = c.chatTail.transform(ar -> post.get());
        c.chatTail = next;
        return next;
    }

    private Future<ServerMessage> direct(Connection c, ClientMessage.DirectSend d) {
        return chat.direct(c.principal.playerId(), c.displayName, d.to(), d.message()).compose(m -> {
            Future<Void> toRecipient = rooms.stream().broadcast(event(Rooms.user(d.to()), m, d));
            Future<Void> toSender = d.to().equals(c.principal.playerId()) ? Future.succeededFuture()
                    : rooms.stream().broadcast(event(Rooms.user(c.principal.playerId()), m, d));
            return Future.all(toRecipient, toSender).map(v -> new ServerMessage.Ack(d.rid(), null, m.id()));
        });
    }

    private static RoomEvent.Direct event(String room, ChatMessage m, ClientMessage.DirectSend d) {
        return new RoomEvent.Direct(room, m.id(), m.from(), d.to(), m.message(), m.ts());
    }

    private void join(Connection c, ClientMessage.RoomJoin j) {
        if (Rooms.reserved(j.room())) {
            c.error(j.rid(), "forbidden", "room " + j.room() + " is reserved");
            return;
        }
        if (!c.rooms.add(j.room())) {
            c.error(j.rid(), "already_joined", "already in room " + j.room());
            return;
        }
        rooms.join(j.room(), c, j.lastSeq(), j.rid()).onFailure(e -> c.context.runOnContext(v -> {
            c.rooms.remove(j.room());
            fail(c, j.rid(), e);
        }));
    }

    private void leave(Connection c, ClientMessage.RoomLeave l) {
        if (!c.rooms.remove(l.room())) {
            c.error(l.rid(), "not_member", "not in room " + l.room());
            return;
        }
        reply(c, l.rid(), rooms.leave(l.room(), c), was -> new ServerMessage.RoomLeft(l.rid(), l.room()));
    }

    private static boolean member(Connection c, Object rid, String room) {
        return member(c, rid, room, false);
    }

    /** Membership; for sending, also that the room takes clients' messages (tournament topics do not). */
    private static boolean member(Connection c, Object rid, String room, boolean sending) {
        if (sending && Rooms.readOnly(room)) {
            c.error(rid, "forbidden", "room " + room + " is read-only: only the server publishes there");
            return false;
        }
        if (c.rooms.contains(room)) {
            return true;
        }
        c.error(rid, "not_member", "join room " + room + " first");
        return false;
    }

    /** Sends the mapped result (acks only when the client gave a request id), or the mapped error. */
    private static <T> void reply(Connection c, Object rid, Future<T> result,
                                  java.util.function.Function<T, ? extends ServerMessage> map) {
        result.onComplete(ar -> {
            if (ar.failed()) {
                fail(c, rid, ar.cause());
                return;
            }
            ServerMessage m = map.apply(ar.result());
            if (m instanceof ServerMessage.Ack a) {
                if (rid != null) {
                    c.send(new ServerMessage.Ack(rid, a.seq(), a.id()));
                }
            } else {
                c.send(m);
            }
        });
    }

    static void fail(Connection c, Object rid, Throwable e) {
        String code = switch (e) {
            case ArenaException.NotFound x -> "not_found";
            case ArenaException.Invalid x -> "bad_message";
            case ArenaException.Forbidden x -> "forbidden";
            case ArenaException.Rejected x -> x.code();
            case ArenaException.RateLimited x -> "rate_limited";
            case ArenaException.Conflict x -> "conflict";
            case ArenaException.Unavailable x -> "unavailable";
            case ArenaException.Unauthorized x -> "unauthorized";
            default -> "internal";
        };
        if (code.equals("internal")) {
            log.error("real-time request of {} failed", c.principal.playerId(), e);
            c.error(rid, code, "an unexpected error occurred; it has been logged");
        } else {
            c.error(rid, code, e.getMessage());
        }
    }
}
