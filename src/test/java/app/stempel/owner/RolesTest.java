package app.stempel.owner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.Services;
import app.stempel.cards.PrintableCards;
import app.stempel.core.Language;
import app.stempel.members.MemberDirectory;
import app.stempel.owner.Role.Who;
import app.stempel.reports.ReportExport;
import app.stempel.settings.OwnerSession;
import app.stempel.settings.SettingsService;
import app.stempel.store.Database;
import app.stempel.testing.MutableClock;
import app.stempel.testing.TestShop;
import app.stempel.settings.SetupService;
import app.stempel.ledger.LedgerService;
import app.stempel.counter.CounterService;

/**
 * The owner's rule, proved for every operation rather than for the screens: finds every service the window
 * can reach (every class outside the window and the command line that holds the database, the owner's gate
 * or another such service), and calls each of its public methods. A method without a declared {@link Role}
 * fails; an owner method must refuse in cashier mode before it writes anything, and pass the gate in owner
 * mode; a till method must not ask for the owner.
 */
class RolesTest {

    /** Field types that make a class a service. */
    private static final Set<Class<?>> HOLDS = Set.of(Database.class, OwnerGate.class, OwnerSession.class,
            SettingsService.class);

    @TempDir
    Path dir;
    private Services shop;
    private final MutableClock clock = MutableClock.at("2026-06-10T10:00:00Z");
    private Map<Class<?>, Object> made;
    private int calls;

    @BeforeEach
    void open() {
        shop = TestShop.open(dir.resolve("shop"), clock);
        TestShop.withStamps(shop, "Kari Nordmann", 2);
        TestShop.withStamps(shop, "Ola Nordmann", 1);
        made = wiring(shop);
    }

    @AfterEach
    void close() {
        shop.close();
    }

    /** The services the window wires: the shop's graph, and the report export each window makes in its language. */
    private Map<Class<?>, Object> wiring(Services s) {
        Map<Class<?>, Object> all = new HashMap<>();
        for (RecordComponent c : Services.class.getRecordComponents()) {
            try {
                all.put(c.getType(), c.getAccessor().invoke(s));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        all.put(ReportExport.class, new ReportExport(s.owner(), Language.ENGLISH));
        return all;
    }

    @Test
    void everyServiceTheWindowCanReachIsWiredHere() throws Exception {
        List<Class<?>> services = services();
        assertThat(services).as("services found").hasSizeGreaterThan(20)
                .contains(CounterService.class, LedgerService.class,
                        SetupService.class, MemberDirectory.class, PrintableCards.class);
        assertThat(services).as("services this test cannot call: add them to its wiring")
                .allMatch(made::containsKey);
    }

    @Test
    void everyPublicServiceMethodDeclaresItsRole() throws Exception {
        List<String> undeclared = methods().stream().filter(m -> m.getAnnotation(Role.class) == null)
                .map(RolesTest::name).toList();
        assertThat(undeclared).as("public service methods without @Role").isEmpty();
    }

    @Test
    void everyOwnerOperationRefusesInCashierModeAndWritesNothing() throws Exception {
        shop.owner().end();
        String before = fingerprint();
        Path files = Files.createDirectories(dir.resolve("calls"));
        List<String> notRefused = new ArrayList<>();
        List<Method> owners = methods(Who.OWNER);
        for (Method m : owners) {
            Throwable outcome = call(m, files);
            if (!(outcome instanceof OwnerOnlyException)) {
                notRefused.add(name(m) + " -> " + outcome);
            }
            assertThat(shop.owner().isOpen()).as("owner mode after " + name(m)).isFalse();
        }
        assertThat(owners).as("owner operations").hasSizeGreaterThan(40);
        assertThat(notRefused).as("owner operations that did not refuse in cashier mode").isEmpty();
        assertThat(fingerprint()).as("the shop after every refused call").isEqualTo(before);
        try (Stream<Path> written = Files.list(files)) {
            assertThat(written).as("files written by refused calls").isEmpty();
        }
    }

    @Test
    void everyOwnerOperationPassesTheGateInOwnerMode() throws Exception {
        Path files = Files.createDirectories(dir.resolve("calls"));
        List<String> refused = new ArrayList<>();
        for (Method m : methods(Who.OWNER)) {
            if (!shop.owner().isOpen()) {
                assertThat(shop.owner().unlock(TestShop.OWNER_PIN)).isInstanceOf(OwnerSession.Attempt.Opened.class);
            }
            // the dummy arguments may well be refused for what they are; only the owner's refusal counts here
            if (call(m, files) instanceof OwnerOnlyException) {
                refused.add(name(m));
            }
        }
        assertThat(refused).as("owner operations refused with owner mode open").isEmpty();
    }

    @Test
    void noTillOperationAsksForTheOwner() throws Exception {
        Path files = Files.createDirectories(dir.resolve("calls"));
        List<String> refused = new ArrayList<>();
        List<Method> tills = methods(Who.TILL);
        for (Method m : tills) {
            shop.owner().end();
            if (call(m, files) instanceof OwnerOnlyException) {
                refused.add(name(m));
            }
        }
        assertThat(tills).as("till operations").hasSizeGreaterThan(30);
        assertThat(refused).as("till operations refused in cashier mode").isEmpty();
    }

    // --- finding the services

    private static List<Class<?>> services() throws IOException, URISyntaxException {
        Path root = Path.of(Role.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes;
        try (Stream<Path> files = Files.walk(root)) {
            String separator = root.getFileSystem().getSeparator();
            classes = files.filter(f -> f.toString().endsWith(".class")).map(f -> root.relativize(f).toString())
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace(separator, "."))
                    .filter(n -> n.startsWith("app.stempel.")).map(RolesTest::load)
                    .filter(RolesTest::mayBeAService).toList();
        }
        Set<Class<?>> found = new LinkedHashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Class<?> c : classes) {
                if (!found.contains(c) && Stream.of(c.getDeclaredFields())
                        .filter(f -> !Modifier.isStatic(f.getModifiers())).map(Field::getType)
                        .anyMatch(t -> HOLDS.contains(t) || found.contains(t))) {
                    grew |= found.add(c);
                }
            }
        }
        return found.stream().sorted(Comparator.comparing(Class::getName)).toList();
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, RolesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** Not the window (views, view models, the wiring), not the command line (run by the data folder's owner), not the store. */
    private static boolean mayBeAService(Class<?> c) {
        String pkg = c.getPackageName();
        String name = c.getSimpleName();
        return !c.isInterface() && !c.isEnum() && !c.isRecord() && !c.isAnnotation() && !c.isSynthetic()
                && !c.isAnonymousClass() && !c.isLocalClass() && c.getEnclosingClass() == null
                && !pkg.equals("app.stempel") && !pkg.equals("app.stempel.cli") && !pkg.equals("app.stempel.ui")
                && !pkg.equals("app.stempel.store") && !pkg.startsWith("app.stempel.store.")
                && !name.endsWith("View") && !name.endsWith("ViewModel") && !name.endsWith("Window");
    }

    private static List<Method> methods() throws IOException, URISyntaxException {
        List<Method> all = new ArrayList<>();
        for (Class<?> c : services()) {
            Stream.of(c.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers()))
                    .filter(m -> !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge())
                    .sorted(Comparator.comparing(RolesTest::name)).forEach(all::add);
        }
        return all;
    }

    private static List<Method> methods(Who who) throws IOException, URISyntaxException {
        return methods().stream().filter(m -> m.getAnnotation(Role.class) != null && m.getAnnotation(Role.class).value() == who)
                .toList();
    }

    private static String name(Method m) {
        return m.getDeclaringClass().getSimpleName() + "." + m.getName()
                + Stream.of(m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
    }

    // --- calling them

    /** Calls {@code m} with plain arguments; returns what it threw, or null. */
    private Throwable call(Method m, Path files) {
        Object target = made.get(m.getDeclaringClass());
        assertThat(target).as("an instance of " + m.getDeclaringClass().getSimpleName()).isNotNull();
        Object[] args = Stream.of(m.getParameterTypes()).map(t -> argument(t, files)).toArray();
        try {
            m.invoke(target, args);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private Object argument(Class<?> type, Path files) {
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == boolean.class || type == Boolean.class) {
            return false;
        }
        if (type == double.class) {
            return 0.0;
        }
        if (type == String.class) {
            return TestShop.OWNER_PIN;
        }
        if (type == Path.class) {
            return files.resolve("call-" + (++calls));
        }
        if (type == LocalDate.class) {
            return LocalDate.now(clock);
        }
        if (type == YearMonth.class) {
            return YearMonth.now(clock);
        }
        if (type == Duration.class) {
            return Duration.ofMinutes(1);
        }
        if (type == Currency.class) {
            return Currency.getInstance("PLN");
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == List.class) {
            return List.of();
        }
        if (type == Map.class) {
            return Map.of();
        }
        if (type == Optional.class) {
            return Optional.empty();
        }
        return null;
    }

    /** Every row of every table of the shop, as text. */
    private String fingerprint() {
        return TestShop.everyRow(shop.db()).toString();
    }
}
