package cn.siyiban.ops.bench;

import cn.siyiban.core.cases.IntakeRequest;
import cn.siyiban.ops.it.Api;
import cn.siyiban.ops.it.ClerkLoad;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Valid intake forms of the demo matter SYM-023, the same forms the sync tests' clerks send: six
 * catalogue materials, so each intake writes one case row, six material rows and one event row.
 */
final class Forms {

    private Forms() {
    }

    /** Returns form {@code index} of the series {@code tag}; request keys are unique per tag and index. */
    static ObjectNode body(String tag, int index) {
        return new ClerkLoad("", "", tag, 0).form(index);
    }

    /** Returns the form as the JSON text a browser posts. */
    static String json(String tag, int index) {
        try {
            return Api.JSON.writeValueAsString(body(tag, index));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the form as the request the node's route passes to {@code IntakeService}. */
    static IntakeRequest request(String tag, int index) {
        try {
            return Api.JSON.treeToValue(body(tag, index), IntakeRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
