package dev.arena.gateway.ws;

import dev.arena.chat.ChatMessage;
import dev.arena.chat.ChatService;
import dev.arena.common.ArenaException;
import dev.arena.common.Outages;
import dev.arena.match.MatchId;
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
import java.util.concurrent.TimeUnit;
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
    private final MatchSockets matches;
    private final LobbyFeed lobbyFeed;
    private final Matchmaking matchmaking;

    MessageRouter(RoomRegistry rooms, ChatService chat, Clock clock, MatchSockets matches, LobbyFeed lobbyFeed,
                  Matchmaking matchmaking) {
        this.matchmaking = matchmaking;
        this.rooms = rooms;
        this.chat = chat;
        this.clock = clock;
        this.matches = matches;
        this.lobbyFeed = lobbyFeed;
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
                    reply(c, p.rid(), rooms.presence().page(p.room(), p.offset(), p.limit()),
                            page -> new ServerMessage.PresenceList(p.rid(), p.room(), page.members(), p.offset(),
                                    page.total()));
                }
            }
            case ClientMessage.MatchJoin j -> matches.attach(c, j.rid(), j.gameId(), true);
            case ClientMessage.MatchSpectate s -> matches.attach(c, s.rid(), s.gameId(), false);
            case ClientMessage.MatchInput i -> matches.input(c, i);
            case ClientMessage.MatchLeave l -> matches.leave(c, l);
            case ClientMessage.MatchReady r -> reply(c, r.rid(), matches.ready(c, r),
                    g -> new ServerMessage.Ack(r.rid(), null, null));
            case ClientMessage.LobbySubscribe s -> {
                c.lobby = true;
                lobbyFeed.subscribe(c, s.rid(), s.mode(), s.region(), s.live());
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

    /** The socket closed (or left the match): see {@link MatchSockets#detach}. */
    void detach(Connection c, MatchId id) {
        matches.detach(c, id);
    }

    /** How long one chat or direct message may take to store before its sender is told {@code unavailable}. */
    static final long POST_WAIT_SECONDS = 10;

    /** Stores the line, then puts it in the room's stream; the ack carries both its id and its place. */
    Future<ServerMessage.Ack> postChat(Connection c, String room, String text) {
        return chat.post(c.principal.playerId(), c.displayName, room, text).compose(m -> rooms.stream()
                .append(new RoomEvent.Chat(room, 0, m.id(), m.from(), m.displayName(), m.message(), m.ts()))
                .map(seq -> new ServerMessage.Ack(null, seq, m.id())));
    }

    /**
     * Runs the post after the socket's previous one has completed, either way (see {@code Connection.chatTail}).
     * A post that has not completed within {@link #POST_WAIT_SECONDS} (the database unreachable, a connection lost
     * mid-query) fails as a time-out, answered {@code unavailable}: the socket's later lines must never wait behind
     * it forever. Such a line was not acknowledged; it may still be stored once the database answers.
     */
    static <T> Future<T> inOrder(Connection c, java.util.function.Supplier<Future<T>> post) {
        Future<T> next = c.chatTail.transform(ar -> post.get().timeout(POST_WAIT_SECONDS, TimeUnit.SECONDS));
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
        if (sending ? c.rooms.sendsTo(room) : c.rooms.contains(room)) {
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
            case Throwable x when Outages.isOutage(x) -> "unavailable";
            default -> "internal";
        };
        if (code.equals("unavailable") && !(e instanceof ArenaException)) {
            c.error(rid, code, Outages.ANSWER);
        } else if (code.equals("internal")) {
            log.error("real-time request of {} failed", c.principal.playerId(), e);
            c.error(rid, code, "an unexpected error occurred; it has been logged");
        } else {
            c.error(rid, code, e.getMessage());
        }
    }
}
