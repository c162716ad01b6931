package cn.siyiban.core.catalogue;

import cn.siyiban.core.catalogue.CatalogueImportException.LineError;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the catalogue spreadsheet that the county exports as UTF-8 CSV. Every row is checked
 * before anything is returned: one bad row rejects the whole file with line-numbered Chinese
 * messages, so a half-imported catalogue never reaches the nodes.
 */
public final class CatalogueCsv {

    /** Class path resource of the seed catalogue shipped with siyiban. */
    public static final String SEED_RESOURCE = "/cn/siyiban/core/data/matters.csv";

    static final List<String> COLUMNS = List.of("code", "name", "category", "department",
            "time_class", "legal_days", "promised_days", "proxy_allowed", "materials", "source", "validity_months");
    private static final Set<String> REQUIRED_COLUMNS = Set.of("code", "name", "materials");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int MAX_DAYS = 3650;
    /** Maximum certificate validity a matter may declare: 50 years. */
    static final int MAX_VALIDITY_MONTHS = 600;

    private CatalogueCsv() {
    }

    /** Reads the seed catalogue shipped with siyiban. */
    public static List<Matter> seed() {
        try (InputStream in = CatalogueCsv.class.getResourceAsStream(SEED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + SEED_RESOURCE);
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SEED_RESOURCE, e);
        }
    }

    /**
     * Parses and checks a whole file. Throws {@link CatalogueImportException} listing every bad
     * row; returns matters at revision 0, which the publisher replaces with the new version.
     */
    public static List<Matter> read(Reader reader) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).get();
        List<LineError> errors = new ArrayList<>();
        List<Matter> matters = new ArrayList<>();
        try (CSVParser parser = format.parse(stripByteOrderMark(reader))) {
            if (!checkHeader(parser.getHeaderMap(), errors)) {
                throw new CatalogueImportException(errors);
            }
            Set<String> codes = new HashSet<>();
            for (CSVRecord row : parser) {
                // Spreadsheet row numbers count the header as row 1.
                long line = row.getRecordNumber() + 1;
                try {
                    Matter matter = readRow(row);
                    if (!codes.add(matter.code())) {
                        throw new IllegalArgumentException("事项编码" + matter.code() + "重复");
                    }
                    matters.add(matter);
                } catch (IllegalArgumentException e) {
                    errors.add(new LineError(line, e.getMessage()));
                }
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            // commons-csv reports a broken quote or an unterminated field this way.
            errors.add(new LineError(0, "文件格式错误，无法解析：" + e.getMessage()));
        }
        if (errors.isEmpty() && matters.isEmpty()) {
            errors.add(new LineError(2, "文件中没有任何事项"));
        }
        if (!errors.isEmpty()) {
            throw new CatalogueImportException(errors);
        }
        return matters;
    }

    private static Reader stripByteOrderMark(Reader reader) throws IOException {
        java.io.PushbackReader pushback = new java.io.PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    private static boolean checkHeader(Map<String, Integer> header, List<LineError> errors) {
        if (header == null || header.isEmpty()) {
            errors.add(new LineError(1, "文件为空或缺少表头"));
            return false;
        }
        for (String column : header.keySet()) {
            if (!COLUMNS.contains(column)) {
                errors.add(new LineError(1, "未知的列“" + column + "”，可用的列为：" + String.join(",", COLUMNS)));
            }
        }
        for (String column : REQUIRED_COLUMNS) {
            if (!header.containsKey(column)) {
                errors.add(new LineError(1, "缺少必需的列“" + column + "”"));
            }
        }
        return errors.isEmpty();
    }

    private static Matter readRow(CSVRecord row) {
        String code = text(row, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("事项编码“" + code + "”无效：应为1到32位字母、数字、短横线或下划线");
        }
        String name = limited(row, "name", "事项名称", 200, true);
        String category = limited(row, "category", "事项类别", 50, false);
        String department = limited(row, "department", "实施部门", 100, false);
        TimeClass timeClass = timeClass(text(row, "time_class"));
        Integer legalDays = days(row, "legal_days", "法定时限");
        Integer promisedDays = days(row, "promised_days", "承诺时限");
        if (timeClass == null && (legalDays != null || promisedDays != null)) {
            throw new IllegalArgumentException("填写了办理时限，但时限类型为空：请在time_class填写promised（承诺件）");
        }
        if (timeClass != null && timeClass != TimeClass.PROMISED && promisedDays != null) {
            throw new IllegalArgumentException("时限类型为" + timeClass.label() + "的事项不应填写承诺工作日");
        }
        if (legalDays != null && promisedDays != null && promisedDays > legalDays) {
            throw new IllegalArgumentException("承诺时限" + promisedDays + "个工作日超过法定时限" + legalDays + "个工作日");
        }
        boolean proxyAllowed = flag(text(row, "proxy_allowed"));
        List<Material> materials = MaterialListSyntax.parse(code, text(row, "materials"));
        Set<String> names = new HashSet<>();
        for (Material material : materials) {
            if (!names.add(material.name())) {
                throw new IllegalArgumentException("材料“" + material.name() + "”重复出现");
            }
        }
        String source = limited(row, "source", "来源", 2000, false);
        Integer validityMonths = validityMonths(text(row, "validity_months"));
        return new Matter(code, name, category, department, timeClass, legalDays, promisedDays,
                proxyAllowed, materials, source, false, 0, validityMonths);
    }

    private static String text(CSVRecord row, String column) {
        if (!row.isMapped(column) || !row.isSet(column)) {
            return "";
        }
        String value = row.get(column).strip();
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new IllegalArgumentException("“" + column + "”列含有控制字符");
        }
        return value;
    }

    private static String limited(CSVRecord row, String column, String label, int max, boolean required) {
        String value = text(row, column);
        if (required && value.isEmpty()) {
            throw new IllegalArgumentException(label + "不能为空");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(label + "过长：最多" + max + "字");
        }
        return value.isEmpty() ? null : value;
    }

    private static TimeClass timeClass(String value) {
        if (value.isEmpty()) {
            return null;
        }
        for (TimeClass timeClass : TimeClass.values()) {
            if (timeClass.code().equals(value.toLowerCase(Locale.ROOT)) || timeClass.label().equals(value)) {
                return timeClass;
            }
        }
        throw new IllegalArgumentException("时限类型“" + value
                + "”无效：应为on_the_spot（当场办结）、wait_and_take（立等可取）、half_day（半日完成）或promised（承诺件）");
    }

    /** Reads the optional certificate validity; an empty cell means the certificate never expires. */
    private static Integer validityMonths(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            int months = Integer.parseInt(value);
            if (months < 1 || months > MAX_VALIDITY_MONTHS) {
                throw new IllegalArgumentException("证照有效期应在1到" + MAX_VALIDITY_MONTHS + "个月之间，当前为" + months);
            }
            return months;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("证照有效期“" + value + "”不是整数（单位：月）");
        }
    }

    private static Integer days(CSVRecord row, String column, String label) {
        String value = text(row, column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            int days = Integer.parseInt(value);
            if (days < 1 || days > MAX_DAYS) {
                throw new IllegalArgumentException(label + "应在1到" + MAX_DAYS + "个工作日之间，当前为" + days);
            }
            return days;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + "“" + value + "”不是整数");
        }
    }

    private static boolean flag(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "", "false", "否", "0", "no" -> false;
            case "true", "是", "1", "yes" -> true;
            default -> throw new IllegalArgumentException("是否可代办“" + value + "”无效：应为true或false（是或否）");
        };
    }
}
