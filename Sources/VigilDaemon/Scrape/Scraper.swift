import Foundation
import TimeSeries
import Transport

/// Scrapes one target once: fetches its page through libcurl, parses the text exposition format,
/// attaches the target's labels and adds Prometheus' per-scrape series (`up`,
/// `scrape_duration_seconds`, `scrape_samples_scraped`, …). A failure — unreachable, a non-200
/// answer, a malformed line — yields `up` 0 and the reason, never an error thrown at the caller.
struct Scraper: Sendable {
    let target: ScrapeTarget
    let transport: CurlTransport
    private var parser = ExpositionParser()

    init(target: ScrapeTarget, transport: CurlTransport = CurlTransport()) {
        self.target = target
        self.transport = transport
    }

    /// What one scrape produced: every sample to ingest at `timestamp`, and the failure if any.
    struct Outcome: Sendable {
        var samples: [IngestedSample]
        var failure: String?
        /// How long the scrape took, in seconds.
        var duration: Double = 0
    }

    mutating func scrape(at timestamp: Int64) async -> Outcome {
        let started = ContinuousClock.now
        var scraped: [IngestedSample] = []
        var failure: String?
        let request = HTTPRequest(
            url: target.url,
            headers: [
                (name: "Accept", value: "text/plain;version=0.0.4;q=1,*/*;q=0.1"),
                (name: "X-Prometheus-Scrape-Timeout-Seconds", value: "\(Double(target.timeout) / 1000)"),
            ],
            connectTimeout: .milliseconds(target.timeout), timeout: .milliseconds(target.timeout))
        do {
            let response = try await transport.perform(request)
            if response.status == 200 {
                scraped = try parser.parse(response.body, defaultTimestamp: timestamp)
            } else {
                failure = "server returned HTTP status \(response.status)"
            }
        } catch let error as ExpositionParseError {
            failure = "malformed exposition: \(error)"
        } catch {
            failure = "\(error)"
        }
        if failure != nil { scraped = [] }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var samples = scraped.map { sample in
            IngestedSample(labels: target.attach(to: sample.labels), value: sample.value, timestamp: sample.timestamp)
        }
        let count = Double(scraped.count)
        for (name, value) in [
            ("up", failure == nil ? 1 : 0), ("scrape_duration_seconds", seconds), ("scrape_samples_scraped", count),
            ("scrape_samples_post_metric_relabeling", count), ("scrape_series_added", count),
        ] {
            samples.append(IngestedSample(labels: target.labels.setting(Label.metricName, to: name), value: value))
        }
        return Outcome(samples: samples, failure: failure, duration: seconds)
    }
}
