import Mustache

/// A value the templates read by name through a table of its fields, not by reflection: the
/// template engine otherwise mirrors the whole value at each `{{name}}` (measured: 87 % of a
/// participant's page). `fields` names every stored property; a test checks it against the type.
protocol TemplateView: MustacheParent, Sendable {
    static var fields: [String: TemplateField<Self>] { get }
}

extension TemplateView {
    func child(named name: String) -> Any? {
        Self.fields[name]?.read(self)
    }
}

/// How a template reads one field of a view: through its key path, typed, so that an absent
/// optional is no value at all — as the engine's reflection would give: a section on it is skipped
/// and the name is looked up further out — without asking each value at run time whether it is an
/// optional (a dynamic cast on every `{{name}}` of a page).
struct TemplateField<View>: @unchecked Sendable {
    // @unchecked: key paths are immutable values, not marked Sendable.
    let read: (View) -> Any?

    init<Value>(_ path: KeyPath<View, Value>) {
        read = { $0[keyPath: path] }
    }

    init<Value>(_ path: KeyPath<View, Value?>) {
        read = { view in view[keyPath: path].map { $0 as Any } }
    }
}
