package cn.siyiban.core.catalogue;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the material list cell of the catalogue spreadsheet: items separated by {@code ;} (or
 * the full-width {@code ；}), each a name optionally followed by flags in square brackets:
 * {@code [非必需]} optional, {@code [可容缺]} non-key so it may be missing at intake,
 * {@code [可承诺]} replaceable by a signed commitment. An item without flags is a required key
 * material, the safe default.
 */
public final class MaterialListSyntax {

    static final String OPTIONAL = "非必需";
    static final String TOLERABLE = "可容缺";
    static final String COMMITMENT = "可承诺";

    /** Maximum characters of a material name, the size of its column. */
    public static final int MAX_NAME_LENGTH = 200;

    private MaterialListSyntax() {
    }

    /**
     * Parses one cell. Throws {@link IllegalArgumentException} with a Chinese message that
     * the importer prefixes with the line number.
     */
    public static List<Material> parse(String matterCode, String cell) {
        List<Material> materials = new ArrayList<>();
        if (cell == null || cell.isBlank()) {
            return materials;
        }
        for (String item : cell.replace('；', ';').split(";")) {
            if (item.isBlank()) {
                continue;
            }
            materials.add(parseItem(matterCode, materials.size() + 1, item.strip()));
        }
        return materials;
    }

    private static Material parseItem(String matterCode, int position, String item) {
        String name = item;
        boolean required = true;
        boolean key = true;
        boolean commitment = false;
        while (name.endsWith("]")) {
            int open = name.lastIndexOf('[');
            if (open < 0) {
                throw new IllegalArgumentException("材料“" + item + "”的标记缺少左方括号");
            }
            String flag = name.substring(open + 1, name.length() - 1).strip();
            switch (flag) {
                case OPTIONAL -> required = false;
                case TOLERABLE -> key = false;
                case COMMITMENT -> commitment = true;
                default -> throw new IllegalArgumentException("材料“" + item + "”的标记[" + flag
                        + "]无法识别，只能是[" + OPTIONAL + "]、[" + TOLERABLE + "]或[" + COMMITMENT + "]");
            }
            name = name.substring(0, open).strip();
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("材料“" + item + "”缺少名称");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("材料名称过长（最多" + MAX_NAME_LENGTH + "字）：" + name);
        }
        return new Material(Material.idFor(matterCode, position), position, name, required, key, commitment);
    }

    /** Writes materials back in the same syntax, so an export can be imported again unchanged. */
    public static String format(List<Material> materials) {
        StringBuilder cell = new StringBuilder();
        for (Material material : materials) {
            if (!cell.isEmpty()) {
                cell.append(';');
            }
            cell.append(material.name());
            if (!material.required()) {
                cell.append('[').append(OPTIONAL).append(']');
            }
            if (!material.key()) {
                cell.append('[').append(TOLERABLE).append(']');
            }
            if (material.commitmentAllowed()) {
                cell.append('[').append(COMMITMENT).append(']');
            }
        }
        return cell.toString();
    }
}
