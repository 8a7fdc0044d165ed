import PromQL
import Testing

@Suite struct FunctionSignatureTests {
    @Test func knowsEveryFunctionTheIssueLists() {
        let names = """
            abs absent absent_over_time ceil changes clamp clamp_max clamp_min day_of_month day_of_week day_of_year \
            days_in_month delta deriv exp floor histogram_quantile holt_winters hour idelta increase irate label_join \
            label_replace last_over_time ln log10 log2 minute month predict_linear present_over_time quantile_over_time \
            rate resets round scalar sgn sort sort_desc sqrt stddev_over_time stdvar_over_time sum_over_time \
            avg_over_time min_over_time max_over_time count_over_time time timestamp vector year sin cos tan asin acos \
            atan sinh cosh tanh asinh acosh atanh deg rad pi
            """.split(separator: " ")
        for name in names {
            #expect(FunctionSignature.named(String(name)) != nil, "\(name)")
        }
        #expect(FunctionSignature.named("rate")?.argTypes == [.matrix])
        #expect(FunctionSignature.named("nope") == nil)
    }
}
