package app.stempel.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.owner.OwnerGate;
import app.stempel.Services;
import app.stempel.testing.FakePrinter;
import app.stempel.testing.TestShop;
import java.util.stream.IntStream;
import java.util.ArrayList;
import java.io.IOException;

/** The card design kept in the shop's database, logos checked on the way in, and cards sent to a printer. */
class CardDesignStoreTest {

    @TempDir
    Path dir;
    @TempDir
    Path files;
    private Services shop;
    private CardDesignStore store;

    @BeforeEach
    void open() {
        shop = TestShop.open(dir, Clock.systemUTC());
        store = new CardDesignStore(shop.db(), Clock.systemUTC(), OwnerGate.TRUSTED);
    }

    @AfterEach
    void close() {
        shop.close();
    }

    private static byte[] png(int width, int height, Color colour) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void untilChangedCardsCarryTheShopsNameOnTheDefaultLook() {
        CardDesign d = store.load();
        assertThat(d.shopName()).isEqualTo("Kafé Test");
        assertThat(d.panelColour()).isEqualTo(CardDesign.DEFAULT_PANEL);
        assertThat(d.textColour()).isEqualTo(CardDesign.DEFAULT_TEXT);
        assertThat(d.line()).isEmpty();
        assertThat(d.logo()).isNull();
        assertThat(d.showMemberName()).isTrue();
        assertThat(d.code128()).isFalse();
    }

    @Test
    void everyPartOfTheDesignIsKeptAndSurvivesReopening() throws Exception {
        byte[] logo = png(200, 80, Color.RED);
        CardDesign d = new CardDesign("Kawiarnia Łódź", logo, new Color(0x12, 0x34, 0x56), Color.WHITE, "Co 10. kawa gratis",
                false, true);
        store.save(d);
        shop.close();
        shop = Services.open(dir, Clock.systemUTC());
        CardDesign back = new CardDesignStore(shop.db(), Clock.systemUTC(), OwnerGate.TRUSTED).load();
        assertThat(back.shopName()).isEqualTo("Kawiarnia Łódź");
        assertThat(back.line()).isEqualTo("Co 10. kawa gratis");
        assertThat(back.panelColour()).isEqualTo(new Color(0x12, 0x34, 0x56));
        assertThat(back.textColour()).isEqualTo(Color.WHITE);
        assertThat(back.showMemberName()).isFalse();
        assertThat(back.code128()).isTrue();
        assertThat(back.logo()).isEqualTo(logo);

        store = new CardDesignStore(shop.db(), Clock.systemUTC(), OwnerGate.TRUSTED);
        store.save(back.withLogo((byte[]) null));
        assertThat(store.load().logo()).isNull();
    }

    @Test
    void aColourSettingThatCannotBeReadFallsBackToTheDefault() {
        TestShop.putSettings(shop.db(), Map.of(CardDesignStore.PANEL, "teal", CardDesignStore.TEXT, "#12345"));
        assertThat(store.load().panelColour()).isEqualTo(CardDesign.DEFAULT_PANEL);
        assertThat(store.load().textColour()).isEqualTo(CardDesign.DEFAULT_TEXT);
    }

    @Test
    void aFileThatIsNotAPngOrJpegIsNotALogo() throws Exception {
        Path csv = files.resolve("logo.png");
        Files.writeString(csv, "name;phone\nKari;123\n");
        assertThatThrownBy(() -> CardLogo.read(csv)).isInstanceOf(CardLogo.NotALogo.class)
                .extracting(e -> ((CardLogo.NotALogo) e).messageKey()).isEqualTo("cards.logo.notAPicture");

        byte[] real = png(50, 50, Color.BLUE);
        Path truncated = files.resolve("cut.png");
        Files.write(truncated, Arrays.copyOf(real, 40));
        assertThatThrownBy(() -> CardLogo.read(truncated)).isInstanceOf(CardLogo.NotALogo.class);

        Path empty = files.resolve("empty.jpg");
        Files.write(empty, new byte[0]);
        assertThatThrownBy(() -> CardLogo.read(empty)).isInstanceOf(CardLogo.NotALogo.class);
    }

    @Test
    void aSmallLogoIsKeptAsItIsAndALargeOneIsScaledDownWithoutStretching() throws Exception {
        byte[] small = png(300, 100, Color.RED);
        Path smallFile = files.resolve("small.png");
        Files.write(smallFile, small);
        assertThat(CardLogo.read(smallFile)).isEqualTo(small);

        Path large = files.resolve("large.png");
        Files.write(large, png(4000, 2000, Color.GREEN));
        BufferedImage scaled = ImageIO.read(new ByteArrayInputStream(CardLogo.read(large)));
        assertThat(scaled.getHeight()).isEqualTo(CardLogo.MAX_HEIGHT);
        assertThat(scaled.getWidth()).isEqualTo(600);
    }

    @Test
    void aNoisyPhotoAsLogoStillFitsTheDatabase() throws Exception {
        BufferedImage noise = new BufferedImage(3000, 900, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < noise.getHeight(); y++) {
            for (int x = 0; x < noise.getWidth(); x++) {
                noise.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        Path photo = files.resolve("photo.png");
        ImageIO.write(noise, "png", photo.toFile());
        byte[] logo = CardLogo.read(photo);
        assertThat(logo.length).isLessThanOrEqualTo(CardLogo.MAX_STORED_BYTES);
        store.save(store.load().withLogo(logo));
        assertThat(store.load().logo()).isEqualTo(logo);
    }

    @Test
    void printingOnPlainPaperPutsTenCardsOnEachA4SheetAndOnCardPaperOneAPage() throws Exception {
        CardNumbers numbers = new CardNumbers(new Random(1));
        List<CardFace> cards = IntStream.range(0, 12)
                .mapToObj(i -> new CardFace(numbers.next(), "Member " + i)).toList();
        FakePrinter plain = new FakePrinter();
        List<Integer> progress = new ArrayList<>();
        new CardOutput(store.load()).print(cards, plain.begin("test", true).orElseThrow(), progress::add);
        assertThat(plain.pages()).extracting(FakePrinter.Page::widthMm).containsExactly(210.0, 210.0);
        assertThat(plain.pages().get(0).image().getWidth()).isBetween(2475, 2485);
        assertThat(progress).containsExactly(10, 12);
        assertThat(plain.ended()).isEqualTo(1);

        FakePrinter cardPrinter = new FakePrinter().withCardPaper();
        new CardOutput(store.load()).print(cards.subList(0, 3), cardPrinter.begin("test", false).orElseThrow(), n -> { });
        assertThat(cardPrinter.pages()).hasSize(3).allSatisfy(p -> {
            assertThat(p.widthMm()).isEqualTo(CardRenderer.CARD_WIDTH_MM);
            assertThat(p.heightMm()).isEqualTo(CardRenderer.CARD_HEIGHT_MM);
        });
    }

    @Test
    void aPdfIntoAMissingFolderFailsAndCreatesNothing() {
        Path missingFolder = files.resolve("gone").resolve("cards.pdf");
        CardOutput output = new CardOutput(store.load());
        assertThatThrownBy(() -> output.pdf(List.of(new CardFace(new CardNumbers(new Random(2)).next(), "A")), true,
                missingFolder, n -> { })).isInstanceOf(IOException.class);
        assertThat(files.resolve("gone")).doesNotExist();
    }
}
