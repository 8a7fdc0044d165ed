import PromQL
import Testing
import TimeSeries

@testable import Server

@Suite struct QueryEncodingTests {
    @Test func formParametersDecodePlusPercentAndRepeatedKeys() {
        let form = FormParameters(encoded: "query=sum%28up%29+by+%28job%29&match[]=a&match%5B%5D=b&empty=&bad=%zz")
        #expect(form["query"] == "sum(up) by (job)")
        #expect(form.all("match[]") == ["a", "b"])
        #expect(form["empty"] == "")
        #expect(form["bad"] == "%zz")
        #expect(form["missing"] == nil)
    }

    // 2015-07-01T20:10:51.781Z is the example of Prometheus' API documentation: 1435781451.781.
    @Test func rfc3339ReadsUTCOffsetsAndFractions() {
        #expect(RFC3339.milliseconds("2015-07-01T20:10:51.781Z") == 1_435_781_451_781)
        #expect(RFC3339.milliseconds("2015-07-01T22:10:51.781+02:00") == 1_435_781_451_781)
        #expect(RFC3339.milliseconds("1970-01-01T00:00:00Z") == 0)
        #expect(RFC3339.milliseconds("1969-12-31T23:59:59.5Z") == -500)
        #expect(RFC3339.milliseconds("2015-02-29T00:00:00Z") == nil)
        #expect(RFC3339.milliseconds("2015-07-01 20:10:51Z") == nil)
        #expect(RFC3339.milliseconds("2015-07-01T20:10:51") == nil)
    }

    @Test func vectorEnvelopeIsPrometheusBytes() {
        let value = QueryValue.vector([
            VectorSample(labels: Labels(["__name__": "up", "job": "a\"b"]), timestamp: 1_435_781_451_781, value: 1),
            VectorSample(labels: Labels(["job": "c"]), timestamp: 1_435_781_451_000, value: .nan),
        ])
        let expected =
            #"{"status":"success","data":{"resultType":"vector","result":["#
            + #"{"metric":{"__name__":"up","job":"a\"b"},"value":[1435781451.781,"1"]},"#
            + #"{"metric":{"job":"c"},"value":[1435781451,"NaN"]}]}}"#
        #expect(String(decoding: QueryResultJSON.envelope(value), as: UTF8.self) == expected)
    }

    @Test func matrixScalarAndStringEnvelopes() {
        let matrix = QueryValue.matrix([
            SeriesSamples(
                labels: Labels(["a": "1"]),
                samples: [Sample(timestamp: 0, value: .infinity), Sample(timestamp: 15_000, value: -2.5)])
        ])
        #expect(
            String(decoding: QueryResultJSON.envelope(matrix), as: UTF8.self)
                == #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"a":"1"},"values":[[0,"+Inf"],[15,"-2.5"]]}]}}"#
        )
        #expect(
            String(decoding: QueryResultJSON.envelope(.scalar(Sample(timestamp: 1_000, value: 0.1))), as: UTF8.self)
                == #"{"status":"success","data":{"resultType":"scalar","result":[1,"0.1"]}}"#)
        #expect(
            String(decoding: QueryResultJSON.envelope(.string("x\ny", timestamp: 2_500)), as: UTF8.self)
                == #"{"status":"success","data":{"resultType":"string","result":[2.500,"x\ny"]}}"#)
    }
}
