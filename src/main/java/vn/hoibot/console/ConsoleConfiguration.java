package vn.hoibot.console;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.hoibot.chat.ConsoleIdentities;
import vn.hoibot.chat.InboundQueue;
import vn.hoibot.chat.Messages;

/** The console channel runs when no Telegram token is set (and hoibot.console.enabled is not false). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${hoibot.telegram.token:}'.isBlank() and ${hoibot.console.enabled:true}")
class ConsoleConfiguration {

    @Bean
    ConsoleChannel consoleChannel(Messages messages) {
        return new ConsoleChannel(System.out, messages);
    }

    @Bean
    ConsoleRunner consoleRunner(ConsoleChannel channel, InboundQueue queue,
            ObjectProvider<ConsoleIdentities> identities, Messages messages, ConsoleProperties properties) {
        return new ConsoleRunner(channel, queue, identities, messages, System.in, properties.logFile());
    }
}
