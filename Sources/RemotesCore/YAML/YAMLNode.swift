/// A YAML value as this project reads and writes it: scalars, block mappings and sequences.
///
/// Reading keeps the source line of every node (for error messages); writing ignores it.
public struct YAMLNode: Sendable {
    /// The shape of a node.
    public enum Kind: Sendable, Equatable {
        /// A scalar. `isString` is true when the value is a string (quoted, or plain text that
        /// YAML resolves to a string); false for numbers, booleans, null and timestamps, which
        /// are written back exactly as they were read.
        case scalar(String, isString: Bool)
        /// A mapping, in its order.
        case mapping([YAMLPair])
        /// A sequence, in its order.
        case sequence([YAMLNode])
    }

    /// What the node holds.
    public var kind: Kind
    /// 1-based source line, 0 for nodes made in memory.
    public var line: Int

    /// Makes a node.
    public init(_ kind: Kind, line: Int = 0) {
        self.kind = kind
        self.line = line
    }

    /// A string scalar.
    public static func string(_ value: String) -> YAMLNode { YAMLNode(.scalar(value, isString: true)) }
    /// A boolean scalar, written `true` or `false`.
    public static func bool(_ value: Bool) -> YAMLNode { YAMLNode(.scalar(value ? "true" : "false", isString: false)) }
    /// A mapping.
    public static func mapping(_ pairs: [YAMLPair]) -> YAMLNode { YAMLNode(.mapping(pairs)) }
    /// A sequence.
    public static func sequence(_ items: [YAMLNode]) -> YAMLNode { YAMLNode(.sequence(items)) }

    /// A short name of the node's shape for error messages.
    public var shapeName: String {
        switch kind {
        case .scalar: return "a scalar"
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        }
    }
}

extension YAMLNode: Equatable {
    /// Nodes are equal when their contents are; source lines do not count.
    public static func == (lhs: YAMLNode, rhs: YAMLNode) -> Bool { lhs.kind == rhs.kind }
}

/// One `key: value` entry of a mapping.
public struct YAMLPair: Sendable, Equatable {
    /// The key; for this project's files always a string scalar.
    public var key: String
    /// The value.
    public var value: YAMLNode
    /// 1-based line of the key, 0 for pairs made in memory.
    public var line: Int

    /// Makes a pair.
    public init(_ key: String, _ value: YAMLNode, line: Int = 0) {
        self.key = key
        self.value = value
        self.line = line
    }

    /// Pairs are equal when key and value are; lines do not count.
    public static func == (lhs: YAMLPair, rhs: YAMLPair) -> Bool { lhs.key == rhs.key && lhs.value == rhs.value }
}
