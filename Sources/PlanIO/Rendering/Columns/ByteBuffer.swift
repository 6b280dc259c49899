import Foundation

/// Where CSV and JSON cells are written as bytes (`ByteFormat`, `Cell.appendCSV`): a byte
/// array (tests, `tune.csv` lines, the JSON rows) or a `ByteCursor` into a `ByteBuffer`
/// (the day files, the hot path of `plan simulate`).
public protocol ByteOutput: ~Copyable {
    /// Appends one byte.
    mutating func append(_ byte: UInt8)
    /// Appends `bytes`.
    mutating func append(bytes: UnsafeRawBufferPointer)
    /// Lets `write` put at most `room` bytes at a pointer; it returns how many it wrote.
    mutating func write(room: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Int)
}

/// Internal: a `[UInt8]` in a module that imports this one keeps only its own `append`s.
extension ByteOutput where Self: ~Copyable {
    /// Appends a `String`'s UTF-8 bytes.
    @inline(__always) mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Appends the bytes of an array.
    @inline(__always) mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append(bytes: $0) }
    }
}

extension Array: ByteOutput where Element == UInt8 {
    @inline(__always) public mutating func append(bytes: UnsafeRawBufferPointer) { append(contentsOf: bytes) }

    /// Writes into a 64-byte buffer on the stack and appends what was written (`room` is at
    /// most 64: one number cell).
    @inline(__always) public mutating func write(room: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Int) {
        precondition(room <= 64)
        var scratch: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        Swift.withUnsafeMutableBytes(of: &scratch) { raw in
            guard let base = raw.bindMemory(to: UInt8.self).baseAddress else { return }
            let written = write(base)
            assert(written <= room, "wrote \(written) bytes into a room of \(room)")
            append(contentsOf: UnsafeBufferPointer(start: base, count: written))
        }
    }
}

/// A growable byte buffer that is written through a raw pointer (`ByteCursor`): a cell
/// costs one comparison against the end of the room, where an array append checks its
/// uniqueness and capacity per call (issue 15: those checks and the copies through
/// `Array.append(contentsOf:)` were a fifth of a 10-year `plan simulate`).
public final class ByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes have been written.
    public private(set) var count = 0
    /// In `write`'s body: a second cursor would start at a stale position.
    private var writing = false

    public init(capacity: Int = 4096) {
        self.capacity = Swift.max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Lets `body` append through a cursor; the buffer grows as the cursor needs.
    @inline(__always) public func write(_ body: (inout ByteCursor) -> Void) {
        assert(!writing, "a write into a buffer inside a write into it")
        writing = true
        defer { writing = false }
        var cursor = ByteCursor(position: base + count, end: base + capacity, buffer: self)
        body(&cursor)
        count = cursor.position - base
    }

    /// Room for `n` more bytes after `position` (the cursor's), by moving the bytes into a
    /// larger allocation; returns the cursor's new position and end.
    @usableFromInline func makeRoom(_ n: Int, at position: UnsafeMutablePointer<UInt8>) -> (
        position: UnsafeMutablePointer<UInt8>, end: UnsafeMutablePointer<UInt8>
    ) {
        count = position - base
        if capacity - count < n {
            let grown = Swift.max(2 * capacity, count + n)
            let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            moved.initialize(from: base, count: count)
            base.deallocate()
            base = moved
            capacity = grown
        }
        return (base + count, base + capacity)
    }

    /// The bytes written, for `body` to read (valid only during the call).
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// The bytes written, as an array.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// The bytes written, as text.
    public var text: String { withBytes { String(decoding: $0, as: UTF8.self) } }

    /// Forgets the bytes written, keeping the memory.
    public func removeAll() { count = 0 }
}

/// The write position in a `ByteBuffer`, valid inside `ByteBuffer.write`'s body only.
public struct ByteCursor: ByteOutput, ~Copyable {
    @usableFromInline var position: UnsafeMutablePointer<UInt8>
    @usableFromInline var end: UnsafeMutablePointer<UInt8>
    /// Not retained: the cursor is valid only inside `ByteBuffer.write`'s body, whose `self`
    /// keeps the buffer alive; being `~Copyable`, it cannot be kept past the body.
    @usableFromInline unowned(unsafe) let buffer: ByteBuffer

    @usableFromInline init(position: UnsafeMutablePointer<UInt8>, end: UnsafeMutablePointer<UInt8>, buffer: ByteBuffer) {
        self.position = position
        self.end = end
        self.buffer = buffer
    }

    /// Makes room for `n` bytes at `position`.
    @inlinable @inline(__always) mutating func reserve(_ n: Int) {
        if end - position < n { (position, end) = buffer.makeRoom(n, at: position) }
    }

    @inlinable @inline(__always) public mutating func append(_ byte: UInt8) {
        reserve(1)
        position.pointee = byte
        position += 1
    }

    @inlinable @inline(__always) public mutating func append(bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress else { return }
        reserve(bytes.count)
        UnsafeMutableRawPointer(position).copyMemory(from: source, byteCount: bytes.count)
        position += bytes.count
    }

    @inlinable @inline(__always) public mutating func write(room: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(room)
        let written = write(position)
        assert(written <= room, "wrote \(written) bytes into a room of \(room)")
        position += written
    }
}

extension ByteCursor {
    /// Appends `n` as `String(n)` writes it: for numbers written other than as CSV cells,
    /// from another module (the run store's packed days, `DayPack`).
    @inlinable public mutating func append(decimal n: Int64) {
        ByteFormat.append(Int(n), to: &self)
    }
}
