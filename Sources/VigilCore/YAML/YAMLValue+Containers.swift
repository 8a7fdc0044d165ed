import Yams

/// Reads of mappings and sequences. Null reads as empty (`receivers:` with nothing under it is
/// an empty list, `global:` an empty mapping); any other wrong shape is reported and yields nil.
extension YAMLValue {
    /// Reads this value as a mapping with `body`, then reports every key `body` did not ask for.
    public func mapping<T>(_ body: (YAMLMappingReader) -> T) -> T? {
        let reader: YAMLMappingReader
        switch node {
        case .mapping(let mapping)?:
            reader = YAMLMappingReader(value: self, pairs: Array(mapping))
        case _ where isNull:
            reader = YAMLMappingReader(value: self, pairs: [])
        default:
            reportTypeMismatch(expected: "a mapping")
            return nil
        }
        let result = body(reader)
        reader.reportUnknownKeys()
        return result
    }

    /// Reads each element with `each`, keeping the non-nil results in order.
    public func sequence<T>(_ each: (YAMLValue) -> T?) -> [T]? {
        switch node {
        case .sequence(let sequence)?:
            return sequence.enumerated().compactMap { index, element in
                each(child(element, keyPath: keyPath.appending(index: index)))
            }
        case _ where isNull:
            return []
        default:
            reportTypeMismatch(expected: "a list")
            return nil
        }
    }

    /// A list of strings, each element checked by `check`.
    public func stringList(check: ((String) -> String?)? = nil) -> [String]? {
        sequence { $0.string(check: check) }
    }

    /// A mapping of strings to strings (labels, headers); keys checked by `keyCheck`, values by
    /// `valueCheck`, each problem reported where it is.
    public func stringMap(
        keyCheck: ((String) -> String?)? = nil,
        valueCheck: ((String) -> String?)? = nil
    ) -> [String: String]? {
        mapping { reader in
            var result: [String: String] = [:]
            for entry in reader.allEntries() {
                guard let key = entry.key.string(check: keyCheck), let value = entry.value.string(check: valueCheck)
                else { continue }
                result[key] = value
            }
            return result
        }
    }
}
