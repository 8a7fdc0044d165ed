import Foundation
import NIOSSL
import Server
import VigilCore

/// `web.config_file` (the exporter-toolkit file Prometheus and Alertmanager read with
/// `--web.config.file`) or the same three sections inline under `web:`. Paths in the file are
/// relative to the file, as the toolkit resolves them; certificates, keys and CAs are loaded here,
/// so a bad one is a configuration error at its key.
extension ConfigReadContext {
    static let inlineWebSections = ["tls_server_config", "basic_auth_users", "http_server_config"]

    func readWebSecurity(_ web: YAMLMappingReader) -> WebSecurity {
        guard let file = web.string("config_file", check: ConfigChecks.nonEmpty).map(resolve) else {
            return readWebSections(web)
        }
        for key in Self.inlineWebSections where web.contains(key) {
            web.report("set web.config_file or the inline \(key), not both", at: key)
        }
        guard let location = web.value("config_file") else { return WebSecurity() }
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            location.report("cannot read web config file \(file): \(error.localizedDescription)")
            return WebSecurity()
        }
        let document: YAMLDocument
        do {
            document = try YAMLDocument.parse(yaml: text, file: file)
        } catch {
            location.diagnostics.report(error)
            return WebSecurity()
        }
        let context = ConfigReadContext(configDirectory: ConfigPaths.directory(of: file))
        let root = document.root(reportingTo: location.diagnostics)
        if root.isNull { return WebSecurity() }
        return root.mapping { context.readWebSections($0) } ?? WebSecurity()
    }

    /// The toolkit's three sections from `section` (the file's root, or `web:`).
    func readWebSections(_ section: YAMLMappingReader) -> WebSecurity {
        var security = WebSecurity()
        security.tls = section.mapping("tls_server_config", readTLSServerConfig) ?? nil
        security.basicAuthUsers = section.stringMap("basic_auth_users", valueCheck: Self.bcryptHash) ?? [:]
        security.headers = section.mapping("http_server_config", readHTTPServerConfig) ?? [:]
        return security
    }

    // MARK: tls_server_config

    private func readTLSServerConfig(_ tls: YAMLMappingReader) -> TLSServerSettings? {
        let certFile = tls.string("cert_file", check: ConfigChecks.nonEmpty).map(resolve)
        let keyFile = tls.string("key_file", check: ConfigChecks.nonEmpty).map(resolve)
        let certText = tls.string("cert")
        let keyText = tls.string("key")
        let caFile = tls.string("client_ca_file", check: ConfigChecks.nonEmpty).map(resolve)
        let caText = tls.string("client_ca")
        let authText = tls.string("client_auth_type")
        let minVersion = tls.value("min_version").flatMap(Self.tlsVersion) ?? .tlsv12
        let maxVersion = tls.value("max_version").flatMap(Self.tlsVersion) ?? .tlsv13
        let ciphers = tls.sequence("cipher_suites", Self.cipher) ?? []
        let curves = tls.sequence("curve_preferences", Self.curve) ?? []
        _ = tls.bool("prefer_server_cipher_suites")  // BoringSSL always uses the server's order.
        if tls.contains("client_allowed_sans") {
            tls.report(
                "client_allowed_sans is not supported by Vigil: use client_ca_file with a CA that signs only the allowed clients",
                at: "client_allowed_sans")
        }
        let enabled = [certFile, keyFile, certText, keyText, caFile, caText, authText].contains { $0 != nil }
        guard enabled else { return nil }

        var clientAuth = TLSServerSettings.ClientAuth.none
        switch authText {
        case nil, "", "NoClientCert": clientAuth = .none
        case "RequestClientCert": clientAuth = .request
        case "RequireAnyClientCert", "RequireClientCert": clientAuth = .requireAny
        case "VerifyClientCertIfGiven": clientAuth = .verifyIfGiven
        case "RequireAndVerifyClientCert": clientAuth = .requireAndVerify
        case let other?:
            tls.report(
                "invalid ClientAuth: \(other) (one of NoClientCert, RequestClientCert, RequireAnyClientCert, VerifyClientCertIfGiven, RequireAndVerifyClientCert)",
                at: "client_auth_type")
        }
        if caFile != nil || caText != nil, clientAuth == .none {
            tls.report("client CA's have been configured without a Client Auth Policy", at: "client_auth_type")
        }
        if Self.rank(minVersion) > Self.rank(maxVersion) {
            tls.report("min_version is above max_version", at: "min_version")
        }
        guard certFile != nil || certText != nil else {
            tls.value.report("missing one of cert or cert_file")
            return nil
        }
        guard keyFile != nil || keyText != nil else {
            tls.value.report("missing one of key or key_file")
            return nil
        }
        let chain = loadCertificates(
            file: certFile, text: certText, key: certFile != nil ? "cert_file" : "cert", in: tls)
        let privateKey = loadKey(file: keyFile, text: keyText, in: tls)
        let cas =
            (caFile != nil || caText != nil)
            ? loadCertificates(
                file: caFile, text: caText, key: caFile != nil ? "client_ca_file" : "client_ca", in: tls) : []
        guard let chain, let privateKey else { return nil }
        return TLSServerSettings(
            certificateChain: chain, privateKey: privateKey, clientAuth: clientAuth, clientCAs: cas ?? [],
            minVersion: minVersion, maxVersion: maxVersion, cipherSuites: ciphers, curves: curves)
    }

    private func loadCertificates(
        file: String?, text: String?, key: String, in tls: YAMLMappingReader
    ) -> [NIOSSLCertificate]? {
        do {
            let certificates =
                if let file { try NIOSSLCertificate.fromPEMFile(file) } else {
                    try NIOSSLCertificate.fromPEMBytes(Array((text ?? "").utf8))
                }
            guard !certificates.isEmpty else {
                tls.report("no PEM certificate in \(file ?? key)", at: key)
                return nil
            }
            return certificates
        } catch {
            Self.reportLoadFailure(error, key: key, file: file, in: tls)
            return nil
        }
    }

    private func loadKey(file: String?, text: String?, in tls: YAMLMappingReader) -> NIOSSLPrivateKey? {
        let key = file != nil ? "key_file" : "key"
        do {
            if let file { return try NIOSSLPrivateKey(file: file, format: .pem) }
            return try NIOSSLPrivateKey(bytes: Array((text ?? "").utf8), format: .pem)
        } catch {
            Self.reportLoadFailure(error, key: key, file: file, in: tls)
            return nil
        }
    }

    /// "cannot load cert_file /etc/vigil/x.pem: no such file", at the key.
    private static func reportLoadFailure(_ error: any Error, key: String, file: String?, in tls: YAMLMappingReader) {
        let reason =
            if let file, !FileManager.default.fileExists(atPath: file) {
                "no such file"
            } else if let file, !FileManager.default.isReadableFile(atPath: file) {
                "permission denied"
            } else {
                "not a PEM \(file == nil ? "value" : "file") this key expects (\(error))"
            }
        tls.report("cannot load \(key)\(file.map { " \($0)" } ?? ""): \(reason)", at: key)
    }

    static func rank(_ version: TLSVersion) -> Int {
        switch version {
        case .tlsv1: 0
        case .tlsv11: 1
        case .tlsv12: 2
        case .tlsv13: 3
        }
    }

    static func tlsVersion(_ value: YAMLValue) -> TLSVersion? {
        guard let text = value.string() else { return nil }
        switch text {
        case "TLS10": return .tlsv1
        case "TLS11": return .tlsv11
        case "TLS12": return .tlsv12
        case "TLS13": return .tlsv13
        default:
            value.report("unknown TLS version: \(text) (TLS10, TLS11, TLS12 or TLS13)")
            return nil
        }
    }

    /// The cipher suites Go's `tls.CipherSuites()` names (TLS 1.3's are listed but not configurable).
    static let cipherSuites: [String: UInt16] = [
        "TLS_RSA_WITH_AES_128_CBC_SHA": 0x002F, "TLS_RSA_WITH_AES_256_CBC_SHA": 0x0035,
        "TLS_RSA_WITH_AES_128_GCM_SHA256": 0x009C, "TLS_RSA_WITH_AES_256_GCM_SHA384": 0x009D,
        "TLS_AES_128_GCM_SHA256": 0x1301, "TLS_AES_256_GCM_SHA384": 0x1302, "TLS_CHACHA20_POLY1305_SHA256": 0x1303,
        "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA": 0xC009, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA": 0xC00A,
        "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA": 0xC013, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA": 0xC014,
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256": 0xC02B, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384": 0xC02C,
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256": 0xC02F, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384": 0xC030,
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256": 0xCCA8, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256": 0xCCA9,
    ]

    static func cipher(_ value: YAMLValue) -> NIOTLSCipher? {
        guard let text = value.string() else { return nil }
        guard let id = cipherSuites[text] else {
            value.report("unknown cipher: \(text)")
            return nil
        }
        return NIOTLSCipher(rawValue: id)
    }

    static func curve(_ value: YAMLValue) -> NIOTLSCurve? {
        let curves: [String: NIOTLSCurve] = [
            "CurveP256": .secp256r1, "CurveP384": .secp384r1, "CurveP521": .secp521r1, "X25519": .x25519,
        ]
        guard let text = value.string() else { return nil }
        guard let curve = curves[text] else {
            value.report("unknown curve: \(text)")
            return nil
        }
        return curve
    }

    // MARK: basic_auth_users

    /// A bcrypt hash as `htpasswd -B` writes it: `$2y$10$` and 53 more characters.
    static func bcryptHash(_ hash: String) -> String? {
        let parts = hash.split(separator: "$", omittingEmptySubsequences: false)
        let alphabet = Set("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        let valid =
            parts.count == 4 && parts[0].isEmpty && ["2", "2a", "2b", "2x", "2y"].contains(String(parts[1]))
            && parts[2].count == 2 && Int(parts[2]).map { (4...31).contains($0) } == true && parts[3].count == 53
            && parts[3].allSatisfy(alphabet.contains)
        return valid
            ? nil
            : "not a bcrypt hash (basic_auth_users maps a user to a bcrypt hash of the password, e.g. from `htpasswd -nBC 10 user`)"
    }

    // MARK: http_server_config

    /// The headers the toolkit lets a configuration set, with the values it allows (nil: any).
    static let allowedHeaders: [String: [String]?] = [
        "Strict-Transport-Security": nil, "X-Content-Type-Options": ["nosniff"],
        "X-Frame-Options": ["deny", "sameorigin"], "X-XSS-Protection": nil, "Content-Security-Policy": nil,
    ]

    private func readHTTPServerConfig(_ http: YAMLMappingReader) -> [String: String] {
        _ = http.bool("http2")  // Vigil serves HTTP/1.1; the key is accepted so the same file works.
        guard let headers = http.value("headers")?.stringMap() else { return [:] }
        var kept: [String: String] = [:]
        for (name, value) in headers {
            guard let allowed = Self.allowedHeaders[name] else {
                http.report("HTTP header \"\(name)\" can not be configured", at: "headers")
                continue
            }
            if let values = allowed, !values.contains(value) {
                http.report(
                    "invalid value for \(name). Expected one of: [\(values.map { "\"\($0)\"" }.joined(separator: " "))], but got: \"\(value)\"",
                    at: "headers")
                continue
            }
            kept[name] = value
        }
        return kept
    }
}
