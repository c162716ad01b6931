package cn.siyiban.core.web;

import cn.siyiban.core.cases.CaseNumber;
import cn.siyiban.core.error.DomainException;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * {@code GET /api/case-codes/{caseNo}}: the case number as a QR code in SVG, for the printed
 * forms. The code contains the bare case number, so a scanner that types like a keyboard fills
 * the case search box or the supplement form of any node.
 */
public final class CaseNumberCode {

    /** Quiet zone around the code, in modules: ISO/IEC 18004 requires four. */
    private static final int MARGIN = 4;

    public void register(RoutesConfig routes) {
        routes.get("/api/case-codes/{caseNo}", this::render);
    }

    private void render(Context ctx) {
        String caseNo = ctx.pathParam("caseNo");
        try {
            CaseNumber.parse(caseNo);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid_case_no", "办件编号“" + caseNo + "”格式不正确", "caseNo");
        }
        ctx.contentType("image/svg+xml").header("Cache-Control", "private, max-age=86400").result(svg(caseNo));
    }

    /** Encodes {@code text} as a QR code and draws each dark module as one SVG path segment. */
    public static String svg(String text) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode as QR code: " + text, e);
        }
        int size = matrix.getWidth() + 2 * MARGIN;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x + MARGIN).append(',').append(y + MARGIN).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\"><rect width=\"" + size + "\" height=\"" + size
                + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
