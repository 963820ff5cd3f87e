package vn.hoibot.telegram;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a rejected token into one clear line at start-up instead of a stack trace. */
class TokenRejectedFailureAnalyzer extends AbstractFailureAnalyzer<TelegramTokenRejectedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TelegramTokenRejectedException cause) {
        return new FailureAnalysis("Telegram rejected the bot token in TELEGRAM_BOT_TOKEN (401 Unauthorized).",
                "Copy the token again from @BotFather (/token) and set TELEGRAM_BOT_TOKEN, or unset it to run the "
                        + "console channel.",
                cause);
    }
}
