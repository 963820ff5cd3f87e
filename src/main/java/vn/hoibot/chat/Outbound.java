package vn.hoibot.chat;

import java.util.List;

/**
 * A message to send, already rendered in the recipient's language.
 *
 * @param chatId        conversation on the channel
 * @param text          the text (or caption when there is an attachment)
 * @param html          whether text carries the channel's HTML subset (b, i, a, code)
 * @param buttons       inline buttons, rows of buttons; empty for none
 * @param askForContact show a one-time keyboard with a "share my phone number" button labelled thus (null for none)
 * @param removeKeyboard remove a reply keyboard shown before
 * @param attachment    a photo or document, or null
 */
public record Outbound(String chatId, String text, boolean html, List<List<Button>> buttons, String askForContact,
        boolean removeKeyboard, Attachment attachment) {

    public Outbound {
        buttons = buttons == null ? List.of() : List.copyOf(buttons.stream().map(List::copyOf).toList());
    }

    public static Outbound text(String chatId, String text) {
        return new Outbound(chatId, text, false, List.of(), null, false, null);
    }

    public Outbound withButtons(List<List<Button>> rows) {
        return new Outbound(chatId, text, html, rows, askForContact, removeKeyboard, attachment);
    }

    public Outbound withHtml() {
        return new Outbound(chatId, text, true, buttons, askForContact, removeKeyboard, attachment);
    }

    public Outbound askingForContact(String buttonLabel) {
        return new Outbound(chatId, text, html, buttons, buttonLabel, false, attachment);
    }

    public Outbound removingKeyboard() {
        return new Outbound(chatId, text, html, buttons, null, true, attachment);
    }

    public Outbound withAttachment(Attachment file) {
        return new Outbound(chatId, text, html, buttons, askForContact, removeKeyboard, file);
    }
}
