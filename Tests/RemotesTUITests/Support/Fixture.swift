import Foundation
import RemotesCore

/// A temporary home folder with a user file and (optionally) a system file, removed when the
/// fixture goes away. Paths show as `~/…` in the UI, so snapshots do not depend on the folder.
final class Fixture: @unchecked Sendable {
    let home: String
    let locations: ConfigLocations

    /// The user config most tests start from: two user remotes (one with two keyservers, one
    /// logged in and insecure) and two logins; the system file is the built-in default.
    static let standardUser = """
        Active: lab
        Remotes:
            lab:
                URI: lab.example.org
                System: false
                Exclusive: false
                Keyservers:
                    - URI: https://keys.lab.example.org
                      Skip: false
                      External: true
                      Insecure: false
                    - URI: hkp://pgp.example.net
                      Skip: false
                      External: true
                      Insecure: true
            test:
                URI: test.example.com
                Token: secret-token-of-test
                System: false
                Exclusive: false
                Insecure: true
        Credentials:
            - URI: docker://registry.example.com
              Insecure: false
            - URI: https://keys.lab.example.org
              Auth: Bearer xyz
              Insecure: false

        """

    /// A system file with an exclusive remote.
    static let exclusiveSystem = """
        Active: corp
        Remotes:
            corp:
                URI: corp.example.com
                System: true
                Exclusive: true

        """

    init(user: String? = Fixture.standardUser, system: String? = nil, flavor: Flavor = .apptainer) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent(
            "remotes-tui-tests-\(UUID().uuidString)")
        home = base.path
        let folder = home + (flavor == .apptainer ? "/.apptainer" : "/.singularity")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: home + "/etc", withIntermediateDirectories: true)
        locations = ConfigLocations(
            flavor: flavor, userFile: folder + "/remote.yaml", userFileIsStandard: true,
            userFolder: folder, systemFile: home + "/etc/remote.yaml", systemSource: .flag, home: home)
        if let user { try writeUser(user) }
        if let system { try writeSystem(system) }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: home)
    }

    func store(isRoot: Bool = false) -> ConfigStore { ConfigStore(locations: locations, isRoot: isRoot) }

    func writeUser(_ text: String) throws {
        try write(text, to: locations.userFile, mode: 0o600)
    }

    func writeSystem(_ text: String) throws {
        try write(text, to: locations.systemFile, mode: 0o644)
    }

    func readUser() throws -> String { try String(contentsOfFile: locations.userFile, encoding: .utf8) }

    private func write(_ text: String, to path: String, mode: Int) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }
}
