// swift-tools-version:6.0
// The layers, from the bottom up: RemotesCore (files and rules) <- RemotesNetwork (HTTP, logins)
// <- RemotesTUI (ncurses front end) <- remotes (the executable: batch commands and TUI launch).
// Linux only, as Apptainer: the code uses Glibc, Linux system calls (O_PATH, renameat2) and
// ncursesw; no Apple platform is declared or supported.
import PackageDescription

let package = Package(
    name: "remotes",
    products: [
        .executable(name: "remotes", targets: ["remotes"]),
        // For the fuzzing package in Fuzz/ (and anyone embedding the core).
        .library(name: "RemotesCore", targets: ["RemotesCore"]),
        .library(name: "RemotesJSON", targets: ["RemotesJSON"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    ],
    targets: [
        // ncursesw through a small shim header (see docs/design.md, "ncurses").
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses", providers: [.apt(["libncurses-dev"])]),

        // The one way to read and write JSON: order-keeping values, a strict parser, the docker
        // config's and our output's layouts. No dependencies, so the fuzz targets use it directly.
        .target(name: "RemotesJSON"),

        // Linux calls glibc declares only under _GNU_SOURCE (O_PATH, renameat2).
        .target(name: "CLinux"),

        // The model, the files and the rules. No terminal, no HTTP.
        .target(
            name: "RemotesCore",
            dependencies: ["CLinux", "RemotesJSON", .product(name: "Yams", package: "Yams")]
        ),

        // Service discovery, tokens, status, registry and keyserver logins, docker config.
        .target(
            name: "RemotesNetwork",
            dependencies: [
                "RemotesCore",
                "RemotesJSON",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
                "CLinux",
            ]
        ),

        // The full-screen terminal UI: pure state and key table, views, and the ncurses screen.
        .target(
            name: "RemotesTUI",
            dependencies: ["RemotesCore", "RemotesNetwork", "CNCurses"]
        ),

        // The executable: argument parsing, batch output, exit codes; opens the TUI.
        .executableTarget(
            name: "remotes",
            dependencies: [
                "RemotesCore",
                "RemotesJSON",
                "RemotesNetwork",
                "RemotesTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Test-only: local HTTP(S) servers that play a Library API endpoint, and helpers.
        .target(
            name: "RemotesTestSupport",
            dependencies: [
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .executableTarget(name: "remotes-test-server", dependencies: ["RemotesTestSupport"]),
        // Benchmark-only: times the TUI's key handling and drawing in process (scripts/bench-tui.sh).
        .executableTarget(name: "remotes-tui-bench", dependencies: ["RemotesTUI", "RemotesCore"]),

        .testTarget(name: "RemotesJSONTests", dependencies: ["RemotesJSON"]),
        // GoYAML/ holds go-yaml's golden output, read by path (not resources).
        .testTarget(name: "RemotesCoreTests", dependencies: ["RemotesCore"], exclude: ["GoYAML"]),
        .testTarget(
            name: "RemotesNetworkTests",
            dependencies: ["RemotesNetwork", "RemotesCore", "RemotesJSON", "RemotesTestSupport"]
        ),
        // Snapshots/ holds the text snapshots the tests read by path (not resources).
        .testTarget(
            name: "RemotesTUITests",
            dependencies: ["RemotesTUI", "RemotesCore", "RemotesNetwork", "RemotesTestSupport"],
            exclude: ["Snapshots"]
        ),
        // Help/ holds the pinned help texts the tests read by path (not resources).
        .testTarget(name: "RemotesCLITests", dependencies: ["remotes", "RemotesTestSupport"], exclude: ["Help"]),
        .testTarget(name: "EndToEndTests", dependencies: ["RemotesTestSupport", "RemotesCore"]),
    ]
)
