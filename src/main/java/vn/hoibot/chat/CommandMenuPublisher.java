package vn.hoibot.chat;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** Publishes the everyone-menu of commands to a channel, in Vietnamese (default) and English. */
@Component
public class CommandMenuPublisher {

    private final ChatRouter router;
    private final Messages messages;

    public CommandMenuPublisher(ChatRouter router, Messages messages) {
        this.router = router;
        this.messages = messages;
    }

    public void publish(Channel channel) {
        channel.publishCommands(menu(Messages.VIETNAMESE), null);
        channel.publishCommands(menu(Messages.VIETNAMESE), "vi");
        channel.publishCommands(menu(Messages.ENGLISH), "en");
    }

    List<Channel.CommandInfo> menu(Locale locale) {
        return router.commands().stream().filter(c -> c.menu() == CommandHandler.Menu.EVERYONE)
                .sorted(Comparator.comparing(CommandHandler::command))
                .map(c -> new Channel.CommandInfo(c.command(), messages.get(locale, c.descriptionKey())))
                .toList();
    }
}
