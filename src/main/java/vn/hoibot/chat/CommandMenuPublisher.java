package vn.hoibot.chat;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Publishes the members' menu of commands to a channel, in Vietnamese (default) and English. */
@Component
public class CommandMenuPublisher {

    private final ObjectProvider<CommandHandler> commands;
    private final Messages messages;
    private final Channels channels;

    public CommandMenuPublisher(ObjectProvider<CommandHandler> commands, Messages messages, Channels channels) {
        this.commands = commands;
        this.messages = messages;
        this.channels = channels;
    }

    public void publish(Channel channel) {
        channel.publishCommands(menu(Messages.VIETNAMESE), null);
        channel.publishCommands(menu(Messages.VIETNAMESE), "vi");
        channel.publishCommands(menu(Messages.ENGLISH), "en");
    }

    /** Publishes the menu of one person's private chat: everyone's commands and those of her roles. */
    public void publishFor(String channelName, String chatId, Locale locale, Set<CommandHandler.Menu> menus) {
        channels.find(channelName).ifPresent(channel -> channel.publishChatCommands(menu(locale, menus), chatId));
    }

    List<Channel.CommandInfo> menu(Locale locale) {
        return menu(locale, Set.of(CommandHandler.Menu.EVERYONE, CommandHandler.Menu.MEMBER));
    }

    List<Channel.CommandInfo> menu(Locale locale, Set<CommandHandler.Menu> menus) {
        return commands.orderedStream()
                .filter(c -> c.menu() == CommandHandler.Menu.EVERYONE || c.menu() == CommandHandler.Menu.MEMBER
                        || menus.contains(c.menu()))
                .filter(c -> c.menu() != CommandHandler.Menu.HIDDEN)
                .sorted(Comparator.comparing(CommandHandler::command))
                .map(c -> new Channel.CommandInfo(c.command(), messages.get(locale, c.descriptionKey())))
                .toList();
    }
}
