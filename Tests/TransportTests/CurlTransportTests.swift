import Testing

@testable import Transport

@Suite("CurlTransport against a loopback Hummingbird server")
struct CurlTransportTests {
    let transport = CurlTransport()

    /// Runs `request` and returns its outcome, so error cases can be compared with `==`.
    private func outcome(
        _ request: Transport.HTTPRequest,
        using transport: CurlTransport = CurlTransport()
    ) async -> Result<Transport.HTTPResponse, TransportError> {
        do {
            return .success(try await transport.perform(request))
        } catch {
            return .failure(error)
        }
    }

    private func failure(of result: Result<Transport.HTTPResponse, TransportError>) -> TransportError? {
        if case .failure(let error) = result { error } else { nil }
    }

    @Test func postRoundTripsStatusHeadersAndBody() async throws {
        try await LoopbackServer.run { server in
            let request = Transport.HTTPRequest(
                method: "POST",
                url: server.url("/echo"),
                headers: [(name: "X-Test", value: "hello header"), (name: "Content-Type", value: "text/plain")],
                body: Array("hello body".utf8)
            )
            let response = try await transport.perform(request)
            #expect(response.status == 201)
            #expect(response.bodyText == "hello body")
            #expect(response.header("x-method") == "POST")
            #expect(response.header("X-ECHO-HEADER") == "hello header")
            #expect(response.header("X-Custom") == "custom value")
            #expect(response.header("X-Saw-Expect") == "no")
            #expect(response.header("Content-Length") == "10")
            #expect(response.header("X-Not-There") == nil)
            #expect(!response.headers.contains { $0.name.hasPrefix("HTTP/") || $0.name.isEmpty })
        }
    }

    @Test(arguments: ["PUT", "DELETE", "PATCH", "GET"])
    func otherMethodsAreSentAsIs(method: String) async throws {
        try await LoopbackServer.run { server in
            let request = Transport.HTTPRequest(
                method: method, url: server.url("/echo"), body: method == "GET" ? nil : [1, 2, 3])
            let response = try await transport.perform(request)
            #expect(response.status == 201)
            #expect(response.header("X-Method") == method)
            #expect(response.body == (method == "GET" ? [] : [1, 2, 3]))
        }
    }

    @Test func emptyPostSendsAnEmptyBody() async throws {
        try await LoopbackServer.run { server in
            let response = try await transport.perform(.init(method: "POST", url: server.url("/echo")))
            #expect(response.status == 201)
            #expect(response.body.isEmpty)
        }
    }

    @Test(arguments: [404, 500])
    func nonSuccessStatusIsAResponseNotAnError(code: Int) async throws {
        try await LoopbackServer.run { server in
            let response = try await transport.perform(.init(url: server.url("/status/\(code)")))
            #expect(response.status == code)
            #expect(response.bodyText == "status \(code)")
        }
    }

    @Test func redirectsAreReturnedUnlessFollowed() async throws {
        try await LoopbackServer.run { server in
            let unfollowed = try await transport.perform(.init(url: server.url("/redirect")))
            #expect(unfollowed.status == 302)
            #expect(unfollowed.header("Location") == "/echo")

            let followed = try await transport.perform(.init(url: server.url("/redirect"), followRedirects: true))
            #expect(followed.status == 201)
            #expect(followed.header("X-Method") == "GET")
            // Only the final response's headers remain.
            #expect(followed.header("X-Intermediate") == nil)
            #expect(followed.header("Location") == nil)
        }
    }

    @Test func shortTimeoutFailsWithTimedOut() async throws {
        try await LoopbackServer.run { server in
            let url = server.url("/slow")
            let result = await outcome(.init(url: url, timeout: .milliseconds(200)))
            #expect(failure(of: result) == .timedOut(url: url))
        }
    }

    @Test func closedPortFailsWithConnectionRefused() async {
        let url = "http://127.0.0.1:1/x"
        let result = await outcome(.init(url: url))
        #expect(failure(of: result) == .connectionRefused(url: url))
        #expect(failure(of: result)?.description == "connection refused: http://127.0.0.1:1/x")
    }

    @Test func unknownHostFailsWithCouldNotResolveHost() async {
        // RFC 6761 reserves .invalid: it never resolves.
        let url = "http://vigil-test.invalid/"
        let result = await outcome(.init(url: url))
        #expect(failure(of: result) == .couldNotResolveHost(url: url))
    }

    @Test(arguments: [
        "file:///etc/passwd", "ftp://127.0.0.1/", "gopher://127.0.0.1/", "127.0.0.1/no-scheme",
        "http://", "http://127.0.0.1/a b", "",
    ])
    func disallowedOrMalformedURLsAreRefused(url: String) async {
        let result = await outcome(.init(url: url))
        #expect(failure(of: result) == .invalidURL(url))
    }

    @Test func urlWithANulByteIsRefused() async {
        // Passed on as a C string, everything after the NUL would silently be dropped.
        let url = "http://127.0.0.1/\u{0}/x"
        #expect(failure(of: await outcome(.init(url: url))) == .invalidURL(url))
    }

    @Test func redirectToADisallowedSchemeIsNotFollowed() async throws {
        try await LoopbackServer.run { server in
            let url = server.url("/redirect-to-file")
            let result = await outcome(.init(url: url, followRedirects: true))
            guard case .curl(let code, let message, let failedURL) = failure(of: result) else {
                Issue.record("expected a curl error, got \(result)")
                return
            }
            #expect(code == 1)  // CURLE_UNSUPPORTED_PROTOCOL
            #expect(message.contains("file"))
            #expect(failedURL == url)
        }
    }

    @Test func headRequestGetsHeadersWithoutABody() async throws {
        try await LoopbackServer.run { server in
            let response = try await transport.perform(.init(method: "HEAD", url: server.url("/echo")))
            #expect(response.status == 201)
            #expect(response.header("X-Method") == "HEAD")
            #expect(response.body.isEmpty)
        }
    }

    @Test func headerInjectionIsRefused() async {
        let smuggled = Transport.HTTPRequest(
            url: "http://127.0.0.1:1/", headers: [(name: "X-A", value: "b\r\nX-Injected: yes")])
        #expect(failure(of: await outcome(smuggled)) == .invalidRequest("header X-A has a CR, LF or NUL in its value"))

        let badName = Transport.HTTPRequest(url: "http://127.0.0.1:1/", headers: [(name: "X A", value: "b")])
        #expect(failure(of: await outcome(badName)) == .invalidRequest("header name \"X A\" is not an HTTP token"))

        let badMethod = Transport.HTTPRequest(method: "GET / HTTP/1.1\r\n", url: "http://127.0.0.1:1/")
        guard case .invalidRequest = failure(of: await outcome(badMethod)) else {
            Issue.record("a method with spaces and CRLF must be refused")
            return
        }
    }

    @Test func fixedLengthResponseOverTheLimitIsRefused() async throws {
        try await LoopbackServer.run { server in
            let small = CurlTransport(maxResponseBytes: 1024)
            let result = await outcome(.init(url: server.url("/big")), using: small)
            #expect(failure(of: result) == .responseTooLarge(limit: 1024))

            let exact = CurlTransport(maxResponseBytes: LoopbackServer.bigBodySize)
            let response = try await exact.perform(.init(url: server.url("/big")))
            #expect(response.body.count == LoopbackServer.bigBodySize)
        }
    }

    @Test func chunkedResponseOverTheLimitIsRefused() async throws {
        try await LoopbackServer.run { server in
            let small = CurlTransport(maxResponseBytes: 10_000)
            let result = await outcome(.init(url: server.url("/big-chunked")), using: small)
            #expect(failure(of: result) == .responseTooLarge(limit: 10_000))

            let response = try await transport.perform(.init(url: server.url("/big-chunked")))
            #expect(response.body == Array(repeating: 0x62, count: LoopbackServer.bigBodySize))
        }
    }

    @Test func cancellingTheTaskAbortsASlowRequest() async throws {
        try await LoopbackServer.run { server in
            let transport = transport
            let request = Transport.HTTPRequest(url: server.url("/slow"))
            let task = Task { () -> Result<Transport.HTTPResponse, TransportError> in
                do throws(TransportError) {
                    return .success(try await transport.perform(request))
                } catch {
                    return .failure(error)
                }
            }
            // Cancel only once the server has the request in hand: the transfer is truly under way.
            var arrivals = server.slowRequestArrivals.makeAsyncIterator()
            await arrivals.next()
            task.cancel()
            #expect(failure(of: await task.value) == .cancelled)
        }
    }

    @Test func alreadyCancelledTaskFailsWithoutConnecting() async {
        let transport = transport
        let task = Task { () -> Result<Transport.HTTPResponse, TransportError> in
            withUnsafeCurrentTask { $0?.cancel() }
            do throws(TransportError) {
                return .success(try await transport.perform(.init(url: "http://127.0.0.1:1/")))
            } catch {
                return .failure(error)
            }
        }
        #expect(failure(of: await task.value) == .cancelled)
    }

    @Test func manyConcurrentRequestsAllSucceed() async throws {
        try await LoopbackServer.run { server in
            let transport = transport
            let bodies = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for index in 0..<20 {
                    group.addTask {
                        let request = Transport.HTTPRequest(
                            method: "POST", url: server.url("/echo"), body: Array("request \(index)".utf8))
                        let response = try await transport.perform(request)
                        #expect(response.status == 201)
                        return (index, response.bodyText)
                    }
                }
                var bodies: [Int: String] = [:]
                for try await (index, body) in group { bodies[index] = body }
                return bodies
            }
            #expect(bodies.count == 20)
            for index in 0..<20 { #expect(bodies[index] == "request \(index)") }
        }
    }

    @Test func sequentialRequestsReuseOneConnection() async throws {
        try await LoopbackServer.run { server in
            let transport = CurlTransport(maxConcurrentTransfers: 1)
            var ports: Set<String> = []
            for _ in 0..<5 {
                let response = try await transport.perform(.init(url: server.url("/peer")))
                #expect(response.status == 200)
                ports.insert(response.bodyText)
            }
            #expect(ports.count == 1, "each request opened its own connection: client ports \(ports.sorted())")
        }
    }

    @Test func concurrentTransfersNeverExceedTheLimitAndAllComplete() async throws {
        try await LoopbackServer.run { server in
            let transport = CurlTransport(maxConcurrentTransfers: 3)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<24 {
                    group.addTask {
                        try await transport.perform(
                            .init(method: "POST", url: server.url("/echo"), body: Array("\(index)".utf8))
                        ).status
                    }
                }
                var statuses: [Int] = []
                for try await status in group { statuses.append(status) }
                return statuses
            }
            #expect(statuses == Array(repeating: 201, count: 24))
            let stats = transport.pool.stats
            #expect(stats.peakThreads <= 3)
            #expect(stats.peakThreads >= 1)
            #expect(stats.queued == 0)
        }
    }

    @Test func aQueuedTransferCancelledBeforeItStartsFailsWithoutConnecting() async throws {
        try await LoopbackServer.run { server in
            // One thread, busy with a slow request: the second request waits in the queue.
            let transport = CurlTransport(maxConcurrentTransfers: 1)
            let slow = Task { try? await transport.perform(.init(url: server.url("/slow"))) }
            var arrivals = server.slowRequestArrivals.makeAsyncIterator()
            await arrivals.next()
            let queued = Task { () -> Result<Transport.HTTPResponse, TransportError> in
                do throws(TransportError) {
                    return .success(try await transport.perform(.init(url: server.url("/peer"))))
                } catch {
                    return .failure(error)
                }
            }
            queued.cancel()
            slow.cancel()
            _ = await slow.value
            #expect(failure(of: await queued.value) == .cancelled)
        }
    }

    @Test func errorDescriptionsAreReadableAndHideCredentials() {
        #expect(TransportError.timedOut(url: "http://a/b").description == "timed out: http://a/b")
        #expect(TransportError.cancelled.description == "request cancelled")
        #expect(
            TransportError.connectionRefused(url: "https://user:secret@host:8443/p?q=1").description
                == "connection refused: https://***@host:8443/p?q=1")
        #expect(
            TransportError.curl(code: 35, message: "SSL connect error", url: "https://h/").description
                == "curl error 35 (SSL connect error): https://h/")
    }
}

@Suite struct ResponseHeaderParserTests {
    private func parse(_ lines: [String]) -> [(name: String, value: String)] {
        var parser = ResponseHeaderParser()
        for line in lines { parser.consume(Array(line.utf8)) }
        return parser.headers
    }

    @Test func keepsOnlyTheFinalResponsesHeadersInOrder() {
        let headers = parse([
            "HTTP/1.1 100 Continue\r\n", "X-Early: 1\r\n", "\r\n",
            "HTTP/1.1 200 OK\r\n", "Set-Cookie: a=1\r\n", "Content-Type:  text/plain \r\n",
            "Set-Cookie: b=2\r\n", "X-Empty:\r\n", "\r\n",
        ])
        #expect(headers.map(\.name) == ["Set-Cookie", "Content-Type", "Set-Cookie", "X-Empty"])
        #expect(headers.map(\.value) == ["a=1", "text/plain", "b=2", ""])
    }

    @Test func foldsContinuationLines() {
        let headers = parse(["HTTP/1.1 200 OK\r\n", "X-Long: first\r\n", "\t second\r\n", "\r\n"])
        #expect(headers.count == 1)
        #expect(headers.first?.value == "first second")
    }

    @Test func durationsBecomeAtLeastOneMillisecond() {
        #expect(Duration.zero.curlMilliseconds == 1)
        #expect(Duration.microseconds(1).curlMilliseconds == 1)
        #expect(Duration.milliseconds(200).curlMilliseconds == 200)
        #expect(Duration.seconds(-3).curlMilliseconds == 1)
        #expect(Duration.seconds(5).curlMilliseconds == 5000)
    }
}
