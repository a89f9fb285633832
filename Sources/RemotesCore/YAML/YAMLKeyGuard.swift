// libyaml itself, as Yams builds it: the only way to see a document's events before Yams composes it.
internal import CYaml

/// Refuses a mapping key that is a collection or an alias of one, before Yams composes the
/// document.
///
/// Yams checks every mapping's keys for duplicates by hashing them, and an alias is shared, not
/// copied: a key that is an alias of a list of aliases of lists ("billion laughs") is a few
/// hundred bytes of text whose hash walks billions of values (fuzzing found one that held
/// `FuzzConfigReader` for longer than its 10 s limit). `YAMLReader` refuses such keys anyway
/// ("a key must be a single value"), so refusing them first changes no answer but the line it
/// names. Only a document with an alias needs the check: without one, hashing a key costs no
/// more than its text, and `list` and `add` skip the second pass over the file.
enum YAMLKeyGuard {
    static func check(_ text: String, source: String) throws(RemotesError) {
        guard text.utf8.contains(UInt8(ascii: "*")) else { return }
        var bytes = Array(text.utf8)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        try bytes.withUnsafeMutableBufferPointer { (buffer) throws(RemotesError) in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var walk = KeyWalk()
            while true {
                var event = yaml_event_t()
                // A syntax error is left to Yams, which reports it with its line.
                guard yaml_parser_parse(&parser, &event) == 1 else { return }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return }
                if let kind = walk.refusedKey(event) {
                    throw RemotesError.badFile(
                        "\(source): line \(Int(event.start_mark.line) + 1): a key must be a single value, not a \(kind)"
                    )
                }
            }
        }
    }

    /// Where the parser is: in a sequence, or in a mapping expecting a key or a value; and
    /// which anchors name collections.
    private struct KeyWalk {
        /// nil: a sequence; true: a mapping whose next node is a key; false: its value.
        var frames: [Bool?] = []
        var collectionAnchors: [String: String] = [:]

        /// The kind of collection `event` puts in a key's place, if it does; else follows it.
        mutating func refusedKey(_ event: yaml_event_t) -> String? {
            let atKey = frames.last == .some(true)
            switch event.type {
            case YAML_SCALAR_EVENT:
                nodeEnded()
            case YAML_ALIAS_EVENT:
                if atKey, let kind = Self.name(event.data.alias.anchor).flatMap({ collectionAnchors[$0] }) {
                    return kind
                }
                nodeEnded()
            case YAML_SEQUENCE_START_EVENT:
                if atKey { return "sequence" }
                Self.name(event.data.sequence_start.anchor).map { collectionAnchors[$0] = "sequence" }
                frames.append(nil)
            case YAML_MAPPING_START_EVENT:
                if atKey { return "mapping" }
                Self.name(event.data.mapping_start.anchor).map { collectionAnchors[$0] = "mapping" }
                frames.append(true)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                _ = frames.popLast()
                nodeEnded()
            default:
                break
            }
            return nil
        }

        /// A key was read (a value comes next), or a value (a key comes next).
        private mutating func nodeEnded() {
            if let last = frames.last, let expectingKey = last { frames[frames.count - 1] = !expectingKey }
        }

        private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            anchor.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
        }
    }
}
