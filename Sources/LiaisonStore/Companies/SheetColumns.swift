import LiaisonCore
import LiaisonFormats

/// The columns of a sheet, which decide what re-importing a company from it changes: the fields
/// it has columns for, and the organizer's own columns it has. A sheet updates those; whatever
/// it has no column for keeps its stored value, so that a second sheet (booth assignments, a
/// contact list) adds to the companies of the first instead of erasing what it lacks.
struct SheetColumns {
    /// Liaison's fields the sheet has.
    var fields: Set<String>
    /// The organizer's own columns the sheet has, by ``ColumnNames/key(_:)``: `Booth No.` is
    /// the column stored as `Booth No`.
    var extras: Set<String>

    /// The columns of a sheet (CSV, a workbook's worksheet) as its header was read; nil for JSON
    /// Lines, whose records each give a whole company.
    init?(_ layout: CompanyFileLayout) {
        guard layout.readAs != .jsonl else { return nil }
        (fields, extras) = (layout.fields, Set(layout.extras.map(ColumnNames.key)))
    }

    /// `company` as read from the sheet, over `stored`: each field the sheet has no column for
    /// keeps its stored value. The offers come from `offers`, `industry` or `naics`, so they,
    /// with the industry and code, are kept only when the sheet has none of the three. The
    /// organizer's own columns keep their stored order: those the sheet has take its value (none
    /// when its cell is empty), the others stay, and the sheet's new ones follow. Columns are
    /// matched by ``ColumnNames/key(_:)``, so a column stored twice under two spellings (as
    /// imports before spellings were unified could leave it) becomes one again.
    func merged(_ company: Company, over stored: Company) -> Company {
        var merged = company
        func keep<T>(_ field: String, _ path: WritableKeyPath<Company, T>) {
            if !fields.contains(field) { merged[keyPath: path] = stored[keyPath: path] }
        }
        keep("region", \.region)
        keep("city", \.city)
        keep("size", \.size)
        keep("languages", \.languages)
        keep("description", \.description)
        keep("contact", \.contact)
        keep("email", \.email)
        keep("phone", \.phone)
        keep("website", \.website)
        keep("seeks", \.seeks)
        if fields.isDisjoint(with: CompanyFileFormat.profileColumns.subtracting(["seeks"])) {
            (merged.offers, merged.industry, merged.naics) = (stored.offers, stored.industry, stored.naics)
        }
        let given = Dictionary(company.extras.map { (ColumnNames.key($0.name), $0) }, uniquingKeysWith: { first, _ in first })
        var placed = Set<String>()
        merged.extras = stored.extras.compactMap { extra -> ExtraField? in
            let key = ColumnNames.key(extra.name)
            guard extras.contains(key) else { return extra }
            return placed.insert(key).inserted ? given[key] : nil
        }
        let storedKeys = Set(stored.extras.map { ColumnNames.key($0.name) })
        merged.extras += company.extras.filter { !storedKeys.contains(ColumnNames.key($0.name)) }
        return merged
    }
}
