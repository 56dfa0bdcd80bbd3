package app.stempel.members;

import static app.stempel.store.schema.Tables.MEMBER;
import static app.stempel.store.schema.Tables.MEMBER_SEARCH;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

import app.stempel.search.SearchText;
import app.stempel.owner.Role;
import app.stempel.owner.Role.Who;
import app.stempel.cards.CardService;
import app.stempel.store.Database;
import app.stempel.ledger.LedgerService;

/** Members and their cards: enrolment, counting. */
public final class MemberService {

    private final Database db;
    private final Clock clock;
    private final CardService cards;

    public MemberService(Database db, Clock clock, CardService cards) {
        this.db = Objects.requireNonNull(db);
        this.clock = Objects.requireNonNull(clock);
        this.cards = Objects.requireNonNull(cards);
    }

    /** What the enrolment form collects; everything but the name is optional. */
    public record NewMember(String name, String phone, String email, LocalDate birthday, boolean marketingConsent) {
        public NewMember {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name is required");
            }
            name = name.strip();
        }

        public static NewMember named(String name) {
            return new NewMember(name, null, null, null, false);
        }
    }

    /** A member just enrolled, with the number of their new card. */
    public record Enrolled(long memberId, long cardId, String cardNumber) {
    }

    /** Creates the member, an active card with a new number and an empty balance, durably. */
    @Role(Who.TILL)
    public Enrolled enrol(NewMember m) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return db.write(tx -> {
            long memberId = tx.insertInto(MEMBER)
                    .set(MEMBER.DISPLAY_NAME, m.name())
                    .set(MEMBER.SEARCH_NAME, SearchText.fold(m.name()))
                    .set(MEMBER.PHONE, blankToNull(m.phone()))
                    .set(MEMBER.PHONE_REVERSED, SearchText.reversedDigits(m.phone()))
                    .set(MEMBER.EMAIL, blankToNull(m.email()))
                    .set(MEMBER.SEARCH_EMAIL, SearchText.fold(blankToNull(m.email())))
                    .set(MEMBER.BIRTHDAY, m.birthday())
                    .set(MEMBER.BIRTHDAY_SET_AT, m.birthday() == null ? null : now)
                    .set(MEMBER.MARKETING_CONSENT, m.marketingConsent())
                    .set(MEMBER.ENROLLED_AT, now)
                    .returning(MEMBER.ID)
                    .fetchOne(MEMBER.ID);
            LedgerService.openBalance(tx, memberId);
            for (String term : SearchText.terms(m.name(), m.email())) {
                tx.insertInto(MEMBER_SEARCH).set(MEMBER_SEARCH.TERM, term).set(MEMBER_SEARCH.MEMBER_ID, memberId).execute();
            }
            CardService.Issued card = cards.issue(tx, memberId, now);
            return new Enrolled(memberId, card.cardId(), card.cardNumber());
        });
    }

    @Role(Who.TILL)
    public int count() {
        return db.dsl().fetchCount(MEMBER);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
