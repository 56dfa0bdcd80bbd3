package app.stempel.cards;

import java.util.Objects;

/**
 * What one printed card carries besides the design: its number and, where known, its member's name.
 *
 * @param number     the card number the QR code encodes
 * @param memberName the member's display name, or null
 */
public record CardFace(String number, String memberName) {

    public CardFace {
        Objects.requireNonNull(number);
    }
}
