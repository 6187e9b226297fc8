package dev.arena.tournament.bracket;

import java.util.Arrays;
import java.util.List;

/**
 * Maximum-weight matching in a general graph: Edmonds' blossom algorithm with the primal-dual method,
 * O(V³), following Joris van Rantwijk's public-domain reference implementation (mwmatching.py), whose
 * structure and names are kept so the two can be read side by side. Dual variables and slacks are
 * doubled so that everything stays integral for integer weights.
 *
 * <p>Swiss pairing needs this rather than backtracking: it finds the best pairing under all criteria at
 * once in polynomial time, even in late rounds where rematches cannot all be avoided and a backtracking
 * search would have to exhaust an exponential space to prove it.
 */
final class MaxWeightMatching {

    record Edge(int u, int v, long weight) {
        Edge {
            if (u == v || u < 0 || v < 0) {
                throw new IllegalArgumentException("bad edge " + u + "-" + v);
            }
        }
    }

    /**
     * @param maxCardinality only consider matchings of maximum size, then the heaviest of those
     * @return {@code mate[v]} = vertex matched to v, or -1
     */
    static int[] solve(int vertexCount, List<Edge> edges, boolean maxCardinality) {
        if (edges.isEmpty()) {
            int[] none = new int[vertexCount];
            Arrays.fill(none, -1);
            return none;
        }
        return new MaxWeightMatching(vertexCount, edges, maxCardinality).run();
    }

    private final int nvertex;
    private final int nedge;
    private final boolean maxCardinality;
    private final int[] edgeU;
    private final int[] edgeV;
    private final long[] edgeW;
    /** endpoint[p] = vertex at end p; edge k has ends 2k (its u) and 2k+1 (its v). */
    private final int[] endpoint;
    /** neighbend[v] = remote ends of the edges at v. */
    private final int[][] neighbend;
    /** mate[v] = remote end of v's matched edge, or -1 (a vertex after {@link #run()}). */
    private final int[] mate;
    /** 0 free, 1 S, 2 T (5 marks a blossom being scanned), per top-level blossom and per vertex. */
    private final int[] label;
    private final int[] labelend;
    private final int[] inblossom;
    private final int[] blossomparent;
    private final int[][] blossomchilds;
    private final int[] blossombase;
    private final int[][] blossomendps;
    private final int[] bestedge;
    private final int[][] blossombestedges;
    private final int[] unusedblossoms;
    private int unusedCount;
    private final long[] dualvar;
    private final boolean[] allowedge;
    private int[] queue;
    private int queueSize;

    private MaxWeightMatching(int vertexCount, List<Edge> edges, boolean maxCardinality) {
        this.maxCardinality = maxCardinality;
        this.nedge = edges.size();
        int n = vertexCount;
        edgeU = new int[nedge];
        edgeV = new int[nedge];
        edgeW = new long[nedge];
        long maxweight = 0;
        for (int k = 0; k < nedge; k++) {
            Edge e = edges.get(k);
            edgeU[k] = e.u();
            edgeV[k] = e.v();
            edgeW[k] = e.weight();
            n = Math.max(n, Math.max(e.u(), e.v()) + 1);
            maxweight = Math.max(maxweight, e.weight());
        }
        this.nvertex = n;
        endpoint = new int[2 * nedge];
        int[] degree = new int[n];
        for (int k = 0; k < nedge; k++) {
            endpoint[2 * k] = edgeU[k];
            endpoint[2 * k + 1] = edgeV[k];
            degree[edgeU[k]]++;
            degree[edgeV[k]]++;
        }
        neighbend = new int[n][];
        for (int v = 0; v < n; v++) {
            neighbend[v] = new int[degree[v]];
        }
        int[] fill = new int[n];
        for (int k = 0; k < nedge; k++) {
            neighbend[edgeU[k]][fill[edgeU[k]]++] = 2 * k + 1;
            neighbend[edgeV[k]][fill[edgeV[k]]++] = 2 * k;
        }
        mate = new int[n];
        Arrays.fill(mate, -1);
        label = new int[2 * n];
        labelend = new int[2 * n];
        Arrays.fill(labelend, -1);
        inblossom = new int[n];
        for (int v = 0; v < n; v++) {
            inblossom[v] = v;
        }
        blossomparent = new int[2 * n];
        Arrays.fill(blossomparent, -1);
        blossomchilds = new int[2 * n][];
        blossombase = new int[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            blossombase[i] = i < n ? i : -1;
        }
        blossomendps = new int[2 * n][];
        bestedge = new int[2 * n];
        Arrays.fill(bestedge, -1);
        blossombestedges = new int[2 * n][];
        unusedblossoms = new int[n];
        for (int i = 0; i < n; i++) {
            unusedblossoms[i] = n + i;
        }
        unusedCount = n;
        dualvar = new long[2 * n];
        for (int v = 0; v < n; v++) {
            dualvar[v] = maxweight;
        }
        allowedge = new boolean[nedge];
        queue = new int[Math.max(16, n)];
    }

    private long slack(int k) {
        return dualvar[edgeU[k]] + dualvar[edgeV[k]] - 2 * edgeW[k];
    }

    private void push(int v) {
        if (queueSize == queue.length) {
            queue = Arrays.copyOf(queue, queue.length * 2);
        }
        queue[queueSize++] = v;
    }

    /** Vertices inside blossom b (b itself when it is a vertex), in blossom order. */
    private IntList leaves(int b) {
        IntList out = new IntList(4);
        collectLeaves(b, out);
        return out;
    }

    private void collectLeaves(int b, IntList out) {
        if (b < nvertex) {
            out.add(b);
        } else {
            for (int t : blossomchilds[b]) {
                collectLeaves(t, out);
            }
        }
    }

    private static int at(int[] array, int index) {
        return array[Math.floorMod(index, array.length)];
    }

    private static int indexOf(int[] array, int value) {
        for (int i = 0; i < array.length; i++) {
            if (array[i] == value) {
                return i;
            }
        }
        throw new IllegalStateException("child not in blossom");
    }

    /** Label vertex w (and its top-level blossom) with t, reached through end p; T labels its mate S. */
    private void assignLabel(int w, int t, int p) {
        int b = inblossom[w];
        label[w] = label[b] = t;
        labelend[w] = labelend[b] = p;
        bestedge[w] = bestedge[b] = -1;
        if (t == 1) {
            IntList l = leaves(b);
            for (int i = 0; i < l.size(); i++) {
                push(l.get(i));
            }
        } else if (t == 2) {
            int base = blossombase[b];
            assignLabel(endpoint[mate[base]], 1, mate[base] ^ 1);
        }
    }

    /** Trace back from v and w: the base of a new blossom, or -1 for an augmenting path. */
    private int scanBlossom(int v, int w) {
        IntList path = new IntList(8);
        int base = -1;
        while (v != -1 || w != -1) {
            int b = inblossom[v];
            if ((label[b] & 4) != 0) {
                base = blossombase[b];
                break;
            }
            path.add(b);
            label[b] = 5;
            if (labelend[b] == -1) {
                v = -1;
            } else {
                v = endpoint[labelend[b]];
                b = inblossom[v];
                v = endpoint[labelend[b]];
            }
            if (w != -1) {
                int tmp = v;
                v = w;
                w = tmp;
            }
        }
        for (int i = 0; i < path.size(); i++) {
            label[path.get(i)] = 1;
        }
        return base;
    }

    /** Make a new S-blossom from the cycle closed by edge k through base. */
    private void addBlossom(int base, int k) {
        int v = edgeU[k];
        int w = edgeV[k];
        int bb = inblossom[base];
        int bv = inblossom[v];
        int bw = inblossom[w];
        int b = unusedblossoms[--unusedCount];
        blossombase[b] = base;
        blossomparent[b] = -1;
        blossomparent[bb] = b;
        IntList path = new IntList(8);
        IntList endps = new IntList(8);
        while (bv != bb) {
            blossomparent[bv] = b;
            path.add(bv);
            endps.add(labelend[bv]);
            v = endpoint[labelend[bv]];
            bv = inblossom[v];
        }
        path.add(bb);
        path.reverse();
        endps.reverse();
        endps.add(2 * k);
        while (bw != bb) {
            blossomparent[bw] = b;
            path.add(bw);
            endps.add(labelend[bw] ^ 1);
            w = endpoint[labelend[bw]];
            bw = inblossom[w];
        }
        blossomchilds[b] = path.toArray();
        blossomendps[b] = endps.toArray();
        label[b] = 1;
        labelend[b] = labelend[bb];
        dualvar[b] = 0;
        IntList l = leaves(b);
        for (int i = 0; i < l.size(); i++) {
            int leaf = l.get(i);
            if (label[inblossom[leaf]] == 2) {
                // This T-vertex now turns into an S-vertex because it becomes part of an S-blossom.
                push(leaf);
            }
            inblossom[leaf] = b;
        }
        int[] bestedgeto = new int[2 * nvertex];
        Arrays.fill(bestedgeto, -1);
        for (int child : blossomchilds[b]) {
            int[][] nblists;
            if (blossombestedges[child] == null) {
                IntList cl = leaves(child);
                nblists = new int[cl.size()][];
                for (int i = 0; i < cl.size(); i++) {
                    int[] ends = neighbend[cl.get(i)];
                    int[] ks = new int[ends.length];
                    for (int e = 0; e < ends.length; e++) {
                        ks[e] = ends[e] / 2;
                    }
                    nblists[i] = ks;
                }
            } else {
                nblists = new int[][] {blossombestedges[child]};
            }
            for (int[] nblist : nblists) {
                for (int k2 : nblist) {
                    int i = edgeU[k2];
                    int j = edgeV[k2];
                    if (inblossom[j] == b) {
                        int tmp = i;
                        i = j;
                        j = tmp;
                    }
                    int bj = inblossom[j];
                    if (bj != b && label[bj] == 1 && (bestedgeto[bj] == -1 || slack(k2) < slack(bestedgeto[bj]))) {
                        bestedgeto[bj] = k2;
                    }
                }
            }
            blossombestedges[child] = null;
            bestedge[child] = -1;
        }
        IntList best = new IntList(8);
        for (int k2 : bestedgeto) {
            if (k2 != -1) {
                best.add(k2);
            }
        }
        blossombestedges[b] = best.toArray();
        bestedge[b] = -1;
        for (int k2 : blossombestedges[b]) {
            if (bestedge[b] == -1 || slack(k2) < slack(bestedge[b])) {
                bestedge[b] = k2;
            }
        }
    }

    /** Dissolve blossom b into its children (at the end of a stage, or when its dual reaches zero). */
    private void expandBlossom(int b, boolean endstage) {
        for (int s : blossomchilds[b]) {
            blossomparent[s] = -1;
            if (s < nvertex) {
                inblossom[s] = s;
            } else if (endstage && dualvar[s] == 0) {
                expandBlossom(s, endstage);
            } else {
                IntList l = leaves(s);
                for (int i = 0; i < l.size(); i++) {
                    inblossom[l.get(i)] = s;
                }
            }
        }
        if (!endstage && label[b] == 2) {
            // The blossom was a T-blossom: relabel its children along the even path to the base.
            int[] childs = blossomchilds[b];
            int[] endps = blossomendps[b];
            int entrychild = inblossom[endpoint[labelend[b] ^ 1]];
            int j = indexOf(childs, entrychild);
            int jstep;
            int endptrick;
            if ((j & 1) != 0) {
                j -= childs.length;
                jstep = 1;
                endptrick = 0;
            } else {
                jstep = -1;
                endptrick = 1;
            }
            int p = labelend[b];
            while (j != 0) {
                label[endpoint[p ^ 1]] = 0;
                label[endpoint[at(endps, j - endptrick) ^ endptrick ^ 1]] = 0;
                assignLabel(endpoint[p ^ 1], 2, p);
                allowedge[at(endps, j - endptrick) / 2] = true;
                j += jstep;
                p = at(endps, j - endptrick) ^ endptrick;
                allowedge[p / 2] = true;
                j += jstep;
            }
            int bv = at(childs, j);
            label[endpoint[p ^ 1]] = label[bv] = 2;
            labelend[endpoint[p ^ 1]] = labelend[bv] = p;
            bestedge[bv] = -1;
            j += jstep;
            while (at(childs, j) != entrychild) {
                bv = at(childs, j);
                if (label[bv] == 1) {
                    j += jstep;
                    continue;
                }
                IntList l = leaves(bv);
                int v = -1;
                for (int i = 0; i < l.size(); i++) {
                    v = l.get(i);
                    if (label[v] != 0) {
                        break;
                    }
                }
                if (label[v] != 0) {
                    label[v] = 0;
                    label[endpoint[mate[blossombase[bv]]]] = 0;
                    assignLabel(v, 2, labelend[v]);
                }
                j += jstep;
            }
        }
        label[b] = -1;
        labelend[b] = -1;
        blossomchilds[b] = null;
        blossomendps[b] = null;
        blossombase[b] = -1;
        blossombestedges[b] = null;
        bestedge[b] = -1;
        unusedblossoms[unusedCount++] = b;
    }

    /** Swap matched and unmatched edges on the even path from vertex v to the base of blossom b. */
    private void augmentBlossom(int b, int v) {
        int t = v;
        while (blossomparent[t] != b) {
            t = blossomparent[t];
        }
        if (t >= nvertex) {
            augmentBlossom(t, v);
        }
        int[] childs = blossomchilds[b];
        int[] endps = blossomendps[b];
        int i = indexOf(childs, t);
        int j = i;
        int jstep;
        int endptrick;
        if ((i & 1) != 0) {
            j -= childs.length;
            jstep = 1;
            endptrick = 0;
        } else {
            jstep = -1;
            endptrick = 1;
        }
        while (j != 0) {
            j += jstep;
            t = at(childs, j);
            int p = at(endps, j - endptrick) ^ endptrick;
            if (t >= nvertex) {
                augmentBlossom(t, endpoint[p]);
            }
            j += jstep;
            t = at(childs, j);
            if (t >= nvertex) {
                augmentBlossom(t, endpoint[p ^ 1]);
            }
            mate[endpoint[p]] = p ^ 1;
            mate[endpoint[p ^ 1]] = p;
        }
        int len = childs.length;
        int[] rotatedChilds = new int[len];
        int[] rotatedEndps = new int[len];
        for (int x = 0; x < len; x++) {
            rotatedChilds[x] = childs[(x + i) % len];
            rotatedEndps[x] = endps[(x + i) % len];
        }
        blossomchilds[b] = rotatedChilds;
        blossomendps[b] = rotatedEndps;
        blossombase[b] = blossombase[rotatedChilds[0]];
    }

    /** Augment the matching along the path through edge k between two S-vertices of different trees. */
    private void augmentMatching(int k) {
        int[][] starts = {{edgeU[k], 2 * k + 1}, {edgeV[k], 2 * k}};
        for (int[] start : starts) {
            int s = start[0];
            int p = start[1];
            while (true) {
                int bs = inblossom[s];
                if (bs >= nvertex) {
                    augmentBlossom(bs, s);
                }
                mate[s] = p;
                if (labelend[bs] == -1) {
                    break;
                }
                int t = endpoint[labelend[bs]];
                int bt = inblossom[t];
                s = endpoint[labelend[bt]];
                int j = endpoint[labelend[bt] ^ 1];
                if (bt >= nvertex) {
                    augmentBlossom(bt, j);
                }
                mate[j] = labelend[bt];
                p = labelend[bt] ^ 1;
            }
        }
    }

    private int[] run() {
        for (int stage = 0; stage < nvertex; stage++) {
            Arrays.fill(label, 0);
            Arrays.fill(bestedge, -1);
            for (int b = nvertex; b < 2 * nvertex; b++) {
                blossombestedges[b] = null;
            }
            Arrays.fill(allowedge, false);
            queueSize = 0;
            for (int v = 0; v < nvertex; v++) {
                if (mate[v] == -1 && label[inblossom[v]] == 0) {
                    assignLabel(v, 1, -1);
                }
            }
            boolean augmented = false;
            while (true) {
                while (queueSize > 0 && !augmented) {
                    int v = queue[--queueSize];
                    for (int p : neighbend[v]) {
                        int k = p / 2;
                        int w = endpoint[p];
                        if (inblossom[v] == inblossom[w]) {
                            continue;
                        }
                        long kslack = 0;
                        if (!allowedge[k]) {
                            kslack = slack(k);
                            if (kslack <= 0) {
                                allowedge[k] = true;
                            }
                        }
                        if (allowedge[k]) {
                            if (label[inblossom[w]] == 0) {
                                assignLabel(w, 2, p ^ 1);
                            } else if (label[inblossom[w]] == 1) {
                                int base = scanBlossom(v, w);
                                if (base >= 0) {
                                    addBlossom(base, k);
                                } else {
                                    augmentMatching(k);
                                    augmented = true;
                                    break;
                                }
                            } else if (label[w] == 0) {
                                label[w] = 2;
                                labelend[w] = p ^ 1;
                            }
                        } else if (label[inblossom[w]] == 1) {
                            int b = inblossom[v];
                            if (bestedge[b] == -1 || kslack < slack(bestedge[b])) {
                                bestedge[b] = k;
                            }
                        } else if (label[w] == 0) {
                            if (bestedge[w] == -1 || kslack < slack(bestedge[w])) {
                                bestedge[w] = k;
                            }
                        }
                    }
                }
                if (augmented) {
                    break;
                }
                int deltatype = -1;
                long delta = 0;
                int deltaedge = -1;
                int deltablossom = -1;
                if (!maxCardinality) {
                    deltatype = 1;
                    delta = Long.MAX_VALUE;
                    for (int v = 0; v < nvertex; v++) {
                        delta = Math.min(delta, dualvar[v]);
                    }
                }
                for (int v = 0; v < nvertex; v++) {
                    if (label[inblossom[v]] == 0 && bestedge[v] != -1) {
                        long d = slack(bestedge[v]);
                        if (deltatype == -1 || d < delta) {
                            delta = d;
                            deltatype = 2;
                            deltaedge = bestedge[v];
                        }
                    }
                }
                for (int b = 0; b < 2 * nvertex; b++) {
                    if (blossomparent[b] == -1 && label[b] == 1 && bestedge[b] != -1) {
                        long d = slack(bestedge[b]) / 2;
                        if (deltatype == -1 || d < delta) {
                            delta = d;
                            deltatype = 3;
                            deltaedge = bestedge[b];
                        }
                    }
                }
                for (int b = nvertex; b < 2 * nvertex; b++) {
                    if (blossombase[b] >= 0 && blossomparent[b] == -1 && label[b] == 2
                            && (deltatype == -1 || dualvar[b] < delta)) {
                        delta = dualvar[b];
                        deltatype = 4;
                        deltablossom = b;
                    }
                }
                if (deltatype == -1) {
                    // Max-cardinality optimum reached; a last update keeps the duals verifiable.
                    deltatype = 1;
                    delta = Long.MAX_VALUE;
                    for (int v = 0; v < nvertex; v++) {
                        delta = Math.min(delta, dualvar[v]);
                    }
                    delta = Math.max(0, delta);
                }
                for (int v = 0; v < nvertex; v++) {
                    if (label[inblossom[v]] == 1) {
                        dualvar[v] -= delta;
                    } else if (label[inblossom[v]] == 2) {
                        dualvar[v] += delta;
                    }
                }
                for (int b = nvertex; b < 2 * nvertex; b++) {
                    if (blossombase[b] >= 0 && blossomparent[b] == -1) {
                        if (label[b] == 1) {
                            dualvar[b] += delta;
                        } else if (label[b] == 2) {
                            dualvar[b] -= delta;
                        }
                    }
                }
                if (deltatype == 1) {
                    break;
                } else if (deltatype == 2) {
                    allowedge[deltaedge] = true;
                    int i = edgeU[deltaedge];
                    if (label[inblossom[i]] == 0) {
                        i = edgeV[deltaedge];
                    }
                    push(i);
                } else if (deltatype == 3) {
                    allowedge[deltaedge] = true;
                    push(edgeU[deltaedge]);
                } else {
                    expandBlossom(deltablossom, false);
                }
            }
            if (!augmented) {
                break;
            }
            for (int b = nvertex; b < 2 * nvertex; b++) {
                if (blossomparent[b] == -1 && blossombase[b] >= 0 && label[b] == 1 && dualvar[b] == 0) {
                    expandBlossom(b, true);
                }
            }
        }
        int[] result = new int[nvertex];
        for (int v = 0; v < nvertex; v++) {
            result[v] = mate[v] >= 0 ? endpoint[mate[v]] : -1;
        }
        return result;
    }

    /** A growable int list: the algorithm's lists, without boxing. */
    private static final class IntList {
        private int[] data;
        private int size;

        IntList(int capacity) {
            data = new int[capacity];
        }

        void add(int value) {
            if (size == data.length) {
                data = Arrays.copyOf(data, Math.max(4, size * 2));
            }
            data[size++] = value;
        }

        int get(int i) {
            return data[i];
        }

        int size() {
            return size;
        }

        void reverse() {
            for (int i = 0, j = size - 1; i < j; i++, j--) {
                int tmp = data[i];
                data[i] = data[j];
                data[j] = tmp;
            }
        }

        int[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
