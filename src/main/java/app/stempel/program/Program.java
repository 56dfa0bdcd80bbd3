package app.stempel.program;

import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.Objects;

/**
 * One version of the reward program: its rules and when it was in force. Entries earned under a
 * version keep pointing at it when the owner changes the rules.
 *
 * @param validTo null for the version in force
 */
public record Program(long id, int version, OffsetDateTime validFrom, OffsetDateTime validTo, ProgramRules rules) {

    public Program {
        Objects.requireNonNull(rules, "rules");
    }

    public int stampsForReward() {
        return rules.stampsForReward();
    }

    public String rewardDescription() {
        return rules.rewardDescription();
    }

    public Currency currency() {
        return rules.currency();
    }

    public boolean points() {
        return rules.mode() == ProgramRules.Mode.POINTS;
    }
}
