package app.stempel.owner;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a public method of a service: every one declares it. An {@link Who#OWNER owner} method
 * asks the {@link OwnerGate} before it reads or writes anything, so it refuses in cashier mode whichever
 * screen, view model or service calls it. {@code owner.RolesTest} finds every service the window can reach
 * and calls each method in both modes: a method without a role, an owner method that does not refuse, or a
 * till method that does, fails the build.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Role {

    Who value();

    /** The two roles. */
    enum Who {
        /** Anyone at the till, and the program's own background work (expiry, summaries, the daily backup). */
        TILL,
        /** Only with owner mode open (or on the command line, run by whoever holds the data folder). */
        OWNER
    }
}
