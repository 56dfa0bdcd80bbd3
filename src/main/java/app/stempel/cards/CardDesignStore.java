package app.stempel.cards;

import static app.stempel.store.schema.Tables.SETTING;
import static app.stempel.store.schema.Tables.SHOP_IMAGE;

import java.awt.Color;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jooq.DSLContext;

import app.stempel.owner.Role;
import app.stempel.owner.Role.Who;
import app.stempel.owner.OwnerGate;
import app.stempel.settings.SettingsService;
import app.stempel.store.Database;

/**
 * The shop's card design in the database, shared by every till: the texts, colours and switches as
 * settings, the logo as a picture. Until the owner changes anything, cards carry the shop's name on the
 * default look.
 */
public final class CardDesignStore {

    static final String NAME = "card.shopName";
    static final String LINE = "card.line";
    static final String PANEL = "card.panelColour";
    static final String TEXT = "card.textColour";
    static final String MEMBER_NAME = "card.memberName";
    static final String CODE128 = "card.code128";
    static final String LOGO = "card.logo";

    /** Shop name on cards when the shop has none set. */
    public static final String DEFAULT_SHOP_NAME = "Stempel";

    private final Database db;
    private final Clock clock;
    private final OwnerGate owner;

    /** @param owner asked before the design is changed: it is the owner's */
    public CardDesignStore(Database db, Clock clock, OwnerGate owner) {
        this.db = Objects.requireNonNull(db);
        this.clock = Objects.requireNonNull(clock);
        this.owner = Objects.requireNonNull(owner);
    }

    /** The design as last saved; a value that cannot be read falls back to the default for it. */
    @Role(Who.TILL)
    public CardDesign load() {
        Map<String, String> s = db.dsl().select(SETTING.SETTING_KEY, SETTING.SETTING_VALUE).from(SETTING)
                .where(SETTING.SETTING_KEY.like("card.%").or(SETTING.SETTING_KEY.eq(SettingsService.SHOP_NAME)))
                .fetchMap(SETTING.SETTING_KEY, SETTING.SETTING_VALUE);
        String shop = s.getOrDefault(SettingsService.SHOP_NAME, "").isBlank() ? DEFAULT_SHOP_NAME
                : s.get(SettingsService.SHOP_NAME);
        byte[] logo = db.dsl().select(SHOP_IMAGE.BASE64).from(SHOP_IMAGE).where(SHOP_IMAGE.IMAGE_KEY.eq(LOGO))
                .fetchOptional(SHOP_IMAGE.BASE64).map(Base64.getDecoder()::decode).orElse(null);
        return new CardDesign(s.getOrDefault(NAME, shop), logo, colour(s.get(PANEL), CardDesign.DEFAULT_PANEL),
                colour(s.get(TEXT), CardDesign.DEFAULT_TEXT), s.getOrDefault(LINE, ""),
                !"false".equals(s.get(MEMBER_NAME)), "true".equals(s.get(CODE128)));
    }

    /** Stores the whole design, logo included, in one durable transaction. */
    @Role(Who.OWNER)
    public void save(CardDesign design) {
        owner.require();
        Map<String, String> values = new LinkedHashMap<>();
        values.put(NAME, design.shopName());
        values.put(LINE, design.line());
        values.put(PANEL, hex(design.panelColour()));
        values.put(TEXT, hex(design.textColour()));
        values.put(MEMBER_NAME, String.valueOf(design.showMemberName()));
        values.put(CODE128, String.valueOf(design.code128()));
        db.write(tx -> {
            values.forEach((key, value) -> put(tx, key, value));
            tx.deleteFrom(SHOP_IMAGE).where(SHOP_IMAGE.IMAGE_KEY.eq(LOGO)).execute();
            byte[] logo = design.logo();
            if (logo != null) {
                tx.insertInto(SHOP_IMAGE).set(SHOP_IMAGE.IMAGE_KEY, LOGO)
                        .set(SHOP_IMAGE.CONTENT_TYPE, CardLogo.contentType(logo).orElse("application/octet-stream"))
                        .set(SHOP_IMAGE.BASE64, Base64.getEncoder().encodeToString(logo))
                        .set(SHOP_IMAGE.UPDATED_AT, OffsetDateTime.now(clock)).execute();
            }
            return null;
        });
    }

    private static void put(DSLContext tx, String key, String value) {
        if (tx.update(SETTING).set(SETTING.SETTING_VALUE, value).where(SETTING.SETTING_KEY.eq(key)).execute() == 0) {
            tx.insertInto(SETTING).set(SETTING.SETTING_KEY, key).set(SETTING.SETTING_VALUE, value).execute();
        }
    }

    private static Color colour(String hex, Color fallback) {
        try {
            return hex == null ? fallback : CardDesign.colour(hex);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /** {@code #RRGGBB}. */
    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02X%02X%02X", c.getRed(), c.getGreen(), c.getBlue());
    }
}
