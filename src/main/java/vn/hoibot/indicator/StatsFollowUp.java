package vn.hoibot.indicator;

import java.util.List;

import vn.hoibot.chat.Button;
import vn.hoibot.chat.ChatContext;

/**
 * What another module offers under /thongke's summary, as buttons for the unit and period just shown (the report
 * module: the chart, the workbook, the units that need a push). The indicator module knows none of them; each
 * implementation is a bean, and every button it returns gets a row of its own, in the beans' order.
 */
public interface StatsFollowUp {

    /** Buttons for her; pressing one must check again that she may read {@code unitId}. */
    List<Button> buttons(ChatContext ctx, long unitId, ReportPeriod period);
}
