/// A JSON document as written, for files we edit but do not own (the docker config): object
/// members keep their order and duplicates, and numbers keep their exact text, so that what we
/// do not change is written back as it was.
public enum JSONValue: Sendable, Equatable {
    /// An object: members in file order.
    case object([JSONMember])
    /// An array.
    case array([JSONValue])
    /// A string.
    case string(String)
    /// A number, as its JSON text (`1`, `-0.5e3`).
    case number(String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null

    /// The members of an object, nil for anything else.
    public var members: [JSONMember]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The value of a string, nil for anything else.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The value of a boolean, nil for anything else.
    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// True for `null`.
    public var isNull: Bool { self == .null }

    /// A string, or `null` for nil (for output documents).
    public static func string(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }

    /// An integer number.
    public static func number(_ value: Int) -> JSONValue { .number(String(value)) }

    /// An object from `(key, value)` pairs, in the order given.
    public static func object(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(pairs.map { JSONMember($0.key, $0.value) })
    }

    /// For an object, the value of the last member named `key` (the one Go's decoder keeps).
    public subscript(key: String) -> JSONValue? {
        members?.last { $0.key == key }?.value
    }
}

/// One `"key": value` of a JSON object.
public struct JSONMember: Sendable, Equatable {
    /// The key.
    public var key: String
    /// The value.
    public var value: JSONValue

    /// Makes a member.
    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}
