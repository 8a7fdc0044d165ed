/// Prometheus' text exposition format (0.0.4) read into samples, with Prometheus 2.42's rules
/// (model/textparse/promparse.go): `# HELP` and `# TYPE` lines checked, other comments skipped, labels with
/// `\\`, `\"` and `\n` escapes, `NaN`/`±Inf` values, optional millisecond timestamps, histograms and
/// summaries as their plain series. Any malformed line fails the whole body with its line and column.
///
/// Reads bytes, not strings: a scrape of a big target must cost little, so the series part of each line
/// (`name{labels}`) is looked up as raw bytes in a cache kept across the scrapes of one target, and only
/// text never seen before is turned into labels.
public struct ExpositionParser: Sendable {
    private var cache = SeriesTextCache()
    /// Label strings longer than the inline limit, so the series of a target share one copy of each.
    private var strings = Set<String>()
    private var lastSampleCount = 0

    public init() {}

    /// Number of distinct series texts remembered from earlier scrapes.
    public var cachedSeriesCount: Int { cache.count }

    /// Parses a whole scrape body. `defaultTimestamp` (ms) for lines without one. Returns the samples in order.
    public mutating func parse(_ body: [UInt8], defaultTimestamp: Int64) throws(ExpositionParseError)
        -> [IngestedSample]
    {
        // The body ends with a newline whatever it ends with, as in Prometheus: every scan below stops at one.
        var text = body
        text.append(ExpositionBytes.newline)
        cache.beginParse()
        defer {
            cache.endParse()
            if strings.count > 2 * cache.count + 1024 { strings = [] }
        }
        var samples: [IngestedSample] = []
        samples.reserveCapacity(lastSampleCount)
        let failure: ExpositionParseError? = text.withUnsafeBufferPointer { bytes in
            var reader = ExpositionReader(
                bytes: bytes, defaultTimestamp: defaultTimestamp, cache: cache, strings: strings)
            defer {
                cache = reader.cache
                strings = reader.strings
            }
            do throws(ExpositionParseError) {
                try reader.readAll(into: &samples)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
        lastSampleCount = samples.count
        return samples
    }
}
