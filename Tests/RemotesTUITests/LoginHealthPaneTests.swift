import Foundation
import Glibc
import RemotesCore
import RemotesNetwork
import Testing

@testable import RemotesTUI

/// Issue 15 in the UI: token expiry in the Endpoints pane's LOGIN column, where each login's
/// secret is stored (and shadowed), and `s`/`S` checking stored logins with a STATUS column.
@MainActor
struct LoginHealthPaneTests {
    /// A JWT expiring at `exp` (the signature is never checked for display).
    static func jwt(exp: Int64) -> String {
        func part(_ text: String) -> String {
            Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
        return part(#"{"alg":"RS256","typ":"JWT"}"#) + "." + part(#"{"sub":"u","exp":\#(exp)}"#) + ".c2ln"
    }

    static func user(far: String, month: String, near: String, past: String) -> String {
        var text = "Active: far\nRemotes:\n"
        for (name, token) in [("far", far), ("month", month), ("near", near), ("past", past)] {
            text += "    \(name):\n        URI: \(name).example.org\n        Token: \(token)\n"
            text += "        System: false\n        Exclusive: false\n"
        }
        return text
    }

    @Test(
        "the LOGIN column shows ✓ far from expiry, the days left under a month, and expired", arguments: [false, true])
    func expiryColumn(monochrome: Bool) throws {
        let now = Int64(time(nil))
        let fixture = try Fixture(
            user: Self.user(
                far: Self.jwt(exp: now + 60 * 86_400), month: Self.jwt(exp: now + 12 * 86_400 + 3600),
                near: Self.jwt(exp: now + 3 * 86_400 + 3600),
                past: Self.jwt(exp: now - 86_400)))
        let h = Harness(fixture, size: ScreenSize(width: 100, height: 30), monochrome: monochrome)
        let far = h.screen.line(try #require(h.screen.row(containing: " far ")))
        let month = h.screen.line(try #require(h.screen.row(containing: " month ")))
        let near = h.screen.line(try #require(h.screen.row(containing: " near ")))
        let past = h.screen.line(try #require(h.screen.row(containing: " past ")))
        #expect(far.contains("✓"), "\(far)")
        #expect(month.contains(" 12d"), "\(month)")
        #expect(near.contains(" 3d"), "\(near)")
        #expect(past.contains("expired"), "\(past)")
        h.press(.down, .down, .down, .enter)
        #expect(h.text.contains("Token expires"))
        #expect(h.text.contains("expired"))
    }

    @Test("s checks the selected login again; its cell, the message and the details say what the server said")
    func checkSelectedLogin() async throws {
        let services = ControlledServices()
        let h = Harness(try Fixture(), size: ScreenSize(width: 100, height: 30), services: services)
        h.press(.character("3"), .character("s"))
        await services.waitUntilWaiting("check:docker://registry.example.com")
        #expect(h.state.loginCells["docker://registry.example.com"] == .running)
        let row = try #require(h.screen.row(containing: "docker://registry.example.com"))
        #expect(h.screen.line(row).contains("checking"))
        let login = StoredLogin(uri: "docker://registry.example.com", kind: .registry, isInsecure: false)
        services.answer(
            "check:docker://registry.example.com",
            with: .loginHealth(
                LoginHealth(
                    login: login, username: "dave", status: .rejected,
                    reason: "GET https://registry.example.com/v2/ answered 401 Unauthorized")))
        await h.pump { h.state.tasks.isEmpty }
        #expect(h.screen.line(row).contains("rejected"), "\(h.screen.line(row))")
        #expect(h.message.contains("docker://registry.example.com: rejected: GET"), "\(h.message)")
        h.press(.enter)
        #expect(h.text.contains("401 Unauthorized"))
    }

    @Test("the Logins pane says where each secret is, and which file Apptainer reads instead")
    func storedInAndShadowed() throws {
        let fixture = try Fixture()
        let docker = fixture.home + "/.docker"
        try FileManager.default.createDirectory(atPath: docker, withIntermediateDirectories: true)
        let auth = Data("dave:pw".utf8).base64EncodedString()
        let config = "{\"auths\": {\"registry.example.com\": {\"auth\": \"\(auth)\"}}}"
        try config.write(toFile: docker + "/config.json", atomically: true, encoding: .utf8)
        try "{\"auths\": {}}".write(
            toFile: fixture.home + "/.apptainer/docker-config.json", atomically: true, encoding: .utf8)
        let h = Harness(fixture, size: ScreenSize(width: 140, height: 30))
        let row = h.screen.line(try #require(h.screen.row(containing: "docker://registry.example.com")))
        #expect(row.contains("~/.docker/config.json (shadowed by ~/.apptainer/docker-config.json)"), "\(row)")
        #expect(row.contains("dave"), "\(row)")
    }
}
