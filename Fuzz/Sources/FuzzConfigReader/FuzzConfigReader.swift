import FuzzSupport
import RemotesCore

/// Fuzzes the remote.yaml reader and writer. Any input either fails with a `RemotesError`, or
/// decodes to a config whose written form reads back to the same config and the same bytes.
@main
enum FuzzConfigReader {
    static func main() { runFuzzer(fuzzOne) }
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    let text = String(decoding: bytes, as: UTF8.self)
    guard let decoded = try? ConfigCodec.decode(text, source: "fuzz") else { return 0 }
    let written = ConfigCodec.encode(decoded.config)
    let again: ConfigCodec.Decoded
    do {
        again = try ConfigCodec.decode(written, source: "fuzz-rewritten")
    } catch {
        fatalError("what we wrote does not read back: \(error)\n--- input\n\(text)\n--- written\n\(written)")
    }
    guard again.config == decoded.config else {
        fatalError("round trip changed the config\n--- input\n\(text)\n--- written\n\(written)")
    }
    guard ConfigCodec.encode(again.config) == written else {
        fatalError("writing is not stable\n--- written\n\(written)")
    }
    return 0
}
