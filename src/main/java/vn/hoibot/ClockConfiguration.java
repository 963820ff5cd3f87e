package vn.hoibot;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.hoibot.time.ServiceZone;

/** The one clock of the service: Asia/Ho_Chi_Minh, replaceable in tests. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

        @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(ServiceZone.VIETNAM);
    }
}
