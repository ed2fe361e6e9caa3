import Foundation
import LiaisonKernel
import Testing

@Suite struct BLASRuntimeTests {
    @Test func reportsTheLoadedLibrary() {
        let info = BLASRuntime.info
        #expect(info.libraryPath.contains("blas"), "found the BLAS shared object: \(info.libraryPath)")
        #expect((info.implementation == .openBLAS) == (info.configuration != nil))
        #expect(info.threads >= 1)
    }

    /// Whether BLAS starts with more than one thread per call: OpenBLAS on a machine of several
    /// cores, unless the environment limits it to one. Only then can a restored setting be told
    /// from the single-threaded one.
    private static var startsMultiThreaded: Bool {
        let environment = ProcessInfo.processInfo.environment
        let limits = ["OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"].compactMap { environment[$0].flatMap(Int.init) }
        return BLASRuntime.info.implementation == .openBLAS && ProcessInfo.processInfo.activeProcessorCount > 1
            && limits.allSatisfy { $0 > 1 }
    }

    /// The first setting above 1 seen within `seconds`. Other tests run single-threaded sections
    /// at the same time, and while any runs the setting is 1; it must come back between them.
    private static func settingAboveOne(within seconds: Double) -> Int? {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            let threads = BLASRuntime.threads
            if threads > 1 { return threads }
            Thread.sleep(forTimeInterval: 0.001)
        } while Date() < deadline
        return nil
    }

    @Test func sectionsRunSingleThreadedAndNestWithoutLosingTheSetting() throws {
        // Inside a section, inside a nested one, and in the outer one after the nested one ended.
        let inside = BLASRuntime.singleThreaded { () -> [Int] in
            let outer = BLASRuntime.threads
            let nested = BLASRuntime.singleThreaded { BLASRuntime.threads }
            return [outer, nested, BLASRuntime.threads]
        }
        #expect(inside == [1, 1, 1])
        #expect(BLASRuntime.threads >= 1)
        guard Self.startsMultiThreaded else { return }
        // The setting before any section and after the last: the same, and not 1.
        let before = try #require(Self.settingAboveOne(within: 30), "BLAS never left single-threaded mode")
        let during = BLASRuntime.singleThreaded { BLASRuntime.singleThreaded { BLASRuntime.threads } }
        #expect(during == 1)
        let after = Self.settingAboveOne(within: 30)
        #expect(after == before, "BLAS threads after the sections: \(after.map(String.init) ?? "1 throughout"), before: \(before)")
    }
}
