import Testing
import VigilCore

@Suite("GoJSONWriter writes strings as Go's encoding/json does")
struct GoJSONWriterTests {
    private func written(_ text: String) -> String {
        var writer = GoJSONWriter()
        writer.string(text)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test(arguments: [
        ("plain", #""plain""#),
        ("quote \" and \\ backslash", #""quote \" and \\ backslash""#),
        ("tab\tnew\nline\rreturn", #""tab\tnew\nline\rreturn""#),
        ("<b>a & b</b>", #""\u003cb\u003ea \u0026 b\u003c/b\u003e""#),
        ("\u{01}\u{08}\u{0C}\u{1F}", #""\u0001\u0008\u000c\u001f""#),
        ("line\u{2028}para\u{2029}end", #""line\u2028para\u2029end""#),
        ("é ü 日本 🚑 \u{2027}\u{202A}", "\"é ü 日本 🚑 \u{2027}\u{202A}\""),
        ("", #""""#),
    ])
    func escapesExactlyWhatGoEscapes(input: String, expected: String) {
        #expect(written(input) == expected)
    }

    @Test func objectsAndArraysGetTheirCommas() {
        var writer = GoJSONWriter()
        writer.beginObject()
        writer.member("a", string: "x")
        writer.member("b", raw: "1")
        writer.member("c")
        writer.beginArray()
        for item in ["p", "q"] {
            writer.element()
            writer.string(item)
        }
        writer.end("]")
        writer.end("}")
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"{"a":"x","b":1,"c":["p","q"]}"#)
    }
}
