package cn.siyiban.core.map;

import cn.siyiban.core.network.PointLevel;
import java.math.BigDecimal;
import java.util.List;

/**
 * One point of the service map.
 *
 * @param address street address, null until the admin enters it at central
 * @param latitude WGS-84 degrees, null where the point was never surveyed
 * @param matterCodes the matters the point is restricted to, in code order; empty when it takes
 *                    every matter of the catalogue (全科受理)
 */
public record MapPoint(String code, String name, PointLevel level, String parentCode, String address,
                       String officeHours, String phone, BigDecimal latitude, BigDecimal longitude,
                       List<String> matterCodes) {

    public MapPoint {
        matterCodes = List.copyOf(matterCodes);
    }

    /** Returns whether the admin restricted the point to a list of matters. */
    public boolean restricted() {
        return !matterCodes.isEmpty();
    }

    /** Returns whether the point takes in {@code matterCode}. */
    public boolean handles(String matterCode) {
        return matterCodes.isEmpty() || matterCodes.contains(matterCode);
    }

    public boolean hasCoordinates() {
        return latitude != null && longitude != null;
    }

    /** Chinese name of the point's level. */
    public String levelLabel() {
        return level.label();
    }
}
