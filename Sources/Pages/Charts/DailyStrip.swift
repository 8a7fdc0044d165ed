import Resilience

/// The 28-day strip on the status board, drawn as inline SVG: one bar per day, its height the
/// day's faculty utilization and its colour the band, with the band's initial under it (colour is
/// never the only signal) and the day's gap slots above it. Each bar has a `<title>` with the
/// day in words for a long press or a hover.
public enum DailyStrip {
    public static let days = 28

    public static func svg(_ forecast: [ForecastDay]) -> String {
        let shown = Array(forecast.prefix(days))
        guard !shown.isEmpty else { return "<p class=\"muted\">No days with assignments in the window.</p>" }
        let barWidth = 12
        let gap = 2
        let chartHeight = 80
        let top = 14
        let width = shown.count * (barWidth + gap)
        let height = top + chartHeight + 16
        var bars = ""
        for (offset, day) in shown.enumerated() {
            let rate = min(1.2, max(0, day.utilization.rate.isFinite ? day.utilization.rate : 0))
            let barHeight = max(1, Int((rate / 1.2 * Double(chartHeight)).rounded()))
            let x = offset * (barWidth + gap)
            let y = top + chartHeight - barHeight
            let band = "\(day.level)"
            let words =
                "\(day.day): utilization \(HTML.percent(day.utilization.rate)) (\(band)), "
                + "\(day.gapSlots) gap slot\(day.gapSlots == 1 ? "" : "s")"
            bars += """
                <g><title>\(HTML.escape(words))</title>\
                <rect x="\(x)" y="\(y)" width="\(barWidth)" height="\(barHeight)" class="band-\(band.lowercased())"/>\
                <text x="\(x + barWidth / 2)" y="\(top + chartHeight + 12)" text-anchor="middle">\(band.prefix(1))</text>
                """
            if day.gapSlots > 0 {
                bars +=
                    "<text x=\"\(x + barWidth / 2)\" y=\"\(y - 3)\" text-anchor=\"middle\" class=\"gap\">\(day.gapSlots)</text>"
            }
            bars += "</g>"
        }
        // The 80% line: the queueing knee.
        let knee = top + chartHeight - Int((0.8 / 1.2 * Double(chartHeight)).rounded())
        let first = shown.first.map { "\($0.day)" } ?? ""
        let last = shown.last.map { "\($0.day)" } ?? ""
        return """
            <figure class="strip">
            <svg viewBox="0 0 \(width) \(height)" width="\(width * 2)" role="img" aria-labelledby="strip-title">
            <title id="strip-title">Daily utilization and gap slots, \(first) to \(last)</title>
            <style>.band-green{fill:#1a7f37}.band-yellow{fill:#bf8700}.band-orange{fill:#bc4c00}\
            .band-red{fill:#cf222e}.band-black{fill:#1b1f24}text{font:9px sans-serif;fill:#59636e}\
            text.gap{fill:#cf222e;font-weight:700}line{stroke:#59636e;stroke-dasharray:2 2}</style>
            <line x1="0" x2="\(width)" y1="\(knee)" y2="\(knee)"/>
            \(bars)
            </svg>
            <figcaption class="muted">\(HTML.escape(first)) – \(HTML.escape(last)): bar height is utilization \
            (dashed line 80%), letter the band (G green, Y yellow, O orange, R red, B black), red numbers the \
            slots short of faculty.</figcaption>
            </figure>
            """
    }
}
