package app.stempel.cards;

import static app.stempel.store.schema.Tables.CARD;
import static app.stempel.store.schema.Tables.MEMBER;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;

import org.jooq.DSLContext;

import app.stempel.owner.OwnerGate;
import app.stempel.owner.Role;
import app.stempel.owner.Role.Who;
import app.stempel.store.Database;
import java.util.Optional;
import app.stempel.core.MemberStatus;
import app.stempel.core.CardStatus;

/**
 * A member's cards. Reissuing a lost card makes a new number active and blocks the old one for good;
 * balance and history belong to the member, not the card, so they stay.
 */
public final class CardService {

    /** Why a card was blocked when a new one replaced it. */
    public enum Reason { LOST, REISSUED }

    /** The card just issued and the one it replaced (null if the member had no active card). */
    public record Reissued(long memberId, long cardId, String cardNumber, String replacedNumber) {
    }

    private final Database db;
    private final Clock clock;
    private final CardNumbers numbers;
    private final OwnerGate owner;

    /** @param owner asked before a card is blocked and replaced */
    public CardService(Database db, Clock clock, CardNumbers numbers, OwnerGate owner) {
        this.db = Objects.requireNonNull(db);
        this.owner = Objects.requireNonNull(owner);
        this.clock = Objects.requireNonNull(clock);
        this.numbers = Objects.requireNonNull(numbers);
    }

    /**
     * Blocks the member's active card (as {@code reason}) and issues a new number, in one durable step.
     *
     * @throws IllegalArgumentException if there is no such member or the member is erased or merged away
     */
    @Role(Who.OWNER)
    public Reissued reissue(long memberId, Reason reason) {
        owner.require();
        Objects.requireNonNull(reason);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return db.write(tx -> {
            MemberStatus status = tx.select(MEMBER.STATUS).from(MEMBER).where(MEMBER.ID.eq(memberId)).forUpdate()
                    .fetchOne(MEMBER.STATUS);
            if (status == null || status == MemberStatus.ERASED || status == MemberStatus.MERGED) {
                throw new IllegalArgumentException("member " + memberId + " cannot get a card");
            }
            String old = tx.select(CARD.CARD_NUMBER).from(CARD).where(CARD.ACTIVE_MEMBER_ID.eq(memberId))
                    .fetchOne(CARD.CARD_NUMBER);
            tx.update(CARD)
                    .set(CARD.STATUS, CardStatus.BLOCKED)
                    .set(CARD.BLOCKED_REASON, reason.name())
                    .set(CARD.BLOCKED_AT, now)
                    .setNull(CARD.ACTIVE_MEMBER_ID)
                    .where(CARD.ACTIVE_MEMBER_ID.eq(memberId))
                    .execute();
            Issued card = issue(tx, memberId, now);
            return new Reissued(memberId, card.cardId(), card.cardNumber(), old);
        });
    }

    /** The member a card number was issued to, active or blocked. */
    @Role(Who.TILL)
    public Optional<Long> memberOf(String number) {
        return db.dsl().select(CARD.MEMBER_ID).from(CARD).where(CARD.CARD_NUMBER.eq(number)).fetchOptional(CARD.MEMBER_ID);
    }

    /** A card just issued. */
    public record Issued(long cardId, String cardNumber) {
    }

    /**
     * Issues an active card with a number never issued before (active or blocked) to a member who has
     * none active, inside the caller's transaction.
     */
    @Role(Who.TILL)
    public Issued issue(DSLContext tx, long memberId, OffsetDateTime at) {
        String number;
        do {
            number = numbers.next();
        } while (tx.fetchExists(CARD, CARD.CARD_NUMBER.eq(number)));
        long cardId = tx.insertInto(CARD)
                .set(CARD.CARD_NUMBER, number)
                .set(CARD.MEMBER_ID, memberId)
                .set(CARD.ACTIVE_MEMBER_ID, memberId)
                .set(CARD.STATUS, CardStatus.ACTIVE)
                .set(CARD.ISSUED_AT, at)
                .returning(CARD.ID)
                .fetchOne(CARD.ID);
        return new Issued(cardId, number);
    }
}
