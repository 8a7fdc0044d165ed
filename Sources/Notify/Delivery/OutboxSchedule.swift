/// Which outbox messages may be attempted when: the worker's in-memory copy of the pending part of
/// the outbox (SQLite stays the record; this is rebuilt from it at start).
///
/// Messages queue per receiver, integration and group, oldest first; only a queue's head is ever
/// attempted, so a resolve never overtakes the notification before it. Heads due now wait in a FIFO;
/// heads waiting for a retry sit ordered by their next attempt. Every operation is O(log n) or
/// better, so a burst of thousands of messages costs no scan of the whole outbox per delivery.
struct OutboxSchedule: Sendable {
    struct QueueKey: Hashable, Sendable {
        var receiver: String
        var integration: String
        var groupKey: String

        init(_ message: OutboxMessage) {
            receiver = message.receiver
            integration = message.integration
            groupKey = message.groupKey
        }
    }

    private var queues: [QueueKey: [OutboxMessage]] = [:]
    private var ids = Set<String>()
    /// Per receiver, the queues whose head is due, in the order they became due.
    private var ready: [String: ReadyQueue] = [:]
    private var readyCount = 0
    /// Queues whose head waits for a later attempt, ordered by (time, arrival).
    private var later: [(time: Int64, key: QueueKey)] = []

    var isEmpty: Bool { queues.isEmpty }
    var count: Int { ids.count }

    /// Adds messages (in seq order); a message already held is ignored.
    mutating func add(_ messages: [OutboxMessage], now: Int64) {
        for message in messages where ids.insert(message.id).inserted {
            let key = QueueKey(message)
            if queues[key, default: []].isEmpty {
                queues[key] = [message]
                schedule(key, at: message.nextAttemptAt, now: now)
            } else {
                queues[key]?.append(message)
            }
        }
    }

    /// The heads due at `now`, at most `room(receiver)` of each receiver's and `limit` in all.
    mutating func takeDue(now: Int64, limit: Int, room: (String) -> Int) -> [OutboxMessage] {
        while let first = later.first, first.time <= now {
            later.removeFirst()
            markReady(first.key)
        }
        var taken: [OutboxMessage] = []
        for receiver in ready.keys.sorted() where taken.count < limit {
            var queue = ready[receiver] ?? ReadyQueue()
            ready[receiver] = nil
            var available = room(receiver)
            while available > 0, taken.count < limit, let key = queue.popFirst() {
                readyCount -= 1
                guard let head = queues[key]?.first else { continue }
                taken.append(head)
                available -= 1
            }
            if !queue.isEmpty { ready[receiver] = queue }
        }
        return taken
    }

    /// The head of `message`'s queue is done (delivered or dead): the next one becomes the head.
    mutating func finish(_ message: OutboxMessage, now: Int64) {
        let key = QueueKey(message)
        guard var queue = queues[key], queue.first?.id == message.id else { return }
        queue.removeFirst()
        ids.remove(message.id)
        if let next = queue.first {
            queues[key] = queue
            schedule(key, at: next.nextAttemptAt, now: now)
        } else {
            queues[key] = nil
        }
    }

    /// The head of `message`'s queue failed and is tried again at `time`.
    mutating func retry(_ message: OutboxMessage, attempts: Int, at time: Int64, error: String, now: Int64) {
        let key = QueueKey(message)
        guard var queue = queues[key], queue.first?.id == message.id else { return }
        queue[0].attempts = attempts
        queue[0].nextAttemptAt = time
        queue[0].lastError = error
        queues[key] = queue
        schedule(key, at: time, now: now)
    }

    /// When the earliest waiting head is due, if none is due now.
    var nextTime: Int64? {
        hasReady ? nil : later.first?.time
    }

    /// Whether a head is due now.
    var hasReady: Bool { readyCount > 0 }

    private mutating func markReady(_ key: QueueKey) {
        ready[key.receiver, default: ReadyQueue()].append(key)
        readyCount += 1
    }

    private mutating func schedule(_ key: QueueKey, at time: Int64, now: Int64) {
        if time <= now {
            markReady(key)
        } else {
            var low = 0
            var high = later.count
            while low < high {
                let middle = (low + high) / 2
                if later[middle].time <= time { low = middle + 1 } else { high = middle }
            }
            later.insert((time, key), at: low)
        }
    }
}

/// A FIFO of queue keys that does not shift its storage on every pop.
struct ReadyQueue: Sendable {
    private var keys: [OutboxSchedule.QueueKey] = []
    private var start = 0

    var isEmpty: Bool { start >= keys.count }

    mutating func append(_ key: OutboxSchedule.QueueKey) {
        keys.append(key)
    }

    mutating func popFirst() -> OutboxSchedule.QueueKey? {
        guard start < keys.count else { return nil }
        defer {
            start += 1
            if start > 256 && start * 2 > keys.count {
                keys.removeFirst(start)
                start = 0
            }
        }
        return keys[start]
    }
}
