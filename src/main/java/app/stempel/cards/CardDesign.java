package app.stempel.cards;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How the shop's cards look: the shop name, an optional logo (PNG or JPEG, scaled to fit and never
 * stretched), a brand colour for the card's panel, a text colour on that panel, a short line such as
 * "10th coffee free", and whether the member's name is printed.
 *
 * @param shopName      printed large on the panel; shrunk and then shortened with "…" if too long
 * @param logo          the logo file's bytes, or null for none
 * @param panelColour   background of the panel beside the QR code
 * @param textColour    text on the panel
 * @param line          the short line of text under the shop name; empty for none
 * @param showMemberName whether each card shows its member's name
 * @param code128       whether each card also carries its number as a Code 128 barcode, for 1-D scanners
 */
public record CardDesign(String shopName, byte[] logo, Color panelColour, Color textColour, String line,
        boolean showMemberName, boolean code128) {

    /** The panel colour of the default design: a deep teal. */
    public static final Color DEFAULT_PANEL = new Color(0x1F, 0x5C, 0x57);
    /** The text colour of the default design: a warm off-white. */
    public static final Color DEFAULT_TEXT = new Color(0xFA, 0xF6, 0xEE);

    public CardDesign {
        shopName = Objects.requireNonNull(shopName).strip();
        logo = logo == null ? null : logo.clone();
        Objects.requireNonNull(panelColour);
        Objects.requireNonNull(textColour);
        line = line == null ? "" : line.strip();
    }

    /** The default design for {@code shopName}: no logo, teal panel, no line, member names shown, no barcode. */
    public static CardDesign of(String shopName) {
        return new CardDesign(shopName, null, DEFAULT_PANEL, DEFAULT_TEXT, "", true, false);
    }

    @Override
    public byte[] logo() {
        return logo == null ? null : logo.clone();
    }

    public CardDesign withLine(String newLine) {
        return new CardDesign(shopName, logo, panelColour, textColour, newLine, showMemberName, code128);
    }

    public CardDesign withMemberName(boolean show) {
        return new CardDesign(shopName, logo, panelColour, textColour, line, show, code128);
    }

    public CardDesign withLogo(byte[] image) {
        return new CardDesign(shopName, image, panelColour, textColour, line, showMemberName, code128);
    }

    public CardDesign withCode128(boolean on) {
        return new CardDesign(shopName, logo, panelColour, textColour, line, showMemberName, on);
    }

    /** This design with the logo read from a PNG or JPEG file. */
    public CardDesign withLogo(Path image) throws IOException {
        return withLogo(Files.readAllBytes(image));
    }

    /** A colour from {@code #RRGGBB} or {@code RRGGBB}. */
    public static Color colour(String hex) {
        String digits = hex.strip().startsWith("#") ? hex.strip().substring(1) : hex.strip();
        if (!digits.matches("[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("not a colour like #1F5C57: " + hex);
        }
        return new Color(Integer.parseInt(digits, 16));
    }
}
