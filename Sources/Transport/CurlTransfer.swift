import CCurl

/// One blocking libcurl transfer, from request to response, on the calling thread.
///
/// Why a separate, synchronous piece: all C state (handle, header list, callbacks' context) is created,
/// used and released inside `run`, on the one thread that calls it, so nothing unsafe ever crosses a
/// concurrency boundary. `CurlTransport` decides which thread that is; the handle is that thread's
/// (``CurlWorker``), reset before each transfer, so connections are reused.
enum CurlTransfer {
    struct Settings {
        let maxResponseBytes: Int
        let userAgent: String
    }

    static func run(
        _ request: HTTPRequest,
        settings: Settings,
        cancellation: CancellationFlag,
        worker: CurlWorker
    ) -> Result<HTTPResponse, TransportError> {
        do throws(TransportError) {
            return .success(try perform(request, settings: settings, cancellation: cancellation, worker: worker))
        } catch .curl(let code, let message, url: "") {
            // Setup failures are raised before the URL is known to the thrower; name it for the operator.
            return .failure(.curl(code: code, message: message, url: request.url))
        } catch {
            return .failure(error)
        }
    }

    private static func perform(
        _ request: HTTPRequest,
        settings: Settings,
        cancellation: CancellationFlag,
        worker: CurlWorker
    ) throws(TransportError) -> HTTPResponse {
        try RequestValidation.validate(request)
        if cancellation.isRaised { throw .cancelled }

        let handle = try worker.freshHandle()
        let context = TransferContext(maxResponseBytes: settings.maxResponseBytes, cancellation: cancellation)
        try configure(handle, for: request, settings: settings, context: context)

        let code = withExtendedLifetime(context) { handle.perform() }
        guard code == CURLE_OK else {
            throw CurlErrorMapping.error(for: code, url: request.url, handle: handle, context: context)
        }
        return HTTPResponse(
            status: handle.info(CURLINFO_RESPONSE_CODE),
            headers: context.headerParser.headers,
            body: context.body
        )
    }

    private static func configure(
        _ handle: CurlEasyHandle,
        for request: HTTPRequest,
        settings: Settings,
        context: TransferContext
    ) throws(TransportError) {
        try handle.set(CURLOPT_URL, request.url)
        try handle.set(CURLOPT_NOSIGNAL, 1)
        try handle.set(CURLOPT_PROTOCOLS_STR, "http,https")
        try handle.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        try handle.set(CURLOPT_USERAGENT, settings.userAgent)
        try handle.set(CURLOPT_CONNECTTIMEOUT_MS, request.connectTimeout.curlMilliseconds)
        try handle.set(CURLOPT_TIMEOUT_MS, request.timeout.curlMilliseconds)
        if settings.maxResponseBytes > 0 {
            // Refuses early when Content-Length already says too much (0 would mean "no limit" here).
            try handle.set(CURLOPT_MAXFILESIZE_LARGE, offset: Int64(settings.maxResponseBytes))
        }
        if request.followRedirects {
            try handle.set(CURLOPT_FOLLOWLOCATION, 1)
            try handle.set(CURLOPT_MAXREDIRS, 10)
        }

        if request.tls.insecureSkipVerify {
            try handle.set(CURLOPT_SSL_VERIFYPEER, 0)
            try handle.set(CURLOPT_SSL_VERIFYHOST, 0)
        }
        if let caFile = request.tls.caFile { try handle.set(CURLOPT_CAINFO, caFile) }
        if let certFile = request.tls.certFile { try handle.set(CURLOPT_SSLCERT, certFile) }
        if let keyFile = request.tls.keyFile { try handle.set(CURLOPT_SSLKEY, keyFile) }
        if let proxy = request.proxyURL { try handle.set(CURLOPT_PROXY, proxy) }

        try configureMethodAndBody(handle, for: request)
        try handle.setHeaderLines(headerLines(for: request))

        try handle.set(CURLOPT_WRITEFUNCTION, callback: CurlCallbacks.write)
        try handle.set(CURLOPT_WRITEDATA, pointer: context.opaque)
        try handle.set(CURLOPT_HEADERFUNCTION, callback: CurlCallbacks.header)
        try handle.set(CURLOPT_HEADERDATA, pointer: context.opaque)
        try handle.set(CURLOPT_XFERINFOFUNCTION, progress: CurlCallbacks.progress)
        try handle.set(CURLOPT_XFERINFODATA, pointer: context.opaque)
        try handle.set(CURLOPT_NOPROGRESS, 0)
    }

    private static func configureMethodAndBody(_ handle: CurlEasyHandle, for request: HTTPRequest)
        throws(TransportError)
    {
        switch request.method {
        case "HEAD":
            try handle.set(CURLOPT_NOBODY, 1)
        case "POST":
            try handle.setBody(request.body ?? [])
        case "GET" where request.body == nil:
            break
        default:
            if let body = request.body { try handle.setBody(body) }
            try handle.set(CURLOPT_CUSTOMREQUEST, request.method)
        }
    }

    /// The caller's headers in order, plus `Expect:` (no 100-continue round trip) unless they set one.
    private static func headerLines(for request: HTTPRequest) -> [String] {
        var lines = request.headers.map { header in
            // "Name:" would make libcurl drop the header; "Name;" sends it with an empty value.
            header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)"
        }
        if !request.headers.contains(where: { $0.name.lowercased() == "expect" }) {
            lines.append("Expect:")
        }
        return lines
    }
}
