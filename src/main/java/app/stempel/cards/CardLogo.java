package app.stempel.cards;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;
import java.util.Optional;
import java.awt.Color;

/**
 * A logo the owner chose for the cards: checked to be a PNG or JPEG picture and scaled down (never up,
 * never stretched) to at most {@value #MAX_WIDTH} × {@value #MAX_HEIGHT} pixels, which is more than the
 * card's logo box needs at 300 dpi and keeps the stored picture small.
 */
public final class CardLogo {

    /** Largest logo kept, in pixels: about twice the card's logo box at 300 dpi. */
    static final int MAX_WIDTH = 1000;
    static final int MAX_HEIGHT = 300;
    /** Largest file accepted at all, before scaling. */
    static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    /** Largest logo stored; its base64 must fit the database column of 1,000,000 characters. */
    static final int MAX_STORED_BYTES = 700_000;

    /** Why a file cannot be a logo. */
    public static final class NotALogo extends Exception {
        private final String messageKey;

        NotALogo(String messageKey, String detail) {
            super(detail);
            this.messageKey = messageKey;
        }

        /** The bundle key of the message for the person. */
        public String messageKey() {
            return messageKey;
        }
    }

    private CardLogo() {
    }

    /** The logo in {@code file} as PNG or JPEG bytes ready to store. */
    public static byte[] read(Path file) throws NotALogo, IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new NotALogo("cards.logo.tooLarge", file + " has " + Files.size(file) + " bytes");
        }
        return fromBytes(Files.readAllBytes(file));
    }

    /** {@code image/png} or {@code image/jpeg} by the picture's first bytes; empty for anything else. */
    static Optional<String> contentType(byte[] bytes) {
        if (bytes.length > 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return Optional.of("image/png");
        }
        if (bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        return Optional.empty();
    }

    static byte[] fromBytes(byte[] bytes) throws NotALogo, IOException {
        if (contentType(bytes).isEmpty()) {
            throw new NotALogo("cards.logo.notAPicture", "neither PNG nor JPEG");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new NotALogo("cards.logo.notAPicture", "unreadable: " + e);
        }
        if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
            throw new NotALogo("cards.logo.notAPicture", "unreadable picture");
        }
        double scale = Math.min(1, Math.min((double) MAX_WIDTH / image.getWidth(), (double) MAX_HEIGHT / image.getHeight()));
        if (scale == 1 && bytes.length <= MAX_STORED_BYTES) {
            return bytes;
        }
        BufferedImage scaled = scale(image, scale);
        byte[] out = encode(scaled, "png");
        if (out.length > MAX_STORED_BYTES) {
            out = encode(onWhite(scaled), "jpg");
        }
        return out;
    }

    private static BufferedImage scale(BufferedImage image, double scale) {
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static BufferedImage onWhite(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) {
            throw new IOException("no " + format + " writer");
        }
        return out.toByteArray();
    }
}
