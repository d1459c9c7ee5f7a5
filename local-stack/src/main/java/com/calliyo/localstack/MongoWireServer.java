package com.calliyo.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;

/**
 * The MongoDB-wire server (mongo-java-server) inside the launcher JVM, on 127.0.0.1. With an H2 file its data
 * survives a restart; without one it lives in memory. The oplog is on so that change streams work.
 */
final class MongoWireServer implements AutoCloseable {

    private final MongoServer server;
    private final Path file;

    private MongoWireServer(MongoServer server, Path file) {
        this.server = server;
        this.file = file;
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

    /** {@code h2File} null means in memory. */
    static MongoWireServer start(int port, Path h2File) {
        MongoBackend backend;
        if (h2File == null) {
            backend = new MemoryBackend();
        } else {
            try {
                Files.createDirectories(h2File.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new LocalStackException("Could not create " + h2File.getParent() + ": " + e.getMessage(), e);
            }
            backend = new H2Backend(new MVStore.Builder().fileName(h2File.toAbsolutePath().toString())
                    .cacheSize(cacheMegabytes()).open());
        }
        MongoServer server = new MongoServer(backend);
        server.enableOplog();
        try {
            server.bind("127.0.0.1", port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw new LocalStackException("The MongoDB-wire server could not listen on 127.0.0.1:" + port + ": "
                    + e.getMessage(), e);
        }
        return new MongoWireServer(server, h2File);
    }

    /** "H2 file &lt;path&gt;" or "in memory". */
    String storage() {
        return file == null ? "in memory" : "H2 file " + Console.shortPath(file);
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
