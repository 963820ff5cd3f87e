package vn.hoibot.survey.form;

/**
 * An expression that cannot be read: a message key ({@code survey.expr.*}), the 1-based character position where
 * reading stopped, and arguments for the message.
 */
public class ExpressionException extends RuntimeException {

    private final String key;
    private final int position;
    private final transient Object[] args;

    public ExpressionException(String key, int position, Object... args) {
        super(key + " at " + position);
        this.key = key;
        this.position = position;
        this.args = args == null ? new Object[0] : args.clone();
    }

    public String key() {
        return key;
    }

    /** 1-based position in the expression text. */
    public int position() {
        return position;
    }

    public Object[] args() {
        return args.clone();
    }
}
