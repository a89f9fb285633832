import Testing

@testable import RemotesJSON

@Suite("JSON parser and writer")
struct JSONTests {
    @Test("values parse with order, duplicates and number texts kept")
    func parse() throws {
        let value = try JSONParser.parse(#"{"b": 1.50, "a": [true, false, null, "x\u00e9\n"], "b": -0e+3}"#)
        let members = try #require(value.members)
        #expect(members.map(\.key) == ["b", "a", "b"])
        #expect(members[0].value == .number("1.50"))
        #expect(value["b"] == .number("-0e+3"))
        #expect(value["a"] == .array([.bool(true), .bool(false), .null, .string("xé\n")]))
    }

    @Test("surrogate pairs join; a lone surrogate becomes U+FFFD")
    func surrogates() throws {
        #expect(try JSONParser.parse(#""\ud83d\ude00""#) == .string("😀"))
        #expect(try JSONParser.parse(#""\ud83dx""#) == .string("\u{FFFD}x"))
    }

    @Test(
        "bad JSON is refused with a position",
        arguments: [
            ("{", "line 1, column 2"), (#"{"a" 1}"#, "':' was expected"), ("[1,]", "a value was expected"),
            ("01", "unexpected text"), (#""a"#, "unterminated string"), ("\"a\nb\"", "control character"),
            (#""\x""#, "invalid escape"), ("1.", "after the decimal point"), ("{}\n{}", "line 2, column 1"),
            ("tru", "invalid literal"), ("", "unexpected end"),
        ])
    func failures(text: String, message: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(text) }
        do {
            _ = try JSONParser.parse(text)
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
        }
    }

    @Test("deep nesting is refused, not a stack overflow")
    func depth() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(deep) }
        let fine = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(throws: Never.self) { try JSONParser.parse(fine) }
    }

    @Test("the writer indents with tabs and escapes as Go does")
    func writer() {
        let value = JSONValue.object([
            JSONMember("auths", .object([JSONMember("h:5000", .object([JSONMember("auth", .string("YTpi"))]))])),
            JSONMember("empty", .object([])), JSONMember("list", .array([.number("1"), .null])),
            JSONMember("text", .string("<a&b>\"\\\u{1}\t")),
        ])
        #expect(
            JSONWriter.indented(value) == """
                {
                \t"auths": {
                \t\t"h:5000": {
                \t\t\t"auth": "YTpi"
                \t\t}
                \t},
                \t"empty": {},
                \t"list": [
                \t\t1,
                \t\tnull
                \t],
                \t"text": "\\u003ca\\u0026b\\u003e\\"\\\\\\u0001\\t"
                }
                """)
    }

    @Test("writing then parsing gives the same value")
    func roundTrip() throws {
        let text = #"{"z":{"k":[1,2.5e-3,{"q":"\"\\/\b\f\n\r\t"}],"e":[]},"a":null,"m":{}}"#
        let value = try JSONParser.parse(text)
        #expect(try JSONParser.parse(JSONWriter.indented(value)) == value)
    }
}
