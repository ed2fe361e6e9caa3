import Foundation

/// The bytes of a file a user names for Liaison to read (a sheet, an event file), or why it
/// cannot be read, in words: a folder, a missing file, one without permission. Pipes and
/// devices (`/dev/stdin`) are read as a stream: they cannot be mapped.
public enum InputFile {
    /// Why a file cannot be read, as the message after its name.
    public struct Unreadable: Error {
        public let reason: String
    }

    /// The most bytes read from a pipe or a device.
    static let streamLimit = 1 << 29

    /// The file's bytes, or why it cannot be read.
    public static func contents(of url: URL) throws(Unreadable) -> Data {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw Unreadable(reason: "no such file")
        }
        if isFolder.boolValue { throw Unreadable(reason: "is a folder, not a file") }
        do {
            let kind = try FileManager.default.attributesOfItem(atPath: url.path)[.type] as? FileAttributeType
            if kind == .typeRegular { return try Data(contentsOf: url, options: .alwaysMapped) }
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            // A stream may never end (/dev/zero): read at most `streamLimit`, then refuse.
            let data = try handle.read(upToCount: streamLimit + 1) ?? Data()  // nil: an empty stream
            guard data.count <= streamLimit else {
                throw Unreadable(reason: "a stream of more than \(streamLimit >> 20) MiB; save it to a file first")
            }
            return data
        } catch let error as Unreadable {
            throw error
        } catch let error as CocoaError where error.code == .fileReadNoPermission {
            throw Unreadable(reason: "permission denied")
        } catch {
            throw Unreadable(reason: "cannot read it")
        }
    }
}
