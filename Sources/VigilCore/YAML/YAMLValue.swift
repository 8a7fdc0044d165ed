import Yams

/// One node of a YAML document together with where it is and how it was reached.
///
/// Every typed read goes through a value so that a wrong type or a rejected value is reported
/// at this node's `FILE:LINE:COL` and key path, into the shared ``YAMLDiagnostics``, and the
/// read simply yields nil so the caller can carry on and find the next problem.
public struct YAMLValue {
    /// The underlying node; nil stands for an empty document.
    let node: Node?
    /// How this value was reached from the root.
    public let keyPath: YAMLKeyPath
    /// Where this value starts.
    public let location: YAMLLocation
    /// Where problems are collected.
    public let diagnostics: YAMLDiagnostics

    init(node: Node?, keyPath: YAMLKeyPath, location: YAMLLocation, diagnostics: YAMLDiagnostics) {
        self.node = node
        self.keyPath = keyPath
        self.location = location
        self.diagnostics = diagnostics
    }

    /// A child of this value, positioned at `child`'s mark (or at this value when it has none).
    func child(_ child: Node, keyPath: YAMLKeyPath) -> YAMLValue {
        let mark = child.mark
        let location = mark.map { YAMLLocation(file: self.location.file, line: $0.line, column: $0.column) }
        return YAMLValue(node: child, keyPath: keyPath, location: location ?? self.location, diagnostics: diagnostics)
    }

    /// The shape of a node, for dispatch and for messages.
    public enum Kind: Sendable, Equatable {
        case null, scalar, mapping, sequence
    }

    /// This value's shape; a scalar resolved as YAML null (`~`, `null`, nothing) is `.null`.
    public var kind: Kind {
        switch node {
        case nil: return .null
        case .scalar(let scalar)?:
            return scalar.resolvedTagName == Tag.Name.null.rawValue ? .null : .scalar
        case .mapping?: return .mapping
        case .sequence?: return .sequence
        case .alias?: return .scalar
        }
    }

    /// Whether this value is YAML null (or an empty document).
    public var isNull: Bool { kind == .null }

    /// The scalar's text exactly as written (without quotes), or nil for non-scalars.
    public var scalarText: String? {
        guard case .scalar(let scalar)? = node else { return nil }
        return scalar.string
    }

    /// A problem at this value.
    public func error(_ message: String) -> YAMLError {
        YAMLError(location: location, keyPath: keyPath.description, message: message)
    }

    /// Records a problem at this value.
    public func report(_ message: String) {
        diagnostics.report(error(message))
    }

    /// Records that this value is not of the `expected` kind (e.g. "a string").
    public func reportTypeMismatch(expected: String) {
        report("expected \(expected), got \(shapeDescription)")
    }

    /// How this value looks, for "expected X, got Y" messages.
    var shapeDescription: String {
        switch kind {
        case .null: return "null"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar: return "\"\(scalarText ?? "")\""
        }
    }
}

extension Node.Scalar {
    /// The YAML tag this scalar resolves to (`tag:yaml.org,2002:int` for `5`, `…:str` when quoted).
    var resolvedTagName: String {
        Node.scalar(self).tag.rawValue
    }
}
