package vn.hoibot.chat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one entry point for everything people do in a chat, whatever the channel. Each inbound is handled in its
 * own transaction; replies go out after it commits. Any failure is logged (never with texts, phone numbers or
 * tokens) and answered politely; nothing escapes to stop the channel's intake.
 */
@Component
public class ChatRouter {

    private static final Logger log = LoggerFactory.getLogger(ChatRouter.class);

    private final Map<String, CommandHandler> commands;
    private final Map<String, Dialog> dialogs;
    private final Map<String, ButtonAction<?>> actions;
    private final ObjectProvider<InboundFallback.Contacts> contacts;
    private final ObjectProvider<InboundFallback.Files> files;
    private final Channels channels;
    private final Messages messages;
    private final ButtonTokens tokens;
    private final DialogSessions sessions;
    private final ProcessedUpdates processed;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final ReplySender replies;

    public ChatRouter(List<CommandHandler> commands, List<Dialog> dialogs, List<ButtonAction<?>> actions,
            ObjectProvider<InboundFallback.Contacts> contacts, ObjectProvider<InboundFallback.Files> files,
            Channels channels, Messages messages, ButtonTokens tokens, DialogSessions sessions,
            ProcessedUpdates processed, TransactionTemplate tx, ApplicationEventPublisher events,
            ReplySender replies) {
        this.commands = index(commands, CommandHandler::command);
        this.dialogs = index(dialogs, Dialog::name);
        this.actions = index(actions, ButtonAction::action);
        this.contacts = contacts;
        this.files = files;
        this.channels = channels;
        this.messages = messages;
        this.tokens = tokens;
        this.sessions = sessions;
        this.processed = processed;
        this.tx = tx;
        this.events = events;
        this.replies = replies;
    }

    /** The commands known, for menus and help. */
    public List<CommandHandler> commands() {
        return List.copyOf(commands.values());
    }

    /** What became of an inbound. */
    public enum Outcome {
        /** Handled (or answered with an apology) and recorded. */
        HANDLED,
        /** Handled before: skipped. */
        DUPLICATE,
        /** The database was not there: nothing done, nothing said; the caller keeps it and tries again. */
        RETRY
    }

    /**
     * Handles one inbound. {@code updateKey} identifies it on its channel (Telegram's update_id) so a
     * re-delivered one is skipped; null when the channel has no such id. Never throws. With a key, an absent
     * database yields {@link Outcome#RETRY} (the inbox keeps the update); without one she gets an apology.
     */
    public Outcome handle(Inbound inbound, String updateKey) {
        Sender sender = inbound.sender();
        Channel channel = channels.get(sender.channel());
        String callbackId = inbound instanceof Inbound.ButtonPress press ? press.callbackId() : null;
        try {
            List<ChatContext.Action> done = tx.execute(status -> {
                if (updateKey != null && !processed.claim(sender.channel(), updateKey)) {
                    return null;
                }
                ChatContext ctx = new ChatContext(sender, channel, messages, tokens, sessions, sessions.find(sender));
                route(ctx, inbound, channel);
                return ctx.actions();
            });
            if (done == null) {
                log.debug("Skipped update {} on {}: handled before", updateKey, sender.channel());
                return Outcome.DUPLICATE;
            }
            replies.perform(channel, callbackId, done);
            return Outcome.HANDLED;
        } catch (DataIntegrityViolationException e) {
            if (updateKey != null && racedWithItself(sender.channel(), updateKey)) {
                log.info("Update {} on {} raced with another handler of the same update; skipped", updateKey,
                        sender.channel());
                return Outcome.DUPLICATE;
            }
            return failed(inbound, updateKey, channel, callbackId, e);
        } catch (UserFacingException e) {
            remember(sender.channel(), updateKey);
            apologise(channel, sender, callbackId, e.key(), e.args());
            return Outcome.HANDLED;
        } catch (RuntimeException e) {
            if (updateKey != null && databaseAway(e)) {
                log.warn("Update {} on {} not handled: the database is not reachable ({}); kept for later",
                        updateKey, sender.channel(), e.getClass().getSimpleName());
                return Outcome.RETRY;
            }
            return failed(inbound, updateKey, channel, callbackId, e);
        }
    }

    private Outcome failed(Inbound inbound, String updateKey, Channel channel, String callbackId, RuntimeException e) {
        Sender sender = inbound.sender();
        log.error("Failed to handle {} (update {}) on {}", inbound.getClass().getSimpleName(), updateKey,
                sender.channel(), e);
        remember(sender.channel(), updateKey);
        apologise(channel, sender, callbackId, "chat.error.generic");
        return Outcome.HANDLED;
    }

    /** The processed-update key is what collided: another handler of this very update committed first. */
    private boolean racedWithItself(String channel, String updateKey) {
        try {
            return processed.handledBefore(channel, updateKey);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean databaseAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }

    private void route(ChatContext ctx, Inbound inbound, Channel channel) {
        Sender sender = inbound.sender();
        if (sender.isPrivate()) {
            events.publishEvent(new ChatEvents.PersonWrote(sender.channel(), sender.userId(), sender.chatId()));
        }
        if (inbound instanceof Inbound.Text text) {
            ctx.setFormattedText(Messages.nfc(text.html()));
            onText(ctx, Messages.nfc(text.text()), channel);
        } else if (inbound instanceof Inbound.ButtonPress press) {
            ButtonTokens.Resolved resolved = tokens.resolve(sender.channel(), sender.userId(), press.data());
            if (resolved.action().equals(Confirmations.ACTION)) { // a confirm button: only while its question is open
                Confirmations.Pending pending = Confirmations.accept(ctx,
                        ButtonPayloads.decode(resolved.payload(), Confirmations.Pending.class));
                resolved = new ButtonTokens.Resolved(pending.action(), pending.payload());
            }
            ButtonAction<?> action = actions.get(resolved.action());
            if (action == null) {
                throw new UserFacingException("chat.button.expired");
            }
            press(action, ctx, resolved.payload(), press.messageId());
        } else if (!sender.isPrivate()) {
            return; // in groups the bot reacts to commands addressed to it, nothing else
        } else if (inbound instanceof Inbound.ContactShared contact) {
            Optional<Dialog> dialog = activeDialog(ctx);
            if (dialog.isPresent()) {
                dialog.get().onContact(ctx, ctx.dialog().orElseThrow(), contact);
            } else if (contacts.getIfAvailable() != null) {
                contacts.getIfAvailable().onContact(ctx, contact);
            } else {
                ctx.reply("chat.contact.unexpected");
            }
        } else if (inbound instanceof Inbound.FileReceived file) {
            Optional<Dialog> dialog = activeDialog(ctx);
            if (dialog.isPresent()) {
                dialog.get().onFile(ctx, ctx.dialog().orElseThrow(), file);
            } else {
                files.orderedStream().filter(f -> f.accepts(ctx, file)).findFirst().ifPresentOrElse(
                        f -> f.onFile(ctx, file), () -> ctx.reply("chat.file.unexpected"));
            }
        } else {
            ctx.reply("chat.unsupported");
        }
    }

    private void onText(ChatContext ctx, String text, Channel channel) {
        Sender sender = ctx.sender();
        CommandLine line = CommandLine.parse(text);
        if (!sender.isPrivate()) {
            onGroupText(ctx, line, channel);
            return;
        }
        if (line != null) {
            if (line.addressedToOther(channel.botUsername())) {
                return;
            }
            CommandHandler handler = commands.get(line.name());
            if (handler == null) {
                ctx.reply("chat.command.unknown", "/" + line.name());
                return;
            }
            if (ctx.dialog().isPresent() && !handler.command().equals("huy")) {
                ctx.endDialog();
            }
            handler.handle(ctx, line.args());
            return;
        }
        Optional<Dialog> dialog = activeDialog(ctx);
        if (dialog.isPresent()) {
            dialog.get().onText(ctx, ctx.dialog().orElseThrow(), text);
        } else {
            String smallTalk = SmallTalk.replyKey(text);
            ctx.reply(smallTalk != null ? smallTalk : "chat.text.not_understood");
        }
    }

    private void onGroupText(ChatContext ctx, CommandLine line, Channel channel) {
        if (line == null || line.addressedToOther(channel.botUsername())) {
            return;
        }
        CommandHandler handler = commands.get(line.name());
        if (handler == null) {
            if (line.addressedTo(channel.botUsername())) {
                ctx.reply("chat.command.unknown", "/" + line.name());
            }
            return;
        }
        if (!handler.allowedInGroups()) {
            Outbound answer = ctx.message("chat.group.write_privately");
            String username = channel.botUsername();
            ctx.reply(username == null ? answer
                    : answer.withButtons(List.of(List.of(Button.link(ctx.text("chat.group.open_private"),
                            "https://t.me/" + username)))));
            return;
        }
        handler.handle(ctx, line.args());
    }

    private Optional<Dialog> activeDialog(ChatContext ctx) {
        Optional<Dialog> dialog = ctx.dialog().map(state -> dialogs.get(state.dialog()));
        if (ctx.dialog().isPresent() && dialog.isEmpty()) {
            ctx.endDialog(); // a dialog this version no longer has
        }
        return dialog;
    }

    private void remember(String channel, String updateKey) {
        if (updateKey == null) {
            return;
        }
        try {
            processed.markHandled(channel, updateKey);
        } catch (RuntimeException e) {
            log.warn("Could not record update {} on {} as handled", updateKey, channel);
        }
    }

    private void apologise(Channel channel, Sender sender, String callbackId, String key, Object... args) {
        String text = messages.get(sender.locale(), key, args);
        if (callbackId != null) {
            channel.answerButton(callbackId, text);
        }
        replies.perform(channel, null, List.of(new ChatContext.Send(Outbound.text(sender.chatId(), text), null)));
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> name) {
        return items.stream().collect(Collectors.toUnmodifiableMap(name, Function.identity()));
    }

    private static <P extends Record> void press(ButtonAction<P> action, ChatContext ctx, String payload,
            String messageId) {
        action.onPress(ctx, ButtonPayloads.decode(payload, action.payloadType()), messageId);
    }
}
