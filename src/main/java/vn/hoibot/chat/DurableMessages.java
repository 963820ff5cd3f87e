package vn.hoibot.chat;

/**
 * Messages to someone other than the person who wrote (an approver, a joiner), written in the transaction of
 * the action that causes them and sent later by a durable sender (the broadcast module's outbox): a crash after
 * the commit does not lose them, as it could an after-commit reply. Buttons must already carry their keys.
 */
public interface DurableMessages {

    /**
     * Queues {@code message} for {@code chatId} on {@code channel}, in the current transaction.
     *
     * @param memberId the member it goes to, when she is one (null for a joiner not yet approved)
     */
    void send(String channel, Outbound message, Long memberId);
}
