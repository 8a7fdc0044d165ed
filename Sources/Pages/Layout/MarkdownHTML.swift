import Foundation

/// The Markdown Vigil writes (the post-mortem: headings, paragraphs, lists, task lists, pipe
/// tables, `**bold**`, `` `code` ``) as HTML. Everything is escaped first; only those constructs
/// become markup, so a note someone typed cannot inject any.
enum MarkdownHTML {
    static func render(_ markdown: String) -> String {
        var html = ""
        var paragraph: [String] = []
        var list: [String] = []
        var table: [[String]] = []

        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            html += "<p>" + paragraph.map(inline).joined(separator: " ") + "</p>\n"
            paragraph = []
        }
        func flushList() {
            guard !list.isEmpty else { return }
            html += "<ul>" + list.map { "<li>\($0)</li>" }.joined() + "</ul>\n"
            list = []
        }
        func flushTable() {
            guard let head = table.first else { return }
            html += "<div class=\"scroll\"><table><tr>" + head.map { "<th>\(inline($0))</th>" }.joined() + "</tr>"
            for row in table.dropFirst() where !row.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } }) {
                html += "<tr>" + row.map { "<td>\(inline($0))</td>" }.joined() + "</tr>"
            }
            html += "</table></div>\n"
            table = []
        }
        func flushAll() {
            flushParagraph()
            flushList()
            flushTable()
        }

        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                flushAll()
            } else if let level = heading(line) {
                flushAll()
                let text = String(line.dropFirst(level + 1))
                // The page has its own h1; the document's headings sit one level below it.
                let tag = "h\(min(6, level + 1))"
                html += "<\(tag)>\(inline(text))</\(tag)>\n"
            } else if line.hasPrefix("|") {
                flushParagraph()
                flushList()
                table.append(cells(line))
            } else if line.hasPrefix("- ") || line.hasPrefix("* ") {
                flushParagraph()
                flushTable()
                var item = String(line.dropFirst(2))
                if item.hasPrefix("[ ] ") {
                    item = "☐ " + inline(String(item.dropFirst(4)))
                } else if item.hasPrefix("[x] ") || item.hasPrefix("[X] ") {
                    item = "☑ " + inline(String(item.dropFirst(4)))
                } else {
                    item = inline(item)
                }
                list.append(item)
            } else {
                flushList()
                flushTable()
                paragraph.append(line)
            }
        }
        flushAll()
        return html
    }

    static func heading(_ line: String) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }

    /// A table row's cells; `\|` inside a cell is a literal bar.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in line.dropFirst() {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty {
            cells.append(current.trimmingCharacters(in: .whitespaces))
        }
        return cells
    }

    /// Escapes, then turns `**x**` into bold and `` `x` `` into code.
    static func inline(_ text: String) -> String {
        var out = ""
        var bold = false
        var code = false
        let characters = Array(HTML.escape(text))
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "`" {
                out += code ? "</code>" : "<code>"
                code.toggle()
            } else if !code, character == "*", index + 1 < characters.count, characters[index + 1] == "*" {
                out += bold ? "</strong>" : "<strong>"
                bold.toggle()
                index += 1
            } else {
                out.append(character)
            }
            index += 1
        }
        if code { out += "</code>" }
        if bold { out += "</strong>" }
        return out
    }
}
