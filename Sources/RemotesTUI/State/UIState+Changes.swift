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
    var userFileText: String { Self.homeShortened(locations.userFile, home: locations.home) }

    /// The system file's path, with the home folder shown as `~`.
    var systemFileText: String { Self.homeShortened(locations.systemFile, home: locations.home) }

    /// `text` with the home folder shown as `~` in every path that starts there: at the start
    /// of the text or after a space or `(`, as in STORED IN's "helper named in
    /// ~/.docker/config.json (shadowed by ~/…)". Inside another path (`/data/home/alice/…`)
    /// it stays as it is.
    static func homeShortened(_ text: String, home: String) -> String {
        guard !home.isEmpty, home != "/" else { return text }
        let prefix = home + "/"
        var result = ""
        var rest = Substring(text)
        var atPathStart = true
        while let next = rest.first {
            if atPathStart, rest.hasPrefix(prefix) {
                result += "~/"
                rest = rest.dropFirst(prefix.count)
            } else {
                result.append(next)
                rest = rest.dropFirst()
            }
            atPathStart = next == " " || next == "("
        }
        return result
    }
}
