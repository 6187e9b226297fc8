package dev.arena.logs;

/** How an ingest request ended, for the edge to answer. */
public sealed interface IngestOutcome {
    /** The job ran to its end now ({@code replayed} false), or had already (the same key sent again). */
    record Completed(LogJob job, boolean replayed) implements IngestOutcome {}

    /** The job cannot go on from the offset sent: {@code job.bytes()} is where it can. */
    record Refused(LogJob job, String why) implements IngestOutcome {}

    /** The upload broke or the node is stopping: what was committed stays, resume from {@code job.bytes()}. */
    record Interrupted(LogJob job, String why) implements IngestOutcome {}
}
