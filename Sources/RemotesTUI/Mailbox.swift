import Foundation

/// Where tasks running off the UI loop leave their results; the loop takes them on its next
/// turn. Thread-safe; the only thing tasks share with the loop.
final class Mailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [UIEvent] = []

    /// Leaves `event` for the loop.
    func post(_ event: UIEvent) {
        lock.lock()
        events.append(event)
        lock.unlock()
    }

    /// Takes every event left so far, oldest first.
    func drain() -> [UIEvent] {
        lock.lock()
        defer { lock.unlock() }
        let taken = events
        events = []
        return taken
    }

    /// True when an event is waiting.
    var isEmpty: Bool {
        lock.lock()
        defer { lock.unlock() }
        return events.isEmpty
    }
}
