import LiaisonKernel
import Testing

@Suite struct BLASRuntimeTests {
    @Test func reportsTheLoadedLibrary() {
        let info = BLASRuntime.info
        #expect(info.libraryPath.contains("blas"), "found the BLAS shared object: \(info.libraryPath)")
        #expect((info.implementation == .openBLAS) == (info.configuration != nil))
        #expect(info.threads >= 1)
    }

    @Test func sectionsRunSingleThreadedAndNestWithoutLosingTheSetting() {
        let inside = BLASRuntime.singleThreaded { BLASRuntime.singleThreaded { BLASRuntime.threads } }
        #expect(inside == 1)
        #expect(BLASRuntime.threads >= 1)
    }
}
