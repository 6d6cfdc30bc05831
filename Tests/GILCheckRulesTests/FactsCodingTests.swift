import Foundation
@testable import GILCheckCore
import Testing

/// Facts cross from worker processes and sit in the cache in `FactsCoding`'s binary format:
/// every field must survive, and a damaged message must be refused, never crash the reader.
struct FactsCodingTests {
    /// The corpus's facts, parsed in this process.
    static let corpusOutcomes: [FileOutcome] = {
        let options = Analysis.options([Repository.root + "/Corpus"], headers: .embedded)
        let engine = Engine(rules: [])
        let setup = AnalysisSetup(headers: engine.resolveHeaders(options), configuration: options.configuration,
                                  precompiledHeaderDirectory: nil)
        let parser = FileParser(setup: setup, options: options, databaseArguments: [:])
        let files = SourceFiles.collect(options.paths).files
        let outcomes = parser.parse(files)
        return files.map { outcomes[$0]! }
    }()

    @Test("every corpus file's facts round-trip unchanged")
    func corpusRoundTrips() throws {
        let outcomes = Self.corpusOutcomes
        #expect(outcomes.count > 80)
        var functions = 0
        for outcome in outcomes {
            guard case .analyzed(let file) = outcome else {
                Issue.record("not analyzed: \(outcome)")
                continue
            }
            functions += file.facts.functions.count
            let decoded = try FactsCoding.decode(FileOutcome.self, from: FactsCoding.encode(outcome))
            #expect(decoded == outcome, "\(file.facts.mainFile) changed in the round trip")
        }
        #expect(functions > 300)
    }

    @Test("a failed outcome and a cache entry round-trip")
    func otherMessages() throws {
        let failed = FileOutcome.failed(InputError(path: "a.c", message: "the parser crashed on it"))
        #expect(try FactsCoding.decode(FileOutcome.self, from: FactsCoding.encode(failed)) == failed)
        let first = try #require(Self.corpusOutcomes.first)
        guard case .analyzed(let file) = first else {
            Issue.record("the first corpus file was not analyzed: \(first)")
            return
        }
        let entry = ResultCache.Entry(key: "k", included: ["/b.h": "2-x", "/a.h": "1-y"], file: file)
        let decoded = try FactsCoding.decode(ResultCache.Entry.self, from: FactsCoding.encode(entry))
        #expect(decoded.key == "k" && decoded.included == entry.included && decoded.file == file)
    }

    @Test("integers of every size, negative ones and empty strings survive")
    func primitives() throws {
        let location = SourceLocation(file: "", line: Int.max, column: Int.min, offset: -1)
        #expect(try FactsCoding.decode(SourceLocation.self, from: FactsCoding.encode(location)) == location)
        let expr = Expr(.integer(nil), at: location)
        #expect(try FactsCoding.decode(Expr.self, from: FactsCoding.encode(expr)) == expr)
    }

    @Test("truncated and corrupted messages are refused without crashing")
    func damagedMessages() throws {
        guard case .analyzed(let file)? = Self.corpusOutcomes.first(where: {
            if case .analyzed(let f) = $0 { return !f.facts.functions.isEmpty } else { return false }
        }) else {
            Issue.record("no analyzed file with functions")
            return
        }
        let bytes = try FactsCoding.encode(FileOutcome.analyzed(file))
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 500)) {
            #expect(throws: (any Error).self) { try FactsCoding.decode(FileOutcome.self, from: Array(bytes.prefix(length))) }
        }
        // Seeded, so that a damage that crashes the reader crashes it again.
        var generator = SplitMix64(seed: 20261202)
        for _ in 0..<2000 {
            var damaged = bytes
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                damaged[Int.random(in: 0..<damaged.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            // Either refused or read as some other value: the point is that it returns.
            _ = try? FactsCoding.decode(FileOutcome.self, from: damaged)
        }
        #expect(throws: (any Error).self) { try FactsCoding.decode(FileOutcome.self, from: [UInt8]("bplist00".utf8)) }
    }

    @Test("nesting past the limit is refused when writing and when reading")
    func deepNesting() throws {
        let at = SourceLocation(file: "a.c", line: 1, column: 1)
        var expr = Expr(.null, at: at)
        for _ in 0..<(binaryCodingMaximumDepth + 10) { expr = Expr(.unary(op: "-", operand: expr, postfix: false), at: at) }
        #expect(throws: BinaryCodingError.tooDeep) { try FactsCoding.encode(expr) }

        // The same shape written by hand. A level is: tag 4 (unary), the operator, the operand,
        // then `postfix`, the location and the two flags.
        var writer = BinaryWriter()
        let levels = binaryCodingMaximumDepth + 10
        for _ in 0..<levels { writer.writeTag(4); writer.writeString("-") }
        writer.writeTag(8)
        try writer.write(at); try writer.write(false); try writer.write(false)
        for _ in 0..<levels { try writer.write(false); try writer.write(at); try writer.write(false); try writer.write(false) }
        // One level less than the limit reads back.
        var shallow = Expr(.null, at: at)
        for _ in 0..<(binaryCodingMaximumDepth - 1) { shallow = Expr(.unary(op: "-", operand: shallow, postfix: false), at: at) }
        #expect(try FactsCoding.decode(Expr.self, from: FactsCoding.encode(shallow)) == shallow)
        #expect(throws: BinaryCodingError.tooDeep) { try FactsCoding.decode(Expr.self, from: FactsCoding.magic + writer.bytes) }
    }
}

/// A small seeded generator (SplitMix64): the same damages on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
