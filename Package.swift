// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "plan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "plan", targets: ["plan"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Pure: scenario types, units, cron, the engine, costs, KPIs. No I/O.
        .target(name: "PlanCore"),
        // Text in and out: YAML loading with diagnostics, overrides, renderers, file writing.
        .target(name: "PlanIO", dependencies: ["PlanCore", .product(name: "Yams", package: "Yams")]),
        // The thin command line.
        .executableTarget(
            name: "plan",
            dependencies: ["PlanCore", "PlanIO", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Prints engine speed figures; run with `swift run -c release plan-bench`.
        .executableTarget(name: "plan-bench", dependencies: ["PlanCore", "PlanIO"]),
        .testTarget(name: "PlanCoreTests", dependencies: ["PlanCore"]),
        // Golden/ holds the expected output files, read through #filePath, not bundled.
        .testTarget(name: "PlanIOTests", dependencies: ["PlanCore", "PlanIO"], exclude: ["Golden"]),
        .testTarget(name: "planTests", dependencies: ["plan"]),
    ],
    swiftLanguageModes: [.v6]
)
