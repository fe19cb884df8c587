import CZip
import Foundation

/// Inflates one zip entry on a second thread into a small ring of buffers while the caller's
/// thread parses the previous ones: inflating and CRC-checking are ~12% of a sheet's read
/// (callgrind, 1M cells), and the machines have two cores.
///
/// Ownership: between `start()` and `finish()`, only the inflating thread touches the
/// `zip_file_t` (libzip handles are not thread-safe); the consumer only reads filled
/// buffers it was handed through the semaphores, and `finish()` waits for the inflating
/// thread to stop before the file is closed. Hence `@unchecked Sendable`.
final class InflatePipe: @unchecked Sendable {
    private let file: OpaquePointer
    private let slots: Int
    private let size: Int
    private let buffers: [UnsafeMutableRawPointer]
    private var lengths: [Int]
    // Created at 0 and signalled up: libdispatch traps when a semaphore is freed below its initial value.
    private let free = DispatchSemaphore(value: 0)
    private let filled = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var cancelled = false
    /// Set by the inflating thread before it signals its last slot.
    private(set) var failure: (code: Int32, message: String)?
    private var next = 0

    init(file: OpaquePointer, slots: Int = 4, size: Int) {
        self.file = file
        self.slots = slots
        self.size = size
        buffers = (0..<slots).map { _ in UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16) }
        lengths = Array(repeating: 0, count: slots)
        for _ in 0..<slots { free.signal() }
    }

    deinit {
        for b in buffers { b.deallocate() }
    }

    func start() {
        let thread = Thread { [self] in self.produce() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    private var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    private func produce() {
        var i = 0
        while true {
            free.wait()
            if isCancelled { break }
            let slot = i % slots
            let n = zip_fread(file, buffers[slot], UInt64(size))
            if n < 0, let err = zip_file_get_error(file) {
                failure = (zip_error_code_zip(err), String(cString: zip_error_strerror(err)))
            }
            lengths[slot] = Int(max(n, 0))
            filled.signal()
            if n <= 0 { break }
            i += 1
        }
        done.signal()
    }

    /// The next inflated chunk, or nil at the end (check `failure` then).
    func nextChunk() -> UnsafeRawBufferPointer? {
        filled.wait()
        let slot = next % slots
        next += 1
        let n = lengths[slot]
        if n == 0 { return nil }
        return UnsafeRawBufferPointer(start: buffers[slot], count: n)
    }

    /// Hands the chunk last returned by `nextChunk()` back to the inflating thread.
    func release() { free.signal() }

    /// Stops the inflating thread (if still running) and waits for it.
    func finish() {
        lock.lock()
        cancelled = true
        lock.unlock()
        free.signal()
        done.wait()
    }
}
