import Testing

@testable import RemotesCore

@Suite("add, remove and use, through the store")
struct RemoteRulesTests {
    @Test("add makes the new remote the default and writes Apptainer's bytes")
    func add() throws {
        let box = Sandbox()
        let outcome = try box.store(root: false).apply(
            .addRemote(
                name: "cloud", uri: "https://cloud.sycloud.io/", insecure: false, global: false, makeDefault: true))
        #expect(outcome.notices == [.info("Remote \"cloud\" added.")])
        #expect(
            box.read(box.userFile) == """
                Active: cloud
                Remotes:
                    cloud:
                        URI: cloud.sycloud.io
                        System: false
                        Exclusive: false

                """)
        #expect(outcome.writtenFiles == [box.userFile])
    }

    @Test("add --no-default keeps the default; a duplicate name is refused and changes nothing")
    func addNoDefaultAndDuplicate() throws {
        let box = Sandbox()
        let store = box.store(root: false)
        try store.apply(.addRemote(name: "a", uri: "a.example", insecure: false, global: false, makeDefault: true))
        try store.apply(.addRemote(name: "b", uri: "b.example", insecure: false, global: false, makeDefault: false))
        #expect(try box.userConfig().active == "a")
        let before = box.read(box.userFile)
        let error = failure { () throws(RemotesError) in
            try store.apply(.addRemote(name: "a", uri: "x.example", insecure: false, global: false, makeDefault: true))
        }
        #expect(error?.message == "a is already a remote")
        #expect(box.read(box.userFile) == before)
    }

    @Test("add --global needs root; as root it writes the system file, starting from the built-in default")
    func addGlobal() throws {
        let box = Sandbox()
        let error = failure { () throws(RemotesError) in
            try box.store(root: false).apply(
                .addRemote(name: "g", uri: "g.example", insecure: false, global: true, makeDefault: true))
        }
        #expect(error?.message == "Unable to modify global endpoint configuration file: not root user")
        #expect(!FileSystem.exists(box.systemFile))
        try box.store(root: true).apply(
            .addRemote(name: "g", uri: "g.example", insecure: false, global: true, makeDefault: false))
        let system = try box.systemConfig()
        #expect(system.active == "DefaultRemote")
        #expect(system.remotes["g"] == Remote(uri: "g.example", system: true))
        #expect(system.remotes["DefaultRemote"] != nil)
        #expect(FileSnapshot.fingerprint(box.systemFile) != .missing)
    }

    @Test("a user cannot remove a global copy, but can remove one whose system entry is gone")
    func removeGlobalCopy() throws {
        let box = Sandbox()
        box.writeSystem(active: "DefaultRemote", ["DefaultRemote": Remote(uri: "cloud.apptainer.org")])
        box.writeUser(
            RemoteConfig(
                active: "",
                remotes: [
                    "DefaultRemote": Remote(uri: "cloud.apptainer.org", system: true),
                    "old": Remote(uri: "old.example", system: true),
                ]))
        let store = box.store(root: false)
        let error = failure { () throws(RemotesError) in
            try store.apply(.removeRemote(name: "DefaultRemote", global: false))
        }
        #expect(error?.message == "DefaultRemote is global and can't be removed")
        try store.apply(.removeRemote(name: "old", global: false))
        #expect(try box.userConfig().remotes["old"] == nil)
        let unknown = failure { () throws(RemotesError) in try store.apply(.removeRemote(name: "nope", global: false)) }
        #expect(unknown?.message == "nope is not a remote")
    }

    @Test("removing the default clears Active")
    func removeDefault() throws {
        let box = Sandbox()
        let store = box.store(root: false)
        try store.apply(.addRemote(name: "a", uri: "a.example", insecure: false, global: false, makeDefault: true))
        try store.apply(.removeRemote(name: "a", global: false))
        #expect(box.read(box.userFile) == "Active: \"\"\nRemotes: {}\n")
    }

    @Test("use merges the system remotes into the user file, as Apptainer does")
    func usePersistsMerge() throws {
        let box = Sandbox()
        let store = box.store(root: false)
        try store.apply(.addRemote(name: "a", uri: "a.example", insecure: false, global: false, makeDefault: true))
        try store.apply(.useRemote(name: "DefaultRemote", global: false, exclusive: false))
        let user = try box.userConfig()
        #expect(user.active == "DefaultRemote")
        #expect(user.remotes["DefaultRemote"] == Remote(uri: "cloud.apptainer.org", system: true))
    }

    @Test("exclusive rules: refused for users, set by root, and then users cannot switch")
    func exclusive() throws {
        let box = Sandbox()
        box.writeSystem(
            active: "DefaultRemote",
            ["DefaultRemote": Remote(uri: "cloud.apptainer.org"), "company": Remote(uri: "company.example")])
        let user = box.store(root: false)
        try user.apply(.addRemote(name: "mine", uri: "mine.example", insecure: false, global: false, makeDefault: true))
        let notRoot = failure { () throws(RemotesError) in
            try user.apply(.useRemote(name: "company", global: false, exclusive: true))
        }
        #expect(notRoot?.message == "unable to set endpoint as exclusive: not root user")
        let notRootGlobal = failure { () throws(RemotesError) in
            try user.apply(.useRemote(name: "company", global: true, exclusive: true))
        }
        #expect(notRootGlobal?.message == "Unable to modify global endpoint configuration file: not root user")

        try box.store(root: true).apply(.useRemote(name: "company", global: true, exclusive: true))
        let system = try box.systemConfig()
        #expect(system.active == "company")
        #expect(system.remotes["company"]?.exclusive == true)

        let refused = failure { () throws(RemotesError) in
            try user.apply(.useRemote(name: "mine", global: false, exclusive: false))
        }
        #expect(
            refused?.message == "could not use mine: remote company has been set exclusive by the system administrator")
        try user.apply(.useRemote(name: "company", global: false, exclusive: false))
        #expect(try box.userConfig().active == "company")
        // add (without -n) while the user file holds the exclusive copy fails and adds nothing
        let before = box.read(box.userFile)
        let addRefused = failure { () throws(RemotesError) in
            try user.apply(
                .addRemote(name: "other", uri: "o.example", insecure: false, global: false, makeDefault: true))
        }
        #expect(
            addRefused?.message
                == "could not use other: remote company has been set exclusive by the system administrator")
        #expect(box.read(box.userFile) == before)
    }

    @Test("root use --exclusive takes exclusivity from the previous default only")
    func exclusiveMoves() throws {
        let box = Sandbox()
        box.writeSystem(
            active: "a",
            ["a": Remote(uri: "a", exclusive: true), "b": Remote(uri: "b"), "c": Remote(uri: "c", exclusive: true)])
        try box.store(root: true).apply(.useRemote(name: "b", global: false, exclusive: true))
        let system = try box.systemConfig()
        #expect(system.active == "b")
        #expect(system.remotes["a"]?.exclusive == false)
        #expect(system.remotes["b"]?.exclusive == true)
        #expect(system.remotes["c"]?.exclusive == true)
    }

    @Test("a change checks the fingerprints it was given and writes nothing when the file moved on")
    func changedOnDisk() throws {
        let box = Sandbox()
        let store = box.store(root: false)
        try store.apply(.addRemote(name: "a", uri: "a.example", insecure: false, global: false, makeDefault: true))
        let seen = try store.load().fingerprints
        try store.apply(.addRemote(name: "b", uri: "b.example", insecure: false, global: false, makeDefault: false))
        let before = box.read(box.userFile)
        let error = failure { () throws(RemotesError) in
            try store.apply(.removeRemote(name: "a", global: false), expecting: seen)
        }
        #expect(error?.category == .changedOnDisk)
        #expect(box.read(box.userFile) == before)
    }

    @Test("a file that does not parse is never overwritten")
    func unparsedFile() throws {
        let box = Sandbox()
        box.write(box.userFile, "Remotes: [oops\n")
        let error = failure { () throws(RemotesError) in
            try box.store(root: false).apply(
                .addRemote(name: "a", uri: "a", insecure: false, global: false, makeDefault: true))
        }
        #expect(error?.category == .badFile)
        #expect(error?.message.hasPrefix("while parsing remote config data: \(box.userFile): line") == true)
        #expect(box.read(box.userFile) == "Remotes: [oops\n")
    }
}
