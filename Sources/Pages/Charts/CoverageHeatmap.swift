import Resilience
import Schedule

/// The schedule page's heatmap, inline SVG laid out as a calendar (a row per week, a column per
/// weekday, so it reads on a phone): each day an AM square over a PM square, coloured by how much
/// of its faculty need is met and marked with its slots short of faculty, so the pattern shows
/// without colour too. Each square has a `<title>` in words.
public enum CoverageHeatmap {
    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    public static func svg(_ days: [ForecastDay]) -> String {
        guard let first = days.first else { return "<p class=\"muted\">No days with assignments in the window.</p>" }
        let column = 42
        let half = 17
        let rowHeight = 2 * half + 8
        let left = 38
        let top = 14
        // The column of the first day: its weekday (Monday first).
        let offset = (first.day.isoWeekday + 6) % 7
        let rows = (offset + days.count + 6) / 7
        let width = left + 7 * column
        let height = top + rows * rowHeight
        var cells = ""
        for index in 0..<7 {
            let name = weekdays[(index) % 7]
            cells +=
                "<text x=\"\(left + index * column + column / 2 - 1)\" y=\"10\" text-anchor=\"middle\" class=\"label\">\(name)</text>"
        }
        for (position, day) in days.enumerated() {
            let slot = offset + position
            let (row, weekday) = (slot / 7, slot % 7)
            let x = left + weekday * column
            let y = top + row * rowHeight
            if weekday == 0 || position == 0 {
                cells += "<text x=\"0\" y=\"\(y + half + 3)\" class=\"label\">\(day.day.description.suffix(5))</text>"
            }
            for (index, coverage) in day.sessions.enumerated() {
                let words =
                    coverage.need == 0
                    ? "\(day.day) \(coverage.session.rawValue): nothing needs faculty"
                    : "\(day.day) \(coverage.session.rawValue): \(coverage.covered) of \(coverage.need) faculty needs met, "
                        + "\(coverage.gapSlots) slot\(coverage.gapSlots == 1 ? "" : "s") short"
                let cellY = y + index * half
                cells += """
                    <g><title>\(HTML.escape(words))</title><rect x="\(x)" y="\(cellY)" width="\(column - 3)" \
                    height="\(half - 2)" class="\(kind(coverage))"/>
                    """
                if coverage.gapSlots > 0 {
                    cells +=
                        "<text x=\"\(x + (column - 3) / 2)\" y=\"\(cellY + half - 6)\" text-anchor=\"middle\">"
                        + "\(coverage.gapSlots)</text>"
                }
                cells += "</g>"
            }
        }
        let last = days.last.map { "\($0.day)" } ?? ""
        return """
            <figure class="heatmap">
            <svg viewBox="0 0 \(width) \(height)" role="img" aria-labelledby="heatmap-title">
            <title id="heatmap-title">Coverage by day and session, \(first.day) to \(last)</title>
            <style>.full{fill:#1a7f37}.most{fill:#bf8700}.short{fill:#cf222e}.idle{fill:#d8dee4}\
            text{font:11px sans-serif;fill:#ffffff;font-weight:700}text.label{fill:#59636e;font-weight:400}</style>
            \(cells)
            </svg>
            <figcaption class="muted">Each day is two squares, AM over PM: green all faculty needs met, amber \
            at least 90%, red less, grey nothing needs faculty; the number is the slots short.</figcaption>
            </figure>
            """
    }

    static func kind(_ coverage: ForecastDay.SessionCoverage) -> String {
        guard coverage.need > 0 else { return "idle" }
        if coverage.gapSlots == 0 { return "full" }
        return coverage.rate >= 0.9 ? "most" : "short"
    }
}
