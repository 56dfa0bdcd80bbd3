package app.stempel.reports;

import java.time.LocalDate;

/**
 * A regular drifting away: three or more visits, and more days since the last one than twice their
 * usual interval ((last − first visit) / (visits − 1)) and at least 30. Phone and e-mail are given only
 * where the member consented to be contacted; an erased member has no name.
 *
 * @param value everything the member spent (their historical CLV), in minor units
 */
public record AtRisk(long memberId, String name, String phone, String email, int visits, double usualDays,
        int daysSince, LocalDate lastVisit, long value) {
}
