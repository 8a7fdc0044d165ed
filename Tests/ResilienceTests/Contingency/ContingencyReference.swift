import Foundation
import Resilience
import TestSupport

/// The Python reference (`shared/reference/contingency_ref.py`, found by walking up from this
/// file), run on schedule files, its JSON read back as a ``ContingencyReport``.
///
/// Many programs are analysed in one Python process (the driver imports the reference and calls
/// its own `analyse`), because starting Python and NetworkX per program would take minutes.
enum ContingencyReference {
    static let script: String? =
        ProcessInfo.processInfo.environment["VIGIL_CONTINGENCY_REF"] ?? SharedFiles.path("reference/contingency_ref.py")

    /// True when the reference and python3 with networkx are both there.
    static let isAvailable: Bool = {
        guard script != nil, let result = try? run(["python3", "-c", "import networkx"]) else { return false }
        return result.status == 0
    }()

    static let unavailableReason =
        "python3 with networkx (pip install networkx), and "
        + SharedFiles.needs("reference/contingency_ref.py", "the Python reference")

    struct Job {
        var file: String
        var window: ScheduleWindow
    }

    /// Analyses every job with N-2, in order, split over `processes` Python processes run at once.
    static func analyse(
        _ jobs: [Job], in directory: TestDirectory, processes: Int = 2
    ) throws -> [ContingencyReport] {
        guard let script else { throw Failure.message("reference not found") }
        let chunk = (jobs.count + processes - 1) / max(1, processes)
        var running: [(process: Process, output: String, errors: String)] = []
        for (part, start) in stride(from: 0, to: jobs.count, by: max(1, chunk)).enumerated() {
            let lines = jobs[start..<min(jobs.count, start + chunk)].map { job in
                "{\"file\": \"\(job.file)\", \"from\": \"\(job.window.from)\", \"days\": \(job.window.days)}"
            }
            let jobsFile = directory.file("jobs-\(part).jsonl")
            let outFile = directory.file("out-\(part).jsonl")
            try (lines.joined(separator: "\n") + "\n").write(toFile: jobsFile, atomically: true, encoding: .utf8)
            let errorFile = directory.file("err-\(part).txt")
            let process = try launch(["python3", "-c", driver, script, jobsFile, outFile], errorFile: errorFile)
            running.append((process, outFile, errorFile))
        }
        var reports: [ContingencyReport] = []
        for run in running {
            run.process.waitUntilExit()
            guard run.process.terminationStatus == 0 else {
                let errors = (try? String(contentsOfFile: run.errors, encoding: .utf8)) ?? ""
                throw Failure.message("reference driver failed: \(errors)")
            }
            let output = try String(contentsOfFile: run.output, encoding: .utf8)
            reports += try output.split(separator: "\n").map { try report(fromJSON: Data($0.utf8)) }
        }
        return reports
    }

    /// Runs the reference's own command line: `contingency_ref.py FILE --from D --days N --n2`.
    static func analyseWithCommandLine(
        file: String, window: ScheduleWindow, in directory: TestDirectory
    ) throws -> ContingencyReport {
        guard let script else { throw Failure.message("reference not found") }
        let result = try run(
            ["python3", script, file, "--from", "\(window.from)", "--days", "\(window.days)", "--n2"],
            errorFile: directory.file("cli-err.txt"))
        guard result.status == 0 else { throw Failure.message("reference failed: \(result.errors)") }
        return try report(fromJSON: result.output)
    }

    static func report(fromJSON data: Data) throws -> ContingencyReport {
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let n1 = object["n1"] as? [String: Any], let n1Compliant = n1["compliant"] as? Bool,
            let points = n1["single_points_of_failure"] as? [[String: Any]]
        else { throw Failure.message("unexpected reference output") }
        let singles = try points.map { point in
            guard let person = point["person"] as? String, let slots = point["unfillable_slots"] as? Int else {
                throw Failure.message("unexpected single point \(point)")
            }
            return ContingencyReport.SinglePointOfFailure(person: person, unfillableSlots: slots)
        }
        var n2Report: ContingencyReport.N2?
        if let n2 = object["n2"] as? [String: Any] {
            guard let compliant = n2["compliant"] as? Bool, let pairs = n2["fatal_pairs"] as? [[String: Any]] else {
                throw Failure.message("unexpected n2 \(n2)")
            }
            let fatal = try pairs.map { pair in
                guard let people = pair["people"] as? [String], let slots = pair["unfillable_slots"] as? Int else {
                    throw Failure.message("unexpected pair \(pair)")
                }
                return ContingencyReport.FatalPair(people: people, unfillableSlots: slots)
            }
            n2Report = ContingencyReport.N2(compliant: compliant, fatalPairs: fatal)
        }
        return ContingencyReport(
            n1: ContingencyReport.N1(compliant: n1Compliant, singlePointsOfFailure: singles), n2: n2Report)
    }

    enum Failure: Error, CustomStringConvertible {
        case message(String)
        var description: String {
            switch self {
            case .message(let text): return text
            }
        }
    }

    private static let driver = """
        import datetime as dt, importlib.util, json, sys
        spec = importlib.util.spec_from_file_location("contingency_ref", sys.argv[1])
        ref = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(ref)
        with open(sys.argv[2]) as jobs, open(sys.argv[3], "w") as out:
            for line in jobs:
                job = json.loads(line)
                result = ref.analyse(job["file"], dt.date.fromisoformat(job["from"]), job["days"], True)
                out.write(json.dumps({"n1": result["n1"], "n2": result["n2"]}) + "\\n")
        """

    /// Starts a command with stdout and stderr to files.
    private static func launch(_ arguments: [String], errorFile: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        _ = FileManager.default.createFile(atPath: errorFile, contents: nil)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: errorFile)
        try process.run()
        return process
    }

    /// Runs a command; stdout is returned, stderr goes to `errorFile` (read back on failure).
    private static func run(
        _ arguments: [String], errorFile: String? = nil
    ) throws -> (status: Int32, output: Data, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        if let errorFile {
            _ = FileManager.default.createFile(atPath: errorFile, contents: nil)
            process.standardError = FileHandle(forWritingAtPath: errorFile)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errors = errorFile.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? ""
        return (process.terminationStatus, data, errors)
    }
}
