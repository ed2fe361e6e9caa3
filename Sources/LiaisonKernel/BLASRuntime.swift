import CBLAS
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The BLAS library this process is running on, and control over its threads.
///
/// Liaison links `libblas.so.3`; on Debian that name is an alternative pointing at either the
/// reference BLAS or OpenBLAS. This finds out which one was loaded, and lets the kernel keep
/// OpenBLAS single-threaded while it runs its own threads (so cores are not oversubscribed).
public enum BLASRuntime {
    /// Which implementation is active.
    public enum Implementation: String, Sendable {
        case openBLAS = "OpenBLAS"
        case reference = "reference BLAS (netlib)"
        case other = "other BLAS"
    }

    /// A description of the loaded library.
    public struct Info: Sendable {
        public var implementation: Implementation
        /// The shared object `cblas_sgemm` was found in, with symbolic links resolved.
        public var libraryPath: String
        /// The library's own configuration string (OpenBLAS: version, build, core), if it has one.
        public var configuration: String?
        /// The threads BLAS itself uses for one call.
        public var threads: Int
    }

    /// The active library.
    public static var info: Info {
        let path = libraryPath() ?? "unknown"
        let configuration = openBLAS.config.map { String(cString: $0()) }
        let implementation: Implementation =
            configuration != nil ? .openBLAS : (path.contains("/blas/") || path.contains("netlib") ? .reference : .other)
        return Info(implementation: implementation, libraryPath: path, configuration: configuration, threads: threads)
    }

    /// The threads BLAS uses for one call: OpenBLAS's setting, 1 for a single-threaded BLAS.
    public static var threads: Int {
        openBLAS.getThreads.map { Int($0()) } ?? 1
    }

    /// Sets how many threads BLAS may use per call; does nothing on a single-threaded BLAS.
    public static func setThreads(_ count: Int) {
        openBLAS.setThreads?(Int32(max(1, count)))
    }

    /// Runs `body` with BLAS single-threaded, for callers that run their own threads; the previous
    /// setting returns when the last of any concurrent such sections ends.
    public static func singleThreaded<T>(_ body: () throws -> T) rethrows -> T {
        singleThreadedSections.enter()
        defer { singleThreadedSections.leave() }
        return try body()
    }

    /// Counts the single-threaded sections running, so overlapping ones restore the setting once.
    private final class Sections: @unchecked Sendable {
        private let lock = NSLock()
        private var running = 0
        private var saved = 1

        func enter() {
            lock.withLock {
                if running == 0 {
                    saved = threads
                    setThreads(1)
                }
                running += 1
            }
        }

        func leave() {
            lock.withLock {
                running -= 1
                if running == 0 { setThreads(saved) }
            }
        }
    }

    private static let singleThreadedSections = Sections()

    private struct OpenBLASEntryPoints: @unchecked Sendable {
        var config: (@convention(c) () -> UnsafePointer<CChar>)?
        var getThreads: (@convention(c) () -> Int32)?
        var setThreads: (@convention(c) (Int32) -> Void)?
    }

    private static let openBLAS: OpenBLASEntryPoints = {
        let handle = dlopen(nil, RTLD_NOW)
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            dlsym(handle, name).map { unsafeBitCast($0, to: type) }
        }
        return OpenBLASEntryPoints(
            config: symbol("openblas_get_config", as: (@convention(c) () -> UnsafePointer<CChar>).self),
            getThreads: symbol("openblas_get_num_threads", as: (@convention(c) () -> Int32).self),
            setThreads: symbol("openblas_set_num_threads", as: (@convention(c) (Int32) -> Void).self))
    }()

    /// The BLAS shared object mapped into this process, from `/proc/self/maps` (read line by line
    /// with stdio: proc files report a size of 0, which whole-file readers can trip on).
    private static func libraryPath() -> String? {
        guard let maps = fopen("/proc/self/maps", "r") else { return nil }
        defer { fclose(maps) }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        while getline(&buffer, &capacity, maps) > 0, let line = buffer.map({ String(cString: $0) }) {
            guard let slash = line.firstIndex(of: "/") else { continue }
            let path = line[slash...].trimmingCharacters(in: .whitespacesAndNewlines)
            let file = path.split(separator: "/").last ?? ""
            guard file.hasPrefix("libblas") || file.hasPrefix("libopenblas") else { continue }
            guard let resolved = realpath(path, nil) else { return path }
            defer { free(resolved) }
            return String(cString: resolved)
        }
        return nil
    }
}
