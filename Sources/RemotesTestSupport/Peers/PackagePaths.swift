import Foundation

/// Paths inside this package's checkout and build folder.
public enum PackagePaths {
    /// The package root (the folder with Package.swift), found from this source file's path.
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.path
            }
            url.deleteLastPathComponent()
        }
        return FileManager.default.currentDirectoryPath
    }()

    /// `scripts/peers`, where the token server and the credential helper live.
    public static var peerScripts: String { root + "/scripts/peers" }

    /// The path of a built product (e.g. `remotes`, `remotes-test-server`): next to the running test
    /// binary first, then in `.build/debug`; nil when not built.
    public static func builtProduct(_ name: String) -> String? {
        var candidates: [String] = []
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            var folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
            // The test binary sits inside `<name>.xctest` on some layouts; walk up a little.
            for _ in 0..<3 {
                candidates.append(folder.appendingPathComponent(name).path)
                folder.deleteLastPathComponent()
            }
        }
        candidates.append(root + "/.build/debug/" + name)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
