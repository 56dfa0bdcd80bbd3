package app.stempel.search;

import static app.stempel.store.schema.Tables.CARD;
import static app.stempel.store.schema.Tables.MEMBER;
import static app.stempel.store.schema.Tables.MEMBER_SEARCH;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import app.stempel.owner.Role;
import app.stempel.owner.Role.Who;
import app.stempel.store.Database;
import org.jooq.impl.DSL;
import app.stempel.core.MemberStatus;

/**
 * The shop's member search, as the counter's type-ahead, the Cards screen's chooser and the Members screen
 * use it: by name, e-mail, phone or card number, paged through an index, never loading all members.
 */
public final class MemberSearch {

    private final Database db;

    public MemberSearch(Database db) {
        this.db = Objects.requireNonNull(db);
    }

    /** One line of the type-ahead list. */
    public record MemberRow(long id, String name, String phone, String email, String cardNumber, MemberStatus status) {
    }

    /** Where the next page of a search starts (exclusive). */
    public record SearchCursor(String key, long memberId) {
    }

    /** A page of search results and where the next one starts (null if this was the last). */
    public record SearchPage(List<MemberRow> rows, SearchCursor next) {
    }

    /**
     * Members matching what was typed: digits search phone numbers by their last digits and card
     * numbers by their first; anything else searches names (any word order) and e-mail addresses by
     * prefix, ignoring case and accents. Paged; never loads all members.
     */
    @Role(Who.TILL)
    public SearchPage search(String text, SearchCursor after, int limit) {
        String query = text == null ? "" : text.strip();
        if (query.isEmpty() || limit < 1) {
            return new SearchPage(List.of(), null);
        }
        boolean digits = query.chars().allMatch(c -> (c >= '0' && c <= '9') || c == ' ' || c == '+' || c == '-');
        return digits && query.chars().anyMatch(Character::isDigit)
                ? searchDigits(query, after, limit) : searchTerms(query, after, limit);
    }

    private SearchPage searchTerms(String query, SearchCursor after, int limit) {
        String prefix = likePrefix(SearchText.fold(query));
        // a member may match with several terms; read a few extra and keep each member once
        var select = db.dsl().select(MEMBER_SEARCH.TERM, MEMBER_SEARCH.MEMBER_ID).from(MEMBER_SEARCH)
                .where(MEMBER_SEARCH.TERM.like(prefix, '!'));
        if (after != null) {
            select = select.and(DSL.row(MEMBER_SEARCH.TERM, MEMBER_SEARCH.MEMBER_ID)
                    .gt(after.key(), after.memberId()));
        }
        int fetch = limit * 2 + 1;
        var hits = select.orderBy(MEMBER_SEARCH.TERM, MEMBER_SEARCH.MEMBER_ID).limit(fetch).fetch();
        Map<Long, Boolean> ids = new LinkedHashMap<>();
        SearchCursor last = null;
        int i = 0;
        for (; i < hits.size() && ids.size() < limit; i++) {
            ids.putIfAbsent(hits.get(i).value2(), Boolean.TRUE);
            last = new SearchCursor(hits.get(i).value1(), hits.get(i).value2());
        }
        boolean more = i < hits.size() || hits.size() == fetch;
        return new SearchPage(rows(new ArrayList<>(ids.keySet())), more ? last : null);
    }

    private SearchPage searchDigits(String query, SearchCursor after, int limit) {
        String digits = query.replaceAll("[^0-9]", "");
        String reversed = new StringBuilder(digits).reverse().toString();
        var select = db.dsl().select(MEMBER.PHONE_REVERSED, MEMBER.ID).from(MEMBER)
                .where(MEMBER.PHONE_REVERSED.like(likePrefix(reversed), '!'));
        if (after != null) {
            select = select.and(DSL.row(MEMBER.PHONE_REVERSED, MEMBER.ID).gt(after.key(), after.memberId()));
        }
        var hits = select.orderBy(MEMBER.PHONE_REVERSED, MEMBER.ID).limit(limit + 1).fetch();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, hits.size()); i++) {
            ids.add(hits.get(i).value2());
        }
        SearchCursor next = hits.size() > limit
                ? new SearchCursor(hits.get(limit - 1).value1(), hits.get(limit - 1).value2()) : null;
        if (after == null && digits.length() >= 4) {
            // card numbers typed by hand: their first digits
            db.dsl().select(CARD.MEMBER_ID).from(CARD).where(CARD.CARD_NUMBER.like(likePrefix(digits), '!'))
                    .orderBy(CARD.CARD_NUMBER).limit(limit)
                    .fetch(CARD.MEMBER_ID).forEach(id -> {
                        if (!ids.contains(id) && ids.size() < limit) {
                            ids.add(id);
                        }
                    });
        }
        return new SearchPage(rows(ids), next);
    }

    private List<MemberRow> rows(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, MemberRow> byId = new LinkedHashMap<>();
        db.dsl().select(MEMBER.ID, MEMBER.DISPLAY_NAME, MEMBER.PHONE, MEMBER.EMAIL, MEMBER.STATUS, CARD.CARD_NUMBER)
                .from(MEMBER).leftJoin(CARD).on(CARD.ACTIVE_MEMBER_ID.eq(MEMBER.ID))
                .where(MEMBER.ID.in(ids)).and(MEMBER.STATUS.in(MemberStatus.ACTIVE, MemberStatus.BLOCKED))
                .fetch()
                .forEach(r -> byId.put(r.get(MEMBER.ID), new MemberRow(r.get(MEMBER.ID), r.get(MEMBER.DISPLAY_NAME),
                        r.get(MEMBER.PHONE), r.get(MEMBER.EMAIL), r.get(CARD.CARD_NUMBER), r.get(MEMBER.STATUS))));
        List<MemberRow> out = new ArrayList<>(ids.size());
        for (Long id : ids) {
            MemberRow row = byId.get(id);
            if (row != null) {
                out.add(row);
            }
        }
        return out;
    }

    private static String likePrefix(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
