package app.stempel.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

class QrCodesTest {

    @TempDir
    Path dir;

    @Test
    void aSavedPngDecodesToExactlyTheCardNumber() throws Exception {
        String number = new CardNumbers(new Random(4)).next();
        Path png = dir.resolve("card.png");

        QrCodes.writePng(number, 400, png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(400);
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();
        assertThat(decoded).isEqualTo(number);
    }

    @Test
    void theQuietZoneIsAtLeastFourModules() {
        var m = QrCodes.matrix("2000000000015", 21 + 2 * QrCodes.QUIET_ZONE);
        int[] box = m.getEnclosingRectangle();
        assertThat(box[0]).isGreaterThanOrEqualTo(QrCodes.QUIET_ZONE);
        assertThat(box[1]).isGreaterThanOrEqualTo(QrCodes.QUIET_ZONE);
    }
}
