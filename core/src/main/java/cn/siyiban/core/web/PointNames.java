package cn.siyiban.core.web;

import cn.siyiban.core.network.PointStore;
import cn.siyiban.core.network.ServicePoint;

/** Looks up service point names in the database, where central keeps them current. */
public final class PointNames {

    private final PointStore points;

    public PointNames(PointStore points) {
        this.points = points;
    }

    /** Returns the point's name, or the code itself for a point this database does not know. */
    public String name(String code) {
        return points.find(code).map(ServicePoint::name).orElse(code);
    }
}
