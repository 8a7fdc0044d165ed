import Foundation
import Testing
import Transport

/// Headless Chromium driven through chromedriver's W3C WebDriver protocol on loopback: what a
/// coordinator's phone browser does with a page (load, type, press, read), without a JavaScript test
/// framework. Debian's `chromium` and `chromium-driver`.
final class WebDriver: Sendable {
    static let driverPath = "/usr/bin/chromedriver"
    static let browserPath = "/usr/bin/chromium"
    static var isInstalled: Bool {
        FileManager.default.isExecutableFile(atPath: driverPath)
            && FileManager.default.isExecutableFile(atPath: browserPath)
    }

    private let process: Process
    private let exited: AsyncStream<Void>
    private let base: String
    let session: String

    /// One browser at a time in the whole test run: two headless Chromiums starting together on two
    /// cores can leave chromedriver unanswered past its deadline.
    private actor Turns {
        private var busy = false
        private var waiting: [CheckedContinuation<Void, Never>] = []

        func take() async {
            if !busy {
                busy = true
                return
            }
            await withCheckedContinuation { waiting.append($0) }
        }

        func give() {
            if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
        }
    }

    private static let turns = Turns()

    /// Runs `body` with a browser of its own, waiting for any other test's browser to finish first,
    /// and closes it afterwards, whatever happens.
    static func session<T: Sendable>(_ body: (WebDriver) async throws -> T) async throws -> T {
        await turns.take()
        do {
            let browser = try await WebDriver()
            do {
                let result = try await body(browser)
                await browser.quit()
                await turns.give()
                return result
            } catch {
                await browser.quit()
                throw error
            }
        } catch {
            await turns.give()
            throw error
        }
    }

    /// Starts chromedriver on a free port and opens a headless session 390 px wide (a phone).
    init() async throws {
        let port = Int.random(in: 20_000..<60_000)
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.driverPath)
        process.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let (exited, continuation) = AsyncStream.makeStream(of: Void.self)
        self.exited = exited
        process.terminationHandler = { _ in
            continuation.yield()
            continuation.finish()
        }
        try process.run()
        base = "http://127.0.0.1:\(port)"
        let base = self.base
        _ = try await waitUntil("chromedriver to answer", within: .seconds(90)) {
            let status = try? await CurlTransport().perform(HTTPRequest(url: base + "/status"))
            return status?.status == 200 ? true : nil
        }
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "goog:loggingPrefs": ["browser": "ALL"],
                    "goog:chromeOptions": [
                        "binary": Self.browserPath,
                        "args": [
                            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--window-size=390,844",
                        ],
                    ],
                ]
            ]
        ]
        let answer = try await Self.call(base, "POST", "/session", capabilities)
        session = try #require((answer["value"] as? [String: Any])?["sessionId"] as? String, "no session: \(answer)")
    }

    /// Loads `url` and waits for the page.
    func open(_ url: String) async throws {
        _ = try await command("POST", "/url", ["url": url])
    }

    /// The element matching a CSS selector.
    func element(_ selector: String) async throws -> String {
        let answer = try await command("POST", "/element", ["using": "css selector", "value": selector])
        guard let id = (answer["value"] as? [String: Any])?.values.first as? String else {
            throw Failure(description: "no element \(selector): \(answer)")
        }
        return id
    }

    func type(_ text: String, into selector: String) async throws {
        let id = try await element(selector)
        _ = try await command("POST", "/element/\(id)/value", ["text": text])
    }

    func click(_ selector: String) async throws {
        let id = try await element(selector)
        _ = try await command("POST", "/element/\(id)/click", [:])
    }

    func text(of selector: String) async throws -> String {
        let id = try await element(selector)
        return try await command("GET", "/element/\(id)/text", nil)["value"] as? String ?? ""
    }

    /// Resizes the window (a phone is 390×844, a desktop 1280×900).
    func resize(width: Int, height: Int) async throws {
        _ = try await command("POST", "/window/rect", ["width": width, "height": height])
    }

    /// Runs `script` in the page and returns its result.
    func execute(_ script: String) async throws -> Any? {
        try await command("POST", "/execute/sync", ["script": script, "args": [Any]()])["value"]
    }

    /// The browser console's messages at `SEVERE` level since the last call (errors: failed loads,
    /// script errors, content-security-policy refusals).
    func consoleErrors() async throws -> [String] {
        let entries = try await command("POST", "/se/log", ["type": "browser"])["value"] as? [[String: Any]] ?? []
        return entries.filter { $0["level"] as? String == "SEVERE" }.compactMap { $0["message"] as? String }
    }

    /// A PNG of the viewport.
    func screenshot() async throws -> Data {
        let text = try await command("GET", "/screenshot", nil)["value"] as? String ?? ""
        return try #require(Data(base64Encoded: text), "no screenshot")
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Waits until the element `selector` exists with a text `accept` takes (the page after a
    /// click may still be loading: lookups that fail are tried again).
    @discardableResult
    func waitForText(_ selector: String, _ what: String, _ accept: @escaping @Sendable (String) -> Bool) async throws
        -> String
    {
        try await waitUntil(what) { () async throws -> String? in
            let text = try await self.text(of: selector)
            return accept(text) ? text : nil
        }
    }

    /// The address of the page loaded now.
    func url() async throws -> String {
        try await command("GET", "/url", nil)["value"] as? String ?? ""
    }

    func title() async throws -> String {
        try await command("GET", "/title", nil)["value"] as? String ?? ""
    }

    /// Ends the session and stops chromedriver.
    func quit() async {
        _ = try? await Self.call(base, "DELETE", "/session/\(session)", nil)
        // chromedriver may linger on SIGTERM; the session is closed, so nothing is lost by SIGKILL.
        kill(process.processIdentifier, SIGKILL)
        for await _ in exited { break }
    }

    private func command(_ method: String, _ path: String, _ body: [String: Any]?) async throws -> [String: Any] {
        try await Self.call(base, method, "/session/\(session)" + path, body)
    }

    private static func call(_ base: String, _ method: String, _ path: String, _ body: [String: Any]?) async throws
        -> [String: Any]
    {
        let bytes = try body.map { Array(try JSONSerialization.data(withJSONObject: $0)) }
        let response = try await CurlTransport().perform(
            HTTPRequest(
                method: method, url: base + path, headers: [("Content-Type", "application/json")], body: bytes,
                timeout: .seconds(60)))
        let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] ?? [:]
        // Thrown, not recorded: a probe polling a page that is still loading retries it.
        guard response.status == 200 else {
            let message = (object["value"] as? [String: Any])?["message"] as? String ?? "\(object)"
            throw Failure(description: "WebDriver \(method) \(path) answered \(response.status): \(message)")
        }
        return object
    }
}
