package vn.hoibot.chat;

/**
 * A bot command such as {@code /toi}. Feature modules implement it as a Spring bean; the chat core routes to it.
 */
public interface CommandHandler {

    /**
     * Who sees the command in the channel's menu and in /help: everyone (a guest too), linked members, leaders,
     * admins, or nobody.
     */
    enum Menu {
        EVERYONE, MEMBER, LEADER, ADMIN, HIDDEN
    }

    /** The command without slash: ASCII a-z, 0-9 and _, at most 32 characters. */
    String command();

    /** Message key of the menu description. */
    String descriptionKey();

    default Menu menu() {
        return Menu.EVERYONE;
    }

    /** Whether the command may be used in a group chat; otherwise the bot asks her to write privately. */
    default boolean allowedInGroups() {
        return false;
    }

    /** Handles the command; {@code args} is the text after the command, trimmed (may be empty). */
    void handle(ChatContext ctx, String args);
}
