import Foundation
import Transport
import VigilCore

/// Delivers Slack messages through libcurl to the incoming webhook (`api_url`, or the URL in
/// `api_url_file` read at each attempt). Slack allows one message per second per webhook: messages
/// for one webhook go one at a time, each starting a second after the one before it started and
/// not before it has been answered (so a slow answer never lets two arrive together), waiting on
/// the injected clock instead of being refused. Slack's
/// `ok` is delivered; its 4xx answers (`invalid_token`, `channel_not_found`, `invalid_payload`, …)
/// dead-letter at once with Slack's words; 429 (`Retry-After` honoured) and 5xx retry. A Web API
/// URL answering 200 `{"ok":false,"error":…}` is refused with that error.
public struct SlackSender: MessageSender {
    let directory: ReceiverDirectory
    let transport: CurlTransport
    let userAgent: String
    let clock: any VigilClock
    /// One message at a time per webhook, a second apart.
    let pacer = WebhookPacer()
    /// Slack's limit: one message per second per webhook.
    static let interval: Int64 = 1_000
    /// How long a message may wait for its turn while holding a delivery slot (ms).
    static let longestWait: Int64 = 2_000

    public init(directory: ReceiverDirectory, transport: CurlTransport, userAgent: String, clock: any VigilClock) {
        self.directory = directory
        self.transport = transport
        self.userAgent = userAgent
        self.clock = clock
    }

    public func send(_ message: OutboxMessage, now: Int64) async -> DeliveryOutcome {
        guard let receiver = directory.receiver(message.receiver),
            receiver.slackConfigs.indices.contains(message.index)
        else {
            return .failed("receiver \"\(message.receiver)\" no longer has \(message.integration) in the configuration")
        }
        let config = receiver.slackConfigs[message.index]
        guard let url = config.apiURL ?? config.apiURLFile.flatMap(HTTPClientConfig.read), !url.isEmpty else {
            let file = config.apiURLFile.map { " (api_url_file \($0) cannot be read)" } ?? ""
            return .retry("no Slack webhook URL\(file)", retryAfter: nil)
        }
        // A delivery slot is not held for long: beyond a couple of turns, try again when due.
        let queued = await pacer.expectedStart(url, interval: Self.interval, now: now)
        if queued - now > Self.longestWait {
            return .retry(
                "Slack takes one message a second per webhook: waiting for this webhook's turn",
                retryAfter: queued - now)
        }
        let start = await pacer.acquire(url, interval: Self.interval, clock: clock)
        defer { Task { await pacer.release(url) } }
        if start > clock.now().unixMilliseconds {
            do {
                try await clock.sleep(until: Date(unixMilliseconds: start))
            } catch {
                return .retry("stopped while waiting for the webhook's turn", retryAfter: nil)
            }
        }
        let post = SecretURLPost(
            url: url, body: message.body, http: config.http, timeout: config.timeoutMilliseconds)
        switch await post.perform(transport, message: message, userAgent: userAgent) {
        case .failure(let failure):
            return failure.outcome
        case .success(let response):
            if (200..<300).contains(response.status), let error = Self.webAPIError(response.bodyText) {
                return .failed("Slack: \(error)")
            }
            return WebhookSender.outcome(
                status: response.status, retryAfter: response.header("Retry-After"),
                now: clock.now().unixMilliseconds, body: response.bodyText)
        }
    }

    /// The `error` of a Web API answer `{"ok":false,"error":"…"}`; nil for anything else.
    static func webAPIError(_ body: String) -> String? {
        guard body.hasPrefix("{"),
            let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any],
            object["ok"] as? Bool == false
        else { return nil }
        return object["error"] as? String ?? "not ok"
    }
}

/// Serializes the messages to each webhook: one in flight at a time, each starting at least
/// `interval` after the previous one started.
actor WebhookPacer {
    private var busy: Set<String> = []
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]
    /// When the last message to each webhook may start, or started (ms).
    private var lastStart: [String: Int64] = [:]

    /// Waits for the webhook's turn; returns when the message may start (ms). Pair with ``release(_:)``.
    func acquire(_ url: String, interval: Int64, clock: any VigilClock) async -> Int64 {
        if busy.contains(url) {
            await withCheckedContinuation { waiting[url, default: []].append($0) }
        } else {
            busy.insert(url)
        }
        let now = clock.now().unixMilliseconds
        let start = max(now, (lastStart[url] ?? .min / 2) + interval)
        lastStart[url] = start
        return start
    }

    /// When a message for `url` asking now would start, counting those already waiting (ms).
    func expectedStart(_ url: String, interval: Int64, now: Int64) -> Int64 {
        let waiting = Int64(waiting[url]?.count ?? 0) + (busy.contains(url) ? 1 : 0)
        return max(now, (lastStart[url] ?? .min / 2) + interval * max(1, waiting))
    }

    /// How many messages wait for `url` behind the one holding it.
    func queued(_ url: String) -> Int {
        waiting[url]?.count ?? 0
    }

    /// Hands the webhook to the next message waiting for it.
    func release(_ url: String) {
        if var queue = waiting[url], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[url] = queue.isEmpty ? nil : queue
            next.resume()
        } else {
            busy.remove(url)
        }
    }
}
