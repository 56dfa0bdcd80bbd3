package app.stempel.cards;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import app.stempel.ui.I18n;
import app.stempel.ui.TaskRunner;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The Cards screen: a preview of the shop's card, batches as PDF, reissuing a lost card. */
public final class CardsViewModel {

    /** Dots per inch of the on-screen preview. */
    static final float PREVIEW_DPI = 200;

    private final PrintableCards printable;
    private final CardService cards;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final Clock clock;

    private final ReadOnlyObjectWrapper<byte[]> preview = new ReadOnlyObjectWrapper<>();
    private final StringProperty lostNumber = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);

    public CardsViewModel(PrintableCards printable, CardService cards, TaskRunner tasks, I18n i18n, Clock clock) {
        this.printable = Objects.requireNonNull(printable);
        this.cards = Objects.requireNonNull(cards);
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
        this.clock = Objects.requireNonNull(clock);
    }

    /** PNG bytes of a sample card in the shop's design, once rendered. */
    public ReadOnlyObjectProperty<byte[]> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** The number of the card reported lost. */
    public StringProperty lostNumberProperty() {
        return lostNumber;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Progress of a batch, 0 to 1. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** Renders the preview in the background. */
    public void refreshPreview() {
        String body = "212345678901";
        String number = body + CardNumbers.checkDigit(body);
        tasks.run(() -> {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            new CardRenderer(printable.design()).writePng(new CardFace(number, i18n.get("cards.preview.member")),
                    PREVIEW_DPI, png);
            return png.toByteArray();
        }, preview::set, e -> say(true, i18n.get("error.unexpected")));
    }

    /** Every active card as A4 sheets of ten, into {@code file}. */
    public void saveAll(Path file) {
        save(file, null);
    }

    /** The cards of members enrolled today, as A4 sheets of ten. */
    public void saveToday(Path file) {
        save(file, LocalDate.now(clock));
    }

    private void save(Path file, LocalDate since) {
        run(() -> {
            List<CardFace> faces = printable.activeCards(since);
            if (faces.isEmpty()) {
                return 0;
            }
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            try (OutputStream out = Files.newOutputStream(partial)) {
                new CardRenderer(printable.design()).writeSheets(faces, out,
                        done -> Platform.runLater(() -> progress.set((double) done / faces.size())));
            }
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return faces.size();
        }, n -> say(false, n == 0 ? i18n.get("cards.none")
                : i18n.plural("cards.saved", n, file.toString())), "cards.saveFailed");
    }

    /** Blocks the lost card and issues its member a new one. */
    public void reissue() {
        String number = lostNumber.get() == null ? "" : lostNumber.get().strip();
        if (number.isEmpty()) {
            say(true, i18n.get("cards.reissue.empty"));
            return;
        }
        run(() -> {
            PrintableCards.Found found = printable.byNumbers(List.of(number)).get(number);
            if (found == null) {
                return new Outcome(false, i18n.get("cards.reissue.unknown", number));
            }
            if (!found.active()) {
                return new Outcome(false, i18n.get("cards.reissue.blocked", number));
            }
            long member = cards.memberOf(number).orElseThrow();
            String fresh = cards.reissue(member, CardService.Reason.LOST).cardNumber();
            return new Outcome(true, i18n.get("cards.reissue.done", number, fresh));
        }, outcome -> {
            say(!outcome.ok(), outcome.text());
            if (outcome.ok()) {
                lostNumber.set("");
            }
        }, "error.unexpected");
    }

    private record Outcome(boolean ok, String text) {
    }

    private <T> void run(Callable<T> work, Consumer<T> done, String failureKey) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        progress.set(0);
        tasks.run(work, r -> {
            busy.set(false);
            done.accept(r);
        }, e -> {
            busy.set(false);
            say(true, i18n.get(failureKey));
        });
    }

    private void say(boolean failure, String text) {
        failed.set(failure);
        message.set(text);
    }
}
