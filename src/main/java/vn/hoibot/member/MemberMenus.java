package vn.hoibot.member;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.CommandHandler.Menu;
import vn.hoibot.chat.CommandMenuPublisher;
import vn.hoibot.chat.CommandMenus;
import vn.hoibot.chat.Sender;
import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Role;

/**
 * Leaders see the leaders' commands in /help and in their chat's command menu (Telegram's per-chat scope);
 * admins see all.
 */
@Component
public class MemberMenus implements CommandMenus {

    private final Accounts accounts;
    private final AccessPolicy policy;
    private final CommandMenuPublisher publisher;

    MemberMenus(Accounts accounts, AccessPolicy policy, CommandMenuPublisher publisher) {
        this.accounts = accounts;
        this.policy = policy;
        this.publisher = publisher;
    }

    @Override
    public Set<Menu> visibleTo(Sender sender) {
        return menusOf(accounts.actor(sender));
    }

    static Set<Menu> menusOf(Actor actor) {
        Set<Menu> menus = EnumSet.noneOf(Menu.class);
        if (actor.memberId() != null || actor.admin()) {
            menus.add(Menu.MEMBER);
        }
        if (actor.admin() || actor.grants().stream().anyMatch(g -> g.role() == Role.ADMIN)) {
            menus.add(Menu.ADMIN);
            menus.add(Menu.LEADER);
        }
        if (actor.grants().stream().anyMatch(g -> g.role().atLeast(Role.GROUP_LEADER))) {
            menus.add(Menu.LEADER);
        }
        return menus;
    }

    /** After commit, publishes the chat menus of a member whose roles may have changed, on each of her chats. */
    public void refreshAfterCommit(ChatContext ctx, long memberId) {
        Set<Menu> menus = menusOf(accounts.actorOf(memberId)); // empty after a revoke: back to the members' menu
        var chats = accounts.chatsOf(java.util.List.of(memberId));
        ctx.afterCommit(() -> chats.forEach(c -> publisher.publishFor(c.channel(), c.chatId(), c.locale(), menus)));
    }
}
