import Foundation
import RemotesTestSupport
import Testing

/// skopeo, used to prove that a login we stored works: it pushes a tiny image and lists tags with
/// only the auth file we wrote (its HOME is a private folder, so it finds no other credentials).
enum RegistryClient {
    /// Runs skopeo with a clean environment.
    static func skopeo(_ arguments: [String], home: String, environment extra: [String: String] = [:]) async throws
        -> ProcessResult
    {
        var environment = ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8"]
        for (key, value) in extra { environment[key] = value }
        return try await TestProcess.run(
            "skopeo", ["--insecure-policy"] + arguments, environment: environment, timeout: .seconds(60))
    }

    /// Writes a one-layer OCI layout into `folder` and returns its path.
    static func makeImage(in folder: TemporaryFolder) async throws -> String {
        let layout = folder.path("image")
        let made = try await TestProcess.run(
            "python3", [PackagePaths.peerScripts + "/make-oci-layout.py", layout], timeout: .seconds(30))
        #expect(made.succeeded, "\(made.stderr)")
        return layout
    }

    /// Pushes the image with `authFile` and lists the repository's tags with it; returns the
    /// listing. Also checks that the same listing without credentials is refused, so that the
    /// success really comes from the login.
    static func proveLogin(
        registry: String, authFile: String, sandbox: CLISandbox, environment: [String: String] = [:]
    ) async throws {
        let image = try await makeImage(in: sandbox.folder)
        let target = "docker://\(registry)/remotes/hello"
        let pushed = try await skopeo(
            ["copy", "--dest-tls-verify=false", "--dest-authfile", authFile, "oci:\(image):latest", target + ":v1"],
            home: sandbox.home, environment: environment)
        #expect(pushed.succeeded, "skopeo copy: \(pushed.stderr)")
        let listed = try await skopeo(
            ["list-tags", "--tls-verify=false", "--authfile", authFile, target], home: sandbox.home,
            environment: environment)
        #expect(listed.succeeded, "skopeo list-tags: \(listed.stderr)")
        #expect(listed.stdout.contains("\"v1\""))
        // Without our file (and with a HOME where skopeo finds no other), the same listing fails.
        let empty = try sandbox.folder.write("{}", to: "nobody-home/auth.json")
        let anonymous = try await skopeo(
            ["list-tags", "--tls-verify=false", "--authfile", empty, target], home: sandbox.folder.path("nobody-home"))
        #expect(!anonymous.succeeded)
        #expect(anonymous.stderr.contains("unauthorized") || anonymous.stderr.contains("401"), "\(anonymous.stderr)")
    }
}
