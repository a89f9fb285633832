/// The rules for remote names. Apptainer only refuses blank names; we also refuse names that
/// would be unusable or confusing (control characters, line and paragraph separators, outer
/// spaces, `://`, over 128 bytes).
public enum RemoteName {
    /// Throws a usage error with a clear message when `name` cannot be a remote name.
    public static func validate(_ name: String) throws(RemotesError) {
        if name.trimmingSpaces.isEmpty { throw .usage("invalid name: cannot have empty name") }
        if name.unicodeScalars.contains(where: isControl) {
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

    /// Control and format characters, and U+2028/U+2029, which YAML and terminals take as line
    /// breaks (a name holding one would break `list`'s table and need YAML's `? key` form).
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    /// The name with control characters made visible, for messages.
    static func debugQuoted(_ name: String) -> String {
        var out = "\""
        for s in name.unicodeScalars {
            if isControl(s) {
                out += "\\u{\(String(s.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out + "\""
    }
}
