package vn.hoibot.chat;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** /help: what she can do, as the commands her roles allow. */
@Component
class HelpCommand implements CommandHandler {

    private final ChatRouter router;
    private final ObjectProvider<CommandMenus> menus;

    HelpCommand(@Lazy ChatRouter router, ObjectProvider<CommandMenus> menus) {
        this.router = router;
        this.menus = menus;
    }

    @Override
    public String command() {
        return "help";
    }

    @Override
    public String descriptionKey() {
        return "chat.help.description";
    }

    @Override
    public boolean allowedInGroups() {
        return true;
    }

    /**
     * One section per menu she sees (everyone, members, leaders, admins), each command once, in the section of its
     * menu, followed by that section's hints (what she can do without a command). A guest sees only the first
     * section and how to link.
     */
    @Override
    public void handle(ChatContext ctx, String args) {
        Set<Menu> visible = visibleMenus(ctx.sender(), menus.getIfAvailable());
        StringBuilder text = new StringBuilder(ctx.text(visible.contains(Menu.MEMBER) ? "chat.help.intro"
                : "chat.help.intro_guest"));
        for (Menu menu : visible) {
            String lines = router.commands().stream().filter(c -> c.menu() == menu)
                    .sorted(Comparator.comparing(CommandHandler::command))
                    .map(c -> "/" + c.command() + " — " + ctx.text(c.descriptionKey()))
                    .distinct().collect(Collectors.joining("\n"));
            if (lines.isEmpty()) {
                continue;
            }
            String key = "chat.help." + menu.name().toLowerCase(java.util.Locale.ROOT);
            text.append("\n\n").append(ctx.text(key + ".title")).append('\n').append(lines);
            String hints = ctx.text(key + ".hints");
            if (!hints.isBlank()) {
                text.append('\n').append(hints);
            }
        }
        ctx.reply(Outbound.text(ctx.sender().chatId(), text.toString()));
    }

    static Set<Menu> visibleMenus(Sender sender, CommandMenus menus) {
        Set<Menu> visible = EnumSet.of(Menu.EVERYONE);
        if (menus != null) {
            visible.addAll(menus.visibleTo(sender));
        }
        visible.remove(Menu.HIDDEN);
        return visible;
    }
}
