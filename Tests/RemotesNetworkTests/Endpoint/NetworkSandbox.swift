import Foundation
import RemotesCore
import RemotesNetwork
import RemotesTestSupport

/// A private config folder with a `ConfigStore` on it, and fetchers with short timeouts, for
/// tests of the endpoint network code against `EndpointTestServer`.
final class NetworkSandbox: Sendable {
    let folder: TemporaryFolder
    let locations: ConfigLocations

    init() throws {
        folder = try TemporaryFolder(prefix: "remotes-network")
        let home = folder.path("home")
        locations = ConfigLocations(
            flavor: .apptainer, userFile: home + "/.apptainer/remote.yaml", userFileIsStandard: true,
            userFolder: home + "/.apptainer", systemFile: folder.path("etc/remote.yaml"), systemSource: .builtin,
            home: home)
    }

    var store: ConfigStore { ConfigStore(locations: locations, isRoot: false) }
    var cache: DiscoveryCache { store.discoveryCache }

    /// The user file's bytes (nil when missing).
    var userFileBytes: [UInt8]? { FileManager.default.contents(atPath: locations.userFile).map { Array($0) } }

    /// Runs `body` with a fetcher (timeouts `timeout`, by default 10 s stretched by
    /// `SanitizerSlack`; optional extra CA) and a discovery over this sandbox's cache; shuts the
    /// fetcher down afterwards.
    func withDiscovery<T>(
        timeout: Duration = SanitizerSlack.scaled(.seconds(10)), caFile: String? = nil, maxBytes: Int = 4 << 20,
        _ body: (ServiceDiscovery) async throws -> T
    ) async throws -> T {
        let settings = HTTPSettings(
            connectTimeout: timeout, totalTimeout: timeout, maxResponseBytes: maxBytes, extraCAFile: caFile)
        let fetcher = try HTTPFetcher(settings: settings)
        let discovery = ServiceDiscovery(fetcher: fetcher, cache: cache)
        do {
            let result = try await body(discovery)
            await fetcher.shutdown()
            return result
        } catch {
            await fetcher.shutdown()
            throw error
        }
    }

    /// Adds a remote to the user file through the store.
    func add(_ name: String, uri: String, insecure: Bool) throws {
        try store.apply(.addRemote(name: name, uri: uri, insecure: insecure, global: false, makeDefault: true))
    }
}

/// The remote of a virtual endpoint on `server` at `prefix` (e.g. `/ep1`), as `remote add`
/// stores it: `http://127.0.0.1:PORT/ep1` insecure, or `https://…` secure.
func endpointRemote(_ server: EndpointTestServer, prefix: String = "/ep", token: String = "") -> Remote {
    Remote(uri: server.baseURL + prefix, token: token, insecure: server.scheme == "http")
}

/// A token long enough for a token file (Apptainer wants 200 to 4096 bytes).
func longToken(_ tag: String) -> String {
    "tok-\(tag)-" + String(repeating: "x", count: 240)
}

/// The RemotesError `body` throws, nil when it does not throw.
func remotesError(_ body: () async throws(RemotesError) -> Void) async -> RemotesError? {
    do {
        try await body()
        return nil
    } catch {
        return error
    }
}
