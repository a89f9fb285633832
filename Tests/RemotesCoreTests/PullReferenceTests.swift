import Foundation
import RemotesCore
import Testing

/// Image references read as go-containerregistry reads them, and the docker config lookups of
/// Apptainer's keychain.
@Suite("Pull references and their credential lookup")
struct PullReferenceTests {
    @Test(
        "references as go-containerregistry reads them",
        arguments: [
            ("docker://alpine", "index.docker.io", "library/alpine", "latest"),
            ("docker://docker.io/alpine:3.19", "index.docker.io", "library/alpine", "3.19"),
            ("docker://user/app", "index.docker.io", "user/app", "latest"),
            ("oras://127.0.0.1:5000/x/y:1", "127.0.0.1:5000", "x/y", "1"),
            ("docker://ghcr.io/org/tool:v2", "ghcr.io", "org/tool", "v2"),
            ("docker://localhost/x", "index.docker.io", "localhost/x", "latest"),
            ("docker://localhost:5000/x", "localhost:5000", "x", "latest"),
        ])
    func parse(_ uri: String, _ registry: String, _ repository: String, _ tag: String) throws {
        let reference = try PullReference(parsing: uri)
        #expect(reference.registry == registry)
        #expect(reference.repository == repository)
        #expect(reference.tag == tag)
    }

    @Test("a digest, and the lookup keys: the repository, then the registry (Docker Hub's v1 key)")
    func keys() throws {
        let digest = try PullReference(parsing: "docker://r.example.com/a/b@sha256:abc")
        #expect(digest.tag == nil && digest.digest == "sha256:abc")
        #expect(digest.canonical == "docker://r.example.com/a/b@sha256:abc")
        #expect(digest.lookupKeys == ["r.example.com/a/b", "r.example.com"])
        #expect(
            try PullReference(parsing: "docker://alpine").lookupKeys == [
                "index.docker.io/library/alpine", "https://index.docker.io/v1/",
            ])
    }

    @Test(
        "bad references are refused",
        arguments: ["alpine", "http://x/y", "docker://", "docker://Upper/Case", "docker://r.io/x:"])
    func refused(_ uri: String) {
        #expect(throws: RemotesError.self) { try PullReference(parsing: uri) }
    }

    @Test("the plan: a helper named for exactly the key, else credsStore, else the auths entry (by key or host)")
    func plan() throws {
        let reference = try PullReference(parsing: "docker://r.example.com/team/app:1")
        func plan(_ text: String) throws -> [PullCredentialPlan.Step] {
            PullCredentialPlan(reference: reference, config: try DockerConfigFile(parsing: text, path: "t")).steps
        }
        #expect(try plan("{}").isEmpty)
        #expect(try plan(#"{"auths":{"r.example.com":{}}}"#).isEmpty)
        #expect(
            try plan(#"{"auths":{"https://r.example.com/v2/":{"auth":"YTpi"}}}"#) == [
                .file(key: "r.example.com", entryKey: "https://r.example.com/v2/")
            ])
        #expect(
            try plan(#"{"auths":{"r.example.com/team/app":{"auth":"YTpi"},"r.example.com":{"auth":"YzpkCg=="}}}"#) == [
                .file(key: "r.example.com/team/app", entryKey: "r.example.com/team/app")
            ])
        #expect(
            try plan(#"{"credsStore":"pass","auths":{"r.example.com":{"auth":"YTpi"}}}"#) == [
                .helper(name: "pass", key: "r.example.com/team/app"), .helper(name: "pass", key: "r.example.com"),
            ])
        #expect(
            try plan(#"{"credHelpers":{"r.example.com":"gcr"},"auths":{"r.example.com":{"auth":"YTpi"}}}"#) == [
                .helper(name: "gcr", key: "r.example.com")
            ])
    }
}
