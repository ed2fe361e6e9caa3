import ArgumentParser
import Foundation
import LiaisonKernel
import LiaisonStore

/// What the command line says when a command fails, and with which exit status: plain words for
/// every error — never a library's dump or SQL text — and no terminal control character from the
/// user's data.
struct ErrorReport {
    /// The message, without the `Error: ` prefix.
    var message: String
    var exitCode: Int32

    /// `EX_DATAERR`: the database file is damaged or not a Liaison database.
    static let corruptExitCode: Int32 = 65
    /// `EX_UNAVAILABLE`: a needed system library is missing.
    static let unavailableExitCode: Int32 = 69

    /// The report of an error a command's `run()` threw, or nil for the errors the command-line
    /// parser reports itself (validation, help, an exit status chosen by the command).
    init?(_ thrown: any Error) {
        switch StoreError.plain(thrown) {
        case let error as BLASUnavailable:
            (message, exitCode) = ("\(error)", Self.unavailableExitCode)
        case let error as StoreError:
            if case .corrupt = error { (message, exitCode) = ("\(error)", Self.corruptExitCode) } else { (message, exitCode) = ("\(error)", 1) }
        case let error as CocoaError:
            (message, exitCode) = (Self.describe(error), 1)
        case is ValidationError, is CleanExit, is ExitCode:
            return nil
        // `--help` parses as the parser's own help command, whose run() throws the parser's
        // internal error; the parser prints it (the help) itself.
        case let error where String(reflecting: type(of: error)).hasPrefix("ArgumentParser."):
            return nil
        case let error as CustomStringConvertible where !(error is NSError):
            (message, exitCode) = (error.description, 1)
        case let error:
            (message, exitCode) = ((error as NSError).localizedDescription, 1)
        }
        message = TerminalText.safe(message, keepingLineBreaks: true)
    }

    /// A file error in words: the path and what happened to it.
    private static func describe(_ error: CocoaError) -> String {
        let path = (error.userInfo[NSFilePathErrorKey] as? String) ?? error.url?.path ?? "a file"
        let reason = switch error.code {
        case .fileNoSuchFile, .fileReadNoSuchFile: "no such file or folder"
        case .fileReadNoPermission, .fileWriteNoPermission: "permission denied"
        case .fileWriteFileExists: "it already exists"
        case .fileWriteOutOfSpace: "no space left on the device"
        case .fileWriteVolumeReadOnly: "the file system is read-only"
        case .fileReadCorruptFile, .fileReadInapplicableStringEncoding: "it cannot be read as text"
        case .fileReadTooLarge: "it is too large"
        default: "it cannot be read or written"
        }
        return "\(path): \(reason)"
    }
}

/// Text safe to show on a terminal: control characters (escape sequences, bell, backspace…) are
/// shown as visible escapes instead of being obeyed.
enum TerminalText {
    /// `text` with every C0 and C1 control character and DEL written as `\u{…}`; line breaks and
    /// tabs are kept when `keepingLineBreaks` (a message's own lines), escaped otherwise (a table cell).
    static func safe(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0, keepingLineBreaks) }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar, keepingLineBreaks) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar, _ keepingLineBreaks: Bool) -> Bool {
        if keepingLineBreaks, scalar == "\n" || scalar == "\t" { return false }
        return scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
