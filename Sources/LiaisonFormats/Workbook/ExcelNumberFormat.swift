import Foundation

/// How a number cell of a worksheet reads as text: as Excel shows it in the General format, or,
/// when the cell's number format is a date or a time, as an ISO date or time.
///
///     ExcelNumberFormat.general(541511)          // "541511", not "541511.0"
///     ExcelNumberFormat.general(8613800138000)   // "8613800138000": a phone number stored as a number
///     ExcelNumberFormat.date(withTime: false).text(45964, date1904: false)   // "2025-11-03"
enum ExcelNumberFormat: Equatable {
    /// Any format that is not a date or a time: the number as General shows it.
    case general
    /// A date, with the time of day when the format shows one.
    case date(withTime: Bool)
    /// A time of day.
    case time

    /// The format of built-in number format `id` (ECMA-376 Part 1, 18.8.30), or of a custom format
    /// `code` (a workbook's `<numFmt formatCode=…>`).
    init(id: Int, code: String?) {
        if let code {
            self = Self(code: code)
            return
        }
        switch id {
        // 14–17 dates, 22 date and time; 27–31, 36, 50–54, 57–58 the Chinese, Japanese and
        // Korean dates (yyyy"年"m"月"d"日" and kin).
        case 14...17, 27...31, 36, 50...54, 57...58: self = .date(withTime: false)
        case 22: self = .date(withTime: true)
        // 18–21 times of day, 45–47 minutes and seconds; 32–35, 55–56 the CJK times.
        case 18...21, 32...35, 45...47, 55...56: self = .time
        default: self = .general
        }
    }

    /// The kind of a custom format code, by its first section: a date when it shows a year, a day
    /// or a month (`m` with no hour or second beside it, where it would be minutes), a time when
    /// it shows hours or seconds only. A format of elapsed time (`[h]:mm`), or of none of these
    /// (`0.00`, `@`, `#,##0`), is a number. Quoted text, `\`-escaped characters, colours and
    /// locales in brackets are not read as parts of a date.
    init(code: String) {
        var letters = ""
        var elapsed = false
        var iterator = code.makeIterator()
        scan: while let character = iterator.next() {
            switch character {
            case ";": break scan
            case "\"": while let next = iterator.next(), next != "\"" {}
            case "\\", "_", "*": _ = iterator.next()
            case "[":
                var inside = ""
                while let next = iterator.next(), next != "]" { inside.append(next) }
                let lower = inside.lowercased()
                if !lower.isEmpty, lower.allSatisfy({ "hms".contains($0) }) { elapsed = true }
            default: letters += character.lowercased()
            }
        }
        letters = letters.replacingOccurrences(of: "general", with: "")
        let hasDate = letters.contains("y") || letters.contains("d")
        let hasTime = letters.contains("h") || letters.contains("s")
        if elapsed && !hasDate {
            self = .general
        } else if hasDate || (letters.contains("m") && !hasTime) {
            self = .date(withTime: hasTime)
        } else if hasTime {
            self = .time
        } else {
            self = .general
        }
    }

    /// The text of `value` in this format; `date1904` when the workbook counts days from 1904
    /// (as old Excel for Mac did) rather than 1900. A date outside 1900–9999 reads as General,
    /// as Excel shows no date for it either.
    func text(_ value: Double, date1904: Bool) -> String {
        switch self {
        case .general:
            return Self.general(value)
        case .date(let withTime):
            guard let civil = Self.civil(value, date1904: date1904) else { return Self.general(value) }
            return withTime && civil.seconds > 0 ? "\(civil.date) \(Self.clock(civil.seconds))" : civil.date
        case .time:
            guard value >= 0, value < 2_958_466 else { return Self.general(value) }
            let seconds = Int((value - value.rounded(.down)) * 86_400 + 0.5)
            return Self.clock(seconds == 86_400 ? 0 : seconds)
        }
    }

    /// `value` as Excel's General format shows it in the formula bar: a whole number below
    /// 10¹⁵ in full digits (`541511`, `8613800138000`), any other number to 15 significant digits
    /// without trailing zeros (`0.5`, `0.3` for 0.1 + 0.2), and in scientific notation when
    /// very large or small (`1E+20`, `1.5E-07`).
    static func general(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        let magnitude = abs(value)
        if magnitude >= 1e-9, magnitude < 1e15 {
            // Fixed notation to 15 significant digits, trailing zeros dropped.
            let decimals = max(0, 14 - Int(log10(magnitude).rounded(.down)))
            var text = String(format: "%.\(decimals)f", value)
            if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
            return text == "-0" ? "0" : text
        }
        // %.14E gives 15 significant digits; trailing zeros of the mantissa dropped, as Excel does.
        let text = String(format: "%.14E", value)
        guard let e = text.firstIndex(of: "E") else { return text }
        var mantissa = String(text[..<e])
        while mantissa.hasSuffix("0") { mantissa.removeLast() }
        if mantissa.hasSuffix(".") { mantissa.removeLast() }
        var exponent = String(text[text.index(after: e)...])
        let sign = exponent.first == "-" ? "-" : "+"
        exponent = String(exponent.drop { $0 == "+" || $0 == "-" })
        while exponent.count > 2, exponent.hasPrefix("0") { exponent.removeFirst() }
        return "\(mantissa)E\(sign)\(exponent)"
    }

    /// The ISO date (`2025-11-03`) of serial `value` and the seconds past midnight, nil outside
    /// 1900–9999. In the 1900 system, day 1 is 1900-01-01 and day 60 the 29 February 1900 that
    /// never was (Lotus 1-2-3's leap-year bug, which Excel keeps): days after it are one less
    /// past 1899-12-31. In the 1904 system, day 0 is 1904-01-01.
    static func civil(_ value: Double, date1904: Bool) -> (date: String, seconds: Int)? {
        guard value >= (date1904 ? 0 : 1), value < 2_958_466 else { return nil }
        var day = Int(value.rounded(.down))
        var seconds = Int(((value - Double(day)) * 86_400).rounded())
        if seconds >= 86_400 { (day, seconds) = (day + 1, seconds - 86_400) }
        if !date1904 && day == 60 { return ("1900-02-29", seconds) }
        // Days since 1970-01-01.
        let unixDay = date1904 ? day - 24_107 : day < 60 ? day - 25_568 : day - 25_569
        let (year, month, dayOfMonth) = civilFromDays(unixDay)
        guard year <= 9999 else { return nil }
        return (String(format: "%04d-%02d-%02d", year, month, dayOfMonth), seconds)
    }

    /// `HH:mm`, or `HH:mm:ss` when the seconds are not zero.
    private static func clock(_ seconds: Int) -> String {
        let (hours, minutes, rest) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        return rest == 0 ? String(format: "%02d:%02d", hours, minutes) : String(format: "%02d:%02d:%02d", hours, minutes, rest)
    }

    /// The proleptic Gregorian date of a count of days since 1970-01-01 (Howard Hinnant's
    /// `civil_from_days`): no calendar or time zone involved.
    private static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
