import Hummingbird
import NIOCore

/// `GET /api/v1/rules` (filters `type=alert|record`, `rule_name[]`, `rule_group[]`, `file[]`) and
/// `GET /api/v1/alerts`, in Prometheus' shapes.
struct RulesRoutes {
    let settings: RulesAPISettings

    func register(on router: Router<VigilRequestContext>) {
        let settings = self.settings
        router.get("/api/v1/rules") { request, context in
            let parameters = try await FormParameters.read(request, limit: context.maxUploadSize)
            var selection = RulesJSON.Selection()
            let type = (parameters.all("type").first ?? "").lowercased()
            switch type {
            case "": break
            case "alert": selection.recording = false
            case "record": selection.alerting = false
            default:
                throw APIError(
                    .badRequest, type: "bad_data", "invalid parameter \"type\": not supported value \"\(type)\"")
            }
            selection.ruleNames = Set(parameters.all("rule_name[]"))
            selection.groupNames = Set(parameters.all("rule_group[]"))
            selection.files = Set(parameters.all("file[]"))
            return Self.json(RulesJSON.rulesEnvelope(await settings.groups(), selection))
        }
        router.get("/api/v1/alerts") { _, _ in
            Self.json(
                RulesJSON.alertsEnvelope(await settings.groups(), acknowledgements: await settings.acknowledgements()))
        }
    }

    private static func json(_ bytes: [UInt8]) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
