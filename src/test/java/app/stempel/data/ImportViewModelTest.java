package app.stempel.data;

import static app.stempel.store.schema.Tables.LEDGER_ENTRY;
import static app.stempel.store.schema.Tables.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.owner.OwnerGate;
import app.stempel.Services;
import app.stempel.cards.CardNumbers;
import app.stempel.core.Language;
import app.stempel.data.CsvColumns.Field;
import app.stempel.data.CsvImport.Kind;
import app.stempel.data.ImportViewModel.Choice;
import app.stempel.data.ImportViewModel.Stage;
import app.stempel.testing.TestShop;
import app.stempel.ui.I18n;
import app.stempel.ui.SameThreadTaskRunner;
import app.stempel.ui.TaskRunner;
import java.util.Map;
import app.stempel.core.EntryKind;

/** The import page's decisions on a real shop: what is shown, what may be imported, what is written. */
class ImportViewModelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneId.of("Europe/Warsaw"));

    /** A visits file whose line 7 has a date that does not exist. */
    static final String BAD_DATE_ON_LINE_7 = "customer_id,timestamp,amount\n"
            + "1,2024-12-30 10:00,1.00\n"
            + "2,2024-12-31 14:05,2.00\n"
            + "3,31.12.2024,3.00\n"
            + "4,31/12/2024 08:15,4.00\n"
            + "5,2024-02-29,5.00\n"
            + "6,2023-02-29,6.00\n"
            + "7,2024-01-01,7.00\n";

    @TempDir
    Path dir;
    private Services shop;
    private CsvImport importer;

    @BeforeEach
    void open() {
        shop = TestShop.open(dir.resolve("shop"), CLOCK);
        importer = new CsvImport(shop.db(), CLOCK, new CardNumbers(new SplittableRandom(5)), OwnerGate.TRUSTED);
    }

    @AfterEach
    void close() {
        shop.close();
    }

    private ImportViewModel model(Language language, TaskRunner tasks) {
        return new ImportViewModel(importer, shop.settings(), tasks, new I18n(language), CLOCK);
    }

    private ImportViewModel model() {
        return model(Language.ENGLISH, new SameThreadTaskRunner());
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private long members() {
        return shop.db().dsl().fetchCount(MEMBER);
    }

    private long entries() {
        return shop.db().dsl().fetchCount(LEDGER_ENTRY);
    }

    private static Choice choice(ImportViewModel model, Field field) {
        return model.choices().stream().filter(c -> c.field() == field).findFirst().orElseThrow();
    }

    @Test
    void aMembersFileIsPreviewedWithoutWritingThenImportedWithASummary() throws Exception {
        Path f = file("members.csv", "Name;Phone;Stamps\nAnna Nowak;600 100 200;3\nØyvind Berg;;0\n");
        ImportViewModel model = model();
        model.open(Kind.MEMBERS, f);

        assertThat(model.stageProperty().get()).isEqualTo(Stage.PREVIEW);
        assertThat(model.titleProperty().get()).isEqualTo("Import members");
        assertThat(model.fileSummaryProperty().get()).isEqualTo("members.csv: 2 rows");
        assertThat(model.columns()).extracting(ImportViewModel.Column::header).containsExactly("Name", "Phone", "Stamps");
        assertThat(model.columns()).extracting(ImportViewModel.Column::example)
                .containsExactly("Anna Nowak", "600 100 200", "3");
        assertThat(model.columns()).extracting(c -> c.choiceProperty().get().label())
                .containsExactly("Name", "Phone", "Stamps on the card now");
        assertThat(model.choices()).extracting(Choice::label).containsExactly("Name", "Phone", "E-mail", "Birthday",
                "Customer number (old system)", "Card number", "Stamps on the card now", "Skip this column");
        assertThat(model.problems()).isEmpty();
        assertThat(model.problemsSummaryProperty().get()).isEqualTo("No problems found: the file is ready to import.");
        assertThat(model.previousProperty().get()).isEmpty();
        assertThat(model.canImportBinding().get()).isTrue();
        assertThat(members()).isZero();

        model.importNow();

        assertThat(model.stageProperty().get()).isEqualTo(Stage.DONE);
        assertThat(model.summaryProperty().get()).isEqualTo("2 members imported, each with a card.");
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(members()).isEqualTo(2);
        assertThat(shop.integrity().run().ok()).isTrue();
        model.close();
        assertThat(model.stageProperty().get()).isEqualTo(Stage.CLOSED);
    }

    @Test
    void aBadDateOnLineSevenIsListedAndNothingCanBeImported() throws Exception {
        ImportViewModel model = model();
        model.open(Kind.VISITS, file("visits.csv", BAD_DATE_ON_LINE_7));

        assertThat(model.problems()).containsExactly("Line 7: The date \"2023-02-29\" is not understood "
                + "(use 2024-12-31, 31.12.2024 or 31/12/2024, optionally with a time).");
        assertThat(model.problemsSummaryProperty().get()).startsWith("1 problem: nothing can be imported");
        assertThat(model.fileSummaryProperty().get()).isEqualTo("visits.csv: 7 rows");
        assertThat(model.canImportBinding().get()).isFalse();
        long before = entries();
        model.importNow();
        assertThat(model.stageProperty().get()).isEqualTo(Stage.PREVIEW);
        assertThat(entries()).isEqualTo(before);
        model.close();
        assertThat(entries()).isEqualTo(before);
    }

    @Test
    void problemsAreInThePersonsLanguageWithPluralForms() throws Exception {
        ImportViewModel model = model(Language.POLISH, new SameThreadTaskRunner());
        model.open(Kind.VISITS, file("wizyty.csv", "klient;data;kwota\n1;wczoraj;1\n2;jutro;2\n3;2024-01-01;-3\n"));
        assertThat(model.problems()).containsExactly(
                "Wiersz 2: Nie rozpoznano daty „wczoraj” (użyj 2024-12-31, 31.12.2024 albo 31/12/2024, opcjonalnie z godziną).",
                "Wiersz 3: Nie rozpoznano daty „jutro” (użyj 2024-12-31, 31.12.2024 albo 31/12/2024, opcjonalnie z godziną).",
                "Wiersz 4: Kwota „-3” jest ujemna.");
        assertThat(model.problemsSummaryProperty().get()).startsWith("3 problemy: nic nie zostanie zaimportowane");
        assertThat(model.titleProperty().get()).isEqualTo("Import dawnych wizyt");
        assertThat(model.fileSummaryProperty().get()).isEqualTo("wizyty.csv: 3 wiersze");
    }

    @Test
    void choosingWhatAColumnIsReadAsChecksTheFileAgain() throws Exception {
        ImportViewModel model = model();
        model.open(Kind.VISITS, file("visits.csv", "Kto;Kiedy;Ile\nX1;2024-01-02 10:00;3,00\nX2;2024-01-03;4,50\n"));
        assertThat(model.problems()).containsExactly(
                "Line 1: The file has no column for \"Customer (number or card)\". Rename the column or map it to this field.",
                "Line 1: The file has no column for \"Date and time\". Rename the column or map it to this field.");
        assertThat(model.columns()).extracting(c -> c.choiceProperty().get().field()).containsOnlyNulls();
        assertThat(model.columns()).extracting(ImportViewModel.Column::example).containsExactly("X1", "2024-01-02 10:00", "3,00");
        assertThat(model.fileSummaryProperty().get()).isEqualTo("visits.csv: 2 rows");
        assertThat(model.canImportBinding().get()).isFalse();

        model.columns().get(0).choiceProperty().set(choice(model, Field.MEMBER));
        assertThat(model.problems()).hasSize(1);
        model.columns().get(1).choiceProperty().set(choice(model, Field.TIMESTAMP));
        assertThat(model.problems()).isEmpty();
        assertThat(model.canImportBinding().get()).isTrue();

        // the amounts read as dates: a choice can make problems too, and the date column gives its field up
        model.columns().get(2).choiceProperty().set(choice(model, Field.TIMESTAMP));
        assertThat(model.columns().get(1).choiceProperty().get().field()).isNull();
        assertThat(model.problems()).containsExactly(
                "Line 2: The date \"3,00\" is not understood (use 2024-12-31, 31.12.2024 or 31/12/2024, optionally with a time).",
                "Line 3: The date \"4,50\" is not understood (use 2024-12-31, 31.12.2024 or 31/12/2024, optionally with a time).");
        assertThat(model.canImportBinding().get()).isFalse();

        model.columns().get(1).choiceProperty().set(choice(model, Field.TIMESTAMP));
        model.columns().get(2).choiceProperty().set(choice(model, Field.AMOUNT));
        assertThat(model.problems()).isEmpty();
        model.importNow();
        assertThat(model.summaryProperty().get()).isEqualTo("2 visits imported, 7.50 PLN in total. "
                + "2 new members were added for customers the shop did not know yet.");
        assertThat(shop.db().dsl().fetchCount(LEDGER_ENTRY, LEDGER_ENTRY.KIND.eq(EntryKind.IMPORT))).isEqualTo(2);
    }

    @Test
    void theSameFileAgainIsImportedOnlyAfterASecondYes() throws Exception {
        Path f = file("visits.csv", "customer_id,timestamp,amount\nA,2024-01-02,3.00\n");
        ImportViewModel model = model();
        model.open(Kind.VISITS, f);
        model.importNow();
        assertThat(model.summaryProperty().get())
                .isEqualTo("1 visit imported, 3.00 PLN in total. 1 new member was added for a customer the shop did not know yet.");
        model.close();
        long once = entries();

        model.open(Kind.VISITS, f);
        assertThat(model.previousProperty().get()).isEqualTo("This file was imported before, on Mar 1, 2025, 11:00 AM "
                + "(as visits.csv). Importing it again adds its rows a second time.");
        assertThat(model.canImportBinding().get()).isTrue();
        model.importNow();
        assertThat(model.askingAgainProperty().get()).isTrue();
        assertThat(model.canImportBinding().get()).isFalse();
        assertThat(model.stageProperty().get()).isEqualTo(Stage.PREVIEW);
        assertThat(entries()).isEqualTo(once);

        model.keepAsItIs();
        assertThat(model.askingAgainProperty().get()).isFalse();
        assertThat(entries()).isEqualTo(once);

        model.importNow();
        model.importAgain();
        assertThat(model.stageProperty().get()).isEqualTo(Stage.DONE);
        assertThat(model.summaryProperty().get())
                .isEqualTo("1 visit imported, 3.00 PLN in total. Every visit went to a member the shop already had.");
        assertThat(entries()).isEqualTo(once + 1);
    }

    @Test
    void whatChangedInTheShopSinceThePreviewIsCaughtAtTheImport() throws Exception {
        Path members = file("members.csv", "name,card\nAnna,OLD1\n");
        ImportViewModel model = model();
        model.open(Kind.MEMBERS, members);
        assertThat(model.canImportBinding().get()).isTrue();
        // meanwhile, the same card number comes in from another file
        importer.commit(importer.preview(file("other.csv", "name;card\nBeata;OLD1\n"), Kind.MEMBERS, Map.of()),
                false, CsvImport.Progress.NONE);

        model.importNow();

        assertThat(model.stageProperty().get()).isEqualTo(Stage.PREVIEW);
        assertThat(model.problems())
                .containsExactly("Line 2: The card number \"OLD1\" already belongs to a member of the shop.");
        assertThat(model.canImportBinding().get()).isFalse();
        assertThat(members()).isEqualTo(1);

        // and the same file imported meanwhile: asked once more instead of written
        Path visits = file("visits.csv", "customer_id,timestamp\nA,2024-01-02\n");
        model.open(Kind.VISITS, visits);
        importer.commit(importer.preview(visits, Kind.VISITS, Map.of()), false, CsvImport.Progress.NONE);
        long once = entries();
        model.importNow();
        assertThat(model.askingAgainProperty().get()).isTrue();
        assertThat(entries()).isEqualTo(once);
        model.importAgain();
        assertThat(entries()).isEqualTo(once + 1);
    }

    @Test
    void aFileThatCannotBeReadSaysSoInShort() {
        ImportViewModel model = model();
        model.open(Kind.MEMBERS, dir.resolve("gone.csv"));
        assertThat(model.errorProperty().get())
                .isEqualTo("The file could not be read. Check that it is still there and that you may open it.");
        assertThat(model.canImportBinding().get()).isFalse();
        assertThat(model.stageProperty().get()).isEqualTo(Stage.PREVIEW);
    }

    @Test
    void aCheckThatFinishesAfterANewerOneIsDropped() throws Exception {
        Queued tasks = new Queued();
        ImportViewModel model = model(Language.ENGLISH, tasks);
        model.open(Kind.VISITS, file("visits.csv", "Kto;Kiedy\nX1;2024-01-02\n"));
        tasks.runNext();
        assertThat(model.problems()).hasSize(2);

        model.columns().get(0).choiceProperty().set(choice(model, Field.MEMBER));
        model.columns().get(1).choiceProperty().set(choice(model, Field.TIMESTAMP));
        assertThat(model.stageProperty().get()).isEqualTo(Stage.READING);
        assertThat(model.canImportBinding().get()).isFalse();
        tasks.runLast();
        assertThat(model.problems()).isEmpty();
        assertThat(model.canImportBinding().get()).isTrue();
        tasks.runNext();
        assertThat(model.problems()).isEmpty();
        assertThat(model.columns().get(1).choiceProperty().get().field()).isEqualTo(Field.TIMESTAMP);
        assertThat(model.canImportBinding().get()).isTrue();
    }

    /** Holds background work until the test runs it, in the order the test chooses. */
    private static final class Queued implements TaskRunner {
        private final Deque<Runnable> jobs = new ArrayDeque<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            jobs.add(() -> new SameThreadTaskRunner().run(work, onSuccess, onFailure));
        }

        @Override
        public void onFxThread(Runnable update) {
            update.run();
        }

        void runNext() {
            jobs.removeFirst().run();
        }

        void runLast() {
            jobs.removeLast().run();
        }
    }
}
