import PlanCore
import Testing

@testable import PlanIO

extension LoaderTests {
    // MARK: - Values

    @Test func wrongUnits() {
        expectErrors(
            base(replacing: "    size: 8GiB\n", with: "    size: 8GiB\n    growth: ⟨⟩100MiB\n    churn: ⟨⟩5 days\n"),
            [
                (
                    "workloads.app-db.growth",
                    "rate '100MiB' has no period; expected an amount per period, such as '2GiB/day' or '3%/month'; did you mean '100MiB/day'?"
                ),
                ("workloads.app-db.churn", "expected a rate such as '2GiB/day', '100MiB/h' or '3%/month', found '5 days'"),
            ])
        expectErrors(
            base(replacing: "      volumes: [files]\n", with: "      volumes: [files]\n      ttl: ⟨⟩10GiB\n"),
            [("backups.velero.nightly.ttl", "duration '10GiB' has an unknown unit 'GiB'; expected one of s, m, min, h, d, w, y")])
    }

    @Test func negativeAndHugeSizes() {
        expectErrors(
            base(replacing: "size: 20Gi", with: "size: ⟨⟩-5GiB"),
            [("workloads.files.size", "size '-5GiB' is negative")])
        expectErrors(
            base(replacing: "size: 20Gi", with: "size: ⟨⟩1e30PiB"),
            [("workloads.files.size", "size '1e30PiB' is larger than the model's limit of 2^70 bytes (1 ZiB)")])
    }

    @Test func retainZero() {
        expectErrors(
            base(
                replacing: "targets:\n",
                with:
                    "  longhorn:\n    snap:\n      schedule: \"0 * * * *\"\n      retain: ⟨⟩0\n      volumes: [files]\n      target: minio\ntargets:\n"
            ),
            [("backups.longhorn.snap.retain", "expected a whole number of at least 1, found '0'")])
    }

    @Test func fourFieldCron() {
        expectErrors(
            base(replacing: "schedule: \"0 3 * * *\"", with: "schedule: ⟨⟩\"0 3 * *\""),
            [("backups.velero.nightly.schedule", "expected 5 fields (minute hour day-of-month month day-of-week), found 4")])
    }

    @Test func horizonZero() {
        expectErrors(
            base(replacing: "horizon: 30d", with: "horizon: ⟨⟩0d"),
            [("horizon", "'0d' is shorter than one day; simulate at least '1d'")])
        expectErrors(
            base(replacing: "horizon: 30d", with: "horizon: ⟨⟩101y"),
            [("horizon", "'101y' is longer than 100 years (36,500 days)")])
        // Past the 10,000 years of any duration, the horizon still names its own limit.
        expectErrors(
            base(replacing: "horizon: 30d", with: "horizon: ⟨⟩100000y"),
            [("horizon", "'100000y' is longer than 100 years (36,500 days)")])
    }

    @Test func horizonIsRoundedDownToWholeDays() throws {
        #expect(try load(base(replacing: "horizon: 30d", with: "horizon: 47h")).get().horizonDays == 1)
        #expect(try load(base(replacing: "horizon: 30d", with: "horizon: 100y")).get().horizonDays == 36_500)
    }

    @Test func booleansAndEnums() {
        expectErrors(
            base(replacing: "      retention: 30d\n", with: "      retention: 30d\n      immediate: ⟨⟩yes\n"),
            [("backups.cnpg.app-postgres.immediate", "expected true or false, found 'yes'")])
        expectErrors(
            base(replacing: "kind: volume", with: "kind: ⟨⟩volumes"),
            [("workloads.files.kind", "expected postgres or volume, found 'volumes'; did you mean 'volume'?")])
    }

    @Test func versionAndNames() {
        // scenario.md "Top level": version is 1 or 2.
        expectErrors(base(replacing: "version: 1", with: "version: ⟨⟩3"), [("version", "unsupported version '3'; this plan reads versions 1 and 2")])
        expectErrors(
            base(replacing: "name: lab", with: "name: ⟨⟩Lab_1"),
            [("name", "invalid name 'Lab_1'; use 1–63 characters of a-z, 0-9 and '-', starting with a letter")])
        // A reference to a present but invalid name (`volumes: [total]`) is not reported again.
        expectErrors(
            base(replacing: "  files:\n", with: "  ⟨⟩total:\n").replacing("[files]", with: "[total]"),
            [("workloads.total", "the name 'total' is reserved (monthly.csv uses it for its total rows)")])
    }

    @Test func fileNameThatIsNotAValidName() {
        let text = base.replacing("name: lab\n", with: "")
        #expect(
            errors(text, defaultName: "My Scenario") == [
                "lab.yaml:1:1: error: name: the file name 'My Scenario' is not a valid scenario name (use 1–63 characters of a-z, 0-9 and '-', starting with a letter); add 'name:' to the file"
            ])
    }
}
