import CCurl

/// One blocking SMTP transaction through libcurl, on the calling thread (as ``CurlTransfer`` for HTTP).
enum CurlMailTransfer {
    static func run(
        _ request: MailRequest, cancellation: CancellationFlag, worker: CurlWorker
    ) -> Result<Void, TransportError> {
        do throws(TransportError) {
            try perform(request, cancellation: cancellation, worker: worker)
            return .success(())
        } catch .curl(let code, let message, url: "") {
            return .failure(.curl(code: code, message: message, url: request.url))
        } catch {
            return .failure(error)
        }
    }

    private static func perform(
        _ request: MailRequest, cancellation: CancellationFlag, worker: CurlWorker
    ) throws(TransportError) {
        for text in [request.from] + request.recipients where text.contains("\r") || text.contains("\n") {
            throw .invalidRequest("an address contains a line break")
        }
        if cancellation.isRaised { throw .cancelled }
        let handle = try worker.freshHandle()
        let context = TransferContext(maxResponseBytes: 1 << 20, cancellation: cancellation)
        context.upload = request.message
        try handle.set(CURLOPT_URL, request.url)
        try handle.set(CURLOPT_NOSIGNAL, 1)
        try handle.set(CURLOPT_PROTOCOLS_STR, "smtp,smtps")
        try handle.set(CURLOPT_CONNECTTIMEOUT_MS, request.timeout.curlMilliseconds)
        try handle.set(CURLOPT_TIMEOUT_MS, request.timeout.curlMilliseconds)
        try handle.set(CURLOPT_MAIL_FROM, "<\(request.from)>")
        try handle.setRecipients(request.recipients.map { "<\($0)>" })
        try handle.set(CURLOPT_UPLOAD, 1)
        try handle.set(CURLOPT_INFILESIZE_LARGE, offset: Int64(request.message.count))
        try handle.set(CURLOPT_READFUNCTION, callback: CurlCallbacks.read)
        try handle.set(CURLOPT_READDATA, pointer: context.opaque)
        try handle.set(CURLOPT_XFERINFOFUNCTION, progress: CurlCallbacks.progress)
        try handle.set(CURLOPT_XFERINFODATA, pointer: context.opaque)
        try handle.set(CURLOPT_NOPROGRESS, 0)
        try handle.set(CURLOPT_USE_SSL, Int(request.requireTLS ? CURLUSESSL_ALL.rawValue : CURLUSESSL_NONE.rawValue))
        if request.tls.insecureSkipVerify {
            try handle.set(CURLOPT_SSL_VERIFYPEER, 0)
            try handle.set(CURLOPT_SSL_VERIFYHOST, 0)
        }
        if let caFile = request.tls.caFile { try handle.set(CURLOPT_CAINFO, caFile) }
        if let username = request.username {
            try handle.set(CURLOPT_USERNAME, username)
            try handle.set(CURLOPT_PASSWORD, request.password ?? "")
        }
        let code = withExtendedLifetime(context) { handle.perform() }
        guard code == CURLE_OK else {
            throw CurlErrorMapping.error(for: code, url: request.url, handle: handle, context: context)
        }
    }
}
