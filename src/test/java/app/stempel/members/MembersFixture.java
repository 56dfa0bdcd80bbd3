package app.stempel.members;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

import app.stempel.Services;
import app.stempel.core.Language;
import app.stempel.members.MemberService.Enrolled;
import app.stempel.owner.OwnerGate;
import app.stempel.testing.MutableClock;
import app.stempel.testing.TestShop;
import app.stempel.ui.I18n;
import app.stempel.ui.SameThreadTaskRunner;

/**
 * What the Members view model tests stand on: a shop on a real H2 file with Kari (three stamps), and the
 * screen's view model opened on her, running its work on the calling thread.
 */
final class MembersFixture implements AutoCloseable {

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    final I18n i18n = new I18n(Language.ENGLISH);
    final Services shop;
    final Enrolled kari;

    MembersFixture(Path dir) {
        shop = TestShop.open(dir, clock);
        kari = TestShop.withStamps(shop, "Kari Nordmann", 3);
    }

    /** The screen's view model with Kari open; corrections pass {@code gate}. */
    MembersViewModel model(OwnerGate gate) {
        MembersViewModel m = new MembersViewModel(
                new MemberDirectory(shop.db(), clock, shop.search(), OwnerGate.TRUSTED),
                TestShop.corrections(shop, clock, gate),
                new SameThreadTaskRunner(), i18n, clock, () -> TestShop.TILL, () -> null);
        m.open(kari.memberId());
        return m;
    }

    @Override
    public void close() {
        shop.close();
    }
}
