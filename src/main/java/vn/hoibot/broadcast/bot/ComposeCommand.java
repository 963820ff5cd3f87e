package vn.hoibot.broadcast.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.hoibot.broadcast.Outbox;
import vn.hoibot.chat.Button;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.CommandHandler;
import vn.hoibot.chat.Dialog;
import vn.hoibot.chat.DialogState;
import vn.hoibot.chat.Inbound;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.member.Accounts;
import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;

/**
 * /thongbao: a leader composes a notice. Steps: the text (or a document with its caption), the audience (buttons),
 * a preview exactly as members will see it, then {@code Gửi ngay} or {@code Hẹn giờ} ({@link ComposeButtons}). Nothing is
 * queued before she confirms.
 */
@Component
class ComposeCommand implements CommandHandler, Dialog {

    static final String DIALOG = "broadcast.compose";
    static final long MAX_FILE_BYTES = 50L * 1024 * 1024;

    private final Accounts accounts;
    private final AccessPolicy policy;
    private final Audiences audiences;
    private final ComposeButtons buttons;

    ComposeCommand(Accounts accounts, AccessPolicy policy, Audiences audiences, ComposeButtons buttons) {
        this.accounts = accounts;
        this.policy = policy;
        this.audiences = audiences;
        this.buttons = buttons;
    }

    @Override
    public String command() {
        return "thongbao";
    }

    @Override
    public String descriptionKey() {
        return "broadcast.command.description";
    }

    @Override
    public Menu menu() {
        return Menu.LEADER;
    }

    @Override
    public String name() {
        return DIALOG;
    }

    @Override
    public void handle(ChatContext ctx, String args) {
        Actor actor = accounts.actor(ctx.sender());
        if (policy.units(actor, Permission.BROADCAST).isEmpty()) {
            throw new UserFacingException("broadcast.compose.no_rights");
        }
        ctx.startDialog(DIALOG, "text", Map.of());
        ctx.reply("broadcast.compose.ask_text");
    }

    @Override
    public void onText(ChatContext ctx, DialogState state, String text) {
        switch (state.step()) {
            case "text" -> {
                check(text, Outbox.MAX_TEXT, "broadcast.text.too_long");
                String formatted = ctx.formattedText().orElse(null); // bold, links... kept as Telegram HTML
                askAudience(ctx, state.with("text", formatted == null ? text : formatted)
                        .with("html", formatted == null ? null : "1").next("audience"));
            }
            case "time" -> buttons.schedule(ctx, state, text);
            case "link" -> buttons.addLink(ctx, state, text);
            default -> ctx.reply("broadcast.compose.use_buttons");
        }
    }

    @Override
    public void onFile(ChatContext ctx, DialogState state, Inbound.FileReceived file) {
        if (!state.step().equals("text")) {
            ctx.reply("broadcast.compose.use_buttons");
            return;
        }
        if (file.size() > MAX_FILE_BYTES) {
            throw new UserFacingException("broadcast.file.too_large", MAX_FILE_BYTES / (1024 * 1024));
        }
        String caption = file.caption() == null ? "" : file.caption();
        check(caption.isBlank() ? "-" : caption, Outbox.MAX_CAPTION, "broadcast.caption.too_long");
        askAudience(ctx, state.with("text", caption).with("fileRef", file.fileRef())
                .with("fileName", file.fileName()).with("photo", file.photo() ? "1" : null).next("audience"));
    }

    private void askAudience(ChatContext ctx, DialogState state) {
        ctx.save(state);
        List<List<Button>> rows = new ArrayList<>();
        audiences.choices(ctx, accounts.actor(ctx.sender())).forEach((label, spec) -> rows
                .add(List.of(ctx.buttonLabelled(label, ComposeButtons.AUDIENCE, new ComposeButtons.AudienceChoice(spec)))));
        ctx.reply(ctx.message("broadcast.compose.ask_audience").withButtons(rows));
    }

    static void check(String text, int limit, String tooLongKey) {
        if (text == null || text.isBlank()) {
            throw new UserFacingException("broadcast.text.empty");
        }
        if (text.length() > limit) {
            throw new UserFacingException(tooLongKey, text.length(), limit);
        }
    }
}
