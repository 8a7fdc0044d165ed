/// How an outbound TLS connection is checked, as Prometheus' and Alertmanager's `tls_config` says:
/// a private CA, a client certificate, or (for a test gateway) no verification at all.
public struct TLSOptions: Sendable, Equatable {
    /// Skip verifying the server's certificate and name (`insecure_skip_verify`).
    public var insecureSkipVerify: Bool
    /// PEM file of the CAs to trust instead of the system's (`ca_file`).
    public var caFile: String?
    /// Client certificate and key, PEM (`cert_file`, `key_file`).
    public var certFile: String?
    public var keyFile: String?

    public init(
        insecureSkipVerify: Bool = false, caFile: String? = nil, certFile: String? = nil, keyFile: String? = nil
    ) {
        self.insecureSkipVerify = insecureSkipVerify
        self.caFile = caFile
        self.certFile = certFile
        self.keyFile = keyFile
    }
}
