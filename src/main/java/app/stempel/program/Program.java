package app.stempel.program;

import java.util.Currency;

/**
 * One version of the reward program: how stamps are earned and what they buy. Entries earned under a
 * version keep pointing at it when the owner changes the rules.
 *
 * @param amountPerStamp when not null, one stamp per this much spent (minor units) instead of per visit
 */
public record Program(long id, int version, int stampsPerVisit, Long amountPerStamp, int stampsForReward,
        String rewardDescription, Currency currency) {

    /** Stamps a visit earns, given the amount spent (minor units) or null if none was typed. */
    public int stampsFor(Long amountMinor) {
        if (amountPerStamp == null) {
            return stampsPerVisit;
        }
        return amountMinor == null ? 0 : (int) Math.min(Integer.MAX_VALUE, amountMinor / amountPerStamp);
    }
}
