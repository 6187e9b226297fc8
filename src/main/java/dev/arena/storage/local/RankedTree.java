package dev.arena.storage.local;

import dev.arena.leaderboard.LeaderboardIndex;

import java.util.ArrayDeque;
import java.util.UUID;

/**
 * An order-statistic tree of (score, player) pairs: an AVL tree whose nodes also count their subtree, so that
 * insert, delete, rank-of and select-by-index are all O(log n) in the worst case, and reading k consecutive
 * entries costs O(log n + k).
 *
 * <p>AVL rather than a treap or skip list: worst-case bounds and no randomness, so behaviour is reproducible.
 * Not thread-safe; {@link LocalLeaderboardIndex} guards each tree with a lock. The caller keeps the
 * player-to-score map and so guarantees an inserted pair is absent and a deleted pair present.
 */
final class RankedTree {

    /** Receives entries in board order; {@code index} is 0-based. */
    @FunctionalInterface
    interface Visitor {
        void visit(int index, UUID playerId, double score);
    }

    private static final class Node {
        final UUID playerId;
        final double score;
        Node left;
        Node right;
        int height = 1;
        int size = 1;

        Node(UUID playerId, double score) {
            this.playerId = playerId;
            this.score = score;
        }
    }

    private Node root;

    int size() {
        return size(root);
    }

    /**
     * The board order of {@link LeaderboardIndex}: negative when (scoreA, a) ranks before (scoreB, b).
     * Higher score first, then the larger player id as an unsigned 128-bit number.
     */
    static int compare(double scoreA, UUID a, double scoreB, UUID b) {
        int byScore = Double.compare(scoreB, scoreA);
        if (byScore != 0) {
            return byScore;
        }
        int byHigh = Long.compareUnsigned(b.getMostSignificantBits(), a.getMostSignificantBits());
        return byHigh != 0 ? byHigh : Long.compareUnsigned(b.getLeastSignificantBits(), a.getLeastSignificantBits());
    }

    void insert(UUID playerId, double score) {
        root = insert(root, playerId, score);
    }

    void delete(UUID playerId, double score) {
        root = delete(root, playerId, score);
    }

    /** 0-based position of a pair that is in the tree. */
    int indexOf(UUID playerId, double score) {
        int index = 0;
        Node n = root;
        while (n != null) {
            int c = compare(score, playerId, n.score, n.playerId);
            if (c < 0) {
                n = n.left;
            } else if (c > 0) {
                index += size(n.left) + 1;
                n = n.right;
            } else {
                return index + size(n.left);
            }
        }
        throw new IllegalStateException("not in the tree: " + playerId + " with " + score);
    }

    /** Visits up to {@code limit} entries in board order, starting at 0-based {@code from}. */
    void forEach(int from, int limit, Visitor visitor) {
        if (from < 0 || from >= size() || limit <= 0) {
            return;
        }
        // Descend to index `from`, remembering every node we passed on its left: exactly the in-order successors
        // still to come, so the walk continues as an ordinary iterative in-order traversal.
        ArrayDeque<Node> pending = new ArrayDeque<>();
        Node n = root;
        int remaining = from;
        while (true) {
            int leftSize = size(n.left);
            if (remaining < leftSize) {
                pending.push(n);
                n = n.left;
            } else if (remaining == leftSize) {
                pending.push(n);
                break;
            } else {
                remaining -= leftSize + 1;
                n = n.right;
            }
        }
        int index = from;
        while (!pending.isEmpty() && index - from < limit) {
            Node next = pending.pop();
            visitor.visit(index++, next.playerId, next.score);
            for (Node m = next.right; m != null; m = m.left) {
                pending.push(m);
            }
        }
    }

    /** Checks order, sizes, heights and AVL balance of the whole tree; for tests. */
    void checkInvariants() {
        checkShape(root);
        Node[] previous = new Node[1];
        forEach(0, size(), (index, playerId, score) -> {
            if (previous[0] != null && compare(previous[0].score, previous[0].playerId, score, playerId) >= 0) {
                throw new IllegalStateException("out of order at index " + index);
            }
            previous[0] = new Node(playerId, score);
        });
    }

    private static int checkShape(Node n) {
        if (n == null) {
            return 0;
        }
        int leftHeight = checkShape(n.left);
        int rightHeight = checkShape(n.right);
        if (Math.abs(leftHeight - rightHeight) > 1) {
            throw new IllegalStateException("unbalanced at " + n.playerId);
        }
        if (n.height != 1 + Math.max(leftHeight, rightHeight) || n.size != 1 + size(n.left) + size(n.right)) {
            throw new IllegalStateException("stale height or size at " + n.playerId);
        }
        return n.height;
    }

    int height() {
        return height(root);
    }

    private static Node insert(Node n, UUID playerId, double score) {
        if (n == null) {
            return new Node(playerId, score);
        }
        int c = compare(score, playerId, n.score, n.playerId);
        if (c < 0) {
            n.left = insert(n.left, playerId, score);
        } else if (c > 0) {
            n.right = insert(n.right, playerId, score);
        } else {
            throw new IllegalStateException("already in the tree: " + playerId);
        }
        return rebalance(n);
    }

    private static Node delete(Node n, UUID playerId, double score) {
        if (n == null) {
            throw new IllegalStateException("not in the tree: " + playerId + " with " + score);
        }
        int c = compare(score, playerId, n.score, n.playerId);
        if (c < 0) {
            n.left = delete(n.left, playerId, score);
        } else if (c > 0) {
            n.right = delete(n.right, playerId, score);
        } else {
            if (n.left == null) {
                return n.right;
            }
            if (n.right == null) {
                return n.left;
            }
            // Two children: the in-order successor takes this node's place.
            Node successor = n.right;
            while (successor.left != null) {
                successor = successor.left;
            }
            successor.right = deleteMin(n.right);
            successor.left = n.left;
            n = successor;
        }
        return rebalance(n);
    }

    private static Node deleteMin(Node n) {
        if (n.left == null) {
            return n.right;
        }
        n.left = deleteMin(n.left);
        return rebalance(n);
    }

    private static Node rebalance(Node n) {
        update(n);
        int balance = height(n.left) - height(n.right);
        if (balance > 1) {
            if (height(n.left.left) < height(n.left.right)) {
                n.left = rotateLeft(n.left);
            }
            return rotateRight(n);
        }
        if (balance < -1) {
            if (height(n.right.right) < height(n.right.left)) {
                n.right = rotateRight(n.right);
            }
            return rotateLeft(n);
        }
        return n;
    }

    private static Node rotateRight(Node n) {
        Node pivot = n.left;
        n.left = pivot.right;
        pivot.right = n;
        update(n);
        update(pivot);
        return pivot;
    }

    private static Node rotateLeft(Node n) {
        Node pivot = n.right;
        n.right = pivot.left;
        pivot.left = n;
        update(n);
        update(pivot);
        return pivot;
    }

    private static void update(Node n) {
        n.height = 1 + Math.max(height(n.left), height(n.right));
        n.size = 1 + size(n.left) + size(n.right);
    }

    private static int height(Node n) {
        return n == null ? 0 : n.height;
    }

    private static int size(Node n) {
        return n == null ? 0 : n.size;
    }
}
