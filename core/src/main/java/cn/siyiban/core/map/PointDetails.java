package cn.siyiban.core.map;

import cn.siyiban.core.error.DomainException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The facts of a point that the admin maintains at central. Every field is optional; a blank
 * text becomes null, so the map shows "未填写" instead of an empty string.
 */
public record PointDetails(String address, String officeHours, String phone, BigDecimal latitude,
                           BigDecimal longitude) {

    /** Returns the details with blank texts as null, or rejects lengths and coordinates out of range. */
    public static PointDetails validated(String address, String officeHours, String phone, BigDecimal latitude,
                                         BigDecimal longitude) {
        String cleanAddress = text(address, 200, "address", "地址");
        String cleanHours = text(officeHours, 100, "officeHours", "办公时间");
        String cleanPhone = text(phone, 40, "phone", "联系电话");
        if ((latitude == null) != (longitude == null)) {
            throw DomainException.invalid("incomplete_coordinates", "经度和纬度须同时填写或同时留空",
                    latitude == null ? "latitude" : "longitude");
        }
        check(latitude, 90, "latitude", "纬度");
        check(longitude, 180, "longitude", "经度");
        return new PointDetails(cleanAddress, cleanHours, cleanPhone, scaled(latitude), scaled(longitude));
    }

    private static String text(String value, int max, String field, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw DomainException.invalid("field_too_long", label + "不能超过" + max + "个字符", field);
        }
        return stripped;
    }

    private static void check(BigDecimal degrees, int limit, String field, String label) {
        if (degrees != null && degrees.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid_coordinate",
                    label + "“" + degrees.toPlainString() + "”超出范围，应在 -" + limit + " 到 " + limit + " 之间",
                    Map.of("field", field));
        }
    }

    /** Rounds to the 6 decimals of the DECIMAL(9,6) column, about 0.1 m. */
    private static BigDecimal scaled(BigDecimal degrees) {
        return degrees == null ? null : degrees.setScale(6, java.math.RoundingMode.HALF_UP);
    }
}
