import RemotesCore

/// Which docker config file registry logins use, as Apptainer chooses it: `--authfile`, else
/// `$APPTAINER_AUTH_FILE`, else `docker-config.json` in the Apptainer user folder when that file
/// exists, else docker's own (`$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`).
public struct DockerConfigLocation: Sendable, Equatable {
    /// The file's absolute path.
    public var path: String
    /// True when the file was named (`--authfile` or `APPTAINER_AUTH_FILE`). Such logins are
    /// not listed in remote.yaml, as in Apptainer (see docs/logins.md).
    public var isExplicit: Bool

    /// Makes a location.
    public init(path: String, isExplicit: Bool) {
        self.path = path
        self.isExplicit = isExplicit
    }

    /// Decides the file. `authFile` is `--authfile`; `exists` is injected for tests.
    public static func resolve(
        authFile: String?, environment: [String: String], locations: ConfigLocations,
        exists: (String) -> Bool = FileSystem.exists
    ) -> DockerConfigLocation {
        if let named = authFile ?? environment["APPTAINER_AUTH_FILE"], !named.isEmpty {
            return DockerConfigLocation(path: absolute(named), isExplicit: true)
        }
        let apptainer = join(locations.userFolder, "docker-config.json")
        if exists(apptainer) { return DockerConfigLocation(path: apptainer, isExplicit: false) }
        if let folder = environment["DOCKER_CONFIG"], !folder.isEmpty {
            return DockerConfigLocation(path: join(absolute(folder), "config.json"), isExplicit: false)
        }
        return DockerConfigLocation(path: join(join(locations.home, ".docker"), "config.json"), isExplicit: false)
    }

    private static func join(_ a: String, _ b: String) -> String { a.hasSuffix("/") ? a + b : a + "/" + b }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : join(FileSystem.currentFolder(), path)
    }
}
