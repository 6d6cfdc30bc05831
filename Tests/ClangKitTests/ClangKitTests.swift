import ClangKit
import Foundation
import Testing

/// The libclang bridge: parsing from memory, cursors, tokens, diagnostics, compile databases.
struct ClangKitTests {
    static let source = """
        static int counter;
        int bump(int by) {
            counter += by;
            return counter == 3;
        }

        """

    func parse(_ code: String, name: String = "/virtual/sample.c", args: [String] = []) throws -> TranslationUnit {
        try Index().parse(path: name, arguments: args, unsavedFiles: [Index.UnsavedFile(path: name, contents: code)])
    }

    @Test func parsesFromMemoryAndExposesDeclarations() throws {
        let tu = try parse(Self.source)
        let decls = tu.root.children.filter { $0.location.file == "/virtual/sample.c" }
        #expect(decls.map(\.spelling) == ["counter", "bump"])
        #expect(decls[0].kind == .varDecl)
        #expect(decls[0].storageClass == .static)
        #expect(decls[1].kind == .functionDecl)
        #expect(decls[1].isDefinition)
        #expect(decls[1].linkage == .external)
        #expect(decls[1].arguments.map(\.spelling) == ["by"])
        #expect(decls[1].location.line == 2)
    }

    @Test func tokensOfAnExtent() throws {
        let tu = try parse(Self.source)
        let function = try #require(tu.root.children.first { $0.spelling == "bump" })
        let spellings = function.tokens.map(\.spelling)
        #expect(spellings.contains("+="))
        #expect(spellings.contains("=="))
        let plusEquals = try #require(function.tokens.first { $0.spelling == "+=" })
        #expect(plusEquals.kind == .punctuation)
    }

    @Test func diagnosticsForBrokenCode() throws {
        let tu = try parse("int f( { return 1; }\n")
        #expect(tu.diagnostics.contains { $0.severity >= .error })
    }

    @Test func missingHeaderDoesNotStopTheParse() throws {
        let tu = try parse("#include <no/such/header.h>\nint later(void) { return 1; }\n")
        #expect(tu.diagnostics.contains { $0.message.contains("not found") })
        #expect(tu.root.children.contains { $0.spelling == "later" })
    }

    @Test func threadLocalAndTypes() throws {
        let tu = try parse("_Thread_local int tls; _Atomic int a; const char *const names[2];\n", args: ["-std=c11"])
        let decls = tu.root.children.filter { $0.location.file == "/virtual/sample.c" }
        #expect(decls[0].isThreadLocal)
        #expect(!decls[1].isThreadLocal)
        #expect(decls[1].type.isAtomic)
        #expect(decls[2].type.isArray)
        #expect(decls[2].type.element.isConstQualified)
        #expect(decls[2].type.element.pointee.isConstQualified)
    }
}
