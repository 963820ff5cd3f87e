package vn.hoibot.member;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;

/** Binds group chats to units (one unit per group). */
@Service
public class GroupChats {

    private final GroupBindingRepository bindings;
    private final AccessPolicy policy;
    private final Clock clock;

    GroupChats(GroupBindingRepository bindings, AccessPolicy policy, Clock clock) {
        this.bindings = bindings;
        this.policy = policy;
        this.clock = clock;
    }

    @Transactional
    public void bind(Actor actor, String channel, String chatId, long unitId) {
        policy.require(actor, Permission.BROADCAST, unitId);
        GroupBinding.Key key = new GroupBinding.Key(channel, chatId);
        GroupBinding binding = bindings.findById(key).orElseGet(() -> new GroupBinding(key, unitId, clock.instant()));
        if (binding.unitId() != unitId) {
            policy.require(actor, Permission.BROADCAST, binding.unitId()); // taking a group from another unit
        }
        binding.rebind(unitId, clock.instant());
        bindings.save(binding);
    }
}
