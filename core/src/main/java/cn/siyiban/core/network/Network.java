package cn.siyiban.core.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The county's service network as shipped in {@code network.csv}: 258 points with official
 * division codes, their level and their parent.
 */
public final class Network {

    /** Class path resource of the shipped network, copied from the county's published lists. */
    public static final String RESOURCE = "/cn/siyiban/core/data/network.csv";

    private final Map<String, ServicePoint> pointsByCode;

    private Network(Map<String, ServicePoint> pointsByCode) {
        this.pointsByCode = pointsByCode;
    }

    /** Loads the network shipped with siyiban. */
    public static Network shipped() {
        try (InputStream in = Network.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + RESOURCE);
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static Network read(Reader reader) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        Map<String, ServicePoint> points = new LinkedHashMap<>();
        for (CSVRecord row : format.parse(reader)) {
            String parent = row.get("parent_code").strip();
            ServicePoint point = new ServicePoint(
                    row.get("code").strip(),
                    row.get("name").strip(),
                    PointLevel.fromCode(row.get("level").strip()),
                    parent.isEmpty() ? null : parent,
                    row.get("source").strip());
            if (points.putIfAbsent(point.code(), point) != null) {
                throw new IllegalStateException("duplicate point code " + point.code()
                        + " on line " + row.getRecordNumber());
            }
        }
        return new Network(Collections.unmodifiableMap(points));
    }

    public List<ServicePoint> points() {
        return List.copyOf(pointsByCode.values());
    }

    public Optional<ServicePoint> find(String code) {
        return Optional.ofNullable(pointsByCode.get(code));
    }

    /** Returns the direct children of a point, in file order. */
    public List<ServicePoint> children(String parentCode) {
        List<ServicePoint> children = new ArrayList<>();
        for (ServicePoint point : pointsByCode.values()) {
            if (parentCode.equals(point.parentCode())) {
                children.add(point);
            }
        }
        return children;
    }
}
