import Foundation
import ZIPFoundation

/// How much a workbook may unpack to. An .xlsx is a zip archive whose parts inflate to many times
/// their size (a worksheet's XML to 10–20 times); a crafted one (a "zip bomb") to thousands of
/// times. Every part is read through these caps, counting the bytes it really inflates to, never
/// the size its header claims, and reading stops at the cap.
public struct WorkbookLimits: Sendable {
    /// The most bytes one part (a worksheet, the shared strings) may inflate to.
    public var partBytes: Int
    /// The most bytes all the parts read may inflate to together.
    public var totalBytes: Int

    public init(partBytes: Int, totalBytes: Int) {
        self.partBytes = partBytes
        self.totalBytes = totalBytes
    }

    /// 192 MiB a part, 256 MiB in all: a sheet of a few hundred thousand companies fits.
    public static let `default` = WorkbookLimits(partBytes: 192 << 20, totalBytes: 256 << 20)
}

/// Why a workbook could not be read: one line a person can act on.
struct WorkbookProblem: Error {
    /// The worksheet row the problem is on; nil for the workbook as a whole.
    var row: Int?
    var message: String

    init(row: Int? = nil, _ message: String) {
        self.row = row
        self.message = message
    }
}

/// The parts of a zip archive held in memory, read whole and within ``WorkbookLimits``. Nothing is
/// written to disk.
struct WorkbookArchive {
    private let archive: Archive
    /// Each entry by its path in lower case: the parts of an .xlsx are named case-insensitively.
    private let entries: [String: Entry]
    private let limits: WorkbookLimits
    private(set) var bytesRead = 0

    /// The archive of `data`; refused when it is no zip archive or a damaged one.
    init(_ data: Data, limits: WorkbookLimits) throws(WorkbookProblem) {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw Self.damaged
        }
        self.archive = archive
        self.limits = limits
        var entries: [String: Entry] = [:]
        for entry in archive where entry.type == .file {
            // Two parts of one name: which one a spreadsheet would read is not known.
            guard entries.updateValue(entry, forKey: Self.key(entry.path)) == nil else {
                throw WorkbookProblem("is a damaged workbook: it holds the part \(entry.path) twice; "
                                      + "open it in the spreadsheet and save it again as .xlsx or CSV UTF-8")
            }
        }
        self.entries = entries
    }

    static let damaged = WorkbookProblem("is a zip archive but a damaged or incomplete one (cut short while copying or downloading?); "
                                         + "open it in the spreadsheet and save it again as .xlsx or CSV UTF-8")

    /// Whether the archive holds a part at `path`.
    func contains(_ path: String) -> Bool {
        entries[Self.key(path)] != nil
    }

    /// The bytes of the part at `path`, nil when there is none. Refused when it would inflate past
    /// a limit (without inflating further) or does not inflate to what its checksum says.
    mutating func read(_ path: String) throws(WorkbookProblem) -> Data? {
        guard let entry = entries[Self.key(path)] else { return nil }
        let partLimit = min(limits.partBytes, limits.totalBytes - bytesRead)
        var data = Data()
        var tooLarge = false
        do {
            _ = try archive.extract(entry, bufferSize: 64 << 10, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= partLimit else {
                    tooLarge = true
                    throw CocoaError(.fileReadTooLarge)
                }
                data.append(chunk)
            }
        } catch {
            if tooLarge {
                let limit = partLimit < limits.partBytes ? "all its parts together exceed \(Self.mebibytes(limits.totalBytes))"
                    : "its part \(path) exceeds \(Self.mebibytes(limits.partBytes))"
                throw WorkbookProblem("is too large to read: unpacked, \(limit); save the companies' sheet alone as CSV UTF-8")
            }
            throw WorkbookProblem("is a damaged workbook: its part \(path) cannot be unpacked; open it in the spreadsheet and save it again as .xlsx or CSV UTF-8")
        }
        bytesRead += data.count
        return data
    }

    private static func key(_ path: String) -> String {
        (path.hasPrefix("/") ? String(path.dropFirst()) : path).lowercased()
    }

    private static func mebibytes(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }
}
