import Foundation

/// A bounded set of threads that run blocking libcurl transfers, each thread keeping one easy handle
/// from transfer to transfer.
///
/// Why: a thread and a fresh handle per request (what the transport first did) costs a thread start,
/// a TCP handshake (and a TLS one) for every webhook, and has no upper bound when a receiver is slow
/// and thousands of notifications are due. Here at most `maxThreads` transfers run at once, the rest
/// wait in order; a handle that is reused keeps libcurl's connection, DNS and TLS-session caches, so a
/// receiver that allows keep-alive is reached over an open connection. A thread idle for
/// `idleTimeout` ends and closes its connections, so a transport used once (a CLI command) leaves
/// nothing behind for long.
///
/// Thread safety: every mutable field is touched only with `condition` locked; a `CurlWorker` and its
/// handle are touched only by their own thread. That invariant is why this is `@unchecked Sendable`.
final class CurlWorkerPool: @unchecked Sendable {
    typealias Job = @Sendable (CurlWorker) -> Void

    /// Counts for tests and the daemon's own metrics.
    struct Stats: Sendable, Equatable {
        var threads: Int
        var peakThreads: Int
        var queued: Int
    }

    let maxThreads: Int
    let idleTimeout: TimeInterval
    private let threadName: String
    private let condition = NSCondition()
    private var jobs: [Job] = []
    private var head = 0
    private var threads = 0
    private var idleThreads = 0
    private var peakThreads = 0

    init(maxThreads: Int, idleTimeout: TimeInterval = 30, threadName: String = "vigil-curl") {
        self.maxThreads = max(1, maxThreads)
        self.idleTimeout = idleTimeout
        self.threadName = threadName
    }

    /// Queues `job`; it runs on a pool thread with that thread's worker, after the jobs queued before it.
    func submit(_ job: @escaping Job) {
        condition.lock()
        jobs.append(job)
        let waiting = jobs.count - head
        if waiting > idleThreads, threads < maxThreads {
            threads += 1
            peakThreads = max(peakThreads, threads)
            startThread()
        } else {
            condition.signal()
        }
        condition.unlock()
    }

    var stats: Stats {
        condition.lock()
        defer { condition.unlock() }
        return Stats(threads: threads, peakThreads: peakThreads, queued: jobs.count - head)
    }

    private func startThread() {
        let thread = Thread { [self] in run() }
        thread.name = threadName
        thread.start()
    }

    private func run() {
        let worker = CurlWorker()
        condition.lock()
        while true {
            while head == jobs.count {
                idleThreads += 1
                let woken = condition.wait(until: Date(timeIntervalSinceNow: idleTimeout))
                idleThreads -= 1
                if !woken, head == jobs.count {
                    threads -= 1
                    condition.unlock()
                    return
                }
            }
            let job = jobs[head]
            head += 1
            if head == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                head = 0
            }
            condition.unlock()
            job(worker)
            condition.lock()
        }
    }
}

/// One pool thread's libcurl state: the easy handle it reuses for every transfer it runs.
///
/// Deliberately not `Sendable`: it lives and dies on its thread.
final class CurlWorker {
    private var handle: CurlEasyHandle?

    /// The thread's handle with every option back at its default (libcurl keeps its connection, DNS
    /// and TLS-session caches across `curl_easy_reset`); created on first use.
    func freshHandle() throws(TransportError) -> CurlEasyHandle {
        if let handle {
            handle.reset()
            return handle
        }
        let created = try CurlEasyHandle()
        handle = created
        return created
    }
}
