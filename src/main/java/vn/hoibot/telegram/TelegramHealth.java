package vn.hoibot.telegram;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Whether Telegram answers, for the health endpoint. Telegram is blocked on some networks, so an unreachable
 * Telegram is reported as {@code UNREACHABLE}, a status the configuration keeps out of liveness and readiness and
 * ranks below {@code UP}: the service stays healthy and keeps what comes in until Telegram is back.
 */
class TelegramHealth implements HealthIndicator {

    static final Status UNREACHABLE = new Status("UNREACHABLE", "Telegram does not answer; retrying");

    private final TelegramCallMetrics calls;

    TelegramHealth(TelegramCallMetrics calls) {
        this.calls = calls;
    }

    @Override
    public Health health() {
        TelegramCallMetrics.Reach reach = calls.reach();
        Health.Builder health = reach.reachable() ? Health.up() : Health.status(UNREACHABLE);
        if (reach.lastAnswer() != null) {
            health.withDetail("lastAnswer", reach.lastAnswer().toString());
        }
        return health.build();
    }
}
