package app.stempel.cards;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes that encode exactly a card number, with the 4-module quiet zone scanners need. The cards
 * issue draws whole cards around them; at the counter a PNG of the code is enough to send by phone.
 */
public final class QrCodes {

    /** Modules of white border around the code. */
    public static final int QUIET_ZONE = 4;

    private QrCodes() {
    }

    /** The code's modules for {@code number}, quiet zone included, scaled to about {@code pixels} wide. */
    public static BitMatrix matrix(String number, int pixels) {
        try {
            return new QRCodeWriter().encode(number, BarcodeFormat.QR_CODE, pixels, pixels,
                    Map.of(EncodeHintType.MARGIN, QUIET_ZONE, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + number, e);
        }
    }

    public static BufferedImage image(String number, int pixels) {
        return MatrixToImageWriter.toBufferedImage(matrix(number, pixels));
    }

    /** Writes the code as a PNG of about {@code pixels} × {@code pixels}. */
    public static void writePng(String number, int pixels, Path file) throws IOException {
        if (!ImageIO.write(image(number, pixels), "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }
}
