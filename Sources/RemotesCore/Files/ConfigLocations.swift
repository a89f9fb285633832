import Glibc

/// Where the user file, the system file and the per-user folder are, decided once from the
/// command line and the environment (see README, "Files").
public struct ConfigLocations: Sendable, Equatable {
    /// How the system file was chosen.
    public enum SystemSource: String, Sendable {
        /// `--system-config`.
        case flag
        /// `$REMOTES_SYSTEM_CONFIG`.
        case environment
        /// The first existing standard path.
        case found
        /// No file exists: the built-in default is used, and `path` is where a global edit
        /// would create the file.
        case builtin
    }

    /// Whose files these are.
    public var flavor: Flavor
    /// The user file (`--config`, `$APPTAINER_CONFIGDIR/remote.yaml` or `~/.apptainer/remote.yaml`).
    public var userFile: String
    /// True when `userFile` is the standard per-user file, whose mode Apptainer keeps at 0600.
    public var userFileIsStandard: Bool
    /// The per-user folder (`$APPTAINER_CONFIGDIR` or `~/.apptainer`): caches, docker-config.json.
    public var userFolder: String
    /// The system file.
    public var systemFile: String
    /// How `systemFile` was chosen.
    public var systemSource: SystemSource
    /// The user's home folder.
    public var home: String

    /// Makes locations from explicit values (tests and callers that know them).
    public init(
        flavor: Flavor, userFile: String, userFileIsStandard: Bool, userFolder: String, systemFile: String,
        systemSource: SystemSource, home: String
    ) {
        self.flavor = flavor
        self.userFile = userFile
        self.userFileIsStandard = userFileIsStandard
        self.userFolder = userFolder
        self.systemFile = systemFile
        self.systemSource = systemSource
        self.home = home
    }

    /// Resolves the locations. `environment` is the process environment; `exists` tells
    /// whether a path exists (injected for tests).
    public static func resolve(
        flavor: Flavor, configFlag: String?, systemConfigFlag: String?, environment: [String: String],
        exists: (String) -> Bool = FileSystem.exists
    ) -> ConfigLocations {
        let home = homeFolder(environment)
        var folder = environment[flavor.configDirVariable].flatMap { $0.isEmpty ? nil : $0 }
        if folder == nil, flavor == .apptainer, let legacy = environment["SINGULARITY_CONFIGDIR"], !legacy.isEmpty {
            folder = legacy
        }
        let userFolder = folder ?? join(home, flavor.userFolderName)
        let standardFile = join(userFolder, "remote.yaml")
        let userFile = configFlag.map { absolute($0) } ?? standardFile
        var systemFile: String
        var source: SystemSource
        if let flag = systemConfigFlag {
            systemFile = absolute(flag)
            source = .flag
        } else if let env = environment["REMOTES_SYSTEM_CONFIG"], !env.isEmpty {
            systemFile = absolute(env)
            source = .environment
        } else if let found = flavor.systemFileCandidates.first(where: exists) {
            systemFile = found
            source = .found
        } else {
            let folders = flavor.systemFileCandidates.map(FileSystem.dirname)
            systemFile = flavor.systemFileCandidates[folders.firstIndex(where: exists) ?? 0]
            source = .builtin
        }
        return ConfigLocations(
            flavor: flavor, userFile: userFile, userFileIsStandard: userFile == standardFile, userFolder: userFolder,
            systemFile: systemFile, systemSource: source, home: home)
    }

    /// `$HOME`, else the password database, else the current folder.
    static func homeFolder(_ environment: [String: String]) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        if let pw = getpwuid(geteuid()), let dir = pw.pointee.pw_dir {
            return String(cString: dir)
        }
        return FileSystem.currentFolder()
    }

    static func join(_ a: String, _ b: String) -> String { a.hasSuffix("/") ? a + b : a + "/" + b }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : join(FileSystem.currentFolder(), path)
    }
}
