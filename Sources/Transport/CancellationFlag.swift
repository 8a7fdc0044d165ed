import Synchronization

/// A one-way "stop now" signal from the awaiting task to the thread running the transfer.
///
/// Why: Swift task cancellation cannot reach into a blocking `curl_easy_perform`. The task's
/// cancellation handler raises this flag; libcurl's progress callback, running on the transfer thread,
/// reads it and aborts the transfer. An atomic is all the sharing that needs.
final class CancellationFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    func raise() {
        raised.store(true, ordering: .releasing)
    }

    var isRaised: Bool {
        raised.load(ordering: .acquiring)
    }
}
