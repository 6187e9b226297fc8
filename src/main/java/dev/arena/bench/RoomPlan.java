package dev.arena.bench;

/**
 * Who sits in which room and who sends, for the room scenarios. Client {@code i} is in room
 * {@code i / roomSize}; the last room holds the remainder. Senders are spread evenly over the clients and all
 * send at the same rate. A message reaches every member of its room, the sender included, so the expected
 * delivery rate is the sum over senders of their rate times their room's size.
 */
record RoomPlan(int clients, int roomSize, int senders, double senderRate) {

    RoomPlan {
        if (clients < 1 || roomSize < 1 || senders < 0 || senders > clients || !(senderRate >= 0)) {
            throw new IllegalArgumentException("bad room plan: clients " + clients + ", room size " + roomSize
                    + ", senders " + senders + ", rate " + senderRate);
        }
    }

    /** One room of every client; {@code totalRate} messages per second shared by {@code senders} clients. */
    static RoomPlan broadcast(int clients, int senders, double totalRate) {
        return new RoomPlan(clients, clients, senders, senders == 0 ? 0 : totalRate / senders);
    }

    /** Rooms of {@code roomSize}; every client sends {@code ratePerClient} messages per second. */
    static RoomPlan rooms(int clients, int roomSize, double ratePerClient) {
        return new RoomPlan(clients, roomSize, clients, ratePerClient);
    }

    int rooms() {
        return (clients + roomSize - 1) / roomSize;
    }

    int roomOf(int client) {
        return client / roomSize;
    }

    /** Members of {@code room}: the deliveries one of its messages should produce. */
    int fanout(int room) {
        return Math.min(roomSize, clients - room * roomSize);
    }

    /** Senders are clients {@code floor(j * clients / senders)} for {@code j < senders}: evenly spaced. */
    boolean isSender(int client) {
        if (senders == 0) {
            return false;
        }
        long j = ((long) client * senders + clients - 1) / clients; // the smallest j with j*clients/senders >= client
        return j < senders && j * clients / senders == client;
    }

    double totalSendRate() {
        return senders * senderRate;
    }

    /** Deliveries per second if every message reaches every member of its room. */
    double expectedDeliveriesPerSecond() {
        if (senders == clients) {
            double perMessageFanout = 0;
            for (int r = 0; r < rooms(); r++) {
                perMessageFanout += (double) fanout(r) * fanout(r);
            }
            return senderRate * perMessageFanout;
        }
        double total = 0;
        for (int j = 0; j < senders; j++) {
            int client = (int) ((long) j * clients / senders);
            total += senderRate * fanout(roomOf(client));
        }
        return total;
    }
}
