package vn.hoibot.telegram;

/** Telegram answered 401 to getMe: the configured bot token is wrong or revoked. */
public class TelegramTokenRejectedException extends RuntimeException {

    public TelegramTokenRejectedException() {
        super("Telegram rejected the bot token (401 Unauthorized)");
    }
}
