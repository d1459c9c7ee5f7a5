package com.calliyo.localstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The launcher's MongoDB-wire server alone (the same {@link MongoWireServer} and H2 settings, no broker, no
 * services), for {@code bench.StoreWriteBenchmark} to measure the store's write path in a JVM of its own with the
 * launcher's flags. Not a test.
 * <pre>
 * java -Xms32m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k \
 *     -cp local-stack/target/test-classes:local-stack/target/classes:local-stack/target/lib/* \
 *     com.calliyo.localstack.StoreOnlyServer PORT [H2-FILE]     (no file: in memory)
 * </pre>
 */
public final class StoreOnlyServer {

    private StoreOnlyServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        Path file = args.length > 1 ? Path.of(args[1]) : null;
        MongoWireServer server = MongoWireServer.start(port, file);
        System.out.println("store listening on 127.0.0.1:" + port + ", " + server.storage());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
