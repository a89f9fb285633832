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
        let search = DockerConfigSearch.resolve(
            authFile: authFile, environment: environment, locations: locations, exists: exists)
        return DockerConfigLocation(path: search.inUse.path, isExplicit: search.inUse.role.isExplicit)
    }
}

/// Every docker config file remotes knows, in Apptainer's order, and the one Apptainer reads:
/// the named file (`--authfile`, `APPTAINER_AUTH_FILE`) when there is one, else
/// `docker-config.json` in the Apptainer folder when it exists, else docker's `config.json`.
/// A file after the one in use is *shadowed*: Apptainer never reads the credentials in it.
public struct DockerConfigSearch: Sendable, Equatable {
    /// Why a file is on the list.
    public enum Role: String, Sendable, Equatable {
        /// `--authfile`.
        case authFileOption = "--authfile"
        /// `$APPTAINER_AUTH_FILE`.
        case authFileVariable = "APPTAINER_AUTH_FILE"
        /// `docker-config.json` in the Apptainer user folder.
        case apptainer = "apptainer"
        /// docker's `config.json` (`$DOCKER_CONFIG` or `~/.docker`).
        case docker = "docker"

        /// True for a file named with `--authfile` or `APPTAINER_AUTH_FILE`.
        public var isExplicit: Bool { self == .authFileOption || self == .authFileVariable }
    }

    /// One file.
    public struct Candidate: Sendable, Equatable {
        /// Its absolute path.
        public var path: String
        /// Why it is on the list.
        public var role: Role
        /// True when it existed when the search was made.
        public var exists: Bool
    }

    /// The files in Apptainer's order, without duplicates.
    public var candidates: [Candidate]
    /// The index in `candidates` of the file Apptainer reads.
    public var inUseIndex: Int

    /// The file Apptainer reads.
    public var inUse: Candidate { candidates[inUseIndex] }

    /// Lists the files. `authFile` is `--authfile`; `exists` is injected for tests.
    public static func resolve(
        authFile: String?, environment: [String: String], locations: ConfigLocations,
        exists: (String) -> Bool = FileSystem.exists
    ) -> DockerConfigSearch {
        var candidates: [Candidate] = []
        func add(_ path: String, _ role: Role) {
            guard !candidates.contains(where: { $0.path == path }) else { return }
            candidates.append(Candidate(path: path, role: role, exists: exists(path)))
        }
        if let named = authFile, !named.isEmpty {
            add(absolute(named), .authFileOption)
        } else if let named = environment["APPTAINER_AUTH_FILE"], !named.isEmpty {
            add(absolute(named), .authFileVariable)
        }
        add(join(locations.userFolder, "docker-config.json"), .apptainer)
        if let folder = environment["DOCKER_CONFIG"], !folder.isEmpty {
            add(join(absolute(folder), "config.json"), .docker)
        } else {
            add(join(join(locations.home, ".docker"), "config.json"), .docker)
        }
        let inUse =
            candidates.firstIndex { $0.role.isExplicit || $0.exists } ?? (candidates.count - 1)
        return DockerConfigSearch(candidates: candidates, inUseIndex: inUse)
    }

    /// The file that hides `path` from Apptainer (the one in use, when `path` comes after it),
    /// nil when Apptainer reads `path` or `path` is not on the list.
    public func shadowingFile(of path: String) -> String? {
        guard let index = candidates.firstIndex(where: { $0.path == path }), index > inUseIndex else { return nil }
        return inUse.path
    }

    /// Why Apptainer reads the file in use, for explanations: `named with --authfile`, `named by
    /// APPTAINER_AUTH_FILE`, `it exists`, or `<apptainer file> does not exist`.
    public var reason: String {
        switch inUse.role {
        case .authFileOption: return "named with --authfile"
        case .authFileVariable: return "named by APPTAINER_AUTH_FILE"
        case .apptainer: return "it exists"
        case .docker:
            let apptainer = candidates.first { $0.role == .apptainer }?.path ?? "docker-config.json"
            return "\(apptainer) does not exist"
        }
    }

    static func join(_ a: String, _ b: String) -> String { a.hasSuffix("/") ? a + b : a + "/" + b }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : join(FileSystem.currentFolder(), path)
    }
}
