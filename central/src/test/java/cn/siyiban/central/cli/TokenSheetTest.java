package cn.siyiban.central.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenSheetTest {

    private static ObjectNode issued(String point, String name, String token) {
        return new ObjectMapper().createObjectNode().put("point", point).put("pointName", name)
                .put("purposeLabel", "首次注册").put("token", token).put("expiresAt", "2026-12-19T05:05:18.277");
    }

    @Test
    void sheetListsEveryToken() {
        String html = TokenSheet.html("爱园镇", "admin", "http://10.32.1.10:8080", List.of(
                issued("321323101000", "爱园镇", "AAAAA-BBBBB-CCCCC-DDDDD"),
                issued("321323101001", "北爱园居委会", "EEEEE-FFFFF-GGGGG-HHHHH")));

        assertTrue(html.contains("<td class=\"token\">AAAAA-BBBBB-CCCCC-DDDDD</td>"), html);
        assertTrue(html.contains("<td>北爱园居委会</td><td>321323101001</td>"), html);
        assertTrue(html.contains("<td>2026-12-19 05:05</td>"), html);
        assertTrue(html.contains("--central http://10.32.1.10:8080"), html);
    }

    @Test
    void sheetEscapesMarkup() {
        String html = TokenSheet.html("<b>镇</b>", "admin", "http://x", List.of(issued("1", "<script>", "T")));

        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertTrue(html.contains("&lt;b&gt;镇&lt;/b&gt;"), html);
    }
}
