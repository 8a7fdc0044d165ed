import Testing
import VigilCore

/// Reads `yaml` with `body`, returning what `body` produced and every problem reported.
private func read<T>(_ yaml: String, _ body: (YAMLMappingReader) -> T) throws -> (T?, [YAMLError]) {
    let diagnostics = YAMLDiagnostics()
    let document = try YAMLDocument.parse(yaml: yaml, file: "test.yml")
    let result = document.root(reportingTo: diagnostics).mapping(body)
    return (result, diagnostics.sortedErrors)
}

@Suite struct YAMLReaderTests {
    @Test func unknownKeyIsReportedAtTheKeyWithSuggestion() throws {
        let yaml = """
            outer:
              name: x
              nmae: y
            """
        let (_, errors) = try read(yaml) { root in
            root.mapping("outer") { $0.string("name") }
        }
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.location == YAMLLocation(file: "test.yml", line: 3, column: 3))
        #expect(error.keyPath == "outer.nmae")
        #expect(error.message == "unknown key \"nmae\"; did you mean \"name\"?")
        #expect(error.description == "test.yml:3:3: outer.nmae: unknown key \"nmae\"; did you mean \"name\"?")
    }

    @Test func keyPathsNameSequenceIndices() throws {
        let yaml = """
            receivers:
              - hooks:
                  - url: a
                  - url: [1, 2]
            """
        var urls: [String] = []
        let (_, errors) = try read(yaml) { root in
            _ = root.sequence("receivers") { receiver in
                receiver.mapping { hooks in
                    _ = hooks.sequence("hooks") { hook in
                        hook.mapping { if let url = $0.string("url") { urls.append(url) } }
                    }
                }
            }
        }
        #expect(urls == ["a"])
        let error = try #require(errors.first)
        #expect(error.keyPath == "receivers[0].hooks[1].url")
        #expect(error.location.line == 4)
        #expect(error.location.column == 14)
        #expect(error.message == "expected a string, got a list")
    }

    @Test func collectsEveryProblemInDocumentOrder() throws {
        let yaml = """
            a: maybe
            b: [x]
            c: 5
            d: 1.5
            e: {}
            """
        let (_, errors) = try read(yaml) { root in
            _ = root.bool("a")
            _ = root.int("b")
            _ = root.duration("c")
            _ = root.int("d")
        }
        #expect(errors.map(\.location.line) == [1, 2, 3, 4, 5])
        #expect(errors.map(\.keyPath) == ["a", "b", "c", "d", "e"])
        #expect(errors[0].message == "expected a boolean (true or false), got \"maybe\"")
        #expect(errors[2].message.hasPrefix("invalid duration \"5\": a number needs a unit"))
        #expect(errors[4].message.hasPrefix("unknown key \"e\""))
    }

    @Test func readsTypedScalars() throws {
        let yaml = """
            text: 5
            flag: yes
            count: 12
            ratio: 0.25
            wait: 1h30m
            never: 0
            list: [a, b]
            labels: {x: "1", y: two}
            empty:
            """
        let (values, errors) = try read(yaml) { root in
            (
                root.string("text"), root.bool("flag"), root.int("count"), root.double("ratio"),
                root.duration("wait"), root.duration("never"), root.stringList("list"),
                root.stringMap("labels"), root.string("empty")
            )
        }
        #expect(errors.isEmpty)
        let read = try #require(values)
        #expect(read.0 == "5")
        #expect(read.1 == true)
        #expect(read.2 == 12)
        #expect(read.3 == 0.25)
        #expect(read.4 == PromDuration(milliseconds: 5_400_000))
        #expect(read.5 == PromDuration(milliseconds: 0))
        #expect(read.6 == ["a", "b"])
        #expect(read.7 == ["x": "1", "y": "two"])
        #expect(read.8 == nil)
    }

    @Test func quotedTextIsNotABoolean() throws {
        let (value, errors) = try read("flag: \"true\"\n") { $0.bool("flag") }
        #expect(value == .some(nil))
        #expect(errors.first?.message == "expected a boolean (true or false), got \"true\"")
    }

    @Test func checkFailuresAreReportedAtTheValue() throws {
        let (value, errors) = try read("port:   70000\n") { root in
            root.int("port") { (1...65_535).contains($0) ? nil : "out of range" }
        }
        #expect(value == .some(nil))
        #expect(
            errors == [
                YAMLError(
                    location: YAMLLocation(file: "test.yml", line: 1, column: 9),
                    keyPath: "port", message: "out of range")
            ])
    }

    @Test func missingRequiredKeyIsReportedAtTheMapping() throws {
        let yaml = """
            items:
              - other: 1
            """
        let (_, errors) = try read(yaml) { root in
            root.sequence("items") {
                $0.mapping { item in
                    _ = item.required("name")
                    _ = item.int("other")
                }
            }
        }
        #expect(errors.map(\.description) == ["test.yml:2:5: items[0]: missing required key \"name\""])
    }

    @Test func emptyDocumentReadsAsEmptyMapping() throws {
        for yaml in ["", "# only a comment\n", "~\n"] {
            let (value, errors) = try read(yaml) { $0.string("anything") }
            #expect(value == .some(nil))
            #expect(errors.isEmpty)
        }
    }

    @Test func rootThatIsNotAMappingIsReported() throws {
        let (value, errors) = try read("- a\n- b\n") { $0.string("x") }
        #expect(value == nil)
        #expect(errors.first?.message == "expected a mapping, got a list")
    }

    @Test func syntaxErrorCarriesLineAndColumn() {
        let yaml = """
            a: 1
            b: [unclosed
            c: 3
            """
        do {
            _ = try YAMLDocument.parse(yaml: yaml, file: "bad.yml")
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.location.file == "bad.yml")
            #expect(error.location.line == 3)
            #expect(error.message.hasPrefix("YAML syntax error: "))
        }
    }

    @Test func tabIndentationGetsAHint() {
        let yaml = "a:\n\tb: 1\n"
        do {
            _ = try YAMLDocument.parse(yaml: yaml, file: "tab.yml")
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.location.line == 2)
            #expect(error.location.column == 1)
            #expect(error.message.contains("tab"))
        }
    }

    @Test func duplicateKeysAreRejected() {
        let yaml = """
            a: 1
            b:
              c: 1
              c: 2
            """
        do {
            _ = try YAMLDocument.parse(yaml: yaml, file: "dup.yml")
            Issue.record("expected a duplicate key error")
        } catch {
            #expect(error.location.line == 3)
            #expect(error.location.column == 3)
            #expect(error.message.contains("duplicate key \"c\""))
        }
    }

    @Test func mergeKeysAreExplained() throws {
        let yaml = """
            base: &base {x: 1}
            other:
              <<: *base
            """
        let (_, errors) = try read(yaml) { root in
            _ = root.mapping("base") { $0.int("x") }
            _ = root.mapping("other") { $0.int("x") }
        }
        #expect(errors.first?.message.contains("merge keys are not supported") == true)
    }

    @Test func keyPathQuotesAmbiguousKeys() {
        let path = YAMLKeyPath.root.appending(key: "labels").appending(key: "a.b").appending(index: 2)
        #expect(path.description == "labels[\"a.b\"][2]")
    }
}
