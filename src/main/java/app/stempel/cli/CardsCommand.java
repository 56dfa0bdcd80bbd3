package app.stempel.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import app.stempel.Main;
import app.stempel.store.Fault;
import app.stempel.ui.I18n;
import app.stempel.cards.CardFace;
import app.stempel.cards.CardOutput;
import app.stempel.cards.CardRenderer;
import app.stempel.cards.PrintableCards;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import app.stempel.Services;

/** {@code cards pdf FILE} and {@code cards png CARDNUMBER FILE}: the shop's cards as print-ready files. */
@Command(name = "cards", mixinStandardHelpOptions = true, description = "Write loyalty cards as PDF or PNG.",
        subcommands = {CardsCommand.Pdf.class, CardsCommand.Png.class})
public final class CardsCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    private I18n i18n() {
        return I18n.forLanguage(main.options().language());
    }

    private Services open() {
        return main.openShop();
    }

    /** {@code cards pdf FILE}: all active cards unless narrowed, one per page or 10 to an A4 sheet. */
    @Command(name = "pdf", mixinStandardHelpOptions = true,
            description = "Write cards to a PDF: all active members' cards unless --since or --numbers narrows it.")
    static final class Pdf implements Callable<Integer> {

        @ParentCommand
        private CardsCommand cards;

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The PDF file to write.")
        private Path file;

        @Option(names = "--since", paramLabel = "DATE", description = "Only members enrolled on or after DATE (YYYY-MM-DD).")
        private String since;

        @Option(names = "--numbers", paramLabel = "N", split = ",", description = "Only these card numbers, comma-separated.")
        private List<String> numbers;

        @Option(names = "--sheet", description = "A4 sheets of 10 cards with crop marks, instead of one card per page.")
        private boolean sheet;

        @Override
        public Integer call() {
            LocalDate from = since == null ? null : parseDate(since);
            List<CardFace> faces;
            CardOutput output;
            try (Services shop = cards.open()) {
                PrintableCards service = shop.printableCards();
                faces = numbers == null ? service.activeCards(from) : chosen(service, numbers, from);
                output = new CardOutput(service.design());
            }
            if (faces.isEmpty()) {
                throw from == null ? new UserError("cli.cards.none") : new UserError("cli.cards.noneSince", from.toString());
            }
            ProgressLine progress = new ProgressLine(spec.commandLine().getErr(), System.console() != null, System::nanoTime);
            int total = faces.size();
            write(file, () -> output.pdf(faces, sheet, file, done -> progress.show(done, total, "cards")));
            progress.finish();
            int pages = sheet ? (total + CardRenderer.PER_SHEET - 1) / CardRenderer.PER_SHEET : total;
            I18n i18n = cards.i18n();
            spec.commandLine().getOut().println(i18n.get("cli.cards.written", file.toString(),
                    i18n.plural("cli.cards.count", total), i18n.plural("cli.pages.count", pages)));
            return 0;
        }

        private static List<CardFace> chosen(PrintableCards service, List<String> numbers, LocalDate since) {
            if (since != null) {
                throw new UserError("cli.cards.sinceOrNumbers");
            }
            List<String> wanted = new ArrayList<>(new LinkedHashSet<>(numbers.stream().map(String::strip)
                    .filter(n -> !n.isEmpty()).toList()));
            Map<String, PrintableCards.Found> found = service.byNumbers(wanted);
            List<CardFace> faces = new ArrayList<>();
            for (String n : wanted) {
                faces.add(face(found, n));
            }
            return faces;
        }
    }

    /** {@code cards png CARDNUMBER FILE}: one card as an image for sending by phone. */
    @Command(name = "png", mixinStandardHelpOptions = true, description = "Write one card as a PNG image (300 dpi).")
    static final class Png implements Callable<Integer> {

        @ParentCommand
        private CardsCommand cards;

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "CARDNUMBER", description = "The card's number.")
        private String number;

        @Parameters(index = "1", paramLabel = "FILE", description = "The PNG file to write.")
        private Path file;

        @Override
        public Integer call() {
            CardFace face;
            CardOutput output;
            try (Services shop = cards.open()) {
                PrintableCards service = shop.printableCards();
                face = face(service.byNumbers(List.of(number.strip())), number.strip());
                output = new CardOutput(service.design());
            }
            write(file, () -> output.png(face, file));
            spec.commandLine().getOut().println(cards.i18n().get("cli.cards.card.written", face.number(), file.toString()));
            return 0;
        }
    }

    private static CardFace face(Map<String, PrintableCards.Found> found, String number) {
        PrintableCards.Found f = found.get(number);
        if (f == null) {
            throw new UserError("cli.cards.unknown", number);
        }
        if (!f.active()) {
            throw new UserError("cli.cards.blocked", number);
        }
        return f.face();
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new UserError("cli.date.bad", text);
        }
    }

    private interface Writing {
        void run() throws IOException;
    }

    private static void write(Path file, Writing writing) {
        try {
            writing.run();
        } catch (NoSuchFileException e) {
            throw new UserError("cli.file.noFolder", file.toString());
        } catch (AccessDeniedException e) {
            throw new UserError("cli.file.denied", file.toString());
        } catch (IOException e) {
            if (Fault.of(e) == Fault.DISK_FULL) {
                throw new UserError("cli.file.diskFull", file.toString());
            }
            throw new UserError("cli.file.cannotWrite", file.toString());
        }
    }
}
