package cn.siyiban.central.cli;

import cn.siyiban.core.time.CountyClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The printable HTML sheet of one township's registration tokens, one row per point. */
final class TokenSheet {

    private TokenSheet() {
    }

    static String html(String township, String issuedBy, String centralUrl, List<JsonNode> tokens) {
        StringBuilder rows = new StringBuilder();
        int number = 1;
        for (JsonNode token : tokens) {
            rows.append("<tr><td>").append(number++).append("</td><td>").append(escape(token.path("pointName").asText()))
                    .append("</td><td>").append(escape(token.path("point").asText()))
                    .append("</td><td>").append(escape(token.path("purposeLabel").asText()))
                    .append("</td><td class=\"token\">").append(escape(token.path("token").asText()))
                    .append("</td><td>").append(escape(minutes(token.path("expiresAt").asText())))
                    .append("</td><td></td></tr>\n");
        }
        return """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                <meta charset="UTF-8">
                <title>泗易办节点注册令牌单 %1$s</title>
                <style>
                  body { font-family: sans-serif; margin: 2em; }
                  table { border-collapse: collapse; width: 100%%; }
                  th, td { border: 1px solid #000; padding: 0.4em; text-align: left; }
                  td.token { font-family: monospace; font-size: 1.3em; letter-spacing: 0.05em; }
                  code { font-size: 1.1em; }
                </style>
                </head>
                <body>
                <h1>泗易办节点注册令牌单：%1$s</h1>
                <p>签发：%2$s，%3$s。每个令牌只能使用一次，过期作废。令牌等同于密码，请妥善保管，勿拍照外传。</p>
                <p>安装节点后运行：<code>sudo siyiban-node setup --central %4$s --point 区划代码 --token 令牌</code></p>
                <table>
                <tr><th>序号</th><th>站点</th><th>区划代码</th><th>用途</th><th>令牌</th><th>有效期至</th><th>技术员签收</th></tr>
                %5$s</table>
                </body>
                </html>
                """.formatted(escape(township), escape(issuedBy),
                minutes(CountyClock.system().now().toString()), escape(centralUrl), rows);
    }

    /** Shortens an ISO date-time such as {@code 2026-12-19T05:05:18.277} to {@code 2026-12-19 05:05}. */
    private static String minutes(String isoDateTime) {
        String spaced = isoDateTime.replace('T', ' ');
        return spaced.length() > 16 ? spaced.substring(0, 16) : spaced;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
