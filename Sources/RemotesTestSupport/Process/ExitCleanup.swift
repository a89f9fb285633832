import Foundation
import NIOConcurrencyHelpers

/// Removes folders when the test process exits (for per-process caches that outlive every test).
enum ExitCleanup {
    private static let paths = NIOLockedValueBox<[String]>([])
    private static let installed: Bool = {
        atexit { ExitCleanup.removeAll() }
        return true
    }()

    /// Removes `path` (recursively) at process exit.
    static func removeAtExit(_ path: String) {
        _ = installed
        paths.withLockedValue { $0.append(path) }
    }

    private static func removeAll() {
        for path in paths.withLockedValue({ $0 }) {
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
