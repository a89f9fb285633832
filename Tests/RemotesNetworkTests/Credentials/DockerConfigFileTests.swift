import Foundation
import RemotesCore
import RemotesJSON
import RemotesTestSupport
import Testing

@testable import RemotesNetwork

@Suite("Docker config file")
struct DockerConfigFileTests {
    static let withOthers = """
        {
          "HttpHeaders": {"User-Agent": "x"},
          "auths": {"zeta.example": {"auth": "enp6Onp6"}, "other.example:5000": {"auth": "b3RoZXI6cHc=", "email": "o@e"}},
          "psFormat": "table {{.ID}}",
          "proxies": {"default": {"httpProxy": "http://proxy:3128"}},
          "number": 1.50
        }
        """

    @Test("a login changes only its auths entry and keeps every other key and its order")
    func keepsUnknownKeys() throws {
        var config = try DockerConfigFile(parsing: Self.withOthers, path: "/x")
        config.setCredentials(for: "127.0.0.1:5000", username: "alice", password: "s3cret")
        let reread = try JSONParser.parse(config.text)
        #expect(reread.members?.map(\.key) == ["HttpHeaders", "auths", "psFormat", "proxies", "number"])
        #expect(reread["number"] == .number("1.50"))
        #expect(reread["proxies"]?["default"]?["httpProxy"] == .string("http://proxy:3128"))
        #expect(reread["auths"]?.members?.map(\.key) == ["127.0.0.1:5000", "other.example:5000", "zeta.example"])
        #expect(reread["auths"]?["other.example:5000"]?["email"] == .string("o@e"))
        #expect(reread["auths"]?["127.0.0.1:5000"] == .object([JSONMember("auth", .string("YWxpY2U6czNjcmV0"))]))
        let stored = try #require(config.credentials(for: "127.0.0.1:5000"))
        #expect(stored.username == "alice" && stored.password == "s3cret")
    }

    @Test("a fresh file looks exactly as docker writes it")
    func freshFile() {
        var config = DockerConfigFile()
        config.setCredentials(for: "127.0.0.1:5000", username: "alice", password: "s3cret")
        #expect(
            config.text
                == "{\n\t\"auths\": {\n\t\t\"127.0.0.1:5000\": {\n\t\t\t\"auth\": \"YWxpY2U6czNjcmV0\"\n\t\t}\n\t}\n}")
    }

    @Test("a new login replaces the whole entry, identity token and all")
    func replacesEntry() throws {
        var config = try DockerConfigFile(
            parsing: #"{"auths": {"h": {"auth": "b2xkOm9sZA==", "identitytoken": "tok"}}}"#, path: "/x")
        config.setCredentials(for: "h", username: "new", password: "pw")
        #expect(config.authEntry(for: "h") == .object([JSONMember("auth", .string("bmV3OnB3"))]))
    }

    @Test("credential helpers: credHelpers by key or host name, else credsStore")
    func helpers() throws {
        let config = try DockerConfigFile(
            parsing: #"{"credsStore": "desktop", "credHelpers": {"gcr.io": "gcloud", "index.docker.io": "hub"}}"#,
            path: "/x")
        #expect(config.credentialHelper(for: "gcr.io") == "gcloud")
        #expect(config.credentialHelper(for: "https://index.docker.io/v1/") == "hub")
        #expect(config.credentialHelper(for: "127.0.0.1:5000") == "desktop")
        #expect(try DockerConfigFile(parsing: #"{"credsStore": ""}"#, path: "/x").credentialHelper(for: "h") == nil)
    }

    @Test("logout removes every spelling of the registry")
    func removal() throws {
        var config = try DockerConfigFile(
            parsing: #"{"auths": {"h:1": {"auth": "YTpi"}, "https://h:1": {}, "keep": {"auth": "YTpi"}}, "x": 1}"#,
            path: "/x")
        let removed = config.removeAuthEntries(for: ["h:1", "https://h:1", "http://h:1"])
        #expect(removed.map(\.key) == ["h:1", "https://h:1"])
        #expect(config["auths"]?.members?.map(\.key) == ["keep"])
        #expect(config.removeAuthEntries(for: ["absent"]).isEmpty)
    }

    @Test(
        "files that are not a docker config are refused, naming the file",
        arguments: [
            ("{", "is not valid JSON"), ("[1]", "does not hold a JSON object"),
            (#"{"auths": []}"#, "\"auths\" is not a JSON object"), (#"{"credHelpers": "x"}"#, "\"credHelpers\""),
        ])
    func refused(text: String, message: String) {
        #expect {
            try DockerConfigFile(parsing: text, path: "/home/u/.docker/config.json")
        } throws: { error in
            let error = error as? RemotesError
            return error?.category == .badFile && error?.message.contains("/home/u/.docker/config.json") == true
                && error?.message.contains(message) == true
        }
    }

    @Test("empty and null files are empty configs")
    func emptyFiles() throws {
        #expect(try DockerConfigFile(parsing: "  \n", path: "/x") == DockerConfigFile())
        #expect(try DockerConfigFile(parsing: "null", path: "/x") == DockerConfigFile())
    }

    @Test("the store writes atomically at 0600, follows a symlink, and never overwrites a broken file")
    func store() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let real = try folder.write(Self.withOthers, to: "real.json", mode: 0o644)
        let link = folder.path("config.json")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let store = DockerConfigStore(path: link)
        try store.update { (config: inout DockerConfigFile) throws(RemotesError) in
            config.setCredentials(for: "h", username: "u", password: "p")
        }
        #expect(FileSystem.isSymlink(link))
        let attributes = try FileManager.default.attributesOfItem(atPath: real)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        #expect(try store.read().credentials(for: "h")?.password == "p")
        #expect(try store.read()["psFormat"] == .string("table {{.ID}}"))

        let broken = try folder.write("{\"auths\": {", to: "broken.json")
        #expect(throws: RemotesError.self) {
            try DockerConfigStore(path: broken).update { (config: inout DockerConfigFile) throws(RemotesError) in
                config.setCredentials(for: "h", username: "u", password: "p")
            }
        }
        #expect(try String(contentsOfFile: broken, encoding: .utf8) == "{\"auths\": {")
    }

    @Test("an update that changes nothing creates no file and no folder")
    func noEmptyFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("missing/config.json")
        let removed = try DockerConfigStore(path: path).update {
            (config: inout DockerConfigFile) throws(RemotesError) -> [JSONMember] in
            config.removeAuthEntries(for: ["h"])
        }
        #expect(removed.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.path("missing")))
    }

    @Test("the file is chosen as Apptainer chooses it")
    func location() {
        let locations = ConfigLocations(
            flavor: .apptainer, userFile: "/h/.apptainer/remote.yaml", userFileIsStandard: true,
            userFolder: "/h/.apptainer", systemFile: "/etc/remote.yaml", systemSource: .builtin, home: "/h")
        func resolve(_ flag: String?, _ env: [String: String], existing: Set<String> = []) -> DockerConfigLocation {
            DockerConfigLocation.resolve(authFile: flag, environment: env, locations: locations) {
                existing.contains($0)
            }
        }
        #expect(
            resolve("/a.json", ["APPTAINER_AUTH_FILE": "/b.json"])
                == DockerConfigLocation(path: "/a.json", isExplicit: true))
        #expect(
            resolve(nil, ["APPTAINER_AUTH_FILE": "/b.json"]) == DockerConfigLocation(path: "/b.json", isExplicit: true))
        #expect(
            resolve(nil, [:], existing: ["/h/.apptainer/docker-config.json"])
                == DockerConfigLocation(path: "/h/.apptainer/docker-config.json", isExplicit: false))
        #expect(resolve(nil, [:]) == DockerConfigLocation(path: "/h/.docker/config.json", isExplicit: false))
        #expect(
            resolve(nil, ["DOCKER_CONFIG": "/d"]) == DockerConfigLocation(path: "/d/config.json", isExplicit: false))
    }
}
