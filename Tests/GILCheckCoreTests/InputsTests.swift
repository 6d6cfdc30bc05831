import Foundation
@testable import GILCheckCore
import Testing

struct InputsTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    @Test func embeddedModelIsCurrent() throws {
        let dir = Self.root + "/Sources/GILCheckCore/EmbeddedHeaders"
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".h") }
        #expect(Set(names) == Set(EmbeddedPythonModel.files.keys), "run Scripts/embed-resources.py")
        for name in names {
            let disk = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
            #expect(EmbeddedPythonModel.files[name] == disk, "\(name) changed: run Scripts/embed-resources.py")
        }
        let compat = try String(contentsOfFile: Self.root + "/Sources/GILCheckCore/CompatHeaders/gilcheck_compat_pre313.h", encoding: .utf8)
        #expect(EmbeddedPythonModel.compatibilityHeader == compat)
    }

    @Test func headerVersionAndCompatibilityLayer() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("py-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "#define PY_MAJOR_VERSION\t3\n#define PY_MINOR_VERSION\t11\n".write(toFile: dir + "/patchlevel.h", atomically: true, encoding: .utf8)
        let old = PythonHeaders.explicit(dir)
        #expect(old.version == "3.11")
        #expect(old.arguments.contains("-include"))
        try "#define PY_MAJOR_VERSION 3\n#define PY_MINOR_VERSION 13\n".write(toFile: dir + "/patchlevel.h", atomically: true, encoding: .utf8)
        let new = PythonHeaders.explicit(dir)
        #expect(new.version == "3.13")
        #expect(!new.arguments.contains("-include"))
        #expect(PythonHeaders.embedded.unsavedFiles.contains { $0.path.hasSuffix("/Python.h") })
    }

    @Test func databaseFlagsKeepWhatMattersForParsing() {
        let args = CompileArguments.fromDatabase(
            ["gcc", "-Iinclude", "-I", "/abs", "-DNDEBUG", "-std=c11", "-O2", "-c", "src/a.c", "-o", "a.o",
             "-MF", "a.d", "-fplugin=/tmp/evil.so", "-fPIC"],
            directory: "/proj", file: "src/a.c", root: "/proj")
        #expect(args.arguments == ["-I/proj/include", "-I", "/abs", "-DNDEBUG", "-std=c11", "-fPIC"])
        #expect(args.refused == ["-fplugin"])
    }

    @Test func sourceCollectionIsSortedAndSkipsBuildOutput() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("src-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for path in ["b.c", "a.cpp", "sub/c.h", "build/gen.c", "notes.txt"] {
            let full = dir + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: full, contents: Data())
        }
        let found = SourceFiles.collect([dir]).files.map { String($0.dropFirst(dir.count + 1)) }
        #expect(found == ["a.cpp", "b.c", "sub/c.h"])
        #expect(SourceFiles.collect([dir + "/missing"]).errors.count == 1)
    }
}

struct FixPhrasingTests {
    @Test func quotedIncludesAreFoundByTheByteScan() {
        let text = "#include \"a.c\"\n  #  include\t\"sub/b.cpp\" // unity\r\n#include <c.c>\n"
            + "int x; #include \"not-at-line-start.c\"\n#include \"unterminated.c\n#include\"last.c\""
        #expect(SourceFiles.quotedIncludes(in: Array(text.utf8)) == ["a.c", "sub/b.cpp", "last.c"])
        #expect(SourceFiles.quotedIncludes(in: []) == [])
    }

    @Test func minimumPythonFromRequiresPython() {
        #expect(FixPhrasing(requiresPython: ">=3.9").minimum! == (3, 9))
        #expect(FixPhrasing(requiresPython: ">=3.10, <4").minimum! == (3, 10))
        #expect(FixPhrasing(requiresPython: ">3.12").minimum! == (3, 13))
        #expect(FixPhrasing(requiresPython: "~=3.13.1").minimum! == (3, 13))
        #expect(FixPhrasing(requiresPython: nil).minimum == nil)
    }

    @Test func fixesNameTheVersionOnlyWhenTheProjectNeedsIt() {
        let old = FixPhrasing(requiresPython: ">=3.9"), new = FixPhrasing(requiresPython: ">=3.13")
        #expect(old.api("PyDict_GetItemRef", since: "3.13", backport: true)
            == "PyDict_GetItemRef (CPython 3.13+; pythoncapi-compat backports it to older Pythons)")
        #expect(new.api("PyDict_GetItemRef", since: "3.13", backport: true) == "PyDict_GetItemRef")
        #expect(FixPhrasing().api("PyMutex", since: "3.13") == "PyMutex (CPython 3.13+)")
    }
}
