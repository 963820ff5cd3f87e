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

    @Override
    public void handle(ChatContext ctx, String args) {
        Set<Menu> visible = visibleMenus(ctx.sender(), menus.getIfAvailable());
        String lines = router.commands().stream()
                .filter(c -> visible.contains(c.menu()))
                .sorted(Comparator.comparing(CommandHandler::menu).thenComparing(CommandHandler::command))
                .map(c -> "/" + c.command() + " — " + ctx.text(c.descriptionKey()))
                .collect(Collectors.joining("\n"));
        ctx.reply("chat.help.text", lines);
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
