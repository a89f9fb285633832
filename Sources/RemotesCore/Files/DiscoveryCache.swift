import Foundation
import Glibc

/// Service-discovery answers kept on disk, one file per endpoint base URL, in
/// `<user folder>/remote-cache/` (folder 0700, files 0600). Apptainer's own cache never hits
/// (its reader and writer disagree on the file name); ours uses the reader's name,
/// `https-host-path.json`, and holds the discovery JSON exactly as the server sent it.
public struct DiscoveryCache: Sendable {
    /// How long an answer stays fresh: 24 hours (see README, "Service discovery cache").
    public static let defaultLifetime: Int64 = 24 * 3600

    /// The cache folder.
    public var folder: String
    /// Seconds an entry stays fresh.
    public var lifetime: Int64

    /// A cache in `<userFolder>/remote-cache`.
    public init(userFolder: String, lifetime: Int64 = DiscoveryCache.defaultLifetime) {
        folder = userFolder + "/remote-cache"
        self.lifetime = lifetime
    }

    /// The file that holds the answer for `baseURL` (`https://host/path`).
    public func file(for baseURL: String) -> String {
        folder + "/" + DiscoveryCache.slug(baseURL) + ".json"
    }

    /// The cached catalog of `baseURL` if there is one younger than the lifetime (or any age
    /// with `ignoringAge`).
    public func catalog(for baseURL: String, ignoringAge: Bool = false) -> ServiceCatalog? {
        let path = file(for: baseURL)
        guard let snapshot = try? FileSnapshot.read(path), snapshot.exists else { return nil }
        if !ignoringAge {
            let now = Int64(time(nil))
            let age = now - snapshot.fingerprint.modified / 1_000_000_000
            guard age >= 0 && age < lifetime else { return nil }
        }
        return try? ServiceCatalog.parse(snapshot.bytes)
    }

    /// Stores the discovery answer `json` of `baseURL`. Without a lock (the cache is worth less
    /// than lock files beside every entry): when another process replaced the entry meanwhile,
    /// the write starts again from what is there now.
    public func store(_ json: [UInt8], for baseURL: String) throws(RemotesError) {
        try FileSystem.makeFolders(folder, mode: 0o700)
        let path = file(for: baseURL)
        let intended = try? ServiceCatalog.parse(json)
        for attempt in 1...3 {
            let previous = try FileSnapshot.read(path)
            do {
                try AtomicWriter.write(
                    json, to: path, newFileMode: 0o600, previous: previous, tightenTo: 0o600,
                    readsBackAs: { written in intended != nil && (try? ServiceCatalog.parse(written)) == intended })
                return
            } catch  where error.category == .changedOnDisk && attempt < 3 {
                continue
            }
        }
    }

    /// `https://cloud.example.com:8443/x` → `https-cloud-example-com-8443-x` (lowercase letters
    /// and digits, every other run of characters one `-`).
    public static func slug(_ text: String) -> String {
        var out = ""
        var dash = false
        for s in text.lowercased().unicodeScalars {
            if (s.value >= 0x61 && s.value <= 0x7A) || (s.value >= 0x30 && s.value <= 0x39) {
                if dash && !out.isEmpty { out += "-" }
                dash = false
                out.unicodeScalars.append(s)
            } else {
                dash = true
            }
        }
        return out
    }
}
