package vn.hoibot.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a handler gets for one inbound: who wrote, her language, and ways to answer. Replies are queued and sent
 * only after the handler's transaction commits, so a failure never leaves a reply about something not stored.
 */
public final class ChatContext {

    /** Something to do on the channel once the transaction has committed. */
    sealed interface Action permits Send, Edit, Toast, Run, Later {
    }

    record Send(Outbound message, Consumer<SentMessage> afterSend) implements Action {
    }

    record Edit(String chatId, String messageId, Outbound message) implements Action {
    }

    record Toast(String text) implements Action {
    }

    record Run(Runnable task) implements Action {
    }

    record Later(java.util.function.Supplier<List<Outbound>> messages) implements Action {
    }

    private final Sender sender;
    private final Channel channel;
    private final Messages messages;
    private final ButtonTokens tokens;
    private final DialogSessions sessions;
    private final List<Action> actions = new ArrayList<>();
    private Optional<DialogState> dialog;
    private String formatted;
    private String downloadedRef;
    private byte[] downloaded;

    ChatContext(Sender sender, Channel channel, Messages messages, ButtonTokens tokens, DialogSessions sessions,
            Optional<DialogState> dialog) {
        this.sender = sender;
        this.channel = channel;
        this.messages = messages;
        this.tokens = tokens;
        this.sessions = sessions;
        this.dialog = dialog;
    }

    public Sender sender() {
        return sender;
    }

    /** The text she sent, in the channel's HTML subset, when it carried formatting (bold, italic, links...). */
    public Optional<String> formattedText() {
        return Optional.ofNullable(formatted);
    }

    void setFormattedText(String html) {
        this.formatted = html;
    }

    /** The bot's username on her channel (for t.me links), or null where the channel has none. */
    public String botUsername() {
        return channel.botUsername();
    }

    /** Whether she is an administrator of the group she wrote in, as the channel says (asked each time). */
    public boolean senderIsGroupAdmin() {
        try {
            return channel.isGroupAdmin(sender.chatId(), sender.userId());
        } catch (ChannelException e) {
            throw new UserFacingException("chat.group.admin_unknown");
        }
    }

    /** Fetches a file she sent (once per inbound: a second call for the same file returns the same bytes). */
    public byte[] download(String fileRef) {
        if (fileRef != null && fileRef.equals(downloadedRef)) {
            return downloaded;
        }
        try {
            byte[] content = channel.download(fileRef);
            downloadedRef = fileRef;
            downloaded = content;
            return content;
        } catch (ChannelException e) {
            throw new UserFacingException("chat.file.download_failed");
        }
    }

    public Locale locale() {
        return Messages.supported(sender.locale());
    }

    public String text(String key, Object... args) {
        return messages.get(locale(), key, args);
    }

    public String textIn(Locale locale, String key, Object... args) {
        return messages.get(locale, key, args);
    }

    /** Replies in her chat with the text of a message key. */
    public void reply(String key, Object... args) {
        reply(Outbound.text(sender.chatId(), text(key, args)));
    }

    public void reply(Outbound message) {
        actions.add(new Send(message, null));
    }

    /** Replies, then (after commit and send) hands the sent message's id to {@code afterSend}. */
    public void reply(Outbound message, Consumer<SentMessage> afterSend) {
        actions.add(new Send(message, afterSend));
    }

    /** Starts an outbound to her chat with the text of a message key, to add buttons to. */
    public Outbound message(String key, Object... args) {
        return Outbound.text(sender.chatId(), text(key, args));
    }

    /** Replaces a message sent before (e.g. the one whose button she pressed). */
    public void edit(String messageId, Outbound message) {
        actions.add(new Edit(message.chatId(), messageId, message));
    }

    /** A short notice on her screen for a button press. */
    public void toast(String key, Object... args) {
        actions.add(new Toast(text(key, args)));
    }

    /** Runs a task once the transaction has committed (e.g. publishing her command menu). */
    public void afterCommit(Runnable task) {
        actions.add(new Run(task));
    }

    /**
     * A reply worked out once the transaction has committed, outside it, for slow read-only work (an indicator
     * report over a province) that must not hold the update's transaction. A {@link UserFacingException} from it
     * is sent as its message, any other failure as the generic apology. Lost if the instance stops in between.
     */
    public void replyLater(java.util.function.Supplier<Outbound> message) {
        repliesLater(() -> List.of(message.get()));
    }

    /** As {@link #replyLater}, for work that answers with several messages (a chart in several pictures). */
    public void repliesLater(java.util.function.Supplier<List<Outbound>> messages) {
        actions.add(new Later(() -> {
            try {
                return messages.get();
            } catch (UserFacingException e) {
                return List.of(message(e.key(), e.args()));
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(ChatContext.class).error("A reply after commit failed", e);
                return List.of(message("chat.error.generic"));
            }
        }));
    }

    /** A button for her, labelled with a message key. */
    public Button button(String labelKey, String action, Record payload) {
        return Button.action(text(labelKey), tokens.issue(sender.channel(), sender.userId(), action, payload));
    }

    /**
     * The confirm button of a destructive question ({@code Hủy hoạt động}): it works only while the question is the
     * open dialog; once she types a command or text (or another question replaces it), a press does nothing and is
     * answered politely. See {@link Confirmations}.
     */
    public Button confirmButton(String labelKey, String action, Record payload) {
        return button(labelKey, Confirmations.ACTION, Confirmations.open(this, action, payload));
    }

    /** A button for her with a literal label (e.g. a member's or unit's name). */
    public Button buttonLabelled(String label, String action, Record payload) {
        return Button.action(label, tokens.issue(sender.channel(), sender.userId(), action, payload));
    }

    /** A button for another person on the same channel (e.g. the branch head who approves a request). */
    public Button buttonFor(String userId, String label, String action, Record payload) {
        return Button.action(label, tokens.issue(sender.channel(), userId, action, payload));
    }

    public Optional<DialogState> dialog() {
        return dialog;
    }

    public void startDialog(String name, String step, Map<String, String> data) {
        save(new DialogState(name, step, data));
    }

    public void save(DialogState state) {
        sessions.save(sender, state);
        dialog = Optional.of(state);
    }

    public void endDialog() {
        sessions.clear(sender);
        dialog = Optional.empty();
    }

    List<Action> actions() {
        return List.copyOf(actions);
    }
}
