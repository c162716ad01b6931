package cn.siyiban.core.reminders;

import cn.siyiban.core.cases.CaseMaterial;
import cn.siyiban.core.cases.CaseRecord;
import java.time.LocalDate;
import java.util.List;

/** The Chinese SMS texts of the reminders. Each stays well under the 500 characters of the outbox column. */
final class ReminderTexts {

    private static final String SIGNATURE = "【泗易办】";
    /** Material names listed in a supplement reminder before the rest are counted. */
    private static final int MAX_LISTED = 3;

    private ReminderTexts() {
    }

    static String supplementDue(CaseRecord record, List<CaseMaterial> missing, LocalDate due) {
        return SIGNATURE + "您申请的“" + record.matterName() + "”（办件号" + record.caseNo() + "）尚缺"
                + materials(missing) + "，请于" + day(due) + "前到全县任一便民服务点补交，逾期可能终止办理。";
    }

    static String resultCollection(CaseRecord record, String pointName) {
        return SIGNATURE + "您申请的“" + record.matterName() + "”（办件号" + record.caseNo()
                + "）已出结果，请携带身份证件到" + pointName + "领取。";
    }

    static String certificateExpiry(CaseRecord record, LocalDate expiry) {
        return SIGNATURE + "您办理的“" + record.matterName() + "”（办件号" + record.caseNo() + "）所发证照将于"
                + day(expiry) + "到期，请及时到便民服务点办理延续。";
    }

    private static String day(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private static String materials(List<CaseMaterial> missing) {
        List<String> names = missing.stream().map(material -> "“" + shorten(material.name()) + "”").toList();
        if (names.size() <= MAX_LISTED) {
            return String.join("、", names);
        }
        return String.join("、", names.subList(0, MAX_LISTED)) + "等" + names.size() + "项材料";
    }

    private static String shorten(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "…";
    }
}
