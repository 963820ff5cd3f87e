package vn.hoibot.chat;

import java.security.SecureRandom;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Confirm buttons that stop working once she leaves the question: {@link ChatContext#confirmButton} opens a short
 * dialog with a fresh nonce and wraps the real action in a {@link Pending} payload; the router carries the press out
 * only while that dialog, with that nonce, is still the open one. A command or any text she types in between ends it,
 * and a later press of the old button is answered politely ({@code chat.confirm.expired}) and does nothing.
 */
@Component
public class Confirmations implements Dialog {

    static final String DIALOG = "chat.confirm";
    static final String ACTION = "chat.confirm";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The wrapped press: the question's nonce, the real action and its encoded payload. */
    record Pending(String nonce, String action, String payload) {
    }

    @Override
    public String name() {
        return DIALOG;
    }

    /** She typed instead of pressing: the question is over, nothing was done. */
    @Override
    public void onText(ChatContext ctx, DialogState state, String text) {
        ctx.endDialog();
        ctx.reply("chat.confirm.left");
    }

    static Pending open(ChatContext ctx, String action, Record payload) {
        String nonce = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        ctx.startDialog(DIALOG, "confirm", Map.of("nonce", nonce));
        return new Pending(nonce, action, ButtonPayloads.encode(payload));
    }

    /** The press of a confirm button: the real action's payload if its question is still open, which it closes. */
    static Pending accept(ChatContext ctx, Pending pending) {
        boolean open = ctx.dialog().filter(d -> d.dialog().equals(DIALOG))
                .filter(d -> pending.nonce().equals(d.get("nonce"))).isPresent();
        if (!open) {
            throw new UserFacingException("chat.confirm.expired");
        }
        ctx.endDialog();
        return pending;
    }
}
