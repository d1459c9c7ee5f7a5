import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Run by scripts/check-compose-kafka.sh against brokers started from ops/kafka/server.properties (or the cluster's
 * ops/kafka/cluster/server.properties): applies
 * topics.conf and acls.conf as admin (what ops/kafka/init.sh does with kafka-topics and kafka-acls), then signs in
 * as the services and checks each answer. Arguments: bootstrap servers, the ops/kafka directory and, optionally,
 * the topics' replication factor (default 1).
 */
public class ComposeKafkaCheck {

    private static String bootstrap;
    private static int failures;

    public static void main(String[] args) throws Exception {
        bootstrap = args[0];
        Path ops = Path.of(args[1]);
        // 3 for the cluster's brokers (check-compose-kafka.sh --nodes=3), as kafka-init creates them there
        short replicationFactor = args.length > 2 ? Short.parseShort(args[2]) : 1;
        try (Admin admin = Admin.create(login("admin", System.getenv("CHECK_ADMIN_PASSWORD")))) {
            awaitBrokers(admin, replicationFactor);
            List<NewTopic> topics = new ArrayList<>();
            for (String[] row : rows(ops.resolve("topics.conf"))) {
                topics.add(new NewTopic(row[0], Integer.parseInt(row[1]), replicationFactor));
            }
            admin.createTopics(topics).all().get();
            List<AclBinding> acls = new ArrayList<>();
            for (String[] row : rows(ops.resolve("acls.conf"))) {
                acls.add(new AclBinding(new ResourcePattern(ResourceType.fromString(row[2].toUpperCase(Locale.ROOT)),
                        row[4], PatternType.fromString(row[3].toUpperCase(Locale.ROOT))),
                        new AccessControlEntry("User:" + row[0], "*",
                                AclOperation.fromString(row[1].toUpperCase(Locale.ROOT)), AclPermissionType.ALLOW)));
            }
            admin.createAcls(acls).all().get();
            // the broker's authorizer learns them from the metadata log a moment later: wait until it lists them all
            while (admin.describeAcls(AclBindingFilter.ANY).values().get().size() < acls.size()) {
                Thread.sleep(200);
            }
            System.out.printf("%d topics, %d ACLs applied%n", topics.size(), acls.size());
        }
        expect("lead-service writes crm.lead.events", true, produce("lead-service", "crm.lead.events"));
        expect("lead-service writes crm.company.events", true, produce("lead-service", "crm.company.events"));
        expect("order-service writes crm.order.events", true, produce("order-service", "crm.order.events"));
        expect("webhook-service writes crm.company.events", true, produce("webhook-service", "crm.company.events"));
        expect("customer-service writes crm.lead.events", false, produce("customer-service", "crm.lead.events"));
        expect("lead-service writes crm.order.events", false, produce("lead-service", "crm.order.events"));
        expect("gateway writes crm.company.events", false, produce("gateway", "crm.company.events"));
        expect("customer-service dead-letters to crm.lead.events-dlt", true,
                produce("customer-service", "crm.lead.events-dlt"));
        expect("order-service dead-letters to crm.order.events-dlt", false,
                produce("order-service", "crm.order.events-dlt"));
        expect("a wrong password", false, produce("lead-service", "crm.lead.events", "wrong"));
        expect("customer-service reads crm.lead.events in its group", true,
                consume("customer-service", "crm.lead.events", "customer-service"));
        expect("customer-service reads in another's group", false,
                consume("customer-service", "crm.lead.events", "reporting-service"));
        expect("gateway's revocation feed reads crm.company.events", true,
                consume("gateway", "crm.company.events", "gateway-revocations-check"));
        expect("gateway reads crm.lead.events", false, consume("gateway", "crm.lead.events", "gateway-revocations-x"));
        expect("web-app's live feed reads crm.order.events", true,
                consume("web-app", "crm.order.events", "web-app-live-check"));
        System.out.println(failures == 0 ? "all as expected" : failures + " unexpected");
        System.exit(failures == 0 ? 0 : 1);
    }

    private static void expect(String what, boolean allowed, String outcome) {
        boolean ok = outcome.equals("allowed") == allowed;
        failures += ok ? 0 : 1;
        System.out.printf("%-4s %-55s %s%n", ok ? "ok" : "FAIL", what, outcome);
    }

    private static String produce(String user, String topic) {
        return produce(user, topic, user + "-check");
    }

    private static String produce(String user, String topic, String password) {
        Map<String, Object> settings = login(user, password);
        settings.put("max.block.ms", 10000);
        settings.put("delivery.timeout.ms", 10000);
        settings.put("request.timeout.ms", 5000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "check", "check")).get();
            return "allowed";
        } catch (Exception e) {
            return "refused: " + (e.getCause() == null ? e : e.getCause()).getClass().getSimpleName();
        }
    }

    private static String consume(String user, String topic, String group) {
        Map<String, Object> settings = login(user, user + "-check");
        settings.put("group.id", group);
        settings.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < end && consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(200));
            }
            return consumer.assignment().isEmpty() ? "refused: no partitions assigned" : "allowed";
        } catch (Exception e) {
            return "refused: " + e.getClass().getSimpleName();
        }
    }

    private static Map<String, Object> login(String user, String password) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", bootstrap);
        settings.put("security.protocol", "SASL_PLAINTEXT");
        settings.put("sasl.mechanism", "SCRAM-SHA-512");
        settings.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + password + "\";");
        return settings;
    }

    /** Until {@code brokers} brokers have registered (a topic cannot be placed on more than there are). */
    private static void awaitBrokers(Admin admin, int brokers) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(180).toNanos();
        String registered = "none";
        while (true) {
            Exception failure = null;
            try {
                var nodes = admin.describeCluster().nodes().get();
                registered = nodes.stream().map(node -> String.valueOf(node.id())).sorted().toList().toString();
                if (nodes.size() >= brokers) {
                    System.out.printf("%d broker(s) registered after %d s: %s%n", nodes.size(),
                            Duration.ofNanos(System.nanoTime() - start).toSeconds(), registered);
                    return;
                }
            } catch (Exception e) {
                failure = e;
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException(brokers + " broker(s) did not register within 180 s; registered: "
                        + registered, failure);
            }
            Thread.sleep(500);
        }
    }

    private static List<String[]> rows(Path file) throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                rows.add(line.strip().split("\\s+"));
            }
        }
        return rows;
    }
}
