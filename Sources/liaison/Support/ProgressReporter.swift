import Foundation
import Logging
import LiaisonCore

/// Shows the progress of long work: on a terminal, a bar with the rate and the time left;
/// otherwise (cron, pipes) one log line when each stage starts and ends.
final class ProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private let onTerminal = isatty(STDERR_FILENO) != 0
    private let logger: Logger
    private var stage: String?
    private var stageStart = Date()
    private var lastDraw = Date.distantPast

    init(label: String) {
        var logger = Logger(label: label) { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .info
        self.logger = logger
    }

    func report(_ progress: Reranker.Progress) {
        lock.withLock {
            if progress.stage != stage {
                finishStage()
                stage = progress.stage
                stageStart = Date()
                if !onTerminal { logger.info("\(progress.stage): started") }
            }
            guard onTerminal, Date().timeIntervalSince(lastDraw) > 0.1 || progress.done == progress.total else { return }
            lastDraw = Date()
            let fraction = progress.total > 0 ? Double(progress.done) / Double(progress.total) : 1
            let elapsed = Date().timeIntervalSince(stageStart)
            let width = 30, filled = Int(fraction * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            FileHandle.standardError.write(Data((String(format: "\r%@ [%@] %3.0f%% %d/%d", progress.stage, bar, fraction * 100, progress.done,
                                                        progress.total) + Self.pace(done: progress.done, total: progress.total, elapsed: elapsed)
                                                 + "   ").utf8))
        }
    }

    /// The least time a stage runs before its rate is shown: over the first instants, a stage
    /// whose first report already counts work done would show rates of billions a second.
    static let leastTimeForRate: TimeInterval = 0.5

    /// `, 1234/s, 56 s left` once the stage has run ``leastTimeForRate``; empty before.
    static func pace(done: Int, total: Int, elapsed: TimeInterval) -> String {
        guard elapsed >= leastTimeForRate, done > 0 else { return "" }
        let rate = Double(done) / elapsed
        return String(format: ", %.0f/s, %.0f s left", rate, Double(total - done) / rate)
    }

    /// Ends the current stage's line or log.
    func finish() {
        lock.withLock { finishStage() }
    }

    private func finishStage() {
        guard let stage else { return }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(stageStart))
        if onTerminal { FileHandle.standardError.write(Data("\n".utf8)) } else { logger.info("\(stage): done in \(seconds) s") }
        self.stage = nil
    }
}
