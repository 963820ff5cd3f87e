package vn.hoibot.chat;

/**
 * An inline button: either carries an opaque key ({@code data}, at most 64 bytes) or opens a URL.
 */
public record Button(String label, String data, String url) {

    public static Button action(String label, String data) {
        return new Button(label, data, null);
    }

    public static Button link(String label, String url) {
        return new Button(label, null, url);
    }
}
