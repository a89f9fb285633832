/// Every message since the UI started, with the time it was said, for the `m` view. The
/// oldest go once there are more than `capacity`.
struct MessageLog: Sendable {
    /// One message as it was said.
    struct Entry: Sendable, Equatable {
        /// When.
        var time: ClockTime
        /// What.
        var message: Message
    }

    /// The entries, oldest first.
    private(set) var entries: [Entry] = []
    /// How many entries are kept.
    let capacity: Int

    /// An empty log keeping at most `capacity` entries.
    init(capacity: Int = 2000) {
        self.capacity = capacity
    }

    /// Adds `messages`, said at `time`.
    mutating func append(_ messages: [Message], at time: ClockTime) {
        entries += messages.map { Entry(time: time, message: $0) }
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
    }
}
