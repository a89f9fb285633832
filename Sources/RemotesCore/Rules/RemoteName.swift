/// The rules for remote names. Apptainer only refuses blank names; we also refuse names that
/// would be unusable or confusing (control characters, outer spaces, `://`, over 128 bytes).
public enum RemoteName {
    /// Throws a usage error with a clear message when `name` cannot be a remote name.
    public static func validate(_ name: String) throws(RemotesError) {
        if name.trimmingSpaces.isEmpty { throw .usage("invalid name: cannot have empty name") }
        if name.unicodeScalars.contains(where: {
            $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
        }) {
            throw .usage("invalid name \(debugQuoted(name)): control characters are not allowed")
        }
        if name.trimmingSpaces != name {
            throw .usage("invalid name \"\(name)\": leading or trailing spaces are not allowed")
        }
        if name.contains("://") {
            throw .usage("invalid name \"\(name)\": a name cannot contain \"://\" (did you swap NAME and URI?)")
        }
        if name.utf8.count > 128 {
            throw .usage("invalid name: \(name.utf8.count) bytes is too long (at most 128)")
        }
    }

    /// The name with control characters made visible, for messages.
    static func debugQuoted(_ name: String) -> String {
        var out = "\""
        for s in name.unicodeScalars {
            if s.properties.generalCategory == .control || s.properties.generalCategory == .format {
                out += "\\u{\(String(s.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out + "\""
    }
}
