package app.stempel.cards;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the counter needs to hand a member their card: the shop's current design and the printer.
 *
 * @param design reads the design as last saved (slow: call it off the JavaFX thread)
 */
public record CardHandout(Supplier<CardDesign> design, CardPrinter printer) {

    public CardHandout {
        Objects.requireNonNull(design);
        Objects.requireNonNull(printer);
    }
}
