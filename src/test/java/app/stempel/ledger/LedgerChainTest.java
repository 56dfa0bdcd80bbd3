package app.stempel.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import app.stempel.ledger.LedgerChain.Content;
import app.stempel.ledger.LedgerChain.Link;
import app.stempel.core.EntryKind;
import java.util.Arrays;
import java.security.MessageDigest;

class LedgerChainTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-03-02T10:15:30.123456+01:00");
    private static final byte[] AB = filled((byte) 0xab);
    private static final Link PREV = new Link(41L, AB);

    private static byte[] filled(byte b) {
        byte[] out = new byte[32];
        Arrays.fill(out, b);
        return out;
    }

    private static Content stamp(int stamps, long amount, String reason) {
        return new Content(7, 3L, EntryKind.STAMP, stamps, 0, 0, 1, amount, "PLN", null, 2L, AT, "Till 1", 5L, reason, false,
                null, null, null);
    }

    @Test
    void theHashIsSha256AndTheSameForTheSameEntryAndLink() throws Exception {
        byte[] hash = LedgerChain.hash(stamp(1, 1250, null), PREV);
        assertThat(hash).hasSize(32)
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(LedgerChain.encode(stamp(1, 1250, null), PREV)));
        assertThat(LedgerChain.hash(stamp(1, 1250, null), new Link(41L, filled((byte) 0xab)))).isEqualTo(hash);
        assertThat(new LedgerChain.Hasher().hash(stamp(1, 1250, null), PREV)).isEqualTo(hash);
    }

    @Test
    void anyChangeOfContentOrLinkChangesTheHash() {
        byte[] hash = LedgerChain.hash(stamp(1, 1250, null), PREV);
        assertThat(LedgerChain.hash(stamp(2, 1250, null), PREV)).isNotEqualTo(hash);
        assertThat(LedgerChain.hash(stamp(1, 1251, null), PREV)).isNotEqualTo(hash);
        assertThat(LedgerChain.hash(stamp(1, 1250, ""), PREV)).as("empty is not null").isNotEqualTo(hash);
        assertThat(LedgerChain.hash(stamp(1, 1250, null), new Link(40L, PREV.hash()))).isNotEqualTo(hash);
        assertThat(LedgerChain.hash(stamp(1, 1250, null), new Link(41L, filled((byte) 0xac)))).isNotEqualTo(hash);
        assertThat(LedgerChain.hash(stamp(1, 1250, null), Link.START)).isNotEqualTo(hash);
    }

    @Test
    void fieldsCannotRunIntoEachOther() {
        Content a = new Content(7, null, EntryKind.STAMP, 0, 0, 0, 0, 0, null, null, null, AT, "ab", null, "c", false, null,
                null, null);
        Content b = new Content(7, null, EntryKind.STAMP, 0, 0, 0, 0, 0, null, null, null, AT, "a", null, "bc", false, null,
                null, null);
        assertThat(LedgerChain.hash(a, Link.START)).isNotEqualTo(LedgerChain.hash(b, Link.START));
    }

    @Test
    void aTimeCountsAsTheInstantTheDatabaseKeeps() {
        Content utc = new Content(7, 3L, EntryKind.STAMP, 1, 0, 0, 1, 1250, "PLN", null, 2L,
                AT.withOffsetSameInstant(ZoneOffset.UTC).plusNanos(789), "Till 1", 5L, null, false, null, null, null);
        assertThat(utc.createdAt().getNano() % 1000).isZero();
        assertThat(LedgerChain.hash(utc, PREV)).isEqualTo(LedgerChain.hash(stamp(1, 1250, null), PREV));
    }
}
