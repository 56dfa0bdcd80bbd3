package app.stempel.program;

import static app.stempel.store.schema.Tables.PROGRAM;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.Services;
import app.stempel.core.Language;
import app.stempel.owner.OwnerGate;
import app.stempel.testing.MutableClock;
import app.stempel.testing.TestShop;
import app.stempel.ui.I18n;
import app.stempel.ui.SameThreadTaskRunner;

class ProgramViewModelTest {

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    private Services shop;

    @BeforeEach
    void open() {
        shop = TestShop.open(dir, clock);
    }

    @AfterEach
    void close() {
        shop.close();
    }

    private ProgramViewModel model(OwnerGate gate) {
        ProgramService programs = new ProgramService(shop.db(), clock, gate);
        ExpiryService expiry = new ExpiryService(shop.db(), clock, programs, shop.settings(), gate);
        ProgramViewModel m = new ProgramViewModel(programs, expiry, new GroupService(shop.db(), gate),
                new SameThreadTaskRunner(), new I18n(Language.ENGLISH));
        m.load();
        return m;
    }

    @Test
    void withOwnerModeClosedSavingSaysSoAndWritesNothing() {
        ProgramViewModel m = model(() -> false);
        m.rewardProperty().set("Free tea");
        m.save();
        assertThat(m.messageProperty().get()).isEqualTo("Owner mode is needed for this. Unlock it with the owner PIN.");
        assertThat(m.failedProperty().get()).isTrue();
        m.groupNameProperty().set("Staff");
        m.groupMultiplierProperty().set("0");
        m.saveGroup();
        assertThat(m.messageProperty().get()).isEqualTo("Owner mode is needed for this. Unlock it with the owner PIN.");
        assertThat(shop.db().dsl().fetchCount(PROGRAM)).isEqualTo(1);
        assertThat(shop.groups().groups()).isEmpty();
    }

    @Test
    void theFieldsShowTheRulesInForceAndUnchangedRulesAreNotSavedAgain() {
        ProgramViewModel m = model(OwnerGate.TRUSTED);
        assertThat(m.versionTextProperty().get()).startsWith("Version 1, in force since");
        assertThat(m.stampsForRewardProperty().get()).isEqualTo("5");
        assertThat(m.rewardProperty().get()).isEqualTo("Free coffee");
        m.save();
        assertThat(m.messageProperty().get()).isEqualTo("Nothing changed: there is nothing to save.");
        assertThat(shop.db().dsl().fetchCount(PROGRAM)).isEqualTo(1);
    }

    @Test
    void typedMultipliersAndAmountsBecomeTheRules() {
        ProgramViewModel m = model(OwnerGate.TRUSTED);
        m.amountPerStampProperty().set("12,50");
        m.loyalMultiplierProperty().set("2");
        m.regularMultiplierProperty().set("1.5");
        m.stampValueProperty().set("1.20");
        m.couponOnProperty().set(true);
        m.couponPercentProperty().set("10");
        m.save();
        ProgramRules saved = shop.programs().current().orElseThrow().rules();
        assertThat(saved.amountPerStamp()).isEqualTo(1250L);
        assertThat(saved.tiers().loyalPermille()).isEqualTo(2000);
        assertThat(saved.tiers().regularPermille()).isEqualTo(1500);
        assertThat(saved.stampValueMinor()).isEqualTo(120);
        assertThat(saved.coupon()).isEqualTo(new ProgramRules.Coupon(true, 10, null, 14));
        assertThat(m.versionTextProperty().get()).startsWith("Version 2");
        assertThat(ProgramViewModel.permille("0")).isZero();
        assertThat(ProgramViewModel.permille("11")).isNull();
        assertThat(ProgramViewModel.permille("-1")).isNull();
    }
}
