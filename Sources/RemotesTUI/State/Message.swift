import RemotesCore

/// One line of the message area and the message log: Apptainer's INFO and WARNING notices, and
/// errors, with what they are about.
struct Message: Sendable, Equatable {
    /// How loud it is.
    enum Level: Sendable, Equatable {
        /// `INFO:`
        case info
        /// `WARNING:`
        case warning
        /// `ERROR:`
        case error
    }

    /// The level.
    var level: Level
    /// The text, in Apptainer's words where it has them (an error's repeated prefixes removed).
    var text: String
    /// The remote, keyserver or login it is about; nil for the files as a whole.
    var subject: Subject?

    /// Makes a message.
    init(_ level: Level, _ text: String, about subject: Subject? = nil) {
        self.level = level
        self.text = text
        self.subject = subject
    }

    /// A notice from the core.
    init(_ notice: Notice, about subject: Subject? = nil) {
        self.init(notice.level == .info ? .info : .warning, notice.text, about: subject)
    }

    /// An error from the core.
    init(_ error: RemotesError, about subject: Subject? = nil) {
        self.init(.error, ErrorText.tidy(error.message), about: subject)
    }

    /// The prefix shown before the text, as Apptainer prints it.
    var prefix: String {
        switch level {
        case .info: return "INFO:"
        case .warning: return "WARNING:"
        case .error: return "ERROR:"
        }
    }

    /// The text naming its subject once: `lab: …` when the text does not name it already.
    var textWithSubject: String {
        guard let subject, !subject.isNamed(in: text) else { return text }
        return "\(subject.name): \(text)"
    }

    /// What the message line shows: an error's cause before the context it happened in, so
    /// that a line cut at the screen's edge loses the context, not the cause.
    var lineText: String {
        let text = textWithSubject
        return level == .error ? ErrorText.causeFirst(text) : text
    }
}

/// What a message is about.
enum Subject: Sendable, Equatable {
    /// A remote endpoint, by name.
    case remote(String)
    /// A keyserver, by URL.
    case keyserver(String)
    /// A registry or keyserver login, by URI.
    case login(String)

    /// The name or URI.
    var name: String {
        switch self {
        case .remote(let name), .keyserver(let name), .login(let name): return name
        }
    }

    /// True when `text` names the subject already: its URI, or the remote's name as a word of
    /// its own (`Remote "lab" added`, `Status of lab: OK`; not the `lab` of `lab.example.org`).
    func isNamed(in text: String) -> Bool {
        switch self {
        case .remote(let name): return Self.containsWord(name, in: text)
        case .keyserver(let uri), .login(let uri): return text.contains(uri)
        }
    }

    private static func containsWord(_ word: String, in text: String) -> Bool {
        let boundaries: Set<Character> = [" ", "\"", "'", ":", ",", "(", ")", "[", "]"]
        var searchStart = text.startIndex
        while let range = text[searchStart...].firstRange(of: word) {
            let before =
                range.lowerBound == text.startIndex || boundaries.contains(text[text.index(before: range.lowerBound)])
            let after = range.upperBound == text.endIndex || boundaries.contains(text[range.upperBound])
            if before && after { return true }
            searchStart = text.index(after: range.lowerBound)
        }
        return false
    }
}
