import Alerting
import Foundation
import Notify
import Testing

/// SMS segments counted as phones count them, and texts cut to fit with the ack link whole.
@Suite struct SMSTextTests {
    @Test func segmentsFollowTheAlphabetTheTextNeeds() {
        #expect(SMSText.segments(String(repeating: "a", count: 160)) == 1)
        #expect(SMSText.segments(String(repeating: "a", count: 161)) == 2)
        #expect(SMSText.segments(String(repeating: "a", count: 306)) == 2)
        #expect(SMSText.segments(String(repeating: "a", count: 307)) == 3)
        #expect(SMSText.segments(String(repeating: "€", count: 80)) == 1, "an extension character is two septets")
        #expect(SMSText.segments(String(repeating: "€", count: 81)) == 2)
        #expect(SMSText.segments(String(repeating: "a", count: 69) + "…") == 1, "UCS-2: 70 units")
        #expect(SMSText.segments(String(repeating: "a", count: 70) + "…") == 2)
    }

    @Test func aTextIsCutToItsSegmentsInGSMCharacters() {
        let cut = SMSText.fitted(String(repeating: "word ", count: 60), maxSegments: 1)
        #expect(cut.count == 160)
        #expect(cut.hasSuffix("..."))
        #expect(SMSText.segments(cut) == 1)
        #expect(SMSText.fitted("short", maxSegments: 1) == "short")
        // A runaway annotation (a megabyte) is cut just the same.
        let huge = SMSText.fitted(String(repeating: "x", count: 1 << 20), maxSegments: 2)
        #expect(huge.count == 306)
        #expect(SMSText.segments(huge) == 2)
    }

    @Test func theDefaultTextKeepsTheLinkWholeAndCutsTheSummary() {
        var data = Fixtures.data(
            Fixtures.notification(alerts: [
                Fixtures.alert(
                    2, labels: ["severity": "critical"], annotations: ["summary": String(repeating: "x", count: 300)])
            ]))
        data.ackURL = "https://vigil.program.example/ack/axWtyXUw7-aNFGgPP0hq1TrRhUhDTg37"
        let config = SMSConfig(url: "http://gateway", to: ["+15550000001"])
        let body = String(decoding: SMSMessage.render(data, config: config, to: "+15550000001"), as: UTF8.self)
        let field = body.split(separator: "&")[1].dropFirst("text=".count).replacingOccurrences(of: "+", with: " ")
        let text = field.removingPercentEncoding ?? ""
        #expect(text.hasPrefix("[FIRING:1] G critical: xxx"), "\(text)")
        #expect(text.hasSuffix("... https://vigil.program.example/ack/axWtyXUw7-aNFGgPP0hq1TrRhUhDTg37"))
        #expect(text.count == 158, "160 septets: [ and ] take two each")
        #expect(SMSText.segments(text) == 1)
        #expect(body.hasPrefix("to=%2B15550000001&text="))
    }
}
