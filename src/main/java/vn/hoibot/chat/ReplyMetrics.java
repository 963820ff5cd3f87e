package vn.hoibot.chat;

import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * How long replies wait for their turn in the pace before they go out ({@code hoibot.reply.wait}, a histogram):
 * the wait a person feels on top of the handling. A reply handed to the outbox is counted there, not here.
 */
@Component
class ReplyMetrics {

    private final Timer wait;

    ReplyMetrics(MeterRegistry registry) {
        this.wait = Timer.builder("hoibot.reply.wait").description("Time a reply waited for its turn in the pace")
                .publishPercentileHistogram().register(registry);
    }

    void waited(long nanos) {
        wait.record(nanos, TimeUnit.NANOSECONDS);
    }
}
