package org.nomina.store.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (Bouncy Castle's generator) in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH}, the parameters OWASP's password storage sheet gives
 * as its first choice (19 MiB, 2 passes, 1 lane). The parameters are stored in each hash, so they can be
 * raised later without invalidating the passwords already set.
 */
final class PasswordHasher {
    private static final int MEMORY_KIB = 19_456;
    private static final int ITERATIONS = 2;
    private static final int LANES = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private PasswordHasher() {
    }

    static String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] out = derive(password, salt, MEMORY_KIB, ITERATIONS, LANES, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + LANES + "$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(out);
    }

    /** True when {@code password} matches the encoded hash; false for any hash it cannot read. */
    static boolean verify(char[] password, String encoded) {
        String[] parts = encoded.split("\\$");
        // "", "argon2id", "v=19", "m=…,t=…,p=…", salt, hash
        if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
            return false;
        }
        int m = 0;
        int t = 0;
        int p = 0;
        for (String kv : parts[3].split(",")) {
            String[] pair = kv.split("=", 2);
            if (pair.length != 2 || !pair[1].matches("\\d{1,7}")) {
                return false;
            }
            switch (pair[0]) {
                case "m" -> m = Integer.parseInt(pair[1]);
                case "t" -> t = Integer.parseInt(pair[1]);
                case "p" -> p = Integer.parseInt(pair[1]);
                default -> {
                    return false;
                }
            }
        }
        if (m < 8 || t < 1 || p < 1) {
            return false;
        }
        byte[] salt = B64D.decode(parts[4]);
        byte[] expected = B64D.decode(parts[5]);
        byte[] actual = derive(password, salt, m, t, p, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(char[] password, byte[] salt, int memoryKib, int iterations, int lanes, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(lanes)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        byte[] pw = new String(password).getBytes(StandardCharsets.UTF_8);
        generator.generateBytes(pw, out);
        java.util.Arrays.fill(pw, (byte) 0);
        return out;
    }
}
