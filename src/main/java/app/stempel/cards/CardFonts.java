package app.stempel.cards;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The TrueType fonts cards are set in, read once from the class path (Liberation Sans and Mono, SIL Open
 * Font License, from the {@code openpdf-fonts-extra} jar): they cover Latin Extended and Cyrillic, which
 * PDF's standard 14 fonts do not, and do not depend on the fonts installed on the machine. Also measures
 * text, so layout needs no PDF document. Not thread-safe: one instance per rendering thread.
 */
public final class CardFonts {

    /** The faces a card uses. */
    public enum Face {
        REGULAR("liberation/LiberationSans-Regular.ttf"),
        BOLD("liberation/LiberationSans-Bold.ttf"),
        MONO("liberation/LiberationMono-Regular.ttf");

        private final String resource;

        Face(String resource) {
            this.resource = resource;
        }
    }

    private final TrueTypeFont[] fonts = new TrueTypeFont[Face.values().length];
    private final CmapLookup[] cmaps = new CmapLookup[Face.values().length];
    private final float[] unitsPerEm = new float[Face.values().length];
    private final float[] ascent = new float[Face.values().length];
    private final float[] descent = new float[Face.values().length];

    private CardFonts() {
    }

    /** Reads the fonts from the class path. */
    public static CardFonts load() {
        CardFonts f = new CardFonts();
        for (Face face : Face.values()) {
            try (InputStream in = CardFonts.class.getClassLoader().getResourceAsStream(face.resource)) {
                if (in == null) {
                    throw new IllegalStateException("font not on the class path: " + face.resource);
                }
                TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
                f.fonts[face.ordinal()] = ttf;
                f.cmaps[face.ordinal()] = ttf.getUnicodeCmapLookup();
                f.unitsPerEm[face.ordinal()] = ttf.getUnitsPerEm();
                f.ascent[face.ordinal()] = ttf.getHorizontalHeader().getAscender() / (float) ttf.getUnitsPerEm();
                f.descent[face.ordinal()] = -ttf.getHorizontalHeader().getDescender() / (float) ttf.getUnitsPerEm();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read font " + face.resource, e);
            }
        }
        return f;
    }

    public TrueTypeFont font(Face face) {
        return fonts[face.ordinal()];
    }

    /** True if {@code face} has a glyph for the code point. */
    public boolean canShow(Face face, int codePoint) {
        return cmaps[face.ordinal()].getGlyphId(codePoint) != 0;
    }

    /** {@code text} with every character the face cannot show replaced by '?'. */
    public String showable(Face face, String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                b.append(' ');
            } else if (canShow(face, cp)) {
                b.appendCodePoint(cp);
            } else {
                b.append('?');
            }
        });
        return b.toString();
    }

    /**
     * {@code text} shortened with "…" to the longest start that fits {@code widthPt} at {@code sizePt}
     * (always ending in "…": call it only for text that does not fit).
     */
    public String ellipsize(Face face, String text, float sizePt, float widthPt) {
        int[] cps = text.codePoints().toArray();
        int lo = 0;
        int hi = cps.length;
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (widthPt(face, shortened(cps, mid), sizePt) <= widthPt) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return shortened(cps, lo);
    }

    private static String shortened(int[] cps, int n) {
        return new String(cps, 0, n).stripTrailing() + "…";
    }

    /** The face's ascender at {@code sizePt}, in points: how far its glyphs usually reach above the baseline. */
    public float ascentPt(Face face, float sizePt) {
        return ascent[face.ordinal()] * sizePt;
    }

    /** The face's descender at {@code sizePt}, in points, as a positive distance below the baseline. */
    public float descentPt(Face face, float sizePt) {
        return descent[face.ordinal()] * sizePt;
    }

    /** Width in points of {@code text} set at {@code sizePt}, from the font's advance widths. */
    public float widthPt(Face face, String text, float sizePt) {
        int i = face.ordinal();
        long units = 0;
        try {
            for (int k = 0; k < text.length(); ) {
                int cp = text.codePointAt(k);
                units += fonts[i].getAdvanceWidth(cmaps[i].getGlyphId(cp));
                k += Character.charCount(cp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return units * sizePt / unitsPerEm[i];
    }
}
