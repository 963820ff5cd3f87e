package vn.hoibot.broadcast;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.hoibot.chat.ChannelException;
import vn.hoibot.chat.ChatEvents;

/**
 * Keeps the unreachable list in step with the chat core: she wrote to the bot privately, so broadcasts reach her
 * again; a reply to her was refused (blocked, chat gone), so later broadcasts skip her.
 */
@Component
class ReachabilityListener {

    private final Reachability reachability;

    ReachabilityListener(Reachability reachability) {
        this.reachability = reachability;
    }

    @EventListener
    void on(ChatEvents.PersonWrote event) {
        reachability.markReachable(event.channel(), event.chatId());
    }

    @EventListener
    void on(ChatEvents.ReplyFailed event) {
        if (event.kind() == ChannelException.Kind.BLOCKED || event.kind() == ChannelException.Kind.CHAT_NOT_FOUND) {
            reachability.markUnreachable(event.channel(), event.chatId(), event.kind().name());
        }
    }
}
