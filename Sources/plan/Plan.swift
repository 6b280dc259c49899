import ArgumentParser
import Foundation
import PlanCore

/// `plan`: storage-cost and capacity planning for Kubernetes backup stacks.
@main
struct Plan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Storage-cost and capacity planning for Kubernetes backup stacks (CNPG, Velero, Longhorn over MinIO and S3).",
        discussion: """
            Simulates a scenario day by day: database growth, WAL, compression and retention across \
            the CNPG, Velero and Longhorn tiers, object-store capacity, monthly cost, and the KPIs \
            (budget, RPO, RTO, efficiency, capacity, volume fill). Start with `plan simulate`, which \
            runs the built-in example.
            """,
        version: PlanVersion.current,
        subcommands: [
            Simulate.self, Report.self, Validate.self, Tune.self, Runs.self, Show.self, Compare.self, Import.self, Lint.self, Calibrate.self,
            Alerts.self, Schema.self, Explain.self,
        ],
        defaultSubcommand: nil
    )
}
