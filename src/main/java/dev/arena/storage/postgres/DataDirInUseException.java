package dev.arena.storage.postgres;

import java.nio.file.Path;

/** Another live Arena process (or this one) already runs the embedded database of this data directory. */
public final class DataDirInUseException extends IllegalStateException {
    DataDirInUseException(Path postgresDir, String ownerPid) {
        super("the data directory " + postgresDir.getParent() + " is in use by another Arena process (pid "
                + ownerPid + "): stop that one first, or give this one its own ARENA_DATA_DIR");
    }
}
