package vn.hoibot.report;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.hoibot.access.Actor;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.CommandHandler;
import vn.hoibot.indicator.ReportPeriods;
import vn.hoibot.indicator.UnitFinder;
import vn.hoibot.member.Accounts;

/**
 * {@code /dangkybaocao [unit]} and {@code /huydangkybaocao}: a leader subscribes to the monthly digest of a unit in
 * her subtree (her own unit when omitted; one subscription each, a new one replaces the old), or ends it. Someone
 * without a leader role is refused, as for every report command.
 */
final class DigestCommands {

    private DigestCommands() {
    }

    @Component
    static class Subscribe extends UnitPeriodCommand {

        private final JdbcClient jdbc;
        private final ReportProperties properties;
        private final Clock clock;

        Subscribe(UnitFinder finder, ReportPeriods periods, Accounts accounts, Clock clock, JdbcClient jdbc,
                ReportProperties properties) {
            super(finder, periods, accounts, clock);
            this.jdbc = jdbc;
            this.properties = properties;
            this.clock = clock;
        }

        @Override
        public String command() {
            return "dangkybaocao";
        }

        @Override
        public String descriptionKey() {
            return "report.command.dangkybaocao";
        }

        @Override
        void show(ChatContext ctx, Actor actor, Asked asked) {
            if (actor.memberId() == null) {
                ctx.reply("report.not-allowed");
                return;
            }
            int changed = jdbc.sql("update report_subscription set unit_id = ? where member_id = ?")
                    .params(asked.unit().id(), actor.memberId()).update();
            if (changed == 0) {
                jdbc.sql("insert into report_subscription (member_id, unit_id, created_at) values (?, ?, ?)")
                        .params(actor.memberId(), asked.unit().id(), OffsetDateTime.now(clock)).update();
            }
            ctx.reply("report.digest.subscribed", asked.unit().name(), properties.digestDay(),
                    properties.digestTime().toString());
        }
    }

    @Component
    static class Unsubscribe implements CommandHandler {

        private final Accounts accounts;
        private final JdbcClient jdbc;

        Unsubscribe(Accounts accounts, JdbcClient jdbc) {
            this.accounts = accounts;
            this.jdbc = jdbc;
        }

        @Override
        public String command() {
            return "huydangkybaocao";
        }

        @Override
        public String descriptionKey() {
            return "report.command.huydangkybaocao";
        }

        @Override
        public Menu menu() {
            return Menu.LEADER;
        }

        @Override
        public void handle(ChatContext ctx, String args) {
            Long member = accounts.actor(ctx.sender()).memberId();
            int gone = member == null ? 0
                    : jdbc.sql("delete from report_subscription where member_id = ?").param(member).update();
            ctx.reply(gone == 0 ? "report.digest.not-subscribed" : "report.digest.unsubscribed");
        }
    }
}
