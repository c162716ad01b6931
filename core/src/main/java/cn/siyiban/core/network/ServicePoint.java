package cn.siyiban.core.network;

/**
 * One point of the service network. {@code code} is the official 12-digit division code where
 * one exists (villages, townships, the county) and a county-assigned code otherwise (sub-centres);
 * it is the SymmetricDS external id of the point's node. {@code source} says where the facts
 * were taken from.
 */
public record ServicePoint(String code, String name, PointLevel level, String parentCode, String source) {
}
