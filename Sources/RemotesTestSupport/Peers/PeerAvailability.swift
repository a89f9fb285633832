import Foundation

/// Tells whether peer programs are installed and whether a test that needs them should run.
///
/// A test that needs peers is skipped when one is missing, unless `REMOTES_REQUIRE_PEERS=1`: then
/// it runs and fails loudly (the peer's `start` throws `PeerError.notInstalled`).
///
/// ```swift
/// @Test(.enabled(if: PeerAvailability.shouldRun(.dockerRegistry, .htpasswd)))
/// func registryLogin() async throws { let registry = try await RegistryPeer.start(.basic(...)) … }
/// ```
public enum PeerAvailability {
    /// True when `REMOTES_REQUIRE_PEERS=1`: missing peers are failures, not skips.
    public static var peersRequired: Bool {
        ProcessInfo.processInfo.environment["REMOTES_REQUIRE_PEERS"] == "1"
    }

    /// True when `program` is installed and usable.
    public static func isInstalled(_ program: PeerProgram) -> Bool {
        switch program {
        case .python3Cryptography: pythonWithCryptography != nil
        case .setpriv:
            TestProcess.which("setpriv") != nil || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
        case .sks: TestProcess.which("sks") != nil || FileManager.default.isExecutableFile(atPath: "/usr/sbin/sks")
        default: TestProcess.which(program.rawValue) != nil
        }
    }

    /// The programs in `programs` that are not installed.
    public static func missing(_ programs: [PeerProgram]) -> [PeerProgram] {
        programs.filter { !isInstalled($0) }
    }

    /// Whether a test needing `programs` should run: all installed, or peers are required.
    public static func shouldRun(_ programs: PeerProgram...) -> Bool {
        peersRequired || missing(programs).isEmpty
    }

    /// Throws `PeerError.notInstalled` when any of `programs` is missing.
    public static func require(_ programs: PeerProgram...) throws {
        try require(programs)
    }

    /// Throws `PeerError.notInstalled` when any of `programs` is missing.
    public static func require(_ programs: [PeerProgram]) throws {
        let absent = missing(programs)
        if !absent.isEmpty { throw PeerError.notInstalled(absent) }
    }

    /// The python3 that imports `cryptography`: Debian's /usr/bin/python3 first, then PATH's.
    static let pythonWithCryptography: String? = {
        var candidates = ["/usr/bin/python3"]
        if let inPath = TestProcess.which("python3") { candidates.append(inPath) }
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            let result = try? TestProcess.runBlocking(candidate, ["-c", "import cryptography"], timeout: .seconds(20))
            if result?.succeeded == true { return candidate }
        }
        return nil
    }()

    /// The absolute path of `program`'s executable, or nil.
    static func path(of program: PeerProgram) -> String? {
        switch program {
        case .python3Cryptography: pythonWithCryptography
        case .sks: TestProcess.which("sks") ?? (isInstalled(.sks) ? "/usr/sbin/sks" : nil)
        case .setpriv: TestProcess.which("setpriv") ?? "/usr/bin/setpriv"
        default: TestProcess.which(program.rawValue)
        }
    }
}
