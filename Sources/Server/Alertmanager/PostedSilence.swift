import Alerting
import Foundation
import TimeSeries

/// A `POST /api/v2/silences` body (Alertmanager's postableSilence): optional `id` (an update),
/// `matchers` (`name`, `value`, `isRegex`, optional `isEqual`), `startsAt`, `endsAt`, `createdBy`,
/// `comment`, all required as go-openapi requires them.
struct PostedSilence {
    var silence: Silence

    struct Failure: Error {
        var status: Int
        var code: Int
        var message: String
    }

    static func read(_ body: [UInt8]) -> Result<PostedSilence, Failure> {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] else {
            let isArray = (try? JSONSerialization.jsonObject(with: Data(body))) is [Any]
            return .failure(
                Failure(
                    status: 400, code: 400,
                    message: isArray
                        ? "parsing silence body from \"\" failed, because json: cannot unmarshal array into Go value of type struct { ID string \"json:\\\"id,omitempty\\\"\" }"
                        : "parsing silence body from \"\" failed, because unexpected EOF"))
        }
        for field in ["comment", "createdBy", "endsAt", "matchers", "startsAt"] where object[field] == nil {
            return .failure(Failure(status: 422, code: 602, message: "\(field) in body is required"))
        }
        guard let comment = object["comment"] as? String, let createdBy = object["createdBy"] as? String else {
            return .failure(Failure(status: 400, code: 400, message: "comment and createdBy must be strings"))
        }
        guard let startsText = object["startsAt"] as? String, let starts = LenientTime.milliseconds(startsText),
            let endsText = object["endsAt"] as? String, let ends = LenientTime.milliseconds(endsText)
        else {
            return .failure(Failure(status: 400, code: 400, message: "startsAt and endsAt must be RFC 3339 times"))
        }
        guard let list = object["matchers"] as? [[String: Any]] else {
            return .failure(Failure(status: 400, code: 400, message: "matchers must be a list of objects"))
        }
        guard !list.isEmpty else {
            return .failure(Failure(status: 422, code: 612, message: "matchers in body should have at least 1 items"))
        }
        var matchers: [LabelMatcher] = []
        for (index, item) in list.enumerated() {
            for field in ["isRegex", "name", "value"] where item[field] == nil {
                return .failure(
                    Failure(status: 422, code: 602, message: "matchers.\(index).\(field) in body is required"))
            }
            let name = item["name"] as? String ?? ""
            let value = item["value"] as? String ?? ""
            let isRegex = item["isRegex"] as? Bool ?? false
            let isEqual = item["isEqual"] as? Bool ?? true
            let kind: LabelMatcher.Kind =
                isRegex ? (isEqual ? .regexMatch : .regexNoMatch) : (isEqual ? .equal : .notEqual)
            do {
                matchers.append(try LabelMatcher(name, kind, value))
            } catch {
                return .failure(
                    Failure(
                        status: 400, code: 400, message: "silence invalid: invalid label matcher \(index): \(error)"))
            }
        }
        return .success(
            PostedSilence(
                silence: Silence(
                    id: object["id"] as? String ?? "", matchers: matchers, startsAt: starts, endsAt: ends,
                    createdBy: createdBy, comment: comment)))
    }
}
