import FuzzSupport
import RemotesCore
import RemotesJSON

/// Fuzzes the service-discovery JSON reader and the JSON layer under it: the reader must fail
/// cleanly or give a catalog without a `keystore` service; any JSON the parser accepts must be
/// written by both layouts (`indented`, `pretty`) as text that parses back to the same value
/// (`pretty` sorts keys, so for it the text must be stable instead).
@main
enum FuzzDiscoveryJSON {
    static func main() { runFuzzer(fuzzOne) }
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    if let catalog = try? ServiceCatalog.parse(bytes), catalog.services["keystore"] != nil {
        fatalError("keystore must be renamed keyserver")
    }
    guard let value = try? JSONParser.parse(bytes) else { return 0 }
    guard let again = try? JSONParser.parse(JSONWriter.indented(value)), again == value else {
        fatalError("the indented text does not read back as the same value")
    }
    let pretty = JSONWriter.pretty(value)
    guard let reread = try? JSONParser.parse(pretty), JSONWriter.pretty(reread) == pretty else {
        fatalError("the pretty text does not read back stably")
    }
    return 0
}
