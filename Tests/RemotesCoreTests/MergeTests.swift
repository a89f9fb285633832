import Testing

@testable import RemotesCore

@Suite("Merging the system config into the user's")
struct MergeTests {
    let system = RemoteConfig(
        active: "DefaultRemote",
        remotes: [
            "DefaultRemote": Remote(uri: "cloud.apptainer.org", token: "sys-token", system: true),
            "company": Remote(
                uri: "company.example.com", system: true, insecure: true,
                keyservers: [Keyserver(uri: "https://keys.company", external: true)]),
        ])

    @Test("system remotes are copied in, without their tokens, with Insecure")
    func copies() throws {
        let (merged, notices) = try Merge.sync(user: RemoteConfig(), system: system, flavor: .apptainer)
        #expect(notices.isEmpty)
        #expect(merged.active == "DefaultRemote")
        #expect(merged.remotes["DefaultRemote"] == Remote(uri: "cloud.apptainer.org", system: true))
        #expect(merged.remotes["company"]?.insecure == true)
        #expect(merged.remotes["company"]?.keyservers.map(\.uri) == ["https://keys.company"])
    }

    @Test("an earlier copy is refreshed but keeps the user's token")
    func refresh() throws {
        let user = RemoteConfig(
            active: "mine",
            remotes: [
                "company": Remote(uri: "old.example.com", token: "user-token", system: true),
                "mine": Remote(uri: "mine.example.com"),
            ])
        let (merged, _) = try Merge.sync(user: user, system: system, flavor: .apptainer)
        #expect(merged.active == "mine")
        #expect(merged.remotes["company"]?.uri == "company.example.com")
        #expect(merged.remotes["company"]?.token == "user-token")
        #expect(merged.remotes["company"]?.insecure == true)
    }

    @Test("a user remote with a system name wins, with Apptainer's INFO; SingularityCE refuses")
    func nameClash() throws {
        let user = RemoteConfig(remotes: ["company": Remote(uri: "mine.example.com")])
        let (merged, notices) = try Merge.sync(user: user, system: system, flavor: .apptainer)
        #expect(merged.remotes["company"]?.uri == "mine.example.com")
        #expect(notices == [.info("company defined both globally and individually, using individual")])
        let error = failure { () throws(RemotesError) in
            _ = try Merge.sync(user: user, system: system, flavor: .singularity)
        }
        #expect(error?.message == "name collision while syncing: company")
    }

    @Test("an exclusive system remote becomes every user's default")
    func exclusive() throws {
        var system = system
        system.remotes["company"]?.exclusive = true
        let user = RemoteConfig(active: "mine", remotes: ["mine": Remote(uri: "m")])
        let (merged, _) = try Merge.sync(user: user, system: system, flavor: .apptainer)
        #expect(merged.active == "company")
    }

    @Test("a copy whose system entry is gone is dropped with an INFO line (Apptainer keeps it forever)")
    func staleCopy() throws {
        let user = RemoteConfig(
            active: "retired",
            remotes: ["retired": Remote(uri: "retired.example.com", token: "t", system: true)])
        let (merged, notices) = try Merge.sync(user: user, system: system, flavor: .apptainer)
        #expect(merged.remotes["retired"] == nil)
        #expect(merged.active == "DefaultRemote")
        #expect(notices.count == 1)
        #expect(notices.first?.text.contains("\"retired\" is no longer defined by the system configuration") == true)
    }
}
