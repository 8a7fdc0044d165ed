import Foundation
import TestSupport
import Testing

/// `vigil test rules` failure reports print special floats as promtool 2.42 does (Go's `%E`:
/// `NaN`, `+Inf`, `-Inf`), so the two reports stay byte for byte the same.
@Suite struct RuleTestReportTests {
    static let file = """
        rule_files: []
        evaluation_interval: 1m
        tests:
          - interval: 1m
            input_series:
              - {series: 'x{job="a"}', values: 'NaN'}
              - {series: 'y{job="b"}', values: 'Inf'}
              - {series: 'z{job="c"}', values: '-Inf'}
              - {series: 'w{job="d"}', values: '1.5'}
            promql_expr_test:
              - {expr: x, eval_time: 0m, exp_samples: []}
              - {expr: y, eval_time: 0m, exp_samples: []}
              - {expr: z, eval_time: 0m, exp_samples: []}
              - {expr: w, eval_time: 0m, exp_samples: []}
        """

    @Test func specialFloatsArePrintedAsPromtoolPrintsThem() async throws {
        let directory = TestDirectory()
        try directory.write("floats.yml", Self.file)
        let result = try await VigilProcess.runToCompletion(["test", "rules", "floats.yml"], directory: directory.path)
        #expect(result.status == 1)
        for line in [
            #"got: {__name__="x", job="a"} NaN"#, #"got: {__name__="y", job="b"} +Inf"#,
            #"got: {__name__="z", job="c"} -Inf"#, #"got: {__name__="w", job="d"} 1.5E+00"#,
        ] {
            #expect(result.output.contains(line), "\(result.output)")
        }
        if let promtool = VigilProcessTests.promtool {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: promtool)
            process.arguments = ["test", "rules", "floats.yml"]
            process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(result.output == output)
        }
    }
}
