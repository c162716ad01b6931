package cn.siyiban.node.cli;

import java.util.regex.Pattern;

/**
 * Removes secrets and citizens' ID numbers from text that leaves the machine in a support bundle.
 * It masks the values of setting keys that name a password, token, secret or key, resident ID numbers
 * (17 digits and a check character) and registration tokens in their printed form.
 */
final class Redactor {

    private static final Pattern SECRET_SETTING = Pattern.compile(
            "(?im)^(\\s*[\\w.-]*(password|token|secret|key)[\\w.-]*\\s*[=:]).*$");
    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9A-Za-z])(\\d{6})\\d{11}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern PRINTED_TOKEN = Pattern.compile("\\b[A-Z0-9]{5}(-[A-Z0-9]{5}){2,}\\b");

    private Redactor() {
    }

    /** Keeps an ID number's first six digits, the county of issue, which helps a support reader. */
    static String redact(String text) {
        String result = SECRET_SETTING.matcher(text).replaceAll("$1***");
        result = RESIDENT_ID.matcher(result).replaceAll("$1************");
        return PRINTED_TOKEN.matcher(result).replaceAll("*****-*****");
    }
}
