package vn.hoibot.member;

import java.util.List;

/**
 * A person's personal data was erased ({@code /xoadulieu}). Published inside the erasing transaction; every module
 * that keeps something about her (chat ids, texts addressed to her, names) deletes or blanks it in its own tables
 * before the transaction commits. Ids of rows (her member id) may stay, so anonymous counts still add up.
 *
 * @param memberId her member id, or null when she was not (yet) a member (a join request, a consent)
 * @param chats    the chats she used the bot from
 */
public record MemberErased(Long memberId, List<Chat> chats) {

    public MemberErased {
        chats = List.copyOf(chats);
    }

    /** One of her chats. */
    public record Chat(String channel, String userId, String chatId) {

        @Override
        public String toString() {
            return "Chat[" + channel + "]"; // never her ids in a log
        }
    }

    @Override
    public String toString() {
        return "MemberErased[" + memberId + ", " + chats.size() + " chats]";
    }
}
