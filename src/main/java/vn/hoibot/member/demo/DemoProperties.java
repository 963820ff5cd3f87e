package vn.hoibot.member.demo;

import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo data ({@code hoibot.demo}): {@code load} is {@code auto} (only into a database without units),
 * {@code always} or {@code never}; {@code dir} holds units.csv and members.csv; {@code effectiveDate} is the day
 * the demo tree starts.
 */
@ConfigurationProperties("hoibot.demo")
public record DemoProperties(@DefaultValue("auto") Load load, @DefaultValue("config/demo") Path dir,
        @DefaultValue("2023-01-01") LocalDate effectiveDate) {

    public enum Load { AUTO, ALWAYS, NEVER }
}
