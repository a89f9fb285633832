/// A URI in fewer columns, cut so that what tells it apart stays: its host and port. The scheme
/// goes first (`host:8443/library/v2`; the SECURE and KIND columns tell it), then the middle
/// of the path (`https://host:8443…/v2`, `host:8443…/v2`), and only when the host and port
/// alone do not fit is their middle cut (`very-lo…org:8443`).
enum URIShortening {
    /// `uri` in at most `width` columns.
    static func fit(_ uri: String, width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        guard DisplayWidth.of(uri) > width else { return uri }
        var rest = Substring(uri)
        var scheme = ""
        if let range = rest.firstRange(of: "://") {
            scheme = String(rest[..<range.upperBound])
            rest = rest[range.upperBound...]
        }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = String(rest[..<slash])
        let path = String(rest[slash...])
        let dots = DisplayWidth.of(ellipsis)
        if !scheme.isEmpty, DisplayWidth.of(authority + path) <= width { return authority + path }
        for head in [scheme + authority, authority] where !path.isEmpty {
            let room = width - DisplayWidth.of(head) - dots
            // Keep at least a few characters of the path's end (or all of a short one).
            if room >= min(4, DisplayWidth.of(path)) && room > 0 {
                return head + ellipsis + DisplayWidth.tail(path, width: room)
            }
        }
        if DisplayWidth.of(authority) + (path.isEmpty ? 0 : dots) <= width {
            return authority + (path.isEmpty ? "" : ellipsis)
        }
        return middle(authority, width: width, ellipsis: ellipsis)
    }

    /// `text` with its middle cut: its start and its end (which holds a port) kept.
    static func middle(_ text: String, width: Int, ellipsis: String) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        let room = width - DisplayWidth.of(ellipsis)
        guard room > 0 else { return DisplayWidth.truncate(text, to: width, ellipsis: ellipsis) }
        let end = DisplayWidth.tail(text, width: (room + 1) / 2)
        let start = DisplayWidth.truncate(text, to: room - DisplayWidth.of(end), ellipsis: "")
        return start + ellipsis + end
    }
}
