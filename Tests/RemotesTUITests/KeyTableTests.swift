import Foundation
import Testing

@testable import RemotesTUI

@Suite struct KeyTableTests {
    private func contexts() -> [KeyContext] {
        [.pane(.endpoints), .pane(.keyservers), .pane(.logins), .filter, .form, .confirm, .help]
    }

    @Test func noKeyIsBoundTwiceInOneContext() {
        for context in contexts() {
            var seen: [Key: String] = [:]
            for binding in KeyTable.bindings where binding.contexts.contains(context) {
                for key in binding.keys {
                    // Space in forms is a toggle on checkboxes only; that is its one binding.
                    #expect(
                        seen[key] == nil,
                        "\(key) bound to \(seen[key].map { "\($0)" } ?? "") and \(binding.name) in \(context)")
                    seen[key] = binding.name
                }
            }
        }
    }

    @Test func theIssuesKeyListIsBound() {
        let panes: [(Key, Pane, String)] = [
            (.tab, .endpoints, "next-pane"), (.backTab, .logins, "previous-pane"),
            (.character("1"), .logins, "focus-endpoints"), (.character("2"), .endpoints, "focus-keyservers"),
            (.character("3"), .endpoints, "focus-logins"), (.up, .endpoints, "move-up"),
            (.character("k"), .logins, "move-up"),
            (.down, .keyservers, "move-down"), (.character("j"), .endpoints, "move-down"),
            (.home, .endpoints, "move-top"),
            (.character("g"), .endpoints, "move-top"), (.end, .endpoints, "move-bottom"),
            (.character("G"), .endpoints, "move-bottom"), (.pageUp, .endpoints, "page-up"),
            (.pageDown, .endpoints, "page-down"), (.character("a"), .endpoints, "add-remote"),
            (.character("a"), .keyservers, "add-keyserver"), (.character("a"), .logins, "add-login"),
            (.character("d"), .endpoints, "remove-remote"), (.delete, .endpoints, "remove-remote"),
            (.delete, .keyservers, "remove-keyserver"), (.character("u"), .endpoints, "use-remote"),
            (.character("l"), .endpoints, "login-endpoint"), (.character("o"), .endpoints, "logout-endpoint"),
            (.character("s"), .endpoints, "status"), (.character("S"), .logins, "status-all"),
            (.shiftUp, .keyservers, "move-keyserver-up"), (.character("K"), .keyservers, "move-keyserver-up"),
            (.shiftDown, .keyservers, "move-keyserver-down"), (.character("J"), .keyservers, "move-keyserver-down"),
            (.character("r"), .endpoints, "reload"), (.character("/"), .keyservers, "filter"),
            (.escape, .endpoints, "cancel"), (.character("?"), .endpoints, "help"), (.function(1), .logins, "help"),
            (.character("q"), .keyservers, "quit"),
        ]
        for (key, pane, action) in panes {
            let binding = KeyTable.bindings.first { $0.contexts.contains(.pane(pane)) && $0.keys.contains(key) }
            #expect(binding?.name == action, "\(key) in \(pane)")
        }
    }

    @Test func everyBindingHasItsOwnName() {
        let names = KeyTable.bindings.map(\.name)
        #expect(Set(names).count == names.count)
    }

    @Test func helpListsEveryBindingOnce() {
        let rows = KeyTable.helpSections.flatMap(\.rows)
        // "s" is listed under both Endpoints and Keyservers.
        #expect(rows.count == KeyTable.bindings.count + 1)
        #expect(KeyTable.helpSections.map(\.title).contains("Keyservers"))
    }

    @Test func markdownIsATableOfEveryBinding() {
        let markdown = KeyTable.markdown()
        #expect(markdown.hasPrefix("# Key bindings"))
        #expect(markdown.contains("| Keys | Action |"))
        #expect(markdown.contains("| `Shift-↑`, `K` | move the selected keyserver up (saved at once) |"))
        #expect(markdown.contains("| `/` | filter the focused pane |"))
        let tableRows = markdown.split(separator: "\n").filter { $0.hasPrefix("| `") || $0.hasPrefix("| text") }
        #expect(tableRows.count == KeyTable.bindings.count + 1)
    }
}

@Suite struct KeybindingsDocTests {
    @Test func docsKeybindingsIsGeneratedFromTheKeyTable() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/keybindings.md")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try KeyTable.markdown().write(to: path, atomically: true, encoding: .utf8)
        }
        let text = try String(contentsOf: path, encoding: .utf8)
        #expect(
            text == KeyTable.markdown(),
            "docs/keybindings.md is stale: regenerate it with RECORD_SNAPSHOTS=1 swift test --filter KeybindingsDocTests"
        )
    }
}
