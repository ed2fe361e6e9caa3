import Testing

/// What a crash of the tool leaves on standard error, in any of the forms the runtime prints.
public let crashMarkers = ["Fatal error", "Stack dump", "Backtrace", "Program crashed", "Current stack trace", "💣"]

/// Fails unless `stderr` holds no crash report.
public func expectNoCrashReport(_ stderr: String, _ comment: Comment = "", sourceLocation: SourceLocation = #_sourceLocation) {
    for crash in crashMarkers {
        #expect(!stderr.contains(crash), "\(comment) stderr: \(stderr)", sourceLocation: sourceLocation)
    }
}

/// Lines ArgumentParser adds after the message of a usage error.
private func isUsageLine(_ line: String) -> Bool {
    line.isEmpty || line.hasPrefix("Usage: ") || line.hasPrefix("Help: ") || line.hasPrefix("  See '")
}

/// Fails unless `run` was refused: non-zero exit, nothing on standard output, and on standard
/// error one `Error: …` line mentioning every fragment, no crash report, and — for usage errors
/// found by the argument parser — only its usage lines after the message.
public func expectRefused(_ run: LiaisonBinary.Run, mentioning fragments: [String], usageError: Bool = false,
                          _ comment: Comment = "", sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(run.status != 0, comment, sourceLocation: sourceLocation)
    #expect(run.stdout.isEmpty, "\(comment) stdout: \(run.stdout)", sourceLocation: sourceLocation)
    var lines = run.stderr.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    #expect(lines.first?.hasPrefix("Error: ") == true, "\(comment) stderr: \(run.stderr)", sourceLocation: sourceLocation)
    expectNoCrashReport(run.stderr, comment, sourceLocation: sourceLocation)
    if usageError {
        #expect(lines.dropFirst().allSatisfy(isUsageLine), "\(comment) stderr: \(run.stderr)", sourceLocation: sourceLocation)
    } else {
        #expect(lines.count == 1, "\(comment) stderr: \(run.stderr)", sourceLocation: sourceLocation)
    }
    for fragment in fragments {
        #expect(lines.first?.contains(fragment) == true, "\(comment) \(fragment.debugDescription) not in: \(run.stderr)",
                sourceLocation: sourceLocation)
    }
}
