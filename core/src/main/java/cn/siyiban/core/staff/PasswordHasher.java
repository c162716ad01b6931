package cn.siyiban.core.staff;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * BCrypt password hashing from Spring Security's crypto module. Cost 10 takes well under a
 * second on a mini PC, so an offline login stays quick while a stolen database stays expensive
 * to crack.
 */
public final class PasswordHasher {

    private static final BCryptPasswordEncoder ENCODER = new BCryptPasswordEncoder(10);

    private PasswordHasher() {
    }

    public static String hash(String password) {
        return ENCODER.encode(password);
    }

    public static boolean matches(String password, String hash) {
        return password != null && hash != null && ENCODER.matches(password, hash);
    }
}
