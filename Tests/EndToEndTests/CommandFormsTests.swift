import Foundation
import RemotesTestSupport
import Testing

/// The command forms of Apptainer ≥ 1.3 (`keyserver …`, `registry …`), SingularityCE's files,
/// and `get-login-password`.
@Suite("Other command forms")
struct CommandFormsTests {
    /// A sandbox whose default remote is a user remote on the placeholder endpoint (so its
    /// built-in keyserver is known offline).
    func keyserverSandbox() async throws -> CLISandbox {
        let box = try CLISandbox()
        #expect(try await box.run(["add", "--no-login", "mine", "cloud.apptainer.org"]).status == 0)
        return box
    }

    @Test("keyserver add/remove/list: the same files as add-keyserver, Apptainer's list layout in a stable order")
    func keyserverGroup() async throws {
        let viaGroup = try await keyserverSandbox()
        let viaOld = try await keyserverSandbox()
        for (group, old) in [
            (
                ["keyserver", "add", "-i", "mine", "hkp://h.example"],
                ["add-keyserver", "-i", "mine", "hkp://h.example"]
            ),
            (
                ["keyserver", "add", "--order", "1", "https://pgp.example.com"],
                ["add-keyserver", "-o", "1", "https://pgp.example.com"]
            ),
            (["keyserver", "remove", "https://keys.openpgp.org"], ["remove-keyserver", "https://keys.openpgp.org"]),
        ] {
            let a = try await viaGroup.run(group)
            let b = try await viaOld.run(old)
            #expect(a.status == 0, "\(group): \(a.stderr)")
            #expect(a.stderr == b.stderr, "\(group)")
            #expect(!b.stderr.contains("deprecated"))
        }
        #expect(viaGroup.read(viaGroup.userFile) == viaOld.read(viaOld.userFile))
        let list = try await viaGroup.run(["keyserver", "list"])
        #expect(list.status == 0)
        #expect(
            list.stdout == """

                DefaultRemote *
                   #1  https://keys.openpgp.org  🔒

                mine ^
                   #1  https://pgp.example.com  🔒
                   #2  hkp://h.example          \("")

                (* = system endpoint, ^ = default endpoint)

                """)
        let one = try await viaGroup.run(["keyserver", "list", "DefaultRemote"])
        #expect(
            one.stdout
                == "\nDefaultRemote *\n   #1  https://keys.openpgp.org  🔒\n\n(* = system endpoint, ^ = default endpoint)\n"
        )
        let unknown = try await viaGroup.run(["keyserver", "list", "nope"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "FATAL:   no remote-endpoint with the name \"nope\" found\n")
    }

    @Test("the older forms print Apptainer's deprecation warning only with --verbose")
    func deprecationOnlyWhenVerbose() async throws {
        let box = try await keyserverSandbox()
        let quiet = try await box.run(["add-keyserver", "https://a.example"])
        #expect(quiet.stderr == "INFO:    Keyserver \"https://a.example\" added at position 2.\n")
        let loud = try await box.run(["--verbose", "remove-keyserver", "https://a.example"])
        #expect(
            loud.stderr.hasPrefix(
                "WARNING: 'remote remove-keyserver' is deprecated and will be removed in a future release; running 'keyserver remove'\n"
            ))
        let logout = try await box.run(["-v", "logout", "docker://never.example"])
        #expect(logout.status == 0)
        #expect(
            logout.stderr.hasPrefix(
                "WARNING: 'remote logout' is deprecated for registries or keyservers and will be removed in a future release; running 'registry logout'\n"
            ))
    }

    @Test(
        "registry list shows every login with SECURE? and where it is stored; keyserver login/logout and registry logout work in the groups"
    )
    func registryAndKeyserverLogins() async throws {
        var configuration = EndpointConfiguration()
        configuration.keyserverCredentials = BasicCredentials(username: "alice", password: "s3cret-keys")
        try await EndpointTestServer.with(configuration: configuration) { server in
            let box = try CLISandbox()
            let uri = server.baseURL
            try box.write(
                box.userFile,
                "Active: mine\nRemotes:\n    mine:\n        URI: cloud.apptainer.org\n        System: false\n        Exclusive: false\n        Keyservers:\n            - URI: \(uri)\n              Skip: false\n              External: true\n              Insecure: false\nCredentials:\n    - URI: docker://r.example\n      Insecure: true\n",
                mode: 0o600)
            let login = try await box.run(
                ["--batch", "keyserver", "login", "-u", "alice", "--password-stdin", uri], stdin: "s3cret-keys\n")
            #expect(login.status == 0, "\(login.stderr)")
            #expect(!login.stdout.contains("s3cret") && !login.stderr.contains("s3cret"))
            let list = try await box.run(["registry", "list"])
            func pad(_ text: String) -> String {
                text + String(repeating: " ", count: max(18, uri.count) + 2 - text.count)
            }
            #expect(
                list.stdout
                    == "\n\(pad("URI"))SECURE?  STORED IN\n\(pad("docker://r.example"))✗!       (no secret found)\n\(pad(uri))✓        \(box.userFile)\n"
            )
            let logout = try await box.run(["keyserver", "logout", uri])
            #expect(logout.status == 0)
            #expect(logout.stderr == "INFO:    Logout succeeded\n")
            let registryLogout = try await box.run(["registry", "logout", "docker://r.example"])
            #expect(registryLogout.status == 0)
            #expect(registryLogout.stderr.contains("WARNING: There is no existing login to registry \"r.example\"."))
            #expect(box.read(box.userFile)?.contains("Credentials") == false)
            let empty = try await box.run(["registry", "list"])
            #expect(empty.stdout == "\nURI  SECURE?  STORED IN\n")
        }
    }

    @Test("registry login with --tokenfile, or without a password in --batch, is a usage error")
    func registryLoginUsage() async throws {
        let box = try CLISandbox()
        let tokenfile = try await box.run(["registry", "login", "-u", "a", "--tokenfile", "t", "docker://r.example"])
        #expect(tokenfile.status == 64)
        #expect(tokenfile.stderr.contains("--tokenfile is only supported for login to a remote endpoint"))
        let batch = try await box.run(["--batch", "registry", "login", "-u", "a", "docker://r.example"])
        #expect(batch.status == 64)
        #expect(batch.stderr.contains("--password-stdin"))
        #expect(box.read(box.userFile) == nil)
    }

    @Test("SingularityCE: its files, its default remote, its name-clash and symlink rules, and list says so")
    func singularityFlavour() async throws {
        let box = try CLISandbox()
        let userFile = box.home + "/.singularity/remote.yaml"
        // --flavor singularity with no file: the built-in default is SylabsCloud.
        let stock = try await box.run(["--flavor", "singularity", "list"], environment: ["REMOTES_SYSTEM_CONFIG": ""])
        #expect(stock.status == 0)
        #expect(stock.stdout.hasPrefix("SingularityCE configuration: \(userFile)\n\nCloud Services Endpoints\n"))
        #expect(stock.stdout.contains("\nSylabsCloud  cloud.sylabs.io  ✓         ✓                    ✓\n"))
        // Writes go to ~/.singularity, not ~/.apptainer.
        let add = try await box.run(
            ["--flavor", "singularity", "add", "--no-login", "-n", "mine", "mine.example"],
            environment: ["REMOTES_SYSTEM_CONFIG": ""])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(box.read(userFile)?.contains("    mine:\n") == true)
        #expect(box.read(box.userFile) == nil)
        // Found automatically when only ~/.singularity/remote.yaml exists.
        let auto = try await box.run(["list"], environment: ["REMOTES_SYSTEM_CONFIG": ""])
        #expect(auto.stdout.hasPrefix("SingularityCE configuration: "))
        #expect(auto.stdout.contains("\nmine "))
        // REMOTES_FLAVOR and SINGULARITY_CONFIGDIR.
        let folder = box.folder.path("sing")
        let env = try await box.run(
            ["add", "--no-login", "x", "x.example"],
            environment: [
                "REMOTES_FLAVOR": "singularity", "SINGULARITY_CONFIGDIR": folder, "REMOTES_SYSTEM_CONFIG": "",
            ])
        #expect(env.status == 0)
        #expect(box.read(folder + "/remote.yaml")?.contains("    x:\n") == true)
        // A user remote named like a system one is refused (SingularityCE: a collision), in
        // SingularityCE's mode only.
        try box.write(
            box.systemFile,
            "Active: SylabsCloud\nRemotes:\n    SylabsCloud:\n        URI: cloud.sylabs.io\n        System: true\n        Exclusive: false\n"
        )
        let before = box.read(userFile)
        let clash = try await box.run(["--flavor", "singularity", "add", "--no-login", "SylabsCloud", "y.example"])
        #expect(clash.status == 1)
        #expect(clash.stderr.contains("SylabsCloud is already a remote"))
        #expect(box.read(userFile) == before)
        try box.write(
            userFile,
            (before ?? "")
                + "    SylabsCloud:\n        URI: mine.example\n        System: false\n        Exclusive: false\n")
        let collision = try await box.run(["--flavor", "singularity", "list"])
        #expect(collision.status == 1)
        #expect(collision.stderr == "FATAL:   name collision while syncing: SylabsCloud\n")
        let apptainer = try await box.run(["--flavor", "apptainer", "--config", userFile, "list"])
        #expect(apptainer.status == 0)
        #expect(apptainer.stderr.contains("SylabsCloud defined both globally and individually, using individual"))
        // Symlinked config files are refused.
        let link = box.folder.path("link.yaml")
        try FileManager.default.createSymbolicLink(
            atPath: link, withDestinationPath: box.folder.path("sing/remote.yaml"))
        let symlink = try await box.run(["--flavor", "singularity", "--config", link, "list"])
        #expect(symlink.status == 65)
        #expect(symlink.stderr.contains("is a symbolic link"))
        #expect(try await box.run(["--flavor", "apptainer", "--config", link, "list"]).status == 0)
    }

    @Test("get-login-password: the secret alone on stdout; 401, 404 and an unreachable library fail non-zero")
    func getLoginPassword() async throws {
        let token = validLengthToken("glp")
        try await EndpointFixture.with { fixture in
            fixture.server.configure {
                $0.validTokens = [token]
                $0.secret = "registry-secret-42"
            }
            try await fixture.addRemote("lib")
            let file = try fixture.tokenFile("token", token)
            #expect(try await fixture.run("login", ["--tokenfile", file, "lib"]).status == 0)
            let ok = try await fixture.run("get-login-password")
            #expect(ok.status == 0, "\(ok.stderr)")
            #expect(ok.stdout == "registry-secret-42\n")
            #expect(!ok.stderr.contains("registry-secret-42"))

            fixture.server.configure { $0.userEndpointFound = false }
            let missing = try await fixture.run("get-login-password")
            #expect(missing.status == 1)
            #expect(missing.stdout == "")
            #expect(missing.stderr == "FATAL:   user endpoint not found\n")

            fixture.server.configure {
                $0.userEndpointFound = true
                $0.validTokens = []
            }
            let unauthorized = try await fixture.run("get-login-password")
            #expect(unauthorized.status == 1)
            #expect(unauthorized.stdout == "")
            #expect(unauthorized.stderr == "FATAL:   must be logged in to retrieve user data\n")

            await fixture.server.stop()
            // Discovery still comes from the cache; the library itself cannot be reached.
            let unreachable = try await fixture.run("get-login-password", timeout: "10")
            #expect(unreachable.status == 69)
            #expect(unreachable.stdout == "")
            #expect(unreachable.stderr.hasPrefix("FATAL:   error making request: connection to 127.0.0.1:"))
            let noDiscovery = try await fixture.run("get-login-password", ["--refresh"], timeout: "2")
            #expect(noDiscovery.status == 69)
            #expect(noDiscovery.stderr.hasPrefix("FATAL:   while retrieving services: error making request to server:"))
        }
    }

    @Test("get-login-password without a login or on the placeholder endpoint says why")
    func getLoginPasswordRefusals() async throws {
        let box = try CLISandbox()
        let stock = try await box.run(["get-login-password"])
        #expect(stock.status == 1)
        #expect(stock.stdout == "")
        #expect(stock.stderr.contains("must be logged in to retrieve user data"))
    }
}
