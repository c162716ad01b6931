package cn.siyiban.core.cases;

/** One material of a case as checked at intake, with the name of the catalogue version in force. */
public record CaseMaterial(String id, String materialId, int ordinal, String name, MaterialStatus status) {
}
