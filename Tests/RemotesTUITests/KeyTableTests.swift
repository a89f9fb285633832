import Foundation
import Testing

@testable import RemotesTUI

@Suite struct KeyTableTests {
    private func contexts() -> [KeyContext] {
        [.pane(.endpoints), .pane(.keyservers), .pane(.logins), .filter, .form, .confirm, .help]
    }

    @Test func noKeyIsBoundTwiceInOneContext() {
        for context in contexts() {
            var seen: [Key: Action] = [:]
            for binding in KeyTable.bindings where binding.contexts.contains(context) {
                for key in binding.keys {
                    // Space in forms is a toggle on checkboxes only; that is its one binding.
                    #expect(
                        seen[key] == nil,
                        "\(key) bound to \(seen[key].map { "\($0)" } ?? "") and \(binding.action) in \(context)")
                    seen[key] = binding.action
                }
            }
        }
    }

    @Test func theIssuesKeyListIsBound() {
        let panes: [(Key, Pane, Action)] = [
            (.tab, .endpoints, .nextPane), (.backTab, .logins, .previousPane),
            (.character("1"), .logins, .focusEndpoints), (.character("2"), .endpoints, .focusKeyservers),
            (.character("3"), .endpoints, .focusLogins), (.up, .endpoints, .moveUp),
            (.character("k"), .logins, .moveUp),
            (.down, .keyservers, .moveDown), (.character("j"), .endpoints, .moveDown), (.home, .endpoints, .moveTop),
            (.character("g"), .endpoints, .moveTop), (.end, .endpoints, .moveBottom),
            (.character("G"), .endpoints, .moveBottom), (.pageUp, .endpoints, .pageUp),
            (.pageDown, .endpoints, .pageDown), (.character("a"), .endpoints, .addRemote),
            (.character("a"), .keyservers, .addKeyserver), (.character("a"), .logins, .addLogin),
            (.character("d"), .endpoints, .removeRemote), (.delete, .endpoints, .removeRemote),
            (.delete, .keyservers, .removeKeyserver), (.character("u"), .endpoints, .useRemote),
            (.character("l"), .endpoints, .loginEndpoint), (.character("o"), .endpoints, .logoutEndpoint),
            (.character("s"), .endpoints, .status), (.character("S"), .logins, .statusAll),
            (.shiftUp, .keyservers, .moveKeyserverUp), (.character("K"), .keyservers, .moveKeyserverUp),
            (.shiftDown, .keyservers, .moveKeyserverDown), (.character("J"), .keyservers, .moveKeyserverDown),
            (.character("r"), .endpoints, .reload), (.character("/"), .keyservers, .filter),
            (.escape, .endpoints, .cancel), (.character("?"), .endpoints, .help), (.function(1), .logins, .help),
            (.character("q"), .keyservers, .quit),
        ]
        for (key, pane, action) in panes {
            let binding = KeyTable.bindings.first { $0.contexts.contains(.pane(pane)) && $0.keys.contains(key) }
            #expect(binding?.action == action, "\(key) in \(pane)")
        }
    }

    @Test func everyActionHasABinding() {
        let bound = Set(KeyTable.bindings.map(\.action))
        #expect(Set(Action.allCases).subtracting(bound).isEmpty)
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
