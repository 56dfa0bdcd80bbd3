package app.stempel.cli;

import java.util.Arrays;

/**
 * A failure caused by the person's input (or their files): shown on one line in their language, from the
 * bundle text of {@link #key()} with {@link #args()}; the message in English is for the log.
 */
public class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object[] args;

    /** The text of {@code key} (a bundle key) with {@code args}. */
    public UserError(String key, Object... args) {
        super(key + " " + Arrays.toString(args));
        this.key = key;
        this.args = args.clone();
    }

    private Long count;

    /** The plural form of {@code key} for {@code count} ({@code {0}} in the text), with {@code more} from {@code {1}}. */
    public static UserError plural(String key, long count, Object... more) {
        UserError e = new UserError(key, more);
        e.count = count;
        return e;
    }

    /** The count that picks the plural form of {@link #key()}, or null for a plain text. */
    public Long count() {
        return count;
    }

    /** The bundle key of the line shown. */
    public String key() {
        return key;
    }

    /** The arguments of the line shown. */
    public Object[] args() {
        return args.clone();
    }
}
