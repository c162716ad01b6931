package cn.siyiban.core.catalogue;

/**
 * One item of a matter's material list.
 *
 * @param id stable identifier, the matter code and the position ({@code SYM-006-M02})
 * @param position 1-based order in which the clerk checks the materials
 * @param required whether the application is incomplete without it
 * @param key a key material can never be accepted as missing (容缺); only non-key ones can
 * @param commitmentAllowed whether a signed commitment (告知承诺) may replace the proof
 */
public record Material(String id, int position, String name, boolean required, boolean key,
                       boolean commitmentAllowed) {

    public static String idFor(String matterCode, int position) {
        return String.format("%s-M%02d", matterCode, position);
    }
}
