import ArgumentParser
import Foundation
import Testing

@testable import remotes

/// `remotes --help` and every subcommand's help, pinned as text files in `Help/` (at 80
/// columns), so that any change to the command line shows up as a diff in review. Regenerate
/// after an intended change with `RECORD_SNAPSHOTS=1 swift test --filter HelpTextTests`.
@Suite("Help texts")
struct HelpTextTests {
    /// Every command, as the words after `remotes` that reach it ("" for `remotes` itself).
    static let commands: [(path: String, type: ParsableCommand.Type)] = {
        var result: [(String, ParsableCommand.Type)] = []
        func walk(_ type: ParsableCommand.Type, _ words: [String]) {
            result.append((words.joined(separator: " "), type))
            for sub in type.configuration.subcommands {
                walk(sub, words + [sub._commandName])
            }
        }
        walk(RemotesCommand.self, [])
        return result
    }()

    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Help")
    }

    static func file(for path: String) -> URL {
        folder.appendingPathComponent((path.isEmpty ? "remotes" : "remotes-" + path.replacing(" ", with: "-")) + ".txt")
    }

    @Test("the help of each command is as pinned", arguments: commands.map(\.path))
    func help(_ path: String) throws {
        let type = try #require(Self.commands.first { $0.path == path }?.type)
        let text = RemotesCommand.helpMessage(for: type, columns: 80) + "\n"
        let file = Self.file(for: path)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        let pinned = try String(contentsOf: file, encoding: .utf8)
        #expect(
            text == pinned,
            "the help of 'remotes \(path)' changed: review it, then RECORD_SNAPSHOTS=1 swift test --filter HelpTextTests"
        )
    }

    @Test("every pinned help file belongs to a command")
    func noStaleFiles() throws {
        let expected = Set(Self.commands.map { Self.file(for: $0.path).lastPathComponent })
        let present = Set(try FileManager.default.contentsOfDirectory(atPath: Self.folder.path))
        #expect(present == expected)
    }
}
