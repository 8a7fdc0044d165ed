import CCurl

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Translates a failed `curl_easy_perform` into a `TransportError`.
///
/// Why separate: the same `CURLcode` means different things depending on which of our own guards
/// stopped the transfer (the progress callback for cancellation, the write callback for the size
/// limit), and the translation is where operators' error texts are decided.
enum CurlErrorMapping {
    static func error(
        for code: CURLcode,
        url: String,
        handle: CurlEasyHandle,
        context: TransferContext
    ) -> TransportError {
        if context.exceededLimit || code == CURLE_FILESIZE_EXCEEDED {
            return .responseTooLarge(limit: context.maxResponseBytes)
        }
        if code == CURLE_ABORTED_BY_CALLBACK, context.cancellation.isRaised {
            return .cancelled
        }
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return .timedOut(url: url)
        case CURLE_COULDNT_RESOLVE_HOST:
            return .couldNotResolveHost(url: url)
        case CURLE_URL_MALFORMAT:
            return .invalidURL(url)
        case CURLE_COULDNT_CONNECT where handle.info(CURLINFO_OS_ERRNO) == Int(ECONNREFUSED):
            return .connectionRefused(url: url)
        default:
            let summary = String(cString: curl_easy_strerror(code))
            let detail = handle.errorDetail
            let message = detail.isEmpty || detail == summary ? summary : "\(summary): \(detail)"
            return .curl(code: Int(code.rawValue), message: message, url: url)
        }
    }
}
