package vn.hoibot.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hoibot.access.Actor;
import vn.hoibot.chat.Button;
import vn.hoibot.chat.ButtonTokens;
import vn.hoibot.chat.DurableMessages;
import vn.hoibot.chat.Messages;
import vn.hoibot.chat.Outbound;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.indicator.CommuneResult;
import vn.hoibot.indicator.IndicatorEngine;
import vn.hoibot.indicator.IndicatorReport;
import vn.hoibot.indicator.IndicatorValue;
import vn.hoibot.indicator.ReportPeriod;
import vn.hoibot.indicator.ReportPeriods;
import vn.hoibot.indicator.UnitFinder;
import vn.hoibot.member.Accounts;
import vn.hoibot.time.ServiceZone;

/**
 * The monthly digest: from the configured day and time of a month on, each subscriber who subscribed before then
 * gets once the summary of her unit for the half-year the past month belongs to, the units that need a push, and
 * buttons for the ranking chart, the workbook and the reminder list. Once per subscriber and month: a row in
 * {@code report_digest_sent} is claimed in the transaction that hands the message to the outbox, so a second
 * instance, a second check or a restart finds it claimed. The figures are computed before that transaction.
 */
@Component
class Digests {

    private static final Logger log = LoggerFactory.getLogger(Digests.class);
    static final int MAX_NAMES = 5;

    record Due(long memberId, long unitId) {
    }

    private final IndicatorEngine engine;
    private final ReportPeriods periods;
    private final UnitFinder finder;
    private final Accounts accounts;
    private final ButtonTokens tokens;
    private final DurableMessages durable;
    private final Messages messages;
    private final ReportProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    Digests(IndicatorEngine engine, ReportPeriods periods, UnitFinder finder, Accounts accounts, ButtonTokens tokens,
            DurableMessages durable, Messages messages, ReportProperties properties, JdbcClient jdbc,
            PlatformTransactionManager transactions, Clock clock) {
        this.engine = engine;
        this.periods = periods;
        this.finder = finder;
        this.accounts = accounts;
        this.tokens = tokens;
        this.durable = durable;
        this.messages = messages;
        this.properties = properties;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** When this month's digest is due (Vietnam time). */
    Instant dueAt(YearMonth month) {
        return month.atDay(properties.digestDay()).atTime(properties.digestTime()).atZone(ServiceZone.VIETNAM)
                .toInstant();
    }

    /** Sends the digests due and not yet sent; returns how many were handed to the outbox. */
    int sendDue() {
        Instant now = clock.instant();
        YearMonth month = YearMonth.from(ServiceZone.today(clock));
        Instant due = dueAt(month);
        if (now.isBefore(due)) {
            return 0;
        }
        List<Due> waiting = jdbc.sql("""
                select s.member_id, s.unit_id from report_subscription s
                where s.created_at < ? and not exists (select 1 from report_digest_sent d
                    where d.member_id = s.member_id and d.digest_month = ?)
                order by s.member_id""").params(due.atOffset(java.time.ZoneOffset.UTC), month.toString())
                .query((rs, i) -> new Due(rs.getLong(1), rs.getLong(2))).list();
        int sent = 0;
        int failed = 0;
        for (Due d : waiting) {
            try {
                sent += send(d, month) ? 1 : 0;
            } catch (RuntimeException e) {
                failed++;
                log.warn("The digest of subscription {} could not be sent ({}); tried again at the next check",
                        d.memberId(), e.getClass().getSimpleName());
            }
        }
        if (sent > 0 || failed > 0) {
            log.info("Monthly digest {}: {} sent, {} failed", month, sent, failed);
        }
        return sent;
    }

    /** Computes her digest (outside any transaction), then claims the month and queues it in one transaction. */
    boolean send(Due d, YearMonth month) {
        Actor actor = accounts.actorOf(d.memberId());
        List<Accounts.MemberChat> chats = accounts.chatsOf(Set.of(d.memberId()));
        if (chats.isEmpty() || !finder.mayRead(actor, d.unitId())) {
            return claim(d, month, () -> { }); // no chat, or no longer her subtree: nothing to send this month
        }
        ReportPeriod period = periods.currentHalf(month.minusMonths(1).atDay(1));
        ReportPeriod lastMonth = periods.parse(month.minusMonths(1).getMonthValue() + "-"
                + month.minusMonths(1).getYear());
        IndicatorReport report;
        int idle;
        try {
            report = engine.compute(d.unitId(), period);
            idle = engine.idleBranches(d.unitId(), lastMonth).size();
        } catch (UserFacingException e) {
            return claim(d, month, () -> { }); // the unit is gone
        }
        return claim(d, month, () -> {
            for (Accounts.MemberChat chat : chats) {
                Locale locale = chat.locale();
                Outbound message = Outbound.text(chat.chatId(), text(locale, month, report, lastMonth, idle))
                        .withButtons(buttons(chat, locale, report));
                durable.send(chat.channel(), message, d.memberId());
            }
        });
    }

    private boolean claim(Due d, YearMonth month, Runnable queue) {
        Boolean claimed = tx.execute(status -> {
            int rows = jdbc.sql("""
                    insert into report_digest_sent (member_id, digest_month, sent_at) values (?, ?, ?)
                    on conflict do nothing""").params(d.memberId(), month.toString(), OffsetDateTime.now(clock))
                    .update();
            if (rows == 1) {
                queue.run();
            }
            return rows == 1;
        });
        return Boolean.TRUE.equals(claimed);
    }

    String text(Locale locale, YearMonth month, IndicatorReport report, ReportPeriod lastMonth, int idle) {
        List<String> lines = new ArrayList<>();
        lines.add(t(locale, "report.digest.title", month.getMonthValue() + "/" + month.getYear(),
                report.unit().name(), report.period().label()));
        for (String id : Charts.TARGETED) {
            Optional<IndicatorValue> v = report.indicator(id);
            if (v.isEmpty() || !v.get().applicable() || v.get().isCount()) {
                continue;
            }
            String target = v.get().met() == null ? "" : t(locale, v.get().met() ? "report.digest.met"
                    : "report.digest.missed", Math.round(v.get().target() * 100));
            lines.add(t(locale, "report.digest.line", t(locale, "report.short." + id),
                    Math.round(v.get().value() * 100), target));
        }
        List<CommuneResult> notReported = report.notReported();
        lines.add(t(locale, "report.digest.not-reported", report.period().label(), notReported.size(),
                report.communes().size()));
        lines.add(t(locale, "report.digest.idle", lastMonth.label(), idle));
        List<String> weakest = report.communes().stream()
                .filter(c -> !SupportCommand.missed(c).isEmpty())
                .sorted(Comparator.comparingInt((CommuneResult c) -> -SupportCommand.missed(c).size())
                        .thenComparing(CommuneResult::name))
                .limit(MAX_NAMES).map(c -> c.name() + " (" + SupportCommand.missed(c).size() + ")").toList();
        if (!weakest.isEmpty()) {
            lines.add(t(locale, "report.digest.support", String.join(", ", weakest)));
        }
        lines.add(t(locale, "report.digest.footer"));
        return String.join("\n", lines);
    }

    /** The ranking chart of her weakest targeted indicator, the workbook and the reminder list, keys hers. */
    private List<List<Button>> buttons(Accounts.MemberChat chat, Locale locale, IndicatorReport report) {
        String spec = report.period().label();
        long unit = report.unit().id();
        String weakest = Charts.TARGETED.stream()
                .filter(id -> report.indicator(id).map(v -> v.applicable() && v.target() != null).orElse(false))
                .filter(id -> !Charts.order(report.communes(), id).isEmpty())
                .min(Comparator.comparingDouble((String id) -> report.indicator(id).orElseThrow().value()))
                .orElse(null);
        List<List<Button>> rows = new ArrayList<>();
        rows.add(List.of(button(chat, locale, "report.digest.button.chart", "report.bieudo.pick",
                new UnitPeriodCommand.Choice(unit, spec, weakest))));
        rows.add(List.of(button(chat, locale, "report.digest.button.workbook", "report.baocao.pick",
                new UnitPeriodCommand.Choice(unit, spec, null)),
                button(chat, locale, "report.digest.button.push", "report.chuabaocao.pick",
                        new UnitPeriodCommand.Choice(unit, spec, null))));
        return rows;
    }

    private Button button(Accounts.MemberChat chat, Locale locale, String key, String action, Record payload) {
        return Button.action(t(locale, key), tokens.issue(chat.channel(), chat.userId(), action, payload));
    }

    private String t(Locale locale, String key, Object... args) {
        return messages.get(locale, key, args);
    }
}
