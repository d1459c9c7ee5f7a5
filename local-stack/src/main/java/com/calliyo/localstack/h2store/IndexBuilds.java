package com.calliyo.localstack.h2store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the store's {@link IndexBuild}s: in the background on one daemon thread per backend (the launcher's default: a
 * user's first list after a start is not the one that pays for reading the collection), or, for tests, only when
 * asked ({@link #manual()}, stepped by the test between its writes).
 */
abstract class IndexBuilds {

    abstract void schedule(OrderedIndexH2Collection collection);

    /** How long a query an index still to be built would answer waits for it before it scans. */
    abstract Duration queryWait();

    /** Waits until every build scheduled so far is done (for tests and benchmarks). */
    abstract void await(Duration timeout);

    static IndexBuilds background() {
        return new Background();
    }

    static Manual manual() {
        return new Manual();
    }

    private static final class Background extends IndexBuilds {

        private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread built = new Thread(runnable, "mongo-index-build");
            built.setDaemon(true);
            return built;
        });
        private final List<CompletableFuture<Void>> scheduled = new ArrayList<>();

        /** A minute: past the services' 30 s read timeout, so a client's retry finds the index rather than a scan. */
        @Override
        Duration queryWait() {
            return Duration.ofSeconds(60);
        }

        @Override
        synchronized void schedule(OrderedIndexH2Collection collection) {
            scheduled.removeIf(CompletableFuture::isDone);
            scheduled.add(CompletableFuture.runAsync(() -> build(collection), thread));
        }

        private static void build(OrderedIndexH2Collection collection) {
            IndexBuild build = new IndexBuild(collection, IndexBuild.CHUNK);
            long started = System.nanoTime();
            try {
                while (build.step()) {
                    // Let a waiting query or write take the collection between two chunks: Java's monitors are not
                    // fair, and this thread would otherwise take it straight back.
                    Thread.sleep(1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) { // e.g. the collection dropped meanwhile: its indexes stay unused
                System.err.println("[local-stack] MongoDB-wire server: index build of " + collection
                        + " stopped: " + e);
                return;
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (millis >= 1_000) {
                System.err.println("[local-stack] MongoDB-wire server: indexes of " + collection.getFullName()
                        + " built in the background in " + millis + " ms (" + collection.count() + " documents)");
            }
        }

        @Override
        void await(Duration timeout) {
            CompletableFuture<?>[] pending;
            synchronized (this) {
                pending = scheduled.toArray(CompletableFuture<?>[]::new);
            }
            try {
                CompletableFuture.allOf(pending).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("index builds not done: " + e, e);
            }
        }
    }

    /** Builds only when the test steps them. */
    static final class Manual extends IndexBuilds {

        private final List<OrderedIndexH2Collection> scheduled = new ArrayList<>();

        /** Nothing waits: the test steps the builds from the thread that queries. */
        @Override
        Duration queryWait() {
            return Duration.ZERO;
        }

        @Override
        synchronized void schedule(OrderedIndexH2Collection collection) {
            scheduled.add(collection);
        }

        /** The builds scheduled since the last call, each to be stepped by the caller. */
        synchronized List<IndexBuild> take(int chunk) {
            List<IndexBuild> builds = scheduled.stream().map(c -> new IndexBuild(c, chunk)).toList();
            scheduled.clear();
            return builds;
        }

        @Override
        void await(Duration timeout) {
            for (IndexBuild build : take(IndexBuild.CHUNK)) {
                while (build.step()) {
                    // to the end
                }
            }
        }
    }
}
