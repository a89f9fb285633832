/// Error messages as people read them. Errors are chains in Go's manner, `while A: while B:
/// cause`; shown in a line that may be cut, the cause goes first.
enum ErrorText {
    /// `text` with a context repeated at once removed (`while retrieving services: while
    /// retrieving services: …` once).
    static func tidy(_ text: String) -> String {
        var parts = text.split(separator: ": ", omittingEmptySubsequences: false).map(String.init)
        var index = 1
        while index < parts.count {
            if parts[index] == parts[index - 1] && parts[index].hasPrefix("while ") {
                parts.remove(at: index)
            } else {
                index += 1
            }
        }
        return parts.joined(separator: ": ")
    }

    /// The contexts (`while …`) the chain starts with, and the cause after them.
    static func split(_ text: String) -> (contexts: [String], cause: String) {
        var parts = text.split(separator: ": ", omittingEmptySubsequences: false).map(String.init)
        var contexts: [String] = []
        while parts.count > 1, let first = parts.first, first.hasPrefix("while ") {
            contexts.append(first)
            parts.removeFirst()
        }
        return (contexts, parts.joined(separator: ": "))
    }

    /// The cause first, then where it happened: `connection refused (while login to X)`. What
    /// comes before the first context (`Status of lab: N/A: `) stays in front.
    static func causeFirst(_ text: String) -> String {
        let parts = text.split(separator: ": ", omittingEmptySubsequences: false).map(String.init)
        guard let start = parts.firstIndex(where: { $0.hasPrefix("while ") }) else { return text }
        var end = start
        while end < parts.count - 1 && parts[end].hasPrefix("while ") { end += 1 }
        guard end > start else { return text }
        let lead = parts[..<start].map { $0 + ": " }.joined()
        let contexts = parts[start..<end].joined(separator: ": ")
        return lead + parts[end...].joined(separator: ": ") + " (" + contexts + ")"
    }
}
