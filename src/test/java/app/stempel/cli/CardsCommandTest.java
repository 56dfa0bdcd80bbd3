package app.stempel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import app.stempel.testing.Console;
import app.stempel.Services;
import app.stempel.testing.TestShop;
import app.stempel.members.MemberService;

class CardsCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final Console console = new Console();
    private final List<String> numbers = new ArrayList<>();

    @BeforeEach
    void shopWithMembers() {
        try (Services s = TestShop.open(dir, Clock.systemDefaultZone())) {
            for (String name : List.of("Łukasz Żółć", "Øyvind Ødegård", "Наталья Иванова", "Kari", "Ola", "Per", "Liv",
                    "Åse", "Jan", "Ewa", "Ida", "Ivan")) {
                numbers.add(s.members().enrol(MemberService.NewMember.named(name)).cardNumber());
            }
        }
    }

    private int run(String... args) {
        return console.run(args);
    }

    private String errText() {
        return console.err().strip();
    }

    @Test
    void sheetPdfOfAllActiveCardsHasOnePagePerTenCards() throws Exception {
        Path file = dir.resolve("cards.pdf");
        assertThat(run("cards", "pdf", file.toString(), "--sheet", "--data-dir", dir.toString())).isZero();
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
        }
        assertThat(console.out()).contains(": 12 cards, 2 pages.");
    }

    @Test
    void chosenNumbersGiveOnePageEach() throws Exception {
        Path file = dir.resolve("two.pdf");
        assertThat(run("--data-dir", dir.toString(), "cards", "pdf", file.toString(), "--numbers",
                numbers.get(0) + "," + numbers.get(2))).isZero();
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
        }
    }

    @Test
    void membersEnrolledSinceAFutureDateAreNone() {
        assertThat(run("--data-dir", dir.toString(), "cards", "pdf", dir.resolve("x.pdf").toString(), "--since",
                "2999-01-01")).isEqualTo(Cli.FAILED);
        assertThat(errText()).isEqualTo("No active cards to print for members enrolled since 2999-01-01.");
    }

    @Test
    void pngDecodesToTheCardNumber() throws Exception {
        Path file = dir.resolve("card.png");
        assertThat(run("--data-dir", dir.toString(), "cards", "png", numbers.get(2), file.toString())).isZero();
        BufferedImage image = ImageIO.read(file.toFile());
        String decoded = new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
        assertThat(decoded).isEqualTo(numbers.get(2));
    }

    @Test
    void anUnknownCardNumberIsOneClearLineAndExitCodeOne() {
        Path file = dir.resolve("card.png");
        assertThat(run("--data-dir", dir.toString(), "cards", "png", "2000000000008", file.toString())).isEqualTo(Cli.FAILED);
        assertThat(errText()).isEqualTo("No card has the number 2000000000008.");
        assertThat(file).doesNotExist();
    }

    @Test
    void anUnreadableDateIsRefused() {
        assertThat(run("--data-dir", dir.toString(), "cards", "pdf", dir.resolve("x.pdf").toString(), "--since",
                "1.3.2025")).isEqualTo(Cli.FAILED);
        assertThat(errText()).startsWith("Cannot read the date \"1.3.2025\"");
    }

    @Test
    void aFileInAMissingFolderIsRefused() {
        Path file = dir.resolve("no/such/folder/cards.pdf");
        assertThat(run("--data-dir", dir.toString(), "cards", "pdf", file.toString())).isEqualTo(Cli.FAILED);
        assertThat(errText()).isEqualTo("Cannot write " + file + ": the folder does not exist.");
        assertThat(Files.exists(file)).isFalse();
    }
}
