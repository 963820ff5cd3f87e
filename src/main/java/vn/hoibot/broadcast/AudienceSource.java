package vn.hoibot.broadcast;

import java.util.Map;
import java.util.Optional;

import vn.hoibot.chat.ChatContext;
import vn.hoibot.access.Actor;
import vn.hoibot.member.Selection;

/**
 * More audiences for /thongbao, offered by other modules (e.g. the members who did or did not answer an
 * activity's invitation), without the broadcast module depending on them. A spec is short text kept in a button
 * key and starts with {@link #prefix()} and a colon.
 */
public interface AudienceSource {

    /**
     * The members an audience stands for (a selection with the column {@code member_id}, resolved in the database
     * however many they are), the unit it belongs to, and a description for reports.
     */
    record Members(long unitId, String description, Selection selection, java.util.List<Long> memberIds) {

        /** Resolved in the database only; {@code memberIds} is null until someone loads them. */
        public Members(long unitId, String description, Selection selection) {
            this(unitId, description, selection, null);
        }

        /** The same members, loaded as ids (for a survey's invitee rows). */
        public Members withIds(java.util.List<Long> ids) {
            return new Members(unitId, description, selection, java.util.List.copyOf(ids));
        }
    }

    /** One letter or word, unique among sources; {@code u} and {@code t} are the broadcast module's own. */
    String prefix();

    /** The audiences she may choose, button label → spec. */
    Map<String, String> choices(ChatContext ctx, Actor actor);

    /**
     * The members of an audience, after checking she may send to them; empty when the spec is not (or no longer)
     * valid.
     */
    Optional<Members> resolve(ChatContext ctx, Actor actor, String spec);
}
