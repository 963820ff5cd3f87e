package vn.hoibot.chat;

/**
 * A domain error the person should read: carries a message key (and arguments) that the chat core renders
 * in her language as a polite reply.
 */
public class UserFacingException extends RuntimeException {

    private final String key;
    private final transient Object[] args;

    public UserFacingException(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args == null ? new Object[0] : args.clone();
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
