import FuzzSupport
import RemotesCore

/// Fuzzes the WWW-Authenticate parser (in RemotesCore, so that fuzzing needs neither NIO nor
/// AsyncHTTPClient built with sanitizers). It must never crash,
/// every challenge it returns has a scheme, and parsing is deterministic.
@main
enum FuzzWWWAuthenticate {
    static func main() { runFuzzer(fuzzOne) }
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    let challenges = WWWAuthenticateParser.parse(text)
    for challenge in challenges where challenge.scheme.isEmpty {
        fatalError("a challenge without a scheme from \(text.debugDescription)")
    }
    guard WWWAuthenticateParser.parse(text) == challenges else { fatalError("parsing is not deterministic") }
    // Several header lines are read as their concatenation.
    _ = WWWAuthenticateParser.parse(text.split(separator: "\n").map(String.init))
    return 0
}
