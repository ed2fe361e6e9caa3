/// A minimal RFC 4180 reader, independent of the one the tool writes with: the rows of `text`,
/// each a list of fields with quotes undone.
public func parseCSV(_ text: String) -> [[String]] {
    let characters = Array(text)
    var rows: [[String]] = [], row: [String] = [], field = ""
    var index = 0, quoted = false
    while index < characters.count {
        let character = characters[index]
        index += 1
        if quoted {
            if character != "\"" {
                field.append(character)
            } else if index < characters.count, characters[index] == "\"" {
                field.append("\"")
                index += 1
            } else {
                quoted = false
            }
            continue
        }
        switch character {
        case "\"": quoted = true
        case ",":
            row.append(field)
            field = ""
        case "\n", "\r\n":
            row.append(field)
            rows.append(row)
            (row, field) = ([], "")
        default: field.append(character)
        }
    }
    if !field.isEmpty || !row.isEmpty {
        row.append(field)
        rows.append(row)
    }
    return rows
}

