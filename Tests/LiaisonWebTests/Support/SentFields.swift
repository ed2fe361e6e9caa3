import Foundation

/// The fields a browser sends for `form`, a form's HTML: each `name="…" value="…"` in order.
func sentFields(of form: Substring) -> [(String, String)] {
    var fields: [(String, String)] = []
    var rest = form
    while let field = rest.range(of: #"name="[^"]*" value="[^"]*""#, options: .regularExpression) {
        let parts = rest[field].split(separator: "\"", omittingEmptySubsequences: false)
        fields.append((String(parts[1]), String(parts[3])))
        rest = rest[field.upperBound...]
    }
    return fields
}
