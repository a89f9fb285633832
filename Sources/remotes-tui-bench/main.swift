// remotes-tui-bench: times the full-screen UI in process (key handling plus a full frame on a
// MemoryScreen) with many remotes. Run it from scripts/bench-tui.sh in a release build:
//
//   remotes-tui-bench [--remotes N] [--repeats R] [--width W] [--height H]
import Foundation
import RemotesCore
import RemotesTUI

var remotes = 10_000
var repeats = 200
var width = 80
var height = 24
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    guard let value = arguments.popFirst().flatMap(Int.init), value > 0 else {
        FileHandle.standardError.write(
            Data("usage: remotes-tui-bench [--remotes N] [--repeats R] [--width W] [--height H]\n".utf8))
        exit(2)
    }
    switch flag {
    case "--remotes": remotes = value
    case "--repeats": repeats = value
    case "--width": width = value
    case "--height": height = value
    default:
        FileHandle.standardError.write(Data("remotes-tui-bench: unknown flag \(flag)\n".utf8))
        exit(2)
    }
}

/// A user file with `count` remotes in the form Apptainer writes: every tenth with two
/// keyservers of its own, every fourth logged in (a made-up token), and a few logins.
func configText(count: Int) -> String {
    var text = "Active: lab-00000\nRemotes:\n"
    for index in 0..<count {
        let name = "lab-" + String(repeating: "0", count: max(0, 5 - String(index).count)) + String(index)
        text += "    \(name):\n        URI: \(name).example.org\n"
        if index % 4 == 0 { text += "        Token: not-a-real-token-\(index)\n" }
        text += "        System: false\n        Exclusive: false\n"
        if index % 10 == 0 {
            text += "        Keyservers:\n"
            for host in ["keys", "pgp"] {
                text += "            - URI: https://\(host).\(name).example.org\n"
                text += "              Skip: false\n              External: true\n              Insecure: false\n"
            }
        }
    }
    text += "Credentials:\n"
    for index in 0..<20 { text += "    - URI: docker://registry-\(index).example.org\n      Insecure: false\n" }
    return text
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("remotes-tui-bench-\(getpid())").path
try FileManager.default.createDirectory(atPath: folder + "/.apptainer", withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }
let locations = ConfigLocations(
    flavor: .apptainer, userFile: folder + "/.apptainer/remote.yaml", userFileIsStandard: true,
    userFolder: folder + "/.apptainer", systemFile: folder + "/no-system.yaml", systemSource: .flag, home: folder)
try Data(configText(count: remotes).utf8).write(to: URL(fileURLWithPath: locations.userFile))

func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    return String(format: "%.3f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
}

let result = await MainActor.run {
    TUIBenchmark.run(
        store: ConfigStore(locations: locations, isRoot: false), size: ScreenSize(width: width, height: height),
        repeats: repeats)
}
print("remotes: \(remotes), screen \(width)x\(height), \(repeats) repeats")
print("first frame (read files + draw): \(milliseconds(result.firstFrame)) ms")
print("key + frame                      median ms    p90 ms    max ms")
for sample in result.samples {
    let name = sample.name.padding(toLength: 32, withPad: " ", startingAt: 0)
    let columns = [sample.median, sample.percentile(90), sample.percentile(100)].map { milliseconds($0).leftPadded(9) }
    print(name + " " + columns.joined(separator: " "))
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
