package vn.hoibot.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

class IndicatorPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(IndicatorProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void readsTheShippedFileAsTheDefaults() throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        new YamlPropertySourceLoader().load("indicators", new FileSystemResource("config/indicators.yml"))
                .forEach(env.getPropertySources()::addFirst);
        IndicatorProperties read = Binder.get(env).bind("hoibot.indicator", IndicatorProperties.class).get();
        assertThat(read).isEqualTo(IndicatorProperties.defaults());
        runner.run(context -> assertThat(context.getBean(IndicatorProperties.class))
                .isEqualTo(IndicatorProperties.defaults()));
    }

    @Test
    void refusesToStartWithSettingsOutOfRange() {
        for (String bad : new String[] { "hoibot.indicator.known-share=1.5", "hoibot.indicator.cutoff-day=31",
                "hoibot.indicator.term-end=2021-01-01", "hoibot.indicator.women-day-window=8/3",
                "hoibot.indicator.targets.i4=2" }) {
            runner.withPropertyValues(bad).run(context -> assertThat(context).as(bad).hasFailed());
        }
    }
}
