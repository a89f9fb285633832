/// The core's messages in a form's own words: the command line names its flags
/// (`--insecure or APPTAINER_ADD_INSECURE=true`), a form has an "insecure" checkbox instead.
/// The command line's messages are not changed.
enum FormWording {
    /// Phrases of the core's messages and what a form says instead, most specific first.
    private static let phrases: [(String, String)] = [
        (
            "http URI requires --insecure or APPTAINER_ADD_INSECURE=true",
            "an http:// URI needs the \"insecure\" box ticked (discovery over plain http)"
        ),
        ("--insecure ignored for https remote", "\"insecure\" is ignored for an https:// URI"),
        ("or http:// with --insecure", "or http:// with \"insecure\" ticked"),
        ("configure the keyserver as insecure or use --insecure", "tick \"insecure\""),
        ("use --insecure if you trust it", "tick \"insecure\" if you trust it"),
        ("and --insecure covers only that host", "and \"insecure\" covers only that host"),
        ("--insecure", "\"insecure\""),
        ("APPTAINER_ADD_INSECURE=true", "\"insecure\""),
    ]

    /// `text` as a form shows it.
    static func inForm(_ text: String) -> String {
        guard text.contains("--") || text.contains("APPTAINER_") else { return text }
        var out = text
        for (phrase, replacement) in phrases { out = out.replacing(phrase, with: replacement) }
        return out
    }
}
