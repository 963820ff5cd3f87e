package vn.hoibot.member.bot;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.CommandHandler.Menu;
import vn.hoibot.chat.CommandMenus;
import vn.hoibot.chat.Sender;
import vn.hoibot.member.Accounts;
import vn.hoibot.member.Actor;
import vn.hoibot.member.Role;

/** Leaders see the leaders' commands in /help; admins see all. */
@Component
class MemberMenus implements CommandMenus {

    private final Accounts accounts;

    MemberMenus(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Set<Menu> visibleTo(Sender sender) {
        Actor actor = accounts.actor(sender);
        Set<Menu> menus = EnumSet.noneOf(Menu.class);
        if (actor.admin()) {
            menus.add(Menu.ADMIN);
            menus.add(Menu.LEADER);
        }
        if (actor.grants().stream().anyMatch(g -> g.role().atLeast(Role.GROUP_LEADER))) {
            menus.add(Menu.LEADER);
        }
        return menus;
    }
}
