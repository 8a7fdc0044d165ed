import PromQL
import TimeSeries

/// A query result as aligned text columns: series, value, time (for people at a terminal).
enum QueryTable {
    static func render(_ value: QueryValue) -> String {
        var rows: [[String]] = [["SERIES", "VALUE", "TIMESTAMP"]]
        switch value {
        case .scalar(let sample):
            rows.append(["scalar", SampleValueText.value(sample.value), SampleValueText.timestamp(sample.timestamp)])
        case .string(let text, let timestamp):
            rows.append(["string", text, SampleValueText.timestamp(timestamp)])
        case .vector(let samples):
            for sample in samples {
                rows.append([
                    sample.labels.description, SampleValueText.value(sample.value),
                    SampleValueText.timestamp(sample.timestamp),
                ])
            }
        case .matrix(let series):
            for one in series {
                for sample in one.samples {
                    rows.append([
                        one.labels.description, SampleValueText.value(sample.value),
                        SampleValueText.timestamp(sample.timestamp),
                    ])
                }
            }
        }
        let widths = (0..<3).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
