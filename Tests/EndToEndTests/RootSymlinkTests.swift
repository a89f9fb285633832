import Foundation
import RemotesTestSupport
import Testing

/// Root on paths another user controls (issue 11, findings 1–4): root runs the built binary,
/// `nobody` owns the folders and the links. Every refusal names the path and the link's owner,
/// exits 65, and leaves every root-owned file byte-identical with its mode and owner.
@Suite("Root never follows another user's link", .enabled(if: TestProcess.isRoot, "needs root"))
struct RootSymlinkTests {
    static let rootYAML =
        "Active: secret\nRemotes:\n    secret:\n        URI: secret.example.org\n        System: false\n        Exclusive: false\n"

    /// A sandbox whose home belongs to nobody, and a root-only folder `root/` with files of root's.
    func sandbox() throws -> CLISandbox {
        let box = try CLISandbox(worldTraversable: true)
        try box.folder.giveToNobody("home")
        _ = try box.folder.makeFolder("root", mode: 0o755)
        try box.write(box.folder.path("root/remote.yaml"), Self.rootYAML, mode: 0o640)
        try box.write(
            box.folder.path("root/docker/config.json"), "{\"auths\":{\"registry.example.org\":{\"auth\":\"YTpi\"}}}\n",
            mode: 0o600)
        return box
    }

    func expectRefused(_ result: ProcessResult, naming path: String, _ comment: Comment? = nil) {
        #expect(result.status == 65, "\(comment ?? "") \(result.stderr)")
        #expect(
            result.stderr.contains("\(path) is a symbolic link owned by nobody (uid \(HostileUser.ids.uid))"),
            "\(result.stderr)")
    }

    @Test("1: a config file that is nobody's link to a root file is refused; the root file is untouched")
    func linkedConfigFile() async throws {
        let box = try sandbox()
        let link = box.folder.path("home/remote.yaml")
        try HostileUser.link(link, to: box.folder.path("root/remote.yaml"))
        let before = TreeSnapshot(of: box.folder.path("root"))
        for arguments in [["add", "x", "https://x.example.org"], ["remove", "secret"], ["use", "secret"], ["list"]] {
            let result = try await box.run(["--batch", "--config", link] + arguments)
            expectRefused(result, naming: link, "\(arguments)")
        }
        #expect(TreeSnapshot(of: box.folder.path("root")).differences(from: before) == "")
    }

    @Test("2: a config folder that is nobody's link to a root folder is refused (~/.apptainer and APPTAINER_CONFIGDIR)")
    func linkedConfigFolder() async throws {
        let box = try sandbox()
        let link = box.home + "/.apptainer"
        try HostileUser.link(link, to: box.folder.path("root"))
        let before = TreeSnapshot(of: box.folder.path("root"))
        let add = try await box.run(["--batch", "add", "x", "https://x.example.org"])
        expectRefused(add, naming: link)
        let other = box.home + "/configdir"
        try HostileUser.link(other, to: box.folder.path("root"))
        let viaVariable = try await box.run(
            ["--batch", "add", "x", "https://x.example.org"], environment: ["APPTAINER_CONFIGDIR": other])
        expectRefused(viaVariable, naming: other)
        #expect(TreeSnapshot(of: box.folder.path("root")).differences(from: before) == "")
    }

    @Test("3: a discovery cache folder or file that is nobody's link is never written through")
    func linkedCache() async throws {
        let box = try sandbox()
        try await EndpointTestServer.with(tls: nil) { server in
            let uri = server.baseURL + "/ep"
            #expect(try await box.run(["--batch", "add", "--insecure", "--no-login", "srv", uri]).status == 0)
            // A first status fills the cache, as the user it belongs to: its files are nobody's.
            #expect(try await box.run(["--batch", "status", "--refresh", "srv"]).status == 0)
            let cache = box.home + "/.apptainer/remote-cache"
            let entries = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".json") }
            let entry = try #require(entries.first)
            #expect(HostileUser.ownerAndMode(cache + "/" + entry)?.uid == HostileUser.ids.uid)
            // The entry becomes a link to a root file, then the whole folder a link to root's.
            try HostileUser.link(cache + "/" + entry, to: box.folder.path("root/remote.yaml"))
            let before = TreeSnapshot(of: box.folder.path("root"))
            let throughFile = try await box.run(["--batch", "status", "--refresh", "srv"])
            #expect(
                throughFile.stderr.contains("\(cache)/\(entry) is a symbolic link owned by nobody"),
                "\(throughFile.stderr)")
            try FileManager.default.removeItem(atPath: cache)
            try HostileUser.link(cache, to: box.folder.path("root"))
            let throughFolder = try await box.run(["--batch", "status", "--refresh", "srv"])
            #expect(
                throughFolder.stderr.contains("\(cache) is a symbolic link owned by nobody"), "\(throughFolder.stderr)")
            #expect(TreeSnapshot(of: box.folder.path("root")).differences(from: before) == "")
        }
    }

    @Test("4: a docker config that is nobody's link to root's is not rewritten by logout")
    func linkedDockerConfig() async throws {
        let box = try sandbox()
        try FileManager.default.createDirectory(atPath: box.home + "/.docker", withIntermediateDirectories: true)
        HostileUser.own(box.home + "/.docker")
        let link = box.home + "/.docker/config.json"
        try HostileUser.link(link, to: box.folder.path("root/docker/config.json"))
        let before = TreeSnapshot(of: box.folder.path("root"))
        let result = try await box.run(["--batch", "logout", "docker://registry.example.org"])
        expectRefused(result, naming: link)
        #expect(TreeSnapshot(of: box.folder.path("root")).differences(from: before) == "")
    }

    @Test("root follows its own links, and edits another user's file in place keeping its owner")
    func ownLinksAndForeignFiles() async throws {
        let box = try sandbox()
        // root's own link (a dotfile manager's) is followed, and its target replaced
        let rootLink = box.folder.path("root/link.yaml")
        try FileManager.default.createSymbolicLink(atPath: rootLink, withDestinationPath: "remote.yaml")
        #expect(try await box.run(["--batch", "--config", rootLink, "add", "x", "https://x.example.org"]).status == 0)
        #expect(box.read(box.folder.path("root/remote.yaml"))?.contains("    x:\n") == true)
        #expect(HostileUser.ownerAndMode(rootLink) != nil)
        // nobody's plain file in nobody's folder: edited, still nobody's, mode kept; the lock is nobody's
        let file = box.home + "/mine.yaml"
        try box.write(file, "Active: \"\"\nRemotes: {}\n", mode: 0o640)
        HostileUser.own(file)
        #expect(try await box.run(["--batch", "--config", file, "add", "y", "https://y.example.org"]).status == 0)
        #expect(HostileUser.ownerAndMode(file)?.uid == HostileUser.ids.uid)
        #expect(HostileUser.ownerAndMode(file)?.mode == 0o640)
        #expect(HostileUser.ownerAndMode(file + ".lock")?.uid == HostileUser.ids.uid)
        // files root creates in nobody's home are nobody's, so nobody's own remotes can use them
        #expect(try await box.run(["--batch", "add", "z", "https://z.example.org"]).status == 0)
        #expect(HostileUser.ownerAndMode(box.home + "/.apptainer")?.uid == HostileUser.ids.uid)
        #expect(HostileUser.ownerAndMode(box.home + "/.apptainer")?.mode == 0o700)
        #expect(HostileUser.ownerAndMode(box.userFile)?.uid == HostileUser.ids.uid)
        #expect(HostileUser.ownerAndMode(box.userFile)?.mode == 0o600)
        let asNobody = try await box.runAsNobody(["--batch", "add", "w", "https://w.example.org"])
        #expect(asNobody.status == 0, "\(asNobody.stderr)")
    }

    @Test("a user follows their own links and root's, but not a third user's")
    func usersAndLinks() async throws {
        let box = try sandbox()
        try box.write(box.home + "/real.yaml", "Active: \"\"\nRemotes: {}\n", mode: 0o600)
        HostileUser.own(box.home + "/real.yaml")
        try HostileUser.link(box.home + "/own.yaml", to: "real.yaml")
        let own = try await box.runAsNobody([
            "--batch", "--config", box.home + "/own.yaml", "add", "a", "https://a.example.org",
        ])
        #expect(own.status == 0, "\(own.stderr)")
        #expect(box.read(box.home + "/real.yaml")?.contains("    a:\n") == true)
        try HostileUser.link(box.home + "/roots.yaml", to: "real.yaml", owner: 0)
        let roots = try await box.runAsNobody([
            "--batch", "--config", box.home + "/roots.yaml", "add", "b", "https://b.example.org",
        ])
        #expect(roots.status == 0, "\(roots.stderr)")
        try HostileUser.link(box.home + "/daemons.yaml", to: "real.yaml", owner: 1)
        let third = try await box.runAsNobody([
            "--batch", "--config", box.home + "/daemons.yaml", "add", "c", "https://c.example.org",
        ])
        #expect(third.status == 65)
        #expect(third.stderr.contains("\(box.home)/daemons.yaml is a symbolic link owned by"), "\(third.stderr)")
        #expect(box.read(box.home + "/real.yaml")?.contains("    c:\n") == false)
    }
}
