package app.stempel.cards;

import static app.stempel.store.schema.Tables.CARD;
import static app.stempel.store.schema.Tables.MEMBER;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jooq.Condition;
import org.jooq.impl.DSL;

import app.stempel.owner.OwnerGate;
import app.stempel.owner.Role;
import app.stempel.owner.Role.Who;
import app.stempel.store.Database;
import app.stempel.core.MemberStatus;
import app.stempel.core.CardStatus;

/** Which cards to print, and the shop's card design. */
public final class PrintableCards {

    private final Database db;
    private final Clock clock;
    private final CardDesignStore designs;
    private final OwnerGate owner;

    /** @param owner asked before the design is changed and before any member's card is listed */
    public PrintableCards(Database db, Clock clock, CardDesignStore designs, OwnerGate owner) {
        this.db = Objects.requireNonNull(db);
        this.owner = Objects.requireNonNull(owner);
        this.clock = Objects.requireNonNull(clock);
        this.designs = Objects.requireNonNull(designs);
    }

    /** The shop's card design as last saved. */
    @Role(Who.TILL)
    public CardDesign design() {
        return designs.load();
    }

    /** Where the design is kept. */
    @Role(Who.TILL)
    public CardDesignStore designs() {
        return designs;
    }

    /** Every active card of an active member, in card order; only members enrolled on or after {@code since} if given. */
    @Role(Who.OWNER)
    public List<CardFace> activeCards(LocalDate since) {
        owner.require();
        Condition enrolled = since == null ? DSL.noCondition()
                : MEMBER.ENROLLED_AT.ge(since.atStartOfDay(clock.getZone()).toOffsetDateTime());
        return db.dsl().select(CARD.CARD_NUMBER, MEMBER.DISPLAY_NAME).from(CARD).join(MEMBER).on(MEMBER.ID.eq(CARD.MEMBER_ID))
                .where(CARD.STATUS.eq(CardStatus.ACTIVE)).and(MEMBER.STATUS.eq(MemberStatus.ACTIVE)).and(enrolled).orderBy(CARD.ID)
                .fetch(r -> new CardFace(r.value1(), r.value2()));
    }

    /** A card chosen by number, whatever its status. */
    public record Found(CardFace face, boolean active) {
    }

    /** The cards with these numbers, in the order given; numbers not issued are missing from the map. */
    @Role(Who.OWNER)
    public Map<String, Found> byNumbers(List<String> numbers) {
        owner.require();
        return db.dsl().select(CARD.CARD_NUMBER, CARD.STATUS, MEMBER.DISPLAY_NAME).from(CARD).join(MEMBER)
                .on(MEMBER.ID.eq(CARD.MEMBER_ID)).where(CARD.CARD_NUMBER.in(new ArrayList<>(numbers)))
                .fetch(r -> new Found(new CardFace(r.value1(), r.value3()), CardStatus.ACTIVE == r.value2()))
                .stream().collect(Collectors.toMap(f -> f.face().number(), Function.identity()));
    }
}
