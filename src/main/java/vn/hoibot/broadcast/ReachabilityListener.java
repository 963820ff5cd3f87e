package vn.hoibot.broadcast;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.hoibot.chat.ChatEvents;

/** She wrote to the bot privately: broadcasts reach her again. */
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
}
