package app.stempel.ui;

import app.stempel.core.Language;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import java.lang.reflect.Modifier;
import java.lang.reflect.Field;
import app.stempel.settings.SettingsService;

/**
 * Every bundle has every key, plural keys have each form their language needs, and every key is used
 * by the code (as a string literal: keys are never built from pieces, except plural suffixes).
 */
class BundlesTest {

    private static final Set<String> PLURAL_SUFFIXES = Set.of("one", "few", "many", "other");

    @Test
    void everyBundleHasTheSameKeysApartFromPluralForms() throws IOException {
        Set<String> reference = baseKeys(Language.ENGLISH);
        for (Language l : Language.values()) {
            assertThat(baseKeys(l)).as("keys of %s", l).isEqualTo(reference);
        }
    }

    @Test
    void pluralKeysHaveEveryFormTheLanguageNeeds() throws IOException {
        for (Language l : Language.values()) {
            Set<String> keys = load(l).stringPropertyNames();
            for (String base : pluralBases(keys)) {
                for (String category : l.pluralCategories()) {
                    assertThat(keys).as("%s in %s", base, l).contains(base + "." + category);
                }
            }
        }
    }

    @Test
    void noValueIsEmptyAndPatternsFormat() throws IOException {
        for (Language l : Language.values()) {
            Properties p = load(l);
            for (String key : p.stringPropertyNames()) {
                assertThat(p.getProperty(key)).as("%s in %s", key, l).isNotBlank();
                assertThat(new I18n(l).get(key, 1, "x")).as("%s in %s", key, l).doesNotStartWith("!");
            }
        }
    }

    /** Texts with arguments go through MessageFormat, where an apostrophe is written twice; others not. */
    @Test
    void apostrophesAreWrittenForHowTheTextIsShown() throws IOException {
        for (Language l : Language.values()) {
            Properties p = load(l);
            for (String key : p.stringPropertyNames()) {
                String value = p.getProperty(key);
                boolean formatted = value.contains("{");
                if (formatted) {
                    assertThat(value.replace("''", "")).as("%s in %s", key, l).doesNotContain("'");
                } else {
                    assertThat(value).as("%s in %s", key, l).doesNotContain("''");
                }
            }
        }
    }

    @Test
    void everyKeyIsUsedInTheCodeAndEveryUsedKeyExists() throws IOException {
        String code = mainSources();
        Set<String> literals = new HashSet<>();
        Matcher m = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+)\"").matcher(code);
        while (m.find()) {
            literals.add(m.group(1));
        }
        Set<String> keys = baseKeys(Language.ENGLISH);
        List<String> unused = new ArrayList<>();
        for (String key : keys) {
            if (!literals.contains(key)) {
                unused.add(key);
            }
        }
        assertThat(unused).as("keys no code uses").isEmpty();
        Set<String> families = new HashSet<>();
        keys.forEach(k -> families.add(k.substring(0, k.indexOf('.'))));
        List<String> missing = new ArrayList<>();
        for (String literal : literals) {
            boolean looksLikeKey = families.contains(literal.substring(0, literal.indexOf('.')))
                    && !literal.startsWith("app.stempel.") && !settingKeys().contains(literal);
            if (looksLikeKey && !keys.contains(literal)) {
                missing.add(literal);
            }
        }
        assertThat(missing).as("keys the code uses that no bundle has").isEmpty();
    }

    /** The keys of the shop's settings ({@code counter.undoGraceSeconds}): stored values, not bundle keys. */
    private static Set<String> settingKeys() {
        Set<String> keys = new HashSet<>();
        for (Field f : SettingsService.class.getFields()) {
            if (f.getType() == String.class && Modifier.isStatic(f.getModifiers())) {
                try {
                    keys.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return keys;
    }

    /** Keys with plural suffixes reduced to their base ({@code status.members}). */
    private static Set<String> baseKeys(Language l) throws IOException {
        Set<String> out = new TreeSet<>();
        Set<String> keys = load(l).stringPropertyNames();
        Set<String> plurals = pluralBases(keys);
        for (String k : keys) {
            String base = k.substring(0, k.lastIndexOf('.'));
            out.add(plurals.contains(base) ? base : k);
        }
        return out;
    }

    private static Set<String> pluralBases(Set<String> keys) {
        Set<String> bases = new TreeSet<>();
        for (String k : keys) {
            int dot = k.lastIndexOf('.');
            if (PLURAL_SUFFIXES.contains(k.substring(dot + 1)) && keys.stream().anyMatch(
                    o -> !o.equals(k) && o.startsWith(k.substring(0, dot + 1)) && PLURAL_SUFFIXES.contains(o.substring(dot + 1)))) {
                bases.add(k.substring(0, dot));
            }
        }
        return bases;
    }

    static Properties load(Language l) throws IOException {
        Properties p = new Properties();
        String name = "/" + I18n.BUNDLE.replace('.', '/') + "_" + l.code() + ".properties";
        try (InputStream in = BundlesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static String mainSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(f)).append('\n');
            }
        }
        return all.toString();
    }
}
