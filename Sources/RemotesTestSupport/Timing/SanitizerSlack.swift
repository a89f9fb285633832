import Foundation

/// How much slower code runs under the sanitizer that `scripts/sanitize.sh` names in
/// `REMOTES_SANITIZER` (AddressSanitizer and ThreadSanitizer slow Swift code and NIO several
/// times): tests that wait for the network or for a deadline multiply their durations by it.
/// 1 in a normal run, so the normal bounds stay as tight as they are.
public enum SanitizerSlack {
    /// The factor: 1 without a sanitizer, 3 under one.
    public static let factor: Int = ProcessInfo.processInfo.environment["REMOTES_SANITIZER"] == nil ? 1 : 3

    /// `duration` stretched by `factor`.
    public static func scaled(_ duration: Duration) -> Duration { duration * factor }
}
