import Foundation
import VigilCore

/// `/api/v1/targets` in Prometheus 2.42's shape: every configured target under `activeTargets`
/// (Vigil has no service discovery, so nothing is ever dropped).
enum TargetsJSON {
    static func envelope(_ targets: [TargetStatus], pool: String?) -> [UInt8] {
        var json = GoJSONWriter()
        json.raw(#"{"status":"success","data":{"activeTargets":"#)
        json.beginArray()
        for target in targets where pool.map({ $0.isEmpty || $0 == target.job }) ?? true {
            json.element()
            json.beginObject()
            let address = target.labels.first { $0.name == "instance" }?.value ?? ""
            json.member(
                "discoveredLabels",
                map: [
                    ("__address__", address), ("__metrics_path__", path(target.url)),
                    ("__scheme__", target.url.hasPrefix("https:") ? "https" : "http"),
                    ("__scrape_interval__", target.interval), ("__scrape_timeout__", target.timeout),
                    ("job", target.job),
                ])
            json.member("labels", map: target.labels)
            json.member("scrapePool", string: target.job)
            json.member("scrapeUrl", string: target.url)
            json.member("globalUrl", string: target.url)
            json.member("lastError", string: target.lastError)
            json.member("lastScrape", time: target.lastScrape)
            json.member("lastScrapeDuration", raw: GoJSONTime.number(target.lastScrapeDuration))
            json.member("health", string: target.health.rawValue)
            json.member("scrapeInterval", string: target.interval)
            json.member("scrapeTimeout", string: target.timeout)
            json.end("}")
        }
        json.end("]")
        json.raw(#","droppedTargets":[]}}"#)
        return json.bytes
    }

    /// The URL's path (`/metrics`).
    static func path(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return "/metrics" }
        let rest = url[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...].prefix { $0 != "?" })
    }
}
