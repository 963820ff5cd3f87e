package vn.hoibot.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.ButtonAction;
import vn.hoibot.chat.ButtonPayloads;
import vn.hoibot.chat.ButtonPayloads.None;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.text.Texts;
import vn.hoibot.chat.CommandHandler;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.member.Accounts;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.Restructuring;
import vn.hoibot.org.SplitPart;
import vn.hoibot.org.UnitView;
import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;

/**
 * /donvi: admins restructure the unit tree with history kept. {@code xem <code>} shows a unit and its changes;
 * {@code gop <a,b> vao <target> <dd/MM/yyyy>} merges, {@code chuyen <code> vao <parent> <date>} moves,
 * {@code tach <code> thanh <codeA:Name A;codeB:Name B> <date>} splits. Changes apply after a confirm button.
 */
@Component
class RestructureCommand implements CommandHandler {

    static final String APPLY = "member.unit.apply";
    static final String CANCEL = "member.unit.cancel";
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private final Accounts accounts;
    private final AccessPolicy policy;
    private final OrgService org;
    private final Clock clock;

    RestructureCommand(Accounts accounts, AccessPolicy policy, OrgService org, Clock clock) {
        this.accounts = accounts;
        this.policy = policy;
        this.org = org;
        this.clock = clock;
    }

    @Override
    public String command() {
        return "donvi";
    }

    @Override
    public String descriptionKey() {
        return "member.unit.description";
    }

    @Override
    public Menu menu() {
        return Menu.ADMIN;
    }

    @Override
    public void handle(ChatContext ctx, String args) {
        Actor actor = accounts.actor(ctx.sender());
        if (policy.units(actor, Permission.RESTRUCTURE).isEmpty()) {
            throw new UserFacingException("member.unit.admins_only"); // nor the usage: it is not hers to use
        }
        String[] words = args.strip().split("\\s+");
        if (words.length == 2 && Texts.fold(words[0]).equals("xem")) {
            // only inside her subtree; a unit she may not see is answered as one that does not exist
            show(ctx, org.findByCode(words[1]).filter(u -> policy.can(actor, Permission.VIEW_MEMBERS, u.id()))
                    .orElseThrow(() -> new UserFacingException("org.unit.not_found", words[1])));
            return;
        }
        Change change = Change.parse(args.strip());
        for (String code : change.codes()) {
            policy.require(actor, Permission.RESTRUCTURE, unit(code).id());
        }
        ctx.reply(ctx.message("member.unit.confirm", change.describe(ctx, this::named)).withButtons(List.of(List.of(
                ctx.confirmButton("member.unit.apply_button", APPLY, new Pending(change.text())),
                ctx.button("member.unit.cancel_button", CANCEL, ButtonPayloads.NONE)))));
    }

    private void show(ChatContext ctx, UnitView unit) {
        LocalDate today = LocalDate.now(clock);
        String parent = unit.parentId() == null ? "—" : org.find(unit.parentId()).map(UnitView::name).orElse("—");
        String history = org.history(unit.id()).stream()
                .map(c -> ctx.text("member.unit.change." + c.type().name()) + " " + DATE.format(c.effectiveDate()))
                .collect(Collectors.joining(", "));
        ctx.reply("member.unit.show", unit.name(), unit.code(), org.levelName(unit.level(), ctx.locale()), parent,
                DATE.format(unit.validFrom()), unit.validTo() == null ? "—" : DATE.format(unit.validTo()),
                org.children(unit.id(), today).size(), history.isEmpty() ? "—" : history);
    }

    /** {@code ND-HH-HV-CH01 (Chi hội Xóm Trung)}: the code she typed with the unit's name. */
    private String named(String code) {
        return org.findByCode(code).map(u -> u.code() + " (" + org.label(u) + ")").orElse(code);
    }

    private UnitView unit(String code) {
        return org.findByCode(code).orElseThrow(() -> new UserFacingException("org.unit.not_found", code));
    }

    /** The restructuring she asked for, as she wrote it: parsed and checked again on "apply". */
    record Pending(String change) {
    }

    /** A parsed restructuring: kept as its text in the confirm button's payload. */
    record Change(String kind, List<String> sources, String target, String parts, LocalDate on, String text) {

        /** {@code gộp A,B vào C 1/7/2026} (accents optional, as she types them). */
        static Change parse(String text) {
            String[] w = text.split("\\s+");
            if (w.length == 5) {
                w[0] = Texts.fold(w[0]);
                w[2] = Texts.fold(w[2]);
            }
            if (w.length != 5 || !Set.of("gop", "chuyen", "tach").contains(w[0])
                    || !(w[2].equals("vao") || w[2].equals("thanh"))) {
                throw new UserFacingException("member.unit.usage");
            }
            LocalDate on;
            try {
                on = LocalDate.parse(w[4], DATE);
            } catch (DateTimeParseException e) {
                throw new UserFacingException("member.unit.bad_date", w[4]);
            }
            List<String> sources = Arrays.asList(w[1].split(","));
            return new Change(w[0], sources, w[0].equals("tach") ? null : w[3], w[0].equals("tach") ? w[3] : null,
                    on, text);
        }

        List<String> codes() {
            List<String> codes = new ArrayList<>(sources);
            if (target != null) {
                codes.add(target);
            }
            return codes;
        }

        String describe(ChatContext ctx, java.util.function.UnaryOperator<String> named) {
            return ctx.text("member.unit.kind." + kind, sources.stream().map(named).collect(Collectors.joining(", ")),
                    target == null ? parts : named.apply(target), DATE.format(on));
        }
    }

    @Component
    static class Apply implements ButtonAction<Pending> {

        private final Accounts accounts;
        private final AccessPolicy policy;
        private final OrgService org;
        private final Restructuring restructuring;

        Apply(Accounts accounts, AccessPolicy policy, OrgService org, Restructuring restructuring) {
            this.accounts = accounts;
            this.policy = policy;
            this.org = org;
            this.restructuring = restructuring;
        }

        @Override
        public String action() {
            return APPLY;
        }

        @Override
        public Class<Pending> payloadType() {
            return Pending.class;
        }

        @Override
        public void onPress(ChatContext ctx, Pending payload, String messageId) {
            Change change = Change.parse(payload.change());
            Actor actor = accounts.actor(ctx.sender());
            List<Long> sources = new ArrayList<>();
            for (String code : change.sources()) {
                UnitView unit = org.findByCode(code).orElseThrow(() -> new UserFacingException("org.unit.not_found", code));
                policy.require(actor, Permission.RESTRUCTURE, unit.id());
                sources.add(unit.id());
            }
            switch (change.kind()) {
                case "gop" -> restructuring.merge(sources, target(change, actor), change.on());
                case "chuyen" -> {
                    long parent = target(change, actor);
                    sources.forEach(id -> restructuring.move(id, parent, change.on()));
                }
                default -> restructuring.split(sources.get(0), parts(change.parts()), change.on());
            }
            ctx.edit(messageId, ctx.message("member.unit.applied", change.describe(ctx, code -> org.findByCode(code)
                    .map(u -> u.code() + " (" + org.label(u) + ")").orElse(code))));
        }

        private long target(Change change, Actor actor) {
            UnitView target = org.findByCode(change.target())
                    .orElseThrow(() -> new UserFacingException("org.unit.not_found", change.target()));
            policy.require(actor, Permission.RESTRUCTURE, target.id());
            return target.id();
        }

        private static List<SplitPart> parts(String spec) {
            List<SplitPart> parts = new ArrayList<>();
            for (String part : spec.split(";")) {
                String[] codeAndName = part.split(":", 2);
                if (codeAndName.length != 2 || codeAndName[0].isBlank() || codeAndName[1].isBlank()) {
                    throw new UserFacingException("member.unit.usage");
                }
                parts.add(new SplitPart(codeAndName[0], codeAndName[1].replace('_', ' '), Set.of(), Set.of()));
            }
            return parts;
        }
    }

    @Component
    static class Cancel implements ButtonAction.NoPayload {

        @Override
        public String action() {
            return CANCEL;
        }

        @Override
        public void onPress(ChatContext ctx, String messageId) {
            ctx.edit(messageId, ctx.message("member.unit.cancelled"));
        }
    }
}
