import Server
import Testing

@Suite("Listen addresses")
struct ListenAddressTests {
    @Test(arguments: [
        ("127.0.0.1:9095", "127.0.0.1", 9095),
        ("[::1]:9095", "::1", 9095),
        (":9095", "0.0.0.0", 9095),
        ("localhost:0", "localhost", 0),
    ])
    func parsesHostAndPort(text: String, host: String, port: Int) {
        let address = ListenAddress(parsing: text)
        #expect(address == ListenAddress(host: host, port: port))
    }

    @Test(arguments: ["127.0.0.1", "127.0.0.1:", "127.0.0.1:65536", "::1:9095", "[::1]9095", "host:+80", "host:http"])
    func rejectsWhatIsNotHostColonPort(text: String) {
        #expect(ListenAddress(parsing: text) == nil)
    }
}
