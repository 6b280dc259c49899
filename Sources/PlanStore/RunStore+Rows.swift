import Foundation
import GRDB
import PlanCore
import PlanIO

/// One recorded row of each summary table, read back into its result type.
extension RunStore {
    /// A `monthly` row; its version 2 columns when the run is version 2.
    static func monthlyRow(_ r: Row, version: Int) throws -> MonthlyRow {
        typealias C = MonthlyColumn
        var billing: MonthlyBilling? = nil
        if version >= 2 {
            var b = MonthlyBilling()
            b.getRequests = number(try r.decode(C.getRequests))
            b.listRequests = number(try r.decode(C.listRequests))
            b.egressBytes = number(try r.decode(C.egressBytes))
            b.egressCost = Money(try r.decode(C.egressCost))
            b.retrievalCost = Money(try r.decode(C.retrievalCost))
            b.earlyDeleteCost = Money(try r.decode(C.earlyDeleteCost))
            b.transitionCost = Money(try r.decode(C.transitionCost))
            b.noncurrentGBMonths = try r.decode(C.noncurrentGBMonths)
            billing = b
        }
        return MonthlyRow(
            month: try r.decode(C.month), target: try r.decode(C.target), days: try r.decode(C.days),
            fixedCost: Money(try r.decode(C.fixedCost)), storageCost: Money(try r.decode(C.storageCost)),
            requestCost: Money(try r.decode(C.requestCost)), totalCost: Money(try r.decode(C.totalCost)),
            gbMonths: try r.decode(C.gbMonths), putRequests: number(try r.decode(C.putRequests)), billing: billing)
    }

    /// A `drills` row (version 2).
    static func drillRow(_ r: Row) throws -> DrillRow {
        typealias C = DrillsColumn
        return DrillRow(
            date: try date(try r.decode(C.date)), secondOfDay: try secondOfDay(try r.decode(C.time)),
            drill: try r.decode(C.drill), workload: try r.decode(C.workload), job: try r.decode(C.job),
            target: try r.decode(C.target), bytesRead: number(try r.decode(C.bytesRead)),
            getRequests: number(try r.decode(C.getRequests)), egressBytes: number(try r.decode(C.egressBytes)),
            egressCost: Money(try r.decode(C.egressCost)), retrievalCost: Money(try r.decode(C.retrievalCost)),
            retrievalSeconds: try r.decode(C.retrievalSeconds), restoreSeconds: try r.decode(C.restoreSeconds))
    }

    /// A `jobs` row.
    static func jobCostRow(_ r: Row) throws -> JobCostRow {
        typealias C = JobsColumn
        var row = JobCostRow(
            month: try r.decode(C.month), job: try r.decode(C.job),
            tier: try known(Tier(rawValue: try r.decode(C.tier)), try r.decode(C.tier)), target: try r.decode(C.target),
            workload: try r.decode(C.workload), gbMonths: try r.decode(C.gbMonths), putRequests: number(try r.decode(C.putRequests)))
        row.fixedCost = Money(try r.decode(C.fixedCost))
        row.storageCost = Money(try r.decode(C.storageCost))
        row.requestCost = Money(try r.decode(C.requestCost))
        row.egressCost = Money(try r.decode(C.egressCost))
        row.retrievalCost = Money(try r.decode(C.retrievalCost))
        row.earlyDeleteCost = Money(try r.decode(C.earlyDeleteCost))
        row.transitionCost = Money(try r.decode(C.transitionCost))
        row.totalCost = Money(try r.decode(C.totalCost))
        return row
    }

    /// A `kpis` row.
    static func kpiRow(_ r: Row) throws -> KPIRow {
        typealias C = KPIsColumn
        return KPIRow(
            kpi: try known(KPIKind(rawValue: try r.decode(C.kpi)), try r.decode(C.kpi)),
            subject: try r.decode(C.subject), limit: try r.decode(C.limit), worst: try r.decode(C.worst),
            unit: try known(KPIUnit(rawValue: try r.decode(C.unit)), try r.decode(C.unit)),
            status: try known(KPIStatus(rawValue: try r.decode(C.status)), try r.decode(C.status)),
            firstFailure: try optionalDate(try r.decode(C.firstFailure)))
    }

    /// A `target_summary` row.
    static func targetSummary(_ r: Row) throws -> TargetSummary {
        TargetSummary(
            name: try r.decode(forColumn: "target"),
            kind: try known(TargetKind(rawValue: try r.decode(forColumn: "kind")), try r.decode(forColumn: "kind")),
            usable: (try r.decode(forColumn: "usable_bytes") as Double?).map(ByteCount.init),
            peakUsed: ByteCount(try r.decode(forColumn: "peak_used_bytes")),
            peakDate: try optionalDate(try r.decode(forColumn: "peak_date")), alertDate: try optionalDate(try r.decode(forColumn: "alert_date")),
            fullDate: try optionalDate(try r.decode(forColumn: "full_date")),
            neededCapacity: (try r.decode(forColumn: "needed_bytes") as Double?).map(ByteCount.init))
    }

    /// A `workload_summary` row.
    static func workloadSummary(_ r: Row) throws -> WorkloadSummary {
        WorkloadSummary(
            name: try r.decode(forColumn: "workload"), peakSize: ByteCount(try r.decode(forColumn: "peak_size_bytes")),
            volume: (try r.decode(forColumn: "volume_bytes") as Double?).map(ByteCount.init),
            alertDate: try optionalDate(try r.decode(forColumn: "alert_date")),
            fullDate: try optionalDate(try r.decode(forColumn: "full_date")))
    }

    /// A `job_summary` row.
    static func jobSummary(_ r: Row) throws -> JobSummary {
        JobSummary(
            job: try r.decode(forColumn: "job"), target: try r.decode(forColumn: "target"),
            peakStored: ByteCount(try r.decode(forColumn: "peak_stored_bytes")),
            meanDailyUpload: ByteCount(try r.decode(forColumn: "mean_daily_upload_bytes")),
            finalRestorePoints: try r.decode(forColumn: "final_restore_points"))
    }
}
