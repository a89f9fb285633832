extension Array where Element: Sendable {
    /// `transform` applied to every element at the same time, the results in the elements' order:
    /// how `status --all`, each remote's services and `registry status` check many servers at once.
    func concurrentMap<Mapped: Sendable>(_ transform: @escaping @Sendable (Element) async -> Mapped) async -> [Mapped] {
        await withTaskGroup(of: (Int, Mapped).self) { group in
            for (index, element) in enumerated() {
                group.addTask { (index, await transform(element)) }
            }
            var results: [(Int, Mapped)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }
}
