import RemotesCore

/// What the panes' keys share: writing a change so that it never overwrites another program's,
/// and file names as the dialogs show them.
extension UIState {
    /// The fingerprints every write must expect, so that a change made by another program since
    /// the files were read is refused instead of overwritten.
    var expectedFingerprints: ConfigState.Fingerprints? { config?.state.fingerprints }

    /// The effect that writes `change`.
    func apply(_ change: ConfigChange, origin: ChangeOrigin) -> Effect {
        .apply(change, expecting: expectedFingerprints, origin: origin)
    }

    /// The user file's path, with the home folder shown as `~`.
    var userFileText: String { Self.shortPath(locations.userFile, home: locations.home) }

    /// The system file's path, with the home folder shown as `~`.
    var systemFileText: String { Self.shortPath(locations.systemFile, home: locations.home) }

    static func shortPath(_ path: String, home: String) -> String {
        guard !home.isEmpty, home != "/", path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }
}
