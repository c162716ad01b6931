package cn.siyiban.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void settingSecretsAreMasked() {
        String redacted = Redactor.redact("point.code=321323101001\nregistration.token=ABCDE-FGHJK-MNPQR-STUVW\n"
                + "db.password = s3cret\n");

        assertTrue(redacted.contains("point.code=321323101001"), redacted);
        assertTrue(redacted.contains("registration.token=***"), redacted);
        assertTrue(redacted.contains("db.password =***"), redacted);
        assertFalse(redacted.contains("s3cret"), redacted);
    }

    @Test
    void smsGatewayKeyIsMasked() {
        String redacted = Redactor.redact("reminder.sms.url=https://sms.example/sms\nreminder.sms.key=gw-k3y\n");

        assertTrue(redacted.contains("reminder.sms.url=https://sms.example/sms"), redacted);
        assertTrue(redacted.contains("reminder.sms.key=***"), redacted);
        assertFalse(redacted.contains("gw-k3y"), redacted);
    }

    @Test
    void residentIdKeepsRegionOnly() {
        assertEquals("申请人 321323************ 已受理", Redactor.redact("申请人 32132319800101001X 已受理"));
        assertEquals("id=321323************", Redactor.redact("id=321323198001010015"));
    }

    @Test
    void caseNumbersAndCodesStay() {
        String text = "case 321323101001-20261204-0007 at point 321323101001";

        assertEquals(text, Redactor.redact(text));
    }

    @Test
    void printedTokenInLogIsMasked() {
        assertEquals("token *****-***** rejected", Redactor.redact("token ABCDE-FGHJK-MNPQR-STUVW rejected"));
    }
}
