import Foundation
import RemotesCore
import Testing

/// Where each login's secret lives, and which docker config files Apptainer does not read.
@Suite("Stored logins and shadowed docker config files")
struct StoredLoginsTests {
    static let locations = ConfigLocations(
        flavor: .apptainer, userFile: "/h/.apptainer/remote.yaml", userFileIsStandard: true,
        userFolder: "/h/.apptainer", systemFile: "/etc/apptainer/remote.yaml", systemSource: .builtin, home: "/h")
    static let apptainerFile = "/h/.apptainer/docker-config.json"
    static let dockerFile = "/h/.docker/config.json"

    static func search(authFile: String? = nil, _ env: [String: String] = [:], existing: Set<String>)
        -> DockerConfigSearch
    {
        DockerConfigSearch.resolve(authFile: authFile, environment: env, locations: locations) {
            existing.contains($0)
        }
    }

    static func config(_ text: String) throws -> DockerConfigFile {
        try DockerConfigFile(parsing: text, path: "test")
    }

    static func auth(_ user: String, _ password: String) -> String {
        Data("\(user):\(password)".utf8).base64EncodedString()
    }

    @Test(
        "Apptainer's order: the named file, else docker-config.json when it exists, else docker's; later files are shadowed"
    )
    func order() {
        let plain = Self.search(existing: [Self.dockerFile])
        #expect(plain.candidates.map(\.path) == [Self.apptainerFile, Self.dockerFile])
        #expect(plain.inUse.path == Self.dockerFile)
        #expect(plain.shadowingFile(of: Self.dockerFile) == nil)
        #expect(plain.reason == "\(Self.apptainerFile) does not exist")

        let both = Self.search(existing: [Self.apptainerFile, Self.dockerFile])
        #expect(both.inUse.path == Self.apptainerFile)
        #expect(both.shadowingFile(of: Self.dockerFile) == Self.apptainerFile)
        #expect(both.reason == "it exists")

        let named = Self.search(authFile: "/x/auth.json", ["DOCKER_CONFIG": "/d"], existing: [])
        #expect(named.candidates.map(\.path) == ["/x/auth.json", Self.apptainerFile, "/d/config.json"])
        #expect(named.inUse.path == "/x/auth.json")
        #expect(named.shadowingFile(of: Self.apptainerFile) == "/x/auth.json")
        #expect(named.reason == "named with --authfile")
        let variable = Self.search(["APPTAINER_AUTH_FILE": Self.dockerFile], existing: [])
        #expect(variable.candidates.map(\.path) == [Self.dockerFile, Self.apptainerFile])
        #expect(variable.reason == "named by APPTAINER_AUTH_FILE")
    }

    @Test("remote.yaml's logins find their secret; docker-only credentials are listed; a shadowed file is marked")
    func rows() throws {
        let search = Self.search(existing: [Self.apptainerFile, Self.dockerFile])
        let apptainer = try Self.config(
            #"{"auths":{"r1.example.com":{"auth":"\#(Self.auth("alice", "pw1"))"},"helped.example.com":{}},"credHelpers":{"helped.example.com":"pass"}}"#
        )
        let docker = try Self.config(
            #"{"auths":{"https://r1.example.com/v1/":{"auth":"\#(Self.auth("old", "pw0"))"},"https://index.docker.io/v1/":{"username":"bob","password":"pw2"},"empty.example.com":{}}}"#
        )
        let files = DockerConfigSnapshot(
            search: search, configs: [Self.apptainerFile: apptainer, Self.dockerFile: docker])
        let credentials = [
            Credential(uri: "docker://r1.example.com", insecure: false),
            Credential(uri: "oras://helped.example.com", insecure: true),
            Credential(uri: "docker://gone.example.com", insecure: false),
            Credential(uri: "https://keys.example.com", auth: "Basic \(Self.auth("kim", "kpw"))", insecure: false),
            Credential(uri: "hkp://keys2.example.com", auth: "Bearer opaque", insecure: false),
        ]
        let rows = StoredLogins.rows(credentials: credentials, userFile: Self.locations.userFile, files: files)
        #expect(
            rows.map(\.uri) == [
                "docker://r1.example.com", "oras://helped.example.com", "docker://gone.example.com",
                "https://keys.example.com", "hkp://keys2.example.com", "docker://r1.example.com", "docker://docker.io",
            ])
        #expect(rows[0].place == .file(Self.apptainerFile) && rows[0].username == "alice" && rows[0].shadowedBy == nil)
        #expect(rows[0].serverKey == "r1.example.com" && rows[0].isRecorded)
        #expect(rows[1].place == .helper(name: "pass", config: Self.apptainerFile) && rows[1].username == nil)
        #expect(rows[1].isInsecure)
        #expect(rows[2].place == nil && rows[2].storedInCell == "(no secret found)")
        #expect(rows[3].place == .file(Self.locations.userFile) && rows[3].username == "kim")
        #expect(rows[4].username == nil && rows[4].kind == .keyserver)
        // The copies in docker's file: not recorded, and shadowed by docker-config.json.
        #expect(rows[5].place == .file(Self.dockerFile) && rows[5].serverKey == "https://r1.example.com/v1/")
        #expect(!rows[5].isRecorded && rows[5].shadowedBy == Self.apptainerFile && rows[5].username == "old")
        #expect(rows[5].storedInCell == "\(Self.dockerFile) (shadowed by \(Self.apptainerFile))")
        #expect(rows[6].serverKey == "https://index.docker.io/v1/" && rows[6].username == "bob")
    }

    @Test("a login recorded in remote.yaml whose only secret is in a shadowed file says so (apptainer#1952)")
    func recordedButShadowed() throws {
        let search = Self.search(existing: [Self.apptainerFile, Self.dockerFile])
        let docker = try Self.config(#"{"auths":{"r.example.com":{"auth":"\#(Self.auth("a", "b"))"}}}"#)
        let files = DockerConfigSnapshot(
            search: search, configs: [Self.apptainerFile: DockerConfigFile(), Self.dockerFile: docker])
        let rows = StoredLogins.rows(
            credentials: [Credential(uri: "docker://r.example.com", insecure: false)],
            userFile: Self.locations.userFile, files: files)
        #expect(rows.count == 1)
        #expect(
            rows[0].isRecorded && rows[0].shadowedBy == Self.apptainerFile && rows[0].place == .file(Self.dockerFile))
    }

    @Test("a JWT password or Bearer token shows its expiry without asking anyone")
    func expiries() throws {
        let jwt = TokenExpiryTests.jwt(#"{"exp":1798549323}"#)
        let search = Self.search(existing: [Self.dockerFile])
        let docker = try Self.config(#"{"auths":{"r.example.com":{"auth":"\#(Self.auth("ci", jwt))"}}}"#)
        let rows = StoredLogins.rows(
            credentials: [Credential(uri: "https://keys.example.com", auth: "Bearer \(jwt)", insecure: false)],
            userFile: Self.locations.userFile,
            files: DockerConfigSnapshot(search: search, configs: [Self.dockerFile: docker]))
        #expect(rows.map(\.tokenExpiry) == [TokenExpiry(expires: 1_798_549_323), TokenExpiry(expires: 1_798_549_323)])
    }

    @Test("matching a URI: docker:// and oras:// of one registry match, keyservers by address")
    func matching() {
        let registry = StoredLogin(uri: "oras://R.example.com:5000", kind: .registry, isInsecure: false)
        #expect(registry.matches("docker://r.example.com:5000/"))
        #expect(!registry.matches("docker://r.example.com"))
        let hub = StoredLogin(uri: "docker://docker.io", kind: .registry, isInsecure: false)
        #expect(hub.matches("docker://index.docker.io"))
        let keys = StoredLogin(uri: "hkps://keys.example.com", kind: .keyserver, isInsecure: false)
        #expect(keys.matches("https://keys.example.com:443"))
        #expect(!keys.matches("http://keys.example.com"))
    }
}
