package app.stempel.program;

import static app.stempel.store.schema.Tables.MEMBER_GROUP;
import static app.stempel.store.schema.Tables.POINT_REWARD;
import static app.stempel.store.schema.Tables.PROGRAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.stempel.Services;
import app.stempel.owner.OwnerGate;
import app.stempel.owner.OwnerOnlyException;
import app.stempel.program.ProgramRules.Birthday;
import app.stempel.program.ProgramRules.Coupon;
import app.stempel.program.ProgramRules.Expiry;
import app.stempel.program.ProgramRules.ExpiryKind;
import app.stempel.program.ProgramRules.PointReward;
import app.stempel.program.ProgramRules.Problem;
import app.stempel.program.ProgramRules.Tiers;
import app.stempel.testing.MutableClock;
import app.stempel.testing.TestShop;
import org.assertj.core.groups.Tuple;
import java.time.OffsetDateTime;
import app.stempel.store.schema.Tables;

class ProgramServiceTest {

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-06-15T10:00:00Z");
    private Services shop;

    @BeforeEach
    void open() {
        shop = TestShop.open(dir, clock);
    }

    @AfterEach
    void close() {
        assertThat(shop.integrity().run().ok()).isTrue();
        shop.close();
    }

    /** The program and groups as the owner changes them (owner mode is tested on its own). */
    private ProgramService ownerPrograms() {
        return new ProgramService(shop.db(), clock, OwnerGate.TRUSTED);
    }

    private GroupService ownerGroups() {
        return new GroupService(shop.db(), OwnerGate.TRUSTED);
    }

    @Test
    void savingStartsANewVersionAndEndsTheOldOneWithEveryRuleKept() {
        Program first = shop.programs().current().orElseThrow();
        clock.advance(Duration.ofDays(3));
        ProgramRules rules = first.rules().withReward(8, "Free cake").withEarning(1, 1000L)
                .withExpiry(new Expiry(ExpiryKind.AGE, 365))
                .withCoupon(new Coupon(true, 10, null, 14))
                .withBirthday(new Birthday(true, "Free muffin"))
                .withTiers(new Tiers(90, 4, 12, 1000, 1500, 2000))
                .withValues(150, 2);
        Program saved = ownerPrograms().save(rules);

        assertThat(saved.version()).isEqualTo(first.version() + 1);
        assertThat(saved.validFrom()).isEqualTo(OffsetDateTime.now(clock));
        assertThat(saved.rules()).isEqualTo(rules);
        assertThat(shop.programs().current()).get().extracting(Program::id).isEqualTo(saved.id());
        List<Program> versions = shop.programs().versions();
        assertThat(versions).extracting(Program::version).containsExactly(2, 1);
        assertThat(versions.get(1).validTo()).isEqualTo(saved.validFrom());
        assertThat(versions.get(1).rules().stampsForReward()).isEqualTo(5);
    }

    @Test
    void pointsModeKeepsItsRewardsInOrder() {
        ProgramRules rules = shop.programs().current().orElseThrow().rules()
                .withPoints(2, List.of(new PointReward(50, "Coffee"), new PointReward(120, "Lunch")));
        Program saved = ownerPrograms().save(rules);
        assertThat(shop.programs().version(saved.id()).rules().pointRewards())
                .containsExactly(new PointReward(50, "Coffee"), new PointReward(120, "Lunch"));
        assertThat(saved.points()).isTrue();
    }

    @Test
    void rulesWithProblemsAreRefusedAndNothingIsWritten() {
        ProgramRules good = shop.programs().current().orElseThrow().rules();
        assertThat(good.withReward(0, "x").problems()).containsExactly(Problem.STAMPS_FOR_REWARD);
        assertThat(good.withReward(5, " ").problems()).containsExactly(Problem.REWARD_DESCRIPTION);
        assertThat(good.withExpiry(new Expiry(ExpiryKind.INACTIVITY, 0)).problems()).containsExactly(Problem.EXPIRY_DAYS);
        assertThat(good.withCoupon(new Coupon(true, null, "", 14)).problems()).containsExactly(Problem.COUPON);
        assertThat(good.withTiers(new Tiers(180, 5, 5, 1000, 1000, 1000)).problems()).containsExactly(Problem.TIERS);
        assertThat(good.withPoints(1, List.of()).problems()).containsExactly(Problem.POINT_REWARDS);
        assertThatThrownBy(() -> ownerPrograms().save(good.withReward(0, "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(shop.db().dsl().fetchCount(PROGRAM)).isEqualTo(1);
    }

    @Test
    void ownerOnlyMethodsRefuseWithAClosedGateAndWriteNothing() {
        OwnerGate closed = () -> false;
        ProgramService programs = new ProgramService(shop.db(), clock, closed);
        ProgramRules rules = programs.current().orElseThrow().rules()
                .withPoints(1, List.of(new PointReward(10, "Tea")));
        assertThatThrownBy(() -> programs.save(rules)).isInstanceOf(OwnerOnlyException.class);
        assertThat(shop.db().dsl().fetchCount(PROGRAM)).isEqualTo(1);
        assertThat(shop.db().dsl().fetchCount(POINT_REWARD)).isZero();

        ExpiryService expiry = new ExpiryService(shop.db(), clock, programs, shop.settings(), closed);
        assertThatThrownBy(() -> expiry.preview(new Expiry(ExpiryKind.AGE, 30))).isInstanceOf(OwnerOnlyException.class);

        GroupService groups = new GroupService(shop.db(), closed);
        assertThatThrownBy(() -> groups.add("Staff", 0)).isInstanceOf(OwnerOnlyException.class);
        long id = ownerGroups().add("Students", 1500).id();
        assertThatThrownBy(() -> groups.update(id, "Pupils", 2000)).isInstanceOf(OwnerOnlyException.class);
        assertThatThrownBy(() -> groups.remove(id)).isInstanceOf(OwnerOnlyException.class);
        assertThat(shop.db().dsl().fetchCount(MEMBER_GROUP)).isEqualTo(1);
        assertThat(groups.groups()).extracting(GroupService.Group::name).containsExactly("Students");
        assertThat(groups.groups().get(0).multiplierPermille()).isEqualTo(1500);
    }

    @Test
    void groupsAreAddedRenamedAndKeepUniqueNames() {
        var staff = ownerGroups().add("Staff", 0);
        var students = ownerGroups().add(" Students ", 1500);
        assertThat(students.name()).isEqualTo("Students");
        assertThatThrownBy(() -> ownerGroups().add("staff", 1000))
                .isInstanceOfSatisfying(GroupService.GroupException.class,
                        e -> assertThat(e.reason()).isEqualTo(GroupService.GroupException.Reason.NAME_TAKEN));
        assertThatThrownBy(() -> ownerGroups().add("Odd", -1))
                .isInstanceOfSatisfying(GroupService.GroupException.class,
                        e -> assertThat(e.reason()).isEqualTo(GroupService.GroupException.Reason.MULTIPLIER));
        ownerGroups().update(staff.id(), "Team", 500);
        assertThat(ownerGroups().groups()).extracting(GroupService.Group::name, GroupService.Group::multiplierPermille)
                .containsExactly(Tuple.tuple("Students", 1500),
                        Tuple.tuple("Team", 500));

        var member = TestShop.enrol(shop, "Staff member");
        shop.db().write(tx -> tx.update(Tables.MEMBER)
                .set(Tables.MEMBER.GROUP_ID, staff.id())
                .where(Tables.MEMBER.ID.eq(member.memberId())).execute());
        assertThat(ownerGroups().groups().get(1).members()).isEqualTo(1);
        ownerGroups().remove(staff.id());
        assertThat(ownerGroups().groups()).extracting(GroupService.Group::name).containsExactly("Students");
        assertThat(shop.counter().stamp(member.memberId(), null, TestShop.TILL).member().stamps())
                .as("back to 1x").isEqualTo(1);
    }

    @Test
    void liabilityValuesOpenStampsAndCountsMembersOneStampAway() {
        ownerPrograms().save(shop.programs().current().orElseThrow().rules().withValues(250, 0));
        TestShop.withStamps(shop, "Ola", 4);   // 5 for a reward: one away
        TestShop.withStamps(shop, "Kari", 2);
        TestShop.withStamps(shop, "Jan", 9);   // 1 ready, 4 on the next card: one away
        TestShop.enrol(shop, "Nobody");
        var liability = ownerPrograms().liability().orElseThrow();
        assertThat(liability.openStamps()).isEqualTo(15);
        assertThat(liability.valueMinor()).isEqualTo(15 * 250);
        assertThat(liability.oneStampAway()).isEqualTo(2);
        assertThat(shop.integrity().run().ok()).isTrue();
    }
}
