package com.calliyo.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;

import com.calliyo.localstack.h2store.TypedIndexH2Backend;

/**
 * The MongoDB-wire server (mongo-java-server) inside the launcher JVM, on 127.0.0.1. With an H2 file its data
 * survives a restart of the stack; without one it lives in memory. The oplog (for change streams) is off unless
 * asked for ({@link #oplog()}). Unique indexes of the H2 file are typed ({@link TypedIndexH2Backend}).
 * {@link #stop()} and {@link #restart()} take it off the network and back, with its data, as a mongod restart would
 * (for the fault tests): clients see refused connections in between.
 */
final class MongoWireServer implements AutoCloseable {

    private final KeptBackend backend;
    private final int port;
    private final Path file;
    private final ScheduledExecutorService committer;
    private MongoServer server;

    private MongoWireServer(KeptBackend backend, int port, Path file, ScheduledExecutorService committer) {
        this.backend = backend;
        this.port = port;
        this.file = file;
        this.committer = committer;
    }

    /**
     * The H2 page cache. H2's default (16 MB) is too small once a company has ~50k leads: every lookup then reads and
     * deserialises pages from the file, and a 10 MB import slows to a crawl. The pages are cached only as they are
     * read, so a small data set costs no more memory than before.
     */
    static final int DEFAULT_CACHE_MEGABYTES = 128;

    private static int cacheMegabytes() {
        return Integer.getInteger("calliyo.mongo.cache-mb", DEFAULT_CACHE_MEGABYTES);
    }

    /**
     * Whether the H2 store's non-unique indexes are real and ordered ({@link com.calliyo.localstack.h2store.TypedIndexH2Backend}):
     * on unless {@code -Dcalliyo.mongo.ordered-indexes=false}, which gives the library's scans back (for an A/B).
     */
    static boolean orderedIndexes() {
        return Boolean.parseBoolean(System.getProperty("calliyo.mongo.ordered-indexes", "true"));
    }

    /**
     * Whether the server keeps an oplog, which only change streams read: off unless {@code -Dcalliyo.mongo.oplog=true}.
     * No service watches a change stream, and the library's oplog is a collection of its own that is never trimmed:
     * every insert stored a deep copy of the document there, every update another entry, so it doubled the store's
     * writes and grew without end (measured: half the store's CPU while loading leads, and the file twice the size).
     */
    static boolean oplog() {
        return Boolean.parseBoolean(System.getProperty("calliyo.mongo.oplog", "false"));
    }

    /** {@code h2File} null means in memory. */
    static MongoWireServer start(int port, Path h2File) {
        MongoBackend backend;
        ScheduledExecutorService committer = null;
        if (h2File == null) {
            backend = new MemoryBackend();
        } else {
            try {
                Files.createDirectories(h2File.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new LocalStackException("Could not create " + h2File.getParent() + ": " + e.getMessage(), e);
            }
            // H2's own background auto-commit can drop a chunk that a concurrent long read (a collection scan)
            // still needs: "Chunk N not found" (h2database issue #4383, open for 2.4.240). Committing from a thread
            // of our own, once a second, avoids it; a crash loses at most that second.
            MVStore store = new MVStore.Builder().fileName(h2File.toAbsolutePath().toString())
                    .cacheSize(cacheMegabytes()).autoCommitDisabled().open();
            long opening = System.nanoTime();
            backend = new TypedIndexH2Backend(store, orderedIndexes());
            // Opening the store re-creates the databases' indexes without reading their collections; the ordered
            // ones are filled in the background right after this (the queries they answer wait for them).
            Console.step("MongoDB-wire store opened in " + Console.since(opening)
                    + (orderedIndexes() ? " (ordered indexes, built in the background)" : " (non-unique indexes off)"));
            committer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "mongo-h2-commit");
                thread.setDaemon(true);
                return thread;
            });
            committer.scheduleWithFixedDelay(() -> commitQuietly(store), 1, 1, TimeUnit.SECONDS);
        }
        MongoWireServer wire = new MongoWireServer(new KeptBackend(backend), port, h2File, committer);
        if (oplog()) {
            wire.backend.enableOplog();
        }
        try {
            wire.listen();
        } catch (LocalStackException e) {
            wire.close();
            throw e;
        }
        return wire;
    }

    private synchronized void listen() {
        MongoServer listening = new MongoServer(backend);
        try {
            listening.bind("127.0.0.1", port);
        } catch (RuntimeException e) {
            listening.shutdownNow();
            throw new LocalStackException("The MongoDB-wire server could not listen on 127.0.0.1:" + port + ": "
                    + e.getMessage(), e);
        }
        server = listening;
    }

    /** Closes the port and every client connection; the data stays. */
    synchronized void stop() {
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
    }

    /** Listens again on the same port, with the data it had when it stopped. */
    synchronized void restart() {
        if (server == null) {
            listen();
        }
    }

    synchronized boolean isListening() {
        return server != null;
    }

    private static void commitQuietly(MVStore store) {
        try {
            if (!store.isClosed() && store.hasUnsavedChanges()) {
                store.commit();
            }
        } catch (RuntimeException e) {
            System.err.println("[local-stack] MongoDB-wire server: H2 commit failed: " + e);
        }
    }

    /** "H2 file &lt;path&gt;" or "in memory". */
    String storage() {
        return file == null ? "in memory" : "H2 file " + Console.shortPath(file);
    }

    @Override
    public void close() {
        if (committer != null) {
            committer.shutdown();
        }
        stop();
        backend.closeForGood(); // closes the store, which commits what is left
    }
}
