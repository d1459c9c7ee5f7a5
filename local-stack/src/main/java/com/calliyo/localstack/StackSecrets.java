package com.calliyo.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The secrets lead-service needs and a developer should not have to invent: the key that encrypts its token signing
 * keys at rest ({@code CALLIYO_KEY_ENCRYPTION_KEY}, 32 random bytes in base64; lead-service refuses to start without
 * it) and the password of its operator endpoint {@code /actuator/signingkeys} ({@code CALLIYO_OPERATOR_PASSWORD}).
 * A value in the launcher's environment wins; otherwise each is generated on the first start and kept in a file of
 * the data directory ({@code key-encryption-key}, {@code operator-password}, owner-only where the file system allows),
 * so the stored keys stay readable across restarts. An in-memory stack's data directory is a fresh temporary one:
 * fresh values per run. Only lead-service is given them ({@link ServiceLaunch}).
 */
final class StackSecrets {

    static final String KEY_ENCRYPTION_KEY = "CALLIYO_KEY_ENCRYPTION_KEY";
    static final String OPERATOR_PASSWORD = "CALLIYO_OPERATOR_PASSWORD";
    static final Set<String> LEAD_SERVICE_ONLY = Set.of(KEY_ENCRYPTION_KEY, OPERATOR_PASSWORD);
    static final String KEY_FILE = "key-encryption-key";
    static final String PASSWORD_FILE = "operator-password";

    private static final SecureRandom RANDOM = new SecureRandom();

    private StackSecrets() {
    }

    /** The launcher's environment plus the two secrets, taken from it, from the data directory, or generated. */
    static Map<String, String> resolve(Map<String, String> launcherEnvironment, Path dataDir) {
        Map<String, String> environment = new LinkedHashMap<>(launcherEnvironment);
        environment.put(KEY_ENCRYPTION_KEY, valueOf(launcherEnvironment, KEY_ENCRYPTION_KEY, dataDir.resolve(KEY_FILE),
                "the key that encrypts lead-service's token signing keys"));
        environment.put(OPERATOR_PASSWORD, valueOf(launcherEnvironment, OPERATOR_PASSWORD,
                dataDir.resolve(PASSWORD_FILE), "the password of user 'operator' for /actuator/signingkeys"));
        return environment;
    }

    private static String valueOf(Map<String, String> environment, String variable, Path file, String what) {
        String given = environment.get(variable);
        if (given != null && !given.isBlank()) {
            return given.trim();
        }
        try {
            if (Files.isRegularFile(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!stored.isEmpty()) {
                    return stored;
                }
            }
            String generated = random32();
            write(file, generated);
            Console.step("Generated " + what + " in " + Console.shortPath(file) + " (" + variable
                    + " overrides it)");
            return generated;
        } catch (IOException e) {
            throw new LocalStackException("Could not read or create " + file + " (" + what + "): " + e.getMessage()
                    + "; or set " + variable, e);
        }
    }

    private static String random32() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static void write(Path file, String value) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            // an empty file left behind: fill it
        }
        Files.writeString(file, value + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.TRUNCATE_EXISTING);
    }
}
