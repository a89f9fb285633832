import Glibc

/// A time of day for the message log, to the second, in the local time zone.
struct ClockTime: Sendable, Equatable, CustomStringConvertible {
    /// Seconds since midnight.
    var seconds: Int

    /// `HH:MM:SS`.
    var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(seconds / 3600 % 24)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
    }

    /// The local time now.
    static func now() -> ClockTime {
        var clock = time(nil)
        var parts = tm()
        guard localtime_r(&clock, &parts) != nil else { return ClockTime(seconds: 0) }
        return ClockTime(seconds: Int(parts.tm_hour) * 3600 + Int(parts.tm_min) * 60 + Int(parts.tm_sec))
    }
}
