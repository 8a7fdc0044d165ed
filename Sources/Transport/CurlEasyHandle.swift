import CCurl

/// One libcurl easy handle together with the C memory that must outlive `curl_easy_perform`.
///
/// Why a class of its own: the handle, its header list and its error buffer have to be released
/// exactly once, whatever path the transfer takes, and they must stay on the one thread that performs
/// the transfer. Owning them here turns "remember to free" into `deinit`. It is deliberately not
/// `Sendable`: a `CURL*` must never be shared between threads.
final class CurlEasyHandle {
    let raw: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private var recipientList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>

    init() throws(TransportError) {
        try CurlGlobal.ensureInitialized()
        guard let raw = curl_easy_init() else {
            throw .curl(code: Int(CURLE_FAILED_INIT.rawValue), message: "curl_easy_init failed", url: "")
        }
        self.raw = raw
        let size = Int(CURL_ERROR_SIZE)
        errorBuffer = .allocate(capacity: size)
        errorBuffer.initialize(repeating: 0, count: size)
        _ = ccurl_setopt_pointer(raw, CURLOPT_ERRORBUFFER, errorBuffer)
    }

    deinit {
        curl_easy_cleanup(raw)
        curl_slist_free_all(headerList)
        curl_slist_free_all(recipientList)
        errorBuffer.deallocate()
    }

    /// Puts every option back to its default for the next transfer, keeping libcurl's caches (open
    /// connections, DNS, TLS sessions); frees the lists the last transfer used.
    func reset() {
        curl_easy_reset(raw)
        curl_slist_free_all(headerList)
        headerList = nil
        curl_slist_free_all(recipientList)
        recipientList = nil
        errorBuffer[0] = 0
        _ = ccurl_setopt_pointer(raw, CURLOPT_ERRORBUFFER, errorBuffer)
    }

    /// The detail libcurl wrote for the last failure, or "" if none.
    var errorDetail: String {
        String(cString: errorBuffer)
    }

    func set(_ option: CURLoption, _ value: Int) throws(TransportError) {
        try check(ccurl_setopt_long(raw, option, value), option)
    }

    func set(_ option: CURLoption, offset value: Int64) throws(TransportError) {
        try check(ccurl_setopt_offset(raw, option, curl_off_t(value)), option)
    }

    /// Sets a string option; libcurl copies strings (except POSTFIELDS, which is never used here).
    func set(_ option: CURLoption, _ value: String) throws(TransportError) {
        let code = value.withCString { ccurl_setopt_string(raw, option, $0) }
        try check(code, option)
    }

    func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?) throws(TransportError) {
        try check(ccurl_setopt_pointer(raw, option, value), option)
    }

    func set(_ option: CURLoption, callback value: ccurl_data_callback) throws(TransportError) {
        try check(ccurl_setopt_data_callback(raw, option, value), option)
    }

    func set(_ option: CURLoption, progress value: ccurl_progress_callback) throws(TransportError) {
        try check(ccurl_setopt_progress_callback(raw, option, value), option)
    }

    /// Copies `body` into libcurl (binary-safe: the size is set first).
    func setBody(_ body: [UInt8]) throws(TransportError) {
        try set(CURLOPT_POSTFIELDSIZE_LARGE, offset: Int64(body.count))
        let code: CURLcode =
            if body.isEmpty {
                // A NULL pointer would mean "no body"; an empty C string means "an empty body".
                ccurl_setopt_string(raw, CURLOPT_COPYPOSTFIELDS, "")
            } else {
                body.withUnsafeBufferPointer { buffer in
                    buffer.withMemoryRebound(to: CChar.self) {
                        ccurl_setopt_string(raw, CURLOPT_COPYPOSTFIELDS, $0.baseAddress)
                    }
                }
            }
        try check(code, CURLOPT_COPYPOSTFIELDS)
    }

    /// Sets the request header lines ("Name: value"); the list is kept until the handle is released.
    func setHeaderLines(_ lines: [String]) throws(TransportError) {
        let list = try Self.list(lines)
        curl_slist_free_all(headerList)
        headerList = list
        try check(ccurl_setopt_slist(raw, CURLOPT_HTTPHEADER, list), CURLOPT_HTTPHEADER)
    }

    /// Sets the SMTP envelope recipients; the list is kept until the handle is released.
    func setRecipients(_ addresses: [String]) throws(TransportError) {
        let list = try Self.list(addresses)
        curl_slist_free_all(recipientList)
        recipientList = list
        try check(ccurl_setopt_slist(raw, CURLOPT_MAIL_RCPT, list), CURLOPT_MAIL_RCPT)
    }

    private static func list(_ lines: [String]) throws(TransportError) -> UnsafeMutablePointer<curl_slist>? {
        var list: UnsafeMutablePointer<curl_slist>?
        for line in lines {
            guard let appended = curl_slist_append(list, line) else {
                curl_slist_free_all(list)
                throw .curl(code: Int(CURLE_OUT_OF_MEMORY.rawValue), message: "curl_slist_append failed", url: "")
            }
            list = appended
        }
        return list
    }

    func perform() -> CURLcode {
        curl_easy_perform(raw)
    }

    func info(_ info: CURLINFO) -> Int {
        var value = 0
        _ = ccurl_getinfo_long(raw, info, &value)
        return value
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws(TransportError) {
        guard code == CURLE_OK else {
            let message = String(cString: curl_easy_strerror(code))
            throw .curl(code: Int(code.rawValue), message: "\(message) (option \(option.rawValue))", url: "")
        }
    }
}
