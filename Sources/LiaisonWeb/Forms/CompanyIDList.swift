/// The company ids an organizer types in one field: separated by spaces, commas, semicolons or
/// lines, and an id that holds a space or one of those in double quotes (`"ACME SZ" CN-0001`),
/// as ids may (`liaison import companies` keeps them as the sheet gives them).
enum CompanyIDList {
    /// The ids of `text` in order, empty ones dropped.
    static func parse(_ text: String) -> [String] {
        var ids: [String] = [], current = "", quoted = false
        for character in text {
            if character == "\"" {
                quoted.toggle()
            } else if !quoted && (character == "," || character == ";" || character.isWhitespace) {
                if !current.isEmpty { ids.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { ids.append(current) }
        return ids
    }
}
