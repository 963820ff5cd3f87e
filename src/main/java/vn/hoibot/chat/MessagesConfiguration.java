package vn.hoibot.chat;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The bundles in messages/ (copied to the classpath at build): Vietnamese is the default, English the second. */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(Messages.VIETNAMESE);
        source.setAlwaysUseMessageFormat(true); // '' is an apostrophe in every message, with or without arguments
        return source;
    }
}
