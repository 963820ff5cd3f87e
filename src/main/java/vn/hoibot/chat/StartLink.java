package vn.hoibot.chat;

/**
 * What a deep link {@code t.me/<bot>?start=<prefix>…} opens besides an invitation (e.g. a QR check-in): a feature
 * registers one, and /start hands it the payload when it begins with its prefix.
 */
public interface StartLink {

    /** The payload's beginning that marks this link, e.g. {@code dd_}. */
    String prefix();

    /** She opened the link (scanned the code); {@code payload} is the whole /start payload. */
    void open(ChatContext ctx, String payload);
}
