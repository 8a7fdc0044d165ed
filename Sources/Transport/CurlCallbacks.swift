import CCurl

/// The C callbacks libcurl calls during a transfer, each finding its `TransferContext` through the
/// opaque pointer it was given.
///
/// Why `@convention(c)` and no captures: libcurl stores plain C function pointers, so these must be
/// context-free; the per-transfer state comes in through WRITEDATA, HEADERDATA and XFERINFODATA.
enum CurlCallbacks {
    /// Appends a body chunk, or stops the transfer (by consuming nothing) once it would pass the limit.
    static let write: ccurl_data_callback = { data, size, count, pointer in
        guard let context = TransferContext.from(pointer) else { return 0 }
        let length = size * count
        guard length > 0, let data else { return length }
        guard context.body.count + length <= context.maxResponseBytes else {
            context.exceededLimit = true
            return 0
        }
        data.withMemoryRebound(to: UInt8.self, capacity: length) {
            context.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
        }
        return length
    }

    /// Hands one header line to the context's parser.
    static let header: ccurl_data_callback = { data, size, count, pointer in
        guard let context = TransferContext.from(pointer) else { return 0 }
        let length = size * count
        guard length > 0, let data else { return length }
        data.withMemoryRebound(to: UInt8.self, capacity: length) {
            context.headerParser.consume(UnsafeBufferPointer(start: $0, count: length))
        }
        return length
    }

    /// Hands the next part of the upload to libcurl; 0 once it has all been read.
    static let read: ccurl_data_callback = { buffer, size, count, pointer in
        guard let context = TransferContext.from(pointer), let buffer else { return 0 }
        let length = min(size * count, context.upload.count - context.uploadOffset)
        guard length > 0 else { return 0 }
        context.upload.withUnsafeBufferPointer { source in
            buffer.withMemoryRebound(to: UInt8.self, capacity: length) { target in
                target.update(from: source.baseAddress! + context.uploadOffset, count: length)
            }
        }
        context.uploadOffset += length
        return length
    }

    /// Called often by libcurl while the transfer runs; a non-zero return aborts it (CURLE_ABORTED_BY_CALLBACK).
    static let progress: ccurl_progress_callback = { pointer, _, _, _, _ in
        guard let context = TransferContext.from(pointer) else { return 1 }
        return context.cancellation.isRaised ? 1 : 0
    }
}
