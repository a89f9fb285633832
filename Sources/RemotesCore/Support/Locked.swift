import Foundation

/// A value guarded by a pthread mutex (`NSLock`). Used instead of `Synchronization.Mutex`,
/// whose lock ThreadSanitizer cannot see on Linux (it reported the accesses inside `withLock`
/// as races), so that `scripts/sanitize.sh thread` reports only real races.
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    /// A lock guarding `value`.
    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with the value while holding the lock.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
