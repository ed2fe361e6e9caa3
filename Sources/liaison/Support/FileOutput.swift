import Foundation

/// Writes a file the way every command writes one: to a temporary name in the same folder,
/// then renamed into place, so a reader never sees half a file and a failure leaves the old file
/// as it was. Only regular files are written: a path naming a device, a pipe, a socket, a folder
/// or a symbolic link is refused rather than replaced.
enum FileOutput {
    /// Writes `data` to `path` whole or not at all; every failure is a ``CLIError`` naming the path.
    static func write(_ data: Data, to path: String) throws {
        guard !path.isEmpty else { throw CLIError("-o: the path is empty; give a file path (or - for standard output)") }
        var status = stat()
        if lstat(path, &status) == 0 {
            let kind = status.st_mode & S_IFMT
            guard kind == S_IFREG else {
                throw CLIError("\(path): not a regular file (\(Self.kind(kind))); Liaison writes only files it can replace, give another path (or - for standard output)")
            }
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/." + url.lastPathComponent.prefix(100) + ".liaison-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(errno, path, folder: folder) }
        var written = 0
        let ok = data.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let result = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 { if errno == EINTR { continue }; return false }
                written += result
            }
            return fsync(descriptor) == 0
        }
        let writeError = errno
        close(descriptor)
        guard ok else {
            unlink(temporary)
            throw failure(writeError, path, folder: folder)
        }
        guard rename(temporary, path) == 0 else {
            let renameError = errno
            unlink(temporary)
            throw failure(renameError, path, folder: folder)
        }
    }

    /// A plain message for a failed system call on `path`.
    static func failure(_ code: Int32, _ path: String, folder: String) -> CLIError {
        switch code {
        case ENOENT, ENOTDIR: CLIError("\(path): cannot write it: the folder \(folder) does not exist")
        case EACCES, EPERM: CLIError("\(path): cannot write it: permission denied")
        case EROFS: CLIError("\(path): cannot write it: the file system is read-only")
        case ENOSPC, EDQUOT: CLIError("\(path): cannot write it: no space left on the device")
        case EISDIR: CLIError("\(path): is a folder; give a file path")
        case ENAMETOOLONG: CLIError("\(path): cannot write it: the name is too long")
        default: CLIError("\(path): cannot write it: \(String(cString: strerror(code)))")
        }
    }

    private static func kind(_ mode: mode_t) -> String {
        switch mode {
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFIFO: "a named pipe"
        case S_IFSOCK: "a socket"
        case S_IFDIR: "a folder"
        case S_IFLNK: "a symbolic link"
        default: "not a regular file"
        }
    }
}
