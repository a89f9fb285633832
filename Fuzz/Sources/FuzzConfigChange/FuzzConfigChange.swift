import FuzzSupport

// ChangeContext, the rules' working copy, is internal: fuzz builds are debug builds, which
// SwiftPM compiles with testing enabled.
@testable import RemotesCore

/// Fuzzes the whole change path, rules and emitter together: a remote.yaml is read, a change
/// made from the fuzz bytes is applied by the rules (`ChangeContext`, as `ConfigStore.apply`
/// does), and every config the change would write must be written in a form that reads back to
/// exactly that config, and writes the same bytes again.
///
/// Input: the remote.yaml text up to the first NUL byte (YAML text has none), then the bytes
/// the change is made from (see `ChangeBytes`). Without a NUL, the whole input is the file and
/// the change is made from nothing (the first kind, with the first choices).
@main
enum FuzzConfigChange {
    static func main() { runFuzzer(fuzzOne) }
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    let split = bytes.firstIndex(of: 0) ?? bytes.count
    let text = String(decoding: bytes[..<split], as: UTF8.self)
    guard let decoded = try? ConfigCodec.decode(text, source: "fuzz") else { return 0 }
    var reader = ChangeBytes(bytes[min(split + 1, bytes.count)...])
    let setup = reader.byte()
    let flavor: Flavor = setup & 4 != 0 ? .singularity : .apptainer
    // The fuzzed file is the user file, or (bit 0) the system file under an empty user file.
    let asSystem = setup & 1 != 0
    let user = asSystem ? RemoteConfig() : decoded.config
    let system = asSystem ? decoded.config : flavor.builtinSystemConfig
    guard let state = makeState(user: user, system: system, flavor: flavor) else { return 0 }
    let change = reader.change(user: user, system: system)
    let keyserver: String? = setup & 8 != 0 ? "https://keys.example.org" : nil
    var context = ChangeContext(state: state, isRoot: setup & 2 != 0, builtinKeyserver: { _ in keyserver })
    do {
        try context.apply(change)
    } catch {
        return 0
    }
    if context.userChanged { requireRoundTrip(context.user, change, text) }
    if context.systemChanged { requireRoundTrip(context.system, change, text) }
    return 0
}

/// Both files as `ConfigStore` would have read them (paths for messages only).
func makeState(user: RemoteConfig, system: RemoteConfig, flavor: Flavor) -> ConfigState? {
    guard let (merged, notices) = try? Merge.sync(user: user, system: system, flavor: flavor) else { return nil }
    func file(_ path: String, _ config: RemoteConfig) -> ConfigFile {
        let snapshot = FileSnapshot(
            path: path, exists: true, bytes: [], fingerprint: .missing, mode: 0o600, owner: 0, group: 0)
        return ConfigFile(path: path, snapshot: snapshot, config: config, unknownKeys: [], isBuiltin: false)
    }
    let locations = ConfigLocations(
        flavor: flavor, userFile: "/fuzz/user/remote.yaml", userFileIsStandard: true, userFolder: "/fuzz/user",
        systemFile: "/fuzz/etc/remote.yaml", systemSource: .flag, home: "/fuzz")
    return ConfigState(
        locations: locations, user: file(locations.userFile, user), system: file(locations.systemFile, system),
        merged: merged, notices: notices)
}

/// The intended config, written, must read back as itself and write the same bytes again.
func requireRoundTrip(_ intended: RemoteConfig, _ change: ConfigChange, _ input: String) {
    let written = ConfigCodec.encode(intended)
    let again: ConfigCodec.Decoded
    do {
        again = try ConfigCodec.decode(written, source: "fuzz-written")
    } catch {
        fatalError("what \(change) wrote does not read back: \(error)\n--- input\n\(input)\n--- written\n\(written)")
    }
    guard again.config == intended else {
        fatalError("what \(change) wrote reads back as another config\n--- input\n\(input)\n--- written\n\(written)")
    }
    guard ConfigCodec.encode(again.config) == written else {
        fatalError("writing after \(change) is not stable\n--- written\n\(written)")
    }
}
