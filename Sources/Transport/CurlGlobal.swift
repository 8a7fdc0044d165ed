import CCurl

/// The process-wide libcurl initialisation, done once.
///
/// Why: `curl_global_init` is not thread-safe and must run before the first easy handle. A `static let`
/// is initialised lazily and exactly once, under the runtime's own lock, however many tasks race to
/// make the first request.
enum CurlGlobal {
    private static let initResult: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    /// Initialises libcurl on first use; fails if libcurl could not be initialised.
    static func ensureInitialized() throws(TransportError) {
        let code = initResult
        guard code == CURLE_OK else {
            throw .curl(code: Int(code.rawValue), message: "curl_global_init failed", url: "")
        }
    }
}
