import Mustache

/// A value the templates read by name through a table of key paths, not by reflection: the
/// template engine otherwise mirrors the whole value at each `{{name}}` (measured: 87 % of a
/// participant's page). `fields` names every stored property; a test checks it against the type.
protocol TemplateView: MustacheParent, Sendable {
    static var fields: [String: PartialKeyPath<Self>] { get }
}

extension TemplateView {
    func child(named name: String) -> Any? {
        guard let path = Self.fields[name] else { return nil }
        let value = self[keyPath: path]
        // An absent optional is no value at all, as the engine's reflection would give: a section
        // on it is skipped and the name is looked up further out.
        if let optional = value as? any OptionalValue { return optional.wrappedValue }
        return value
    }
}

/// An optional seen through `Any`.
protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedValue: Any? { self.map { $0 as Any } }
}
