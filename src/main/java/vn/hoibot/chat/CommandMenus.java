package vn.hoibot.chat;

import java.util.Set;

/** Tells which command menus a person sees (implemented by the module that knows roles). */
public interface CommandMenus {

    Set<CommandHandler.Menu> visibleTo(Sender sender);
}
