package app.stempel.cli;

/** A failure caused by the person's input; its message is shown as it is, on one line. */
public class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }
}
