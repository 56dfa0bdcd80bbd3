package app.stempel.cards;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.stempel.search.MemberSearch;
import app.stempel.search.MemberSearch.MemberRow;
import app.stempel.ui.I18n;
import app.stempel.ui.TaskRunner;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;

/**
 * The Cards screen: the shop's card design with a live preview, which cards to print (all, today's, or
 * chosen members) to the printer or a PDF, and a new card for a lost one. Every change to the design is
 * saved at once and shown in the preview; work runs in the background.
 */
public final class CardsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(CardsViewModel.class);
    /** Dots per inch of the on-screen preview. */
    static final float PREVIEW_DPI = 200;
    /** Members listed for a search when choosing whose cards to print. */
    static final int SEARCH_LIMIT = 12;
    /** Below this contrast ratio (WCAG) text on the panel is hard to read. */
    static final double MIN_CONTRAST = 3;

    /** Which cards a batch holds. */
    public enum Batch { ALL, TODAY, CHOSEN }

    private final PrintableCards printable;
    private final CardService cards;
    private final MemberSearch search;
    private final CardPrinter printer;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final Clock clock;

    // the design, as the person edits it
    private final StringProperty shopName = new SimpleStringProperty("");
    private final StringProperty line = new SimpleStringProperty("");
    private final ObjectProperty<Color> panelColour = new SimpleObjectProperty<>(fx(CardDesign.DEFAULT_PANEL));
    private final ObjectProperty<Color> textColour = new SimpleObjectProperty<>(fx(CardDesign.DEFAULT_TEXT));
    private final BooleanProperty memberName = new SimpleBooleanProperty(true);
    private final BooleanProperty code128 = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper hasLogo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper lowContrast = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper designLoaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Image> preview = new ReadOnlyObjectWrapper<>();
    private byte[] logo;
    private boolean loading;
    private boolean designBusy;
    private CardDesign designPending;

    // the batch
    private final ObjectProperty<Batch> batch = new SimpleObjectProperty<>(Batch.ALL);
    private final BooleanProperty sheets = new SimpleBooleanProperty(true);
    private final StringProperty memberQuery = new SimpleStringProperty("");
    private final ObservableList<MemberRow> found = FXCollections.observableArrayList();
    private final ObservableList<MemberRow> chosen = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper noPrinter = new ReadOnlyBooleanWrapper(false);
    private long searchGeneration;

    private final StringProperty lostNumber = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);

    public CardsViewModel(PrintableCards printable, CardService cards, MemberSearch search, CardPrinter printer,
            TaskRunner tasks, I18n i18n, Clock clock) {
        this.printable = Objects.requireNonNull(printable);
        this.cards = Objects.requireNonNull(cards);
        this.search = Objects.requireNonNull(search);
        this.printer = Objects.requireNonNull(printer);
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
        this.clock = Objects.requireNonNull(clock);
        for (var p : List.of(shopName, line, panelColour, textColour, memberName, code128)) {
            p.addListener((obs, old, now) -> designChanged());
        }
        memberQuery.addListener((obs, old, now) -> search(now));
    }

    // ---- design

    public StringProperty shopNameProperty() {
        return shopName;
    }

    public StringProperty lineProperty() {
        return line;
    }

    public ObjectProperty<Color> panelColourProperty() {
        return panelColour;
    }

    public ObjectProperty<Color> textColourProperty() {
        return textColour;
    }

    public BooleanProperty memberNameProperty() {
        return memberName;
    }

    public BooleanProperty code128Property() {
        return code128;
    }

    public ReadOnlyBooleanProperty hasLogoProperty() {
        return hasLogo.getReadOnlyProperty();
    }

    /** True when the text colour is hard to read on the panel colour. */
    public ReadOnlyBooleanProperty lowContrastProperty() {
        return lowContrast.getReadOnlyProperty();
    }

    /** True once the saved design is shown and can be edited. */
    public ReadOnlyBooleanProperty designLoadedProperty() {
        return designLoaded.getReadOnlyProperty();
    }

    /** A sample card in the design as edited, once rendered (decoded in the background, not on the JavaFX thread). */
    public ReadOnlyObjectProperty<Image> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Reads the saved design into the fields and renders the preview. */
    public void load() {
        tasks.run(printable::design, d -> {
            loading = true;
            shopName.set(d.shopName());
            line.set(d.line());
            panelColour.set(fx(d.panelColour()));
            textColour.set(fx(d.textColour()));
            memberName.set(d.showMemberName());
            code128.set(d.code128());
            logo = d.logo();
            hasLogo.set(logo != null);
            loading = false;
            designLoaded.set(true);
            render(d, false);
        }, e -> fail("cards.design.loadFailed", e));
    }

    /** Reads a PNG or JPEG logo from {@code file}; a file that is not one is refused and changes nothing. */
    public void chooseLogo(Path file) {
        tasks.run(() -> CardLogo.read(file), bytes -> {
            logo = bytes;
            hasLogo.set(true);
            designChanged();
        }, e -> {
            if (e instanceof CardLogo.NotALogo n) {
                LOG.info("Logo {} refused: {}", file, n.getMessage());
                say(true, i18n.get(n.messageKey()));
            } else {
                fail("cards.logo.unreadable", e);
            }
        });
    }

    public void removeLogo() {
        logo = null;
        hasLogo.set(false);
        designChanged();
    }

    /** The default look with the shop's name; texts and logo stay. */
    public void defaultColours() {
        panelColour.set(fx(CardDesign.DEFAULT_PANEL));
        textColour.set(fx(CardDesign.DEFAULT_TEXT));
    }

    /** The design as the fields hold it now. */
    CardDesign design() {
        return new CardDesign(shopName.get(), logo, awt(panelColour.get()), awt(textColour.get()), line.get(),
                memberName.get(), code128.get());
    }

    private void designChanged() {
        if (loading || !designLoaded.get()) {
            return;
        }
        render(design(), true);
    }

    /** Saves (if asked) and renders {@code d}; while one runs, only the newest waiting design follows. */
    private void render(CardDesign d, boolean save) {
        lowContrast.set(contrast(d.panelColour(), d.textColour()) < MIN_CONTRAST);
        if (designBusy) {
            designPending = d;
            return;
        }
        designBusy = true;
        tasks.run(() -> {
            if (save) {
                printable.designs().save(d);
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            new CardRenderer(d).writePng(sampleFace(), PREVIEW_DPI, png);
            return new Image(new ByteArrayInputStream(png.toByteArray()));
        }, png -> {
            preview.set(png);
            nextRender();
        }, e -> {
            fail("cards.design.saveFailed", e);
            nextRender();
        });
    }

    private void nextRender() {
        designBusy = false;
        CardDesign next = designPending;
        designPending = null;
        if (next != null) {
            render(next, true);
        }
    }

    private CardFace sampleFace() {
        String body = "212345678901";
        return new CardFace(body + CardNumbers.checkDigit(body), i18n.get("cards.preview.member"));
    }

    /** WCAG contrast ratio between two colours, 1 to 21. */
    static double contrast(java.awt.Color a, java.awt.Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(java.awt.Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(int v) {
        double s = v / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    static Color fx(java.awt.Color c) {
        return Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
    }

    static java.awt.Color awt(Color c) {
        return new java.awt.Color((int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
                (int) Math.round(c.getBlue() * 255));
    }

    // ---- which cards

    public ObjectProperty<Batch> batchProperty() {
        return batch;
    }

    /** A4 sheets of ten (true) or one card per page, for PDFs. */
    public BooleanProperty sheetsProperty() {
        return sheets;
    }

    /** What the person types to find members for the batch. */
    public StringProperty memberQueryProperty() {
        return memberQuery;
    }

    /** Members matching the query. */
    public ObservableList<MemberRow> found() {
        return found;
    }

    /** Members whose cards the batch holds when {@link Batch#CHOSEN}. */
    public ObservableList<MemberRow> chosen() {
        return chosen;
    }

    /** True after printing was asked for on a computer without a printer. */
    public ReadOnlyBooleanProperty noPrinterProperty() {
        return noPrinter.getReadOnlyProperty();
    }

    private void search(String text) {
        long generation = ++searchGeneration;
        String query = text == null ? "" : text.strip();
        if (query.isEmpty()) {
            found.clear();
            return;
        }
        tasks.run(() -> search.search(query, null, SEARCH_LIMIT).rows(), rows -> {
            if (generation == searchGeneration) {
                found.setAll(rows.stream().filter(r -> r.cardNumber() != null).toList());
            }
        }, e -> fail("error.unexpected", e));
    }

    /** Adds a member to the batch (once) and switches the batch to chosen members. */
    public void choose(MemberRow row) {
        if (row == null || row.cardNumber() == null) {
            return;
        }
        if (chosen.stream().noneMatch(r -> r.id() == row.id())) {
            chosen.add(row);
        }
        batch.set(Batch.CHOSEN);
        memberQuery.set("");
    }

    public void unchoose(MemberRow row) {
        chosen.remove(row);
    }

    /** The cards of the batch, in order (slow: background). */
    private List<CardFace> batchCards() {
        return switch (batch.get()) {
            case ALL -> printable.activeCards(null);
            case TODAY -> printable.activeCards(LocalDate.now(clock));
            case CHOSEN -> {
                List<String> numbers = new ArrayList<>(chosen.stream().map(MemberRow::cardNumber).toList());
                Map<String, PrintableCards.Found> byNumber = printable.byNumbers(numbers);
                yield numbers.stream().map(byNumber::get).filter(f -> f != null && f.active()).map(PrintableCards.Found::face)
                        .toList();
            }
        };
    }

    /** A file name to suggest for the batch's PDF. */
    public String suggestedFileName() {
        return i18n.get(switch (batch.get()) {
            case ALL -> "cards.file.all";
            case TODAY -> "cards.file.today";
            case CHOSEN -> "cards.file.chosen";
        });
    }

    /** Writes the batch as a PDF into {@code file}. */
    public void savePdf(Path file) {
        boolean onSheets = sheets.get();
        run(() -> {
            List<CardFace> faces = batchCards();
            if (!faces.isEmpty()) {
                new CardOutput(printable.design()).pdf(faces, onSheets, file, done -> showProgress(done, faces.size()));
            }
            return faces.size();
        }, n -> {
            noPrinter.set(false);
            say(false, n == 0 ? i18n.get("cards.none") : i18n.plural("cards.saved", n, file.toString()));
        }, "cards.saveFailed");
    }

    /** Prints the batch through the system print dialog; without a printer, says so and offers the PDF. */
    public void print() {
        if (busy.get()) {
            return;
        }
        if (!printer.available()) {
            noPrinter.set(true);
            say(true, i18n.get("cards.noPrinter"));
            return;
        }
        Optional<CardPrinter.Job> job = printer.begin(i18n.get("cards.print.job"), true);
        if (job.isEmpty()) {
            return;
        }
        run(() -> {
            List<CardFace> faces = batchCards();
            if (faces.isEmpty()) {
                job.get().cancel();
            } else {
                new CardOutput(printable.design()).print(faces, job.get(), done -> showProgress(done, faces.size()));
            }
            return faces.size();
        }, n -> say(false, n == 0 ? i18n.get("cards.none") : i18n.plural("cards.printed", n)), "cards.printFailed");
    }

    private void showProgress(int done, int total) {
        Platform.runLater(() -> progress.set((double) done / total));
    }

    // ---- a lost card

    /** The number of the card reported lost. */
    public StringProperty lostNumberProperty() {
        return lostNumber;
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

    // ---- state

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
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
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
            fail(failureKey, e);
        });
    }

    private void fail(String key, Throwable e) {
        LOG.warn("Cards screen: {}", key, e);
        say(true, i18n.failure(e, key));
    }

    private void say(boolean failure, String text) {
        failed.set(failure);
        message.set(text);
    }
}
