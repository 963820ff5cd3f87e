package vn.hoibot.telegram;

import java.util.Comparator;
import java.util.Optional;

import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Contact;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

import vn.hoibot.chat.ChatType;
import vn.hoibot.chat.Inbound;
import vn.hoibot.chat.Messages;
import vn.hoibot.chat.Sender;

/**
 * Maps a Telegram update to the chat core's inbound types. Edited messages, channel posts, service messages
 * and updates without a person (or without her chat's id) are ignored on purpose (empty result); a file, photo
 * or contact that lacks what it needs (file id, usable size, phone) is answered as something the bot cannot read.
 */
final class UpdateMapper {

    private UpdateMapper() {
    }

    static Optional<Inbound> map(Update update) {
        if (update.hasCallbackQuery()) {
            return button(update.getCallbackQuery());
        }
        if (!update.hasMessage()) {
            return Optional.empty(); // edited messages, channel posts, member updates, polls...
        }
        Message message = update.getMessage();
        Chat chat = message.getChat();
        User from = message.getFrom();
        if (from == null || chat == null || from.getId() == null || chat.getId() == null
                || Boolean.TRUE.equals(chat.isChannelChat()) || Boolean.TRUE.equals(from.getIsBot())) {
            return Optional.empty();
        }
        Sender sender = sender(from, chat);
        if (message.hasText()) {
            return Optional.of(new Inbound.Text(sender, message.getText(),
                    EntitiesToHtml.convert(message.getText(), message.getEntities())));
        }
        if (message.hasContact()) {
            Contact contact = message.getContact();
            if (contact.getPhoneNumber() == null || contact.getPhoneNumber().isBlank()) {
                return Optional.of(new Inbound.Other(sender, "contact"));
            }
            return Optional.of(new Inbound.ContactShared(sender, contact.getPhoneNumber(),
                    contact.getUserId() == null ? null : contact.getUserId().toString(), contact.getFirstName(),
                    contact.getLastName()));
        }
        if (message.hasDocument()) {
            Document doc = message.getDocument();
            if (doc.getFileId() == null || doc.getFileId().isBlank()) {
                return Optional.of(new Inbound.Other(sender, "file"));
            }
            return Optional.of(new Inbound.FileReceived(sender, false, doc.getFileId(), doc.getFileName(),
                    doc.getFileSize() == null ? 0 : doc.getFileSize(), message.getCaption()));
        }
        if (message.hasPhoto()) {
            Optional<PhotoSize> usable = message.getPhoto().stream()
                    .filter(p -> p != null && p.getFileId() != null && !p.getFileId().isBlank())
                    .max(Comparator.comparing(p -> p.getFileSize() == null ? 0 : p.getFileSize()));
            if (usable.isEmpty()) {
                return Optional.of(new Inbound.Other(sender, "photo"));
            }
            PhotoSize largest = usable.get();
            return Optional.of(new Inbound.FileReceived(sender, true, largest.getFileId(), null,
                    largest.getFileSize() == null ? 0 : largest.getFileSize(), message.getCaption()));
        }
        String kind = kind(message);
        return kind == null ? Optional.empty() : Optional.of(new Inbound.Other(sender, kind));
    }

    private static Optional<Inbound> button(CallbackQuery query) {
        if (query.getMessage() == null || query.getMessage().getChat() == null) {
            return Optional.empty(); // inline-mode buttons: not ours
        }
        if (query.getFrom() == null || query.getFrom().getId() == null || query.getMessage().getChat().getId() == null) {
            return Optional.empty(); // nobody to answer
        }
        Sender sender = sender(query.getFrom(), query.getMessage().getChat());
        return Optional.of(new Inbound.ButtonPress(sender, query.getId(), query.getData(),
                String.valueOf(query.getMessage().getMessageId())));
    }

    private static String kind(Message message) {
        if (message.hasSticker()) {
            return "sticker";
        }
        if (message.hasVoice() || message.hasAudio()) {
            return "voice";
        }
        if (message.hasVideo() || message.hasVideoNote() || message.hasAnimation()) {
            return "video";
        }
        if (message.hasLocation()) {
            return "location";
        }
        if (message.hasPoll() || message.hasDice()) {
            return "poll";
        }
        return null; // service messages (members joined, title changed...): nothing to answer
    }

    private static Sender sender(User from, Chat chat) {
        ChatType type = Boolean.TRUE.equals(chat.isUserChat()) ? ChatType.PRIVATE : ChatType.GROUP;
        String name = from.getFirstName() == null ? "" : from.getFirstName();
        return new Sender(TelegramChannel.NAME, from.getId().toString(), chat.getId().toString(), type,
                Messages.nfc(name), Messages.fromLanguageCode(from.getLanguageCode()));
    }
}
