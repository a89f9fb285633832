import FuzzSupport
import RemotesCore
import RemotesJSON

/// Fuzzes the docker config reader and the JSON parser and writer under it. Any input fails cleanly or reads to a file whose written text reads back
/// to the same JSON, keeping every key.
@main
enum FuzzDockerConfig {
    static func main() { runFuzzer(fuzzOne) }
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    guard let file = try? DockerConfigFile(parsing: text, path: "fuzz.json") else { return 0 }
    let written = file.text
    guard let again = try? DockerConfigFile(parsing: written, path: "fuzz-rewritten.json") else {
        fatalError("what we wrote does not read back:\n\(written)")
    }
    guard again.text == written else { fatalError("writing is not stable:\n\(written)") }
    _ = file.credentialHelper(for: "registry.example.com")
    _ = file.credentials(for: "registry.example.com")
    return 0
}
