import FuzzSupport
import RemotesCore

/// Fuzzes URI normalisation. A URI that `remote add` accepts must normalise to itself (the
/// stored form is a fixed point), and keyserver and login addresses must be stable.
@main
enum FuzzURI {
    static func main() { runFuzzer(fuzzOne) }
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    for insecure in [false, true] {
        if let uri = try? EndpointURI.normalize(text, insecure: insecure) {
            let input = uri.insecure && !uri.stored.hasPrefix("http://") ? "http://" + uri.stored : uri.stored
            guard let again = try? EndpointURI.normalize(input, insecure: uri.insecure) else {
                fatalError("stored URI \(uri.stored) of \(text) is refused when added again")
            }
            guard again.stored == uri.stored, again.insecure == uri.insecure else {
                fatalError("normalising \(text) is not stable: \(uri.stored) then \(again.stored)")
            }
            _ = EndpointURI.baseURL(stored: uri.stored, insecure: uri.insecure)
        }
    }
    if let address = KeyserverAddress(text) {
        guard let url = KeyserverAddress.requestURL(text), KeyserverAddress(url) == address else {
            fatalError("keyserver request URL of \(text) is not the same keyserver")
        }
    }
    _ = LoginAddress(text)
    _ = try? RemoteName.validate(text)
    return 0
}
