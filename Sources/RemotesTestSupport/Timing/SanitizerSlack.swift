import Foundation

/// How much slower code runs under the sanitizer that `scripts/sanitize.sh` names in
/// `REMOTES_SANITIZER` (AddressSanitizer slows Swift code and NIO about three times,
/// ThreadSanitizer more): tests that wait for the network or for a deadline multiply their
/// durations by it. 1 in a normal run, so the normal bounds stay as tight as they are.
public enum SanitizerSlack {
    /// The factor: 1 without a sanitizer, 3 under AddressSanitizer, 6 under ThreadSanitizer.
    public static let factor: Int = factor(for: ProcessInfo.processInfo.environment["REMOTES_SANITIZER"])

    /// The factor for a `REMOTES_SANITIZER` value.
    public static func factor(for sanitizer: String?) -> Int {
        switch sanitizer {
        case nil, "": 1
        case "thread": 6
        default: 3
        }
    }

    /// `duration` stretched by `factor`.
    public static func scaled(_ duration: Duration) -> Duration { duration * factor }
}
