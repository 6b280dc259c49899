// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "plan",
    // macOS 15: the Synchronization module (the trace cache's Mutex, tune's Atomic interrupt
    // flag) and String(validating:as:) start there.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "plan", targets: ["plan"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // SQLite for the run store; builds against Debian's libsqlite3-dev on Linux.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // Pure: scenario types, units, cron, the engine, costs, KPIs. No I/O.
        .target(name: "PlanCore"),
        // libcurl through dlopen, for `plan calibrate --prometheus` only: linked, libcurl and
        // its libraries would load at the start of every command (README "Start-up", under "Developing").
        .target(name: "CCurlLoader", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        // Text in and out: YAML loading with diagnostics, overrides, renderers, file writing.
        .target(name: "PlanIO", dependencies: ["PlanCore", "CCurlLoader", .product(name: "Yams", package: "Yams")]),
        // The SQLite run store: the only target that links GRDB, so the compiler checks that
        // nothing else talks to SQLite.
        .target(
            name: "PlanStore",
            dependencies: [
                "PlanCore", "PlanIO", .product(name: "GRDB", package: "GRDB.swift"),
                // The C API, to bind the daily rows without boxing each value.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]),
        // The thin command line. A release build links the Swift runtime and Foundation in
        // (`-static-stdlib`): the binary runs where no toolchain is installed, and it loads 7
        // shared libraries instead of 21, so every command starts 4-6 ms sooner (README
        // "Start-up", under "Developing"). The four libraries are what the static Foundation
        // needs and the module files of the shared one, which the objects are compiled
        // against, do not name. `-no-pie`: a position-dependent executable, whose 89,000
        // pointers in the runtime's metadata the loader no longer relocates at every start
        // (1.5-1.8 ms of CPU less per command; the executable's own code then loads at a
        // fixed address, as Go's binaries do; README "Installing the binary").
        // `--no-export-dynamic`: the 13,000 symbols the driver exports by default are left
        // out of the dynamic symbol table, which the runtime's start-up walks (`dladdr`).
        // `-z now`: full RELRO, the GOT read-only once every symbol is bound at start.
        // `-L StaticLink`: two linker scripts there answer `-lstdc++` and `-lsqlite3` with
        // the static archives of the same libraries, which the driver's flags cannot ask for
        // (its `-lstdc++` and GRDB's `-lsqlite3` come before any flag given here). The loader
        // then relocates 600 symbols at start instead of 3,900 (0.6-0.9 ms less per command).
        // `stdc++` again after the Foundation archives, which need it.
        .executableTarget(
            name: "plan",
            dependencies: ["PlanCore", "PlanIO", "PlanStore", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            exclude: ["StaticLink"],
            linkerSettings: [
                .unsafeFlags(
                    [
                        "-static-stdlib", "-Xclang-linker", "-no-pie", "-Xlinker", "--no-export-dynamic", "-Xlinker", "-z", "-Xlinker", "now",
                        "-L", Context.packageDirectory + "/Sources/plan/StaticLink",
                    ],
                    .when(platforms: [.linux], configuration: .release))
            ]
                + ["CoreFoundation", "_FoundationICU", "_FoundationCollections", "_FoundationCShims", "stdc++"].map {
                    .linkedLibrary($0, .when(platforms: [.linux], configuration: .release))
                }
        ),
        // Prints engine speed figures; run with `swift run -c release plan-bench`.
        .executableTarget(name: "plan-bench", dependencies: ["PlanCore", "PlanIO", "PlanStore"]),
        .testTarget(name: "PlanCoreTests", dependencies: ["PlanCore"]),
        // Rendering/Golden holds the expected output files, read through #filePath, not bundled.
        .testTarget(
            name: "PlanIOTests", dependencies: ["PlanCore", "PlanIO", .product(name: "Yams", package: "Yams")],
            exclude: ["Rendering/Golden", "Compare/Golden", "Import/Fixtures"]),
        // GRDB in the store's tests only to build old run stores and to check stores from outside.
        .testTarget(
            name: "PlanStoreTests",
            dependencies: ["PlanCore", "PlanIO", "PlanStore", .product(name: "GRDB", package: "GRDB.swift")]),
        // PlanIO to read back the scenarios `plan calibrate --write` writes. The tests run the
        // built `plan` binary (`swift build --build-tests` builds it) and do not import it:
        // depending on the target would link its objects, and the release build's static
        // runtime with them, into the test bundle (no static Testing or XCTest to link).
        .testTarget(
            name: "planTests", dependencies: ["PlanCore", "PlanIO", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
