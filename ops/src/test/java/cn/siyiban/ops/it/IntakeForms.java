package cn.siyiban.ops.it;

import cn.siyiban.core.applicant.ResidentIdNumber;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Intake forms that the sync tests post to a node's {@code POST /api/cases}. */
final class IntakeForms {

    private IntakeForms() {
    }

    /**
     * Returns a SYM-023 form with every required material received, so the case needs no
     * supplement.
     *
     * @param first17 the first 17 characters of the applicant's resident ID number; the check
     *                character is computed
     */
    static ObjectNode complete(String name, String first17, String phone, String requestKey) {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("matterCode", "SYM-023");
        body.putObject("applicant").put("name", name).put("idType", "resident_id")
                .put("idNumber", first17 + ResidentIdNumber.checkCharacter(first17))
                .put("phone", phone).put("address", "泗阳县爱园镇");
        ArrayNode materials = body.putArray("materials");
        for (String received : new String[] {"SYM-023-M01", "SYM-023-M02", "SYM-023-M04", "SYM-023-M05",
                "SYM-023-M06"}) {
            materials.addObject().put("materialId", received).put("status", "received");
        }
        body.put("requestKey", requestKey);
        return body;
    }
}
