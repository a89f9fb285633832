// swift-tools-version:6.0
// libFuzzer targets (built with -sanitize=fuzzer by scripts/fuzz.sh, never by `swift build` of
// the main package). Each target defines LLVMFuzzerTestOneInput and checks invariants.
import PackageDescription

let core: [Target.Dependency] = ["FuzzSupport", .product(name: "RemotesCore", package: "remotes")]

let package = Package(
    name: "remotes-fuzz",
    dependencies: [.package(name: "remotes", path: "..")],
    targets: [
        .target(name: "CFuzzerDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzerDriver"]),
        .executableTarget(name: "FuzzConfigReader", dependencies: core),
        .executableTarget(name: "FuzzConfigChange", dependencies: core),
        .executableTarget(
            name: "FuzzDiscoveryJSON", dependencies: core + [.product(name: "RemotesJSON", package: "remotes")]),
        .executableTarget(name: "FuzzURI", dependencies: core),
        // The parsers the network layer uses live in RemotesCore and RemotesJSON, so fuzzing
        // never builds NIO with sanitizers.
        .executableTarget(name: "FuzzWWWAuthenticate", dependencies: core),
        .executableTarget(
            name: "FuzzDockerConfig", dependencies: core + [.product(name: "RemotesJSON", package: "remotes")]),
    ]
)
