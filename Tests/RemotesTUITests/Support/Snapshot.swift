import Foundation
import Testing

@testable import RemotesTUI

/// Compares `screen.snapshot` with `Snapshots/NAME.txt` next to the tests. A missing file is
/// written and the test fails (so a new snapshot is looked at once); `RECORD_SNAPSHOTS=1`
/// rewrites every snapshot and fails each test, as a reminder to review the diff and run again.
func assertSnapshot(
    _ screen: MemoryScreen, named name: String, filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = folder.appendingPathComponent("\(name).txt")
    let actual = screen.snapshot
    let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"].map { !$0.isEmpty && $0 != "0" } ?? false
    let expected = try? String(contentsOf: file, encoding: .utf8)
    if recording || expected == nil {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data(actual.utf8).write(to: file)
        Issue.record(
            "snapshot \(name) \(expected == nil ? "was missing" : "re-recorded"): wrote \(file.path); review it and run again",
            sourceLocation: sourceLocation)
        return
    }
    if actual != expected {
        Issue.record(
            "snapshot \(name) differs from \(file.path)\n--- expected\n\(expected ?? "")\n--- actual\n\(actual)",
            sourceLocation: sourceLocation)
    }
}
