import Foundation
import RemotesTestSupport
import Testing

/// End-to-end tests of the offline commands: the built binary on temporary files.
@Suite("Offline commands of the built binary")
struct OfflineCommandTests {
    static let stockList = """
        Cloud Services Endpoints
        ========================

        NAME           URI                  DEFAULT?  GLOBAL?  EXCLUSIVE?  SECURE?
        DefaultRemote  cloud.apptainer.org  ✓         ✓                    ✓

        Keyservers
        ==========

        URI                       GLOBAL  INSECURE  ORDER
        https://keys.openpgp.org  YES     NO        1*

        * Active cloud services keyserver

        """

    @Test("list on a fresh home shows the built-in default and creates no file")
    func listStock() async throws {
        let box = try CLISandbox()
        let result = try await box.run(["list"])
        #expect(result.status == 0)
        #expect(result.stdout == Self.stockList)
        #expect(result.stderr == "")
        #expect(box.read(box.userFile) == nil)
        #expect(box.read(box.systemFile) == nil)
    }

    @Test("add writes Apptainer's bytes with mode 0600 in a 0700 folder, and list shows it")
    func add() async throws {
        let box = try CLISandbox()
        let result = try await box.run(["add", "--no-login", "myremote", "https://enterprise.example.com/"])
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(result.stderr == "INFO:    Remote \"myremote\" added.\n")
        #expect(
            box.read(box.userFile) == """
                Active: myremote
                Remotes:
                    myremote:
                        URI: enterprise.example.com
                        System: false
                        Exclusive: false

                """)
        #expect(box.mode(box.userFile) == 0o600)
        #expect(box.mode(box.home + "/.apptainer") == 0o700)
        let list = try await box.run(["list"])
        #expect(
            list.stdout.hasPrefix(
                """
                Cloud Services Endpoints
                ========================

                NAME           URI                     DEFAULT?  GLOBAL?  EXCLUSIVE?  SECURE?
                DefaultRemote  cloud.apptainer.org               ✓                    ✓
                myremote       enterprise.example.com  ✓                              ✓

                """))
    }

    @Test("options may stand before or after the subcommand and after positional arguments")
    func optionPlacement() async throws {
        let box = try CLISandbox()
        let config = box.folder.path("custom.yaml")
        let a = try await box.run(["--batch", "--config", config, "add", "--no-login", "a", "a.example"])
        let b = try await box.run(["add", "b", "b.example", "--no-login", "-n", "--config", config, "--batch"])
        #expect(a.status == 0)
        #expect(b.status == 0)
        let text = try #require(box.read(config))
        #expect(text.hasPrefix("Active: a\nRemotes:\n    a:\n"))
        #expect(text.contains("    b:\n        URI: b.example\n"))
        #expect(box.read(box.userFile) == nil)
    }

    @Test("http needs --insecure (or APPTAINER_ADD_INSECURE); a port is stored with its scheme")
    func insecureAndPorts() async throws {
        let box = try CLISandbox()
        let refused = try await box.run(["add", "--no-login", "t", "http://test.example.com"])
        #expect(refused.status == 64)
        #expect(refused.stderr == "FATAL:   http URI requires --insecure or APPTAINER_ADD_INSECURE=true\n")
        #expect(box.read(box.userFile) == nil)
        let env = try await box.run(
            ["add", "--no-login", "t", "http://test.example.com"], environment: ["APPTAINER_ADD_INSECURE": "true"])
        #expect(env.status == 0)
        let port = try await box.run(["add", "--no-login", "-n", "p", "127.0.0.1:8443"])
        #expect(port.status == 0)
        let text = try #require(box.read(box.userFile))
        #expect(
            text.contains(
                "    t:\n        URI: test.example.com\n        System: false\n        Exclusive: false\n        Insecure: true\n"
            ))
        #expect(text.contains("    p:\n        URI: https://127.0.0.1:8443\n"))
        let list = try await box.run(["list"])
        #expect(list.stdout.contains("\nt              test.example.com        ✓                              ✗!\n"))
    }

    @Test("errors: duplicate, unknown names, bad names and URIs give a message, a code, and no change")
    func errors() async throws {
        let box = try CLISandbox()
        _ = try await box.run(["add", "--no-login", "a", "cloud.apptainer.org"])
        let before = box.read(box.userFile)
        let cases: [([String], Int32, String)] = [
            (["add", "--no-login", "a", "b.example"], 1, "FATAL:   a is already a remote\n"),
            (["use", "nope"], 1, "FATAL:   nope is not a remote\n"),
            (["remove", "nope"], 1, "FATAL:   nope is not a remote\n"),
            (["add", "--no-login", " ", "b.example"], 64, "FATAL:   invalid name: cannot have empty name\n"),
            (["add", "--no-login", "b", ""], 64, "FATAL:   invalid URI: cannot have empty URI\n"),
            (["add", "--no-login", "b", "docker://x"], 64, "unsupported scheme \"docker\""),
            (["add-keyserver", "--order", "9", "https://k.example"], 1, "order is out of range: maximum is 2"),
            (["add-keyserver", "--order", "0", "https://k.example"], 64, "order must be > 0"),
            (["add-keyserver", "nope", "https://k.example"], 1, "FATAL:   no endpoint found: nope\n"),
            (["remove-keyserver", "https://never.example"], 1, "keyserver https://never.example is not configured"),
            (["logout", "nope"], 1, "FATAL:   nope is not a remote\n"),
            (["add", "a"], 64, "Missing expected argument"),
            (["list", "extra"], 64, "Unexpected argument"),
            (["frobnicate"], 64, "Unexpected argument"),
        ]
        for (arguments, code, message) in cases {
            let result = try await box.run(arguments)
            #expect(result.status == code, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(box.read(box.userFile) == before, "\(arguments)")
        }
    }

    @Test("use and remove, with Apptainer's messages; use persists the merged global remotes")
    func useAndRemove() async throws {
        let box = try CLISandbox()
        _ = try await box.run(["add", "--no-login", "a", "a.example"])
        let use = try await box.run(["use", "DefaultRemote"])
        #expect(use.status == 0)
        #expect(use.stderr == "INFO:    Remote \"DefaultRemote\" now in use.\n")
        #expect(
            box.read(box.userFile)?.hasPrefix(
                "Active: DefaultRemote\nRemotes:\n    DefaultRemote:\n        URI: cloud.apptainer.org\n        System: true\n"
            ) == true)
        let global = try await box.run(["remove", "DefaultRemote"])
        #expect(global.status == 1)
        #expect(global.stderr == "FATAL:   DefaultRemote is global and can't be removed\n")
        let remove = try await box.run(["remove", "a"])
        #expect(remove.status == 0)
        #expect(remove.stderr == "INFO:    Remote \"a\" removed.\n")
        #expect(box.read(box.userFile)?.contains("    a:") == false)
    }

    @Test("keyservers: add with --order, list with order and the built-in mark, remove")
    func keyservers() async throws {
        let box = try CLISandbox()
        _ = try await box.run(["add", "--no-login", "mine", "cloud.apptainer.org"])
        #expect(try await box.run(["add-keyserver", "https://pgp.example.com"]).status == 0)
        let ordered = try await box.run(["add-keyserver", "--order", "1", "-i", "mine", "hkp://h.example"])
        #expect(ordered.status == 0)
        let list = try await box.run(["list"])
        #expect(
            list.stdout.hasSuffix(
                """
                Keyservers
                ==========

                URI                       GLOBAL  INSECURE  ORDER
                hkp://h.example           NO      YES       1
                https://keys.openpgp.org  NO      NO        2*
                https://pgp.example.com   NO      NO        3

                * Active cloud services keyserver

                """))
        let duplicate = try await box.run(["add-keyserver", "http://h.example:11371"])
        #expect(duplicate.stderr == "FATAL:   http://h.example:11371 is already configured\n")
        #expect(try await box.run(["remove-keyserver", "https://keys.openpgp.org"]).status == 0)
        #expect(try await box.run(["remove-keyserver", "mine", "hkp://h.example"]).status == 0)
        let last = try await box.run(["remove-keyserver", "https://pgp.example.com"])
        #expect(last.stderr == "FATAL:   the primary keyserver https://pgp.example.com can't be removed\n")
        let text = try #require(box.read(box.userFile))
        #expect(
            text.contains(
                """
                        Keyservers:
                            - URI: https://keys.openpgp.org
                              Skip: true
                              External: false
                              Insecure: false
                            - URI: https://pgp.example.com
                              Skip: false
                              External: true
                              Insecure: false

                """))
    }

    @Test("a file that does not parse is reported with its line and never overwritten")
    func badFile() async throws {
        let box = try CLISandbox()
        let broken = "Active: a\nRemotes:\n  a:\n    URI: [unclosed\n"
        try box.write(box.userFile, broken, mode: 0o600)
        for arguments in [["list"], ["add", "--no-login", "b", "b.example"], ["use", "a"], ["logout", "a"]] {
            let result = try await box.run(arguments)
            #expect(result.status == 65, "\(arguments)")
            #expect(result.stderr.hasPrefix("FATAL:   while parsing remote config data: \(box.userFile): line "))
            #expect(box.read(box.userFile) == broken)
        }
        try FileManager.default.removeItem(atPath: box.userFile)
        try FileManager.default.createDirectory(atPath: box.userFile, withIntermediateDirectories: true)
        let folder = try await box.run(["list"])
        #expect(folder.status == 65)
        #expect(folder.stderr == "FATAL:   \(box.userFile) is a folder: refusing to use it\n")
    }

    @Test("unknown keys are kept on a round trip, with one warning")
    func unknownKeys() async throws {
        let box = try CLISandbox()
        try box.write(
            box.userFile,
            "Active: a\nRemotes:\n  a:\n    URI: a.example\n    System: false\n    Exclusive: false\n    Color: blue\n",
            mode: 0o600)
        let result = try await box.run(["add", "--no-login", "-n", "b", "b.example"])
        #expect(result.status == 0)
        let warnings = result.stderr.components(separatedBy: "\n").filter { $0.hasPrefix("WARNING: ") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("Remotes.a.Color (line 7)") == true)
        #expect(box.read(box.userFile)?.contains("        Exclusive: false\n        Color: blue\n    b:\n") == true)
    }

    @Test("logout clears a token; list --format json never shows it")
    func logoutAndJSON() async throws {
        let box = try CLISandbox()
        let secret = "tok-" + String(repeating: "s3cr3t", count: 40)
        try box.write(
            box.userFile,
            "Active: a\nRemotes:\n    a:\n        URI: a.example\n        Token: \(secret)\n        System: false\n        Exclusive: false\nCredentials:\n    - URI: https://k.example\n      Auth: Basic c2VjcmV0\n      Insecure: false\n",
            mode: 0o600)
        let json = try await box.run(["list", "--format", "json"])
        #expect(json.status == 0)
        #expect(!json.stdout.contains(secret))
        #expect(!json.stdout.contains("c2VjcmV0"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput)) as? [String: Any])
        let remotes = try #require(object["remotes"] as? [[String: Any]])
        #expect(remotes.first { $0["name"] as? String == "a" }?["loggedIn"] as? Bool == true)
        #expect((object["logins"] as? [[String: Any]])?.first?["kind"] as? String == "keyserver")
        let logout = try await box.run(["logout"])
        #expect(logout.status == 0)
        #expect(logout.stderr == "INFO:    Logout succeeded\n")
        #expect(box.read(box.userFile)?.contains(secret) == false)
        let text = try await box.run(["list"])
        #expect(
            text.stdout.hasSuffix(
                "Authenticated Logins\n=================================\n\nURI                INSECURE  STORED IN\nhttps://k.example  NO        \(box.userFile)\n"
            ))
    }

    @Test("a 2-space Apptainer 1.2 file is read as is and rewritten with 4 spaces on a change")
    func legacyFile() async throws {
        let box = try CLISandbox()
        let legacy = "Active: SylabsCloud\nRemotes:\n  SylabsCloud:\n    URI: cloud.sylabs.io\n    System: true\n"
        try box.write(box.systemFile, legacy)
        let list = try await box.run(["list"])
        #expect(list.stdout.contains("SylabsCloud  cloud.sylabs.io  ✓         ✓                    ✓\n"))
        #expect(box.read(box.systemFile) == legacy)
        _ = try await box.run(["use", "SylabsCloud"])
        #expect(
            box.read(box.userFile)
                == "Active: SylabsCloud\nRemotes:\n    SylabsCloud:\n        URI: cloud.sylabs.io\n        System: true\n        Exclusive: false\n"
        )
    }

    @Test("without a subcommand: --batch and a missing terminal are usage errors; --version works")
    func noSubcommand() async throws {
        let box = try CLISandbox()
        let batch = try await box.run(["--batch"])
        #expect(batch.status == 64)
        #expect(batch.stderr.contains("--batch needs a subcommand"))
        let noTTY = try await box.run([])
        #expect(noTTY.status == 64)
        #expect(noTTY.stderr.contains("needs a terminal"))
        let version = try await box.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("0."))
        for shell in ["bash", "zsh", "fish"] {
            let completion = try await box.run(["--generate-completion-script", shell])
            #expect(completion.status == 0)
            #expect(completion.stdout.contains("remotes"))
        }
    }
}
