/// Lets only a few end-to-end tests run their processes and servers at a time. Swift Testing
/// runs every test at once; on a two-core machine dozens of debug binaries and in-process
/// servers at once make answers take seconds, and the timeout tests then measure the machine,
/// not the program.
actor ProcessGate {
    /// The gate the endpoint fixtures share.
    static let shared = ProcessGate(permits: 2)

    private var available: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(permits: Int) {
        available = permits
    }

    /// Runs `body` once a permit is free.
    func withPermit<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            available += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
