import Foundation

/// Writes a folder export all or nothing: the whole folder is written under a temporary name
/// beside it, then swapped in by renames (the previous folder moved aside, the new one renamed
/// into place, the previous one removed). A failure at any point leaves the previous export as
/// it was and no temporary folder behind; readers never see a folder mixing two exports.
///
///     try ExportFolder.replace(URL(fileURLWithPath: "out/csv"), with: files, replacing: ScheduleFormat.csv.isExportPath)
public enum ExportFolder {
    /// Replaces `folder` (created with its parents when missing) by a folder holding exactly
    /// `files` (paths relative to it, `/`-separated). An existing folder is replaced only when
    /// everything in it is something such an export writes (`replacing` says which paths are),
    /// so a folder of other files is never deleted; like every file Liaison writes, a path naming
    /// anything but a folder — a file, a device, a symbolic link — is refused rather than replaced.
    public static func replace(_ folder: URL, with files: [(path: String, data: Data)],
                               replacing isExportPath: (String) -> Bool) throws(ExportFolderError) {
        let manager = FileManager.default
        let target = folder.standardizedFileURL
        let parent = target.deletingLastPathComponent()
        // Not following a link: the path itself must be a folder, or nothing yet.
        let kind = (try? manager.attributesOfItem(atPath: target.path))?[.type] as? FileAttributeType
        let exists = kind != nil
        if let kind {
            guard kind == .typeDirectory else {
                throw kind == .typeSymbolicLink ? .link(folder.relativePath) : .notAFolder(folder.relativePath)
            }
            let others = try contents(of: target).filter { !isExportPath($0) }
            guard others.isEmpty else { throw .holdsOtherFiles(folder.relativePath, others.sorted()) }
        }
        for file in files {
            let parts = file.path.split(separator: "/", omittingEmptySubsequences: false)
            guard !file.path.hasPrefix("/"), parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
                throw .unsafePath(file.path)
            }
        }
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(parent.path, reason(error))
        }
        // Short fixed names, so a long folder name cannot make them too long.
        let token = String(UUID().uuidString.prefix(8))
        let staging = parent.appendingPathComponent(".liaison-export-\(token)", isDirectory: true)
        let previous = parent.appendingPathComponent(".liaison-previous-\(token)", isDirectory: true)
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.data.write(to: url, options: .withoutOverwriting)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw .cannotWrite(folder.relativePath, reason(error))
        }
        do {
            if exists { try manager.moveItem(at: target, to: previous) }
        } catch {
            try? manager.removeItem(at: staging)
            throw .cannotWrite(folder.relativePath, reason(error))
        }
        do {
            try manager.moveItem(at: staging, to: target)
        } catch {
            if exists { try? manager.moveItem(at: previous, to: target) }
            try? manager.removeItem(at: staging)
            throw .cannotWrite(folder.relativePath, reason(error))
        }
        if exists { try? manager.removeItem(at: previous) }
    }

    /// Every file and folder under `folder`, as paths relative to it.
    private static func contents(of folder: URL) throws(ExportFolderError) -> [String] {
        do {
            let manager = FileManager.default
            var paths: [String] = []
            var pending = [""]
            while let relative = pending.popLast() {
                let url = relative.isEmpty ? folder : folder.appendingPathComponent(relative)
                for name in try manager.contentsOfDirectory(atPath: url.path) {
                    let path = relative.isEmpty ? name : relative + "/" + name
                    paths.append(path)
                    // Not following links: a link is replaced with the folder, never what it points to.
                    let attributes = try manager.attributesOfItem(atPath: folder.appendingPathComponent(path).path)
                    if attributes[.type] as? FileAttributeType == .typeDirectory { pending.append(path) }
                }
            }
            return paths
        } catch {
            throw .cannotWrite(folder.relativePath, reason(error))
        }
    }

    /// What went wrong with a file operation, in a few plain words: the system's words for its
    /// error number when there is one (`file name too long`), else the kind of failure.
    private static func reason(_ error: any Error) -> String {
        let nested = error as NSError
        // The underlying error is a POSIXError on Linux, an NSError on macOS: bridge either.
        for candidate in [nested, (nested.userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError }].compactMap({ $0 })
        where candidate.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(candidate.code))).lowercased()
        }
        switch (error as? CocoaError)?.code {
        case .fileWriteNoPermission?, .fileReadNoPermission?: return "permission denied"
        case .fileWriteOutOfSpace?: return "no space left on the device"
        case .fileWriteVolumeReadOnly?: return "the file system is read-only"
        case .fileWriteFileExists?: return "a file of that name exists"
        case .fileWriteInvalidFileName?: return "an invalid file name"
        default: return "the file system refused it"
        }
    }
}

/// Why a folder export was not written; the previous export, if any, is untouched.
public enum ExportFolderError: Error, Equatable, CustomStringConvertible {
    /// The path exists and is not a folder.
    case notAFolder(String)
    /// The path is a symbolic link.
    case link(String)
    /// The folder holds files an export does not write (up to a few listed).
    case holdsOtherFiles(String, [String])
    /// A file of the export would land outside the folder.
    case unsafePath(String)
    /// The file system refused a write or rename.
    case cannotWrite(String, String)

    public var description: String {
        switch self {
        case .notAFolder(let path):
            "cannot export to \(path): it exists and is not a folder; choose a new or empty folder"
        case .link(let path):
            "cannot export to \(path): it is a symbolic link; give the folder itself"
        case .holdsOtherFiles(let path, let others):
            "cannot export to \(path): it holds files that are not part of an export (\(others.prefix(3).joined(separator: ", "))"
                + (others.count > 3 ? ", and \(others.count - 3) more" : "") + "); choose a new or empty folder"
        case .unsafePath(let path):
            "an export file would be written outside its folder: \(path)"
        case .cannotWrite(let path, let reason):
            "cannot write the export to \(path): \(reason); nothing was changed"
        }
    }
}
