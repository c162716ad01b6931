package cn.siyiban.core.staff;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The rules a new password must meet when staff choose their own. Each broken rule maps the
 * request field to a message in Chinese, as the password form shows it next to the field.
 */
public final class PasswordRules {

    public static final int MIN_CHARACTERS = 8;
    /** BCrypt reads at most 72 bytes of a password and ignores the rest. */
    public static final int MAX_BYTES = 72;

    private PasswordRules() {
    }

    /**
     * Checks {@code password}, typed twice, for {@code username}, whose current password is
     * {@code oldPassword}; returns the broken rules by field, empty when the password is good.
     */
    public static Map<String, Object> check(String username, String oldPassword, String password, String repeated) {
        Map<String, Object> errors = new LinkedHashMap<>();
        if (password == null || password.isEmpty()) {
            errors.put("newPassword", "请输入新密码");
            return errors;
        }
        if (password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
            errors.put("newPassword", "新密码至少" + MIN_CHARACTERS + "个字符");
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            errors.put("newPassword", "新密码过长：最多" + MAX_BYTES + "字节（一个汉字占3字节）");
        } else if (!hasLetterAndDigit(password)) {
            errors.put("newPassword", "新密码须同时包含字母和数字");
        } else if (password.equals(oldPassword)) {
            errors.put("newPassword", "新密码不能与原密码相同");
        } else if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            errors.put("newPassword", "新密码不能包含用户名");
        }
        if (!password.equals(repeated)) {
            errors.put("newPasswordAgain", "两次输入的新密码不一致");
        }
        return errors;
    }

    private static boolean hasLetterAndDigit(String password) {
        boolean letter = password.codePoints().anyMatch(c -> c < 128 && Character.isLetter(c));
        boolean digit = password.codePoints().anyMatch(c -> c >= '0' && c <= '9');
        return letter && digit;
    }
}
