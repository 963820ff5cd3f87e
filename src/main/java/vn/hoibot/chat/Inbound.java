package vn.hoibot.chat;

/** Something a person did in a chat, as the chat core sees it. */
public sealed interface Inbound
        permits Inbound.Text, Inbound.ButtonPress, Inbound.ContactShared, Inbound.FileReceived, Inbound.Other {

    Sender sender();

    /**
     * A text message; commands are texts that start with '/'.
     *
     * @param html the same text in the channel's HTML subset when it carried formatting (bold, links...), else null
     */
    record Text(Sender sender, String text, String html) implements Inbound {

        public Text(Sender sender, String text) {
            this(sender, text, null);
        }
    }

    /**
     * A press on an inline button.
     *
     * @param callbackId the channel's id to acknowledge the press (may be null)
     * @param data       the opaque key the button carried
     * @param messageId  the message that carried the button
     */
    record ButtonPress(Sender sender, String callbackId, String data, String messageId) implements Inbound {
    }

    /**
     * A contact card.
     *
     * @param phone         the phone number as the channel gave it
     * @param contactUserId the channel user id of the contact's owner, null when it is not a user
     */
    record ContactShared(Sender sender, String phone, String contactUserId, String firstName, String lastName)
            implements Inbound {

        public boolean isOwn() {
            return contactUserId != null && contactUserId.equals(sender.userId());
        }

        /** Without the phone number or the names on the contact card. */
        @Override
        public String toString() {
            return "ContactShared[channel=" + sender.channel() + ", own=" + isOwn() + "]";
        }
    }

    /**
     * A document or photo sent to the bot (e.g. a roster spreadsheet, a picture for a notice).
     *
     * @param photo   true for a photo, false for a document
     * @param fileRef the channel's reference to fetch or re-send the file
     */
    record FileReceived(Sender sender, boolean photo, String fileRef, String fileName, long size, String caption)
            implements Inbound {
    }

    /** Anything else: sticker, photo, voice, location... {@code kind} names it. */
    record Other(Sender sender, String kind) implements Inbound {
    }
}
