import FuzzSupport
import RemotesCore

/// Fuzzes the service-discovery JSON reader: it must fail cleanly or give a catalog whose
/// services all have names and URIs.
@main
enum FuzzDiscoveryJSON {
    static func main() { runFuzzer(fuzzOne) }
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    guard let catalog = try? ServiceCatalog.parse(bytes) else { return 0 }
    for (name, _) in catalog.services where name == "keystore" {
        fatalError("keystore must be renamed keyserver")
    }
    return 0
}
