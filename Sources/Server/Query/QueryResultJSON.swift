import PromQL
import TimeSeries

/// The success envelopes of the query endpoints, byte for byte as Prometheus 2.42 writes them.
public enum QueryResultJSON {
    /// `{"status":"success","data":{"resultType":"vector","result":[…]}}`.
    public static func envelope(_ value: QueryValue) -> [UInt8] {
        var writer = APIJSONWriter(capacity: 1024)
        writer.raw("{\"status\":\"success\",\"data\":{\"resultType\":\"")
        writer.raw(value.type.apiName)
        writer.raw("\",\"result\":")
        result(value, into: &writer)
        writer.raw("}}")
        return writer.bytes
    }

    static func result(_ value: QueryValue, into writer: inout APIJSONWriter) {
        switch value {
        case .scalar(let sample):
            writer.point(sample.timestamp, sample.value)
        case .string(let text, let timestamp):
            writer.raw("[")
            writer.raw(SampleValueText.timestamp(timestamp))
            writer.raw(",")
            writer.string(text)
            writer.raw("]")
        case .vector(let samples):
            writer.raw("[")
            for (index, sample) in samples.enumerated() {
                if index > 0 { writer.raw(",") }
                writer.raw("{\"metric\":")
                writer.labels(sample.labels)
                writer.raw(",\"value\":")
                writer.point(sample.timestamp, sample.value)
                writer.raw("}")
            }
            writer.raw("]")
        case .matrix(let series):
            writer.raw("[")
            for (index, one) in series.enumerated() {
                if index > 0 { writer.raw(",") }
                writer.raw("{\"metric\":")
                writer.labels(one.labels)
                writer.raw(",\"values\":[")
                for (position, sample) in one.samples.enumerated() {
                    if position > 0 { writer.raw(",") }
                    writer.point(sample.timestamp, sample.value)
                }
                writer.raw("]}")
            }
            writer.raw("]")
        }
    }

    /// `{"status":"success","data":[{…},…]}` for `/api/v1/series`.
    static func seriesEnvelope(_ series: [Labels]) -> [UInt8] {
        var writer = APIJSONWriter(capacity: 256 + series.count * 64)
        writer.raw("{\"status\":\"success\",\"data\":[")
        for (index, labels) in series.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.labels(labels)
        }
        writer.raw("]}")
        return writer.bytes
    }

    /// `{"status":"success","data":["a","b"]}` for label names and values.
    static func stringsEnvelope(_ values: [String]) -> [UInt8] {
        var writer = APIJSONWriter()
        writer.raw("{\"status\":\"success\",\"data\":")
        writer.strings(values)
        writer.raw("}")
        return writer.bytes
    }
}
