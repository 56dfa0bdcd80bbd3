package app.stempel.search;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Folds names and e-mail addresses for search: lower case, accents removed, letters that Unicode does
 * not decompose mapped by hand (ł→l, ø→o, æ→ae, ß→ss, ё→е). Stored in the member's search columns and
 * applied to what the cashier types, so {@code lukasz} finds {@code Łukasz} and {@code oyvind} finds
 * {@code Øyvind}. Cyrillic stays Cyrillic.
 */
public final class SearchText {

    private SearchText() {
    }

    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String lower = text.strip().toLowerCase(Locale.ROOT);
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            switch (c) {
                case 'ł' -> out.append('l');
                case 'ø' -> out.append('o');
                case 'æ' -> out.append("ae");
                case 'œ' -> out.append("oe");
                case 'ß' -> out.append("ss");
                case 'đ' -> out.append('d');
                case 'ı' -> out.append('i');
                default -> out.append(Character.isWhitespace(c) ? ' ' : c);
            }
        }
        // ё and й decompose to е/и + a mark: the mark is dropped above, which matches how people type them
        return out.toString().replaceAll(" +", " ");
    }

    /**
     * The search terms of a member: each rotation of the folded name's words (so "kowalski jan" and
     * "jan kowalski" both find Jan Kowalski by prefix) and the folded e-mail address. At most
     * {@value #MAX_ROTATIONS} rotations, each cut to {@value #MAX_TERM} characters.
     */
    public static List<String> terms(String name, String email) {
        Set<String> terms = new LinkedHashSet<>();
        String folded = fold(name);
        if (folded != null && !folded.isEmpty()) {
            String[] words = folded.split(" ");
            for (int i = 0; i < Math.min(words.length, MAX_ROTATIONS); i++) {
                StringBuilder t = new StringBuilder();
                for (int j = 0; j < words.length; j++) {
                    if (j > 0) {
                        t.append(' ');
                    }
                    t.append(words[(i + j) % words.length]);
                }
                terms.add(cut(t.toString()));
            }
        }
        String mail = fold(email);
        if (mail != null && !mail.isEmpty()) {
            terms.add(cut(mail));
        }
        return List.copyOf(terms);
    }

    /** Longest stored term. */
    public static final int MAX_TERM = 300;
    /** Most rotations stored for one name (a name of many words keeps its first few starting points). */
    public static final int MAX_ROTATIONS = 4;

    private static String cut(String s) {
        return s.length() <= MAX_TERM ? s : s.substring(0, MAX_TERM);
    }

    /** The digits of a phone number in reverse order, for an indexed "ends with" search; null if none. */
    public static String reversedDigits(String phone) {
        if (phone == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        for (int i = phone.length() - 1; i >= 0; i--) {
            char c = phone.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.length() == 0 ? null : digits.toString();
    }
}
