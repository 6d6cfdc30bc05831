import Foundation
import Testing

/// Bad input never crashes, hangs or costs the findings of good files: each case is analyzed
/// beside a good file, and the SARIF log must stay valid (the slow cases, a 20 MB file and a
/// directory of 10,000 files, are in Scripts/hostile-inputs.py).
struct HostileInputTests {
    typealias CLI = CLITests

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// Writes the hostile input into the directory.
        var make: @Sendable (String) throws -> Void
        /// Exit code: 1 when the input is analyzed as far as clang can, 2 when it cannot be.
        var status: Int32
        /// What the messages must say about it.
        var says: String?
        var testDescription: String { name }
    }

    static func write(_ text: String, _ path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static let cases: [Case] = [
        Case(name: "empty file", make: { try write("", $0 + "/empty.c") }, status: 1),
        Case(name: "binary garbage", make: { dir in
            var bytes = [UInt8](repeating: 0, count: 4096)
            for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: i &* 2654435761 >> 7) }
            try Data(bytes).write(to: URL(fileURLWithPath: dir + "/garbage.c"))
        }, status: 2, says: "garbage.c: contains binary data"),
        Case(name: "invalid UTF-8", make: { dir in
            try Data([0x69, 0x6e, 0x74, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0x3b, 0x0a, 0x73, 0x74, 0x61, 0x74, 0x69, 0x63, 0x20, 0x69,
                      0x6e, 0x74, 0x20, 0x6e, 0x3b, 0x0a]).write(to: URL(fileURLWithPath: dir + "/latin.c"))
        }, status: 1, says: "latin.c: clang could not parse all of it"),
        Case(name: "unterminated comment", make: { try write("static int a;\n/* never closed\nint b;\n", $0 + "/comment.c") },
             status: 1, says: "comment.c: clang could not parse all of it"),
        Case(name: "unterminated string", make: { try write("static const char *s = \"never closed;\nint f(void) { return 1; }\n", $0 + "/string.c") },
             status: 1, says: "string.c: clang could not parse all of it"),
        Case(name: "missing header", make: { try write("#include <no/such/header.h>\nstatic int n;\nvoid bump(void) { n++; }\n", $0 + "/missing.c") },
             status: 1, says: "missing.c: clang could not parse all of it: 'no/such/header.h' file not found"),
        Case(name: "#error", make: { try write("#error this build is not supported\nint x;\n", $0 + "/error.c") },
             status: 1, says: "error.c: clang could not parse all of it: this build is not supported"),
        Case(name: "syntax errors everywhere", make: { dir in
            try write((0..<200).map { "int f\($0)( { return ]]; } static ;;; @ # \($0) } {" }.joined(separator: "\n"), dir + "/syntax.c")
        }, status: 1, says: "syntax.c: clang could not parse all of it"),
        Case(name: "10,000-deep nesting", make: { dir in
            let blocks = String(repeating: "{", count: 10_000) + String(repeating: "}", count: 10_000)
            let parens = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
            try write("static int n;\nvoid deep(void) \(blocks)\nint e(void) { n++; return \(parens); }\n", dir + "/deep.c")
        }, status: 1, says: "deep.c: clang could not parse all of it"),
        Case(name: "a directory named like a source", make: { dir in
            try FileManager.default.createDirectory(atPath: dir + "/dir.c", withIntermediateDirectories: true)
            try write("int inside;\n", dir + "/dir.c/inner.c")
        }, status: 1),
        Case(name: "symlink loops", make: { dir in
            try FileManager.default.createSymbolicLink(atPath: dir + "/self.c", withDestinationPath: dir + "/self.c")
            try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: dir + "/sub/up", withDestinationPath: dir)
        }, status: 2, says: "self.c: cannot be read (Too many levels of symbolic links)"),
        Case(name: "not C at all", make: { try write("#!/usr/bin/env python3\nimport os\nprint(os.getcwd())\n", $0 + "/script.c") },
             status: 1, says: "script.c: clang could not parse all of it"),
        Case(name: "CRLF line endings", make: { dir in
            try write("#include <Python.h>\r\n\r\nstatic long hits;\r\nstatic PyObject *h(PyObject *m, PyObject *a) { hits++; Py_RETURN_NONE; }\r\n",
                      dir + "/crlf.c")
        }, status: 1, says: nil),
        // A lone CR ends a line for clang and for GitHub's line hashes alike.
        Case(name: "lone CR line endings", make: { dir in
            try write("#include <Python.h>\r\rstatic long hits;\rstatic PyObject *h(PyObject *m, PyObject *a) { hits++; Py_RETURN_NONE; }\r",
                      dir + "/cr.c")
        }, status: 1, says: nil),
        Case(name: "C++ templates and lambdas", make: { dir in
            try write("""
                #include <vector>
                #include <functional>
                template <typename T> struct Box { static T last; T get() const { return last; } };
                template <typename T> T Box<T>::last{};
                static int total;
                int apply(std::vector<int> v) {
                    auto add = [&](int x) { total += x; return total; };
                    std::function<int(int)> f = [](int y) { return y * 2; };
                    for (int x : v) add(f(x));
                    return Box<int>().get();
                }

                """, dir + "/modern.cpp")
        }, status: 1, says: nil),
    ]

    @Test("hostile input", arguments: cases)
    func hostile(_ c: Case) throws {
        let dir = try CLI.scratch()
        try c.make(dir)
        try CLI.racyFile.write(toFile: dir + "/good.c", atomically: true, encoding: .utf8)
        let start = Date()
        let text = try CLI.gilcheck([dir, "--no-cache", "--timeout-per-file", "30"])
        #expect(Date().timeIntervalSince(start) < 120)
        #expect(text.status == c.status, "\(text.stderr)")
        #expect(text.stdout.contains("good.c:3:"), "the good file's finding is lost: \(text.stdout)")
        if let says = c.says { #expect(text.stderr.contains(says), "\(text.stderr)") }
        #expect(!text.stderr.contains("Fatal error") && !text.stderr.contains("crashed"))

        let sarif = try CLI.gilcheck([dir, "--no-cache", "--format", "sarif", "--timeout-per-file", "30"])
        #expect(sarif.status == c.status)
        let (ok, out) = try ReportFormatTests.validate(sarif.stdout, strict: false, sourceRoot: dir)
        #expect(ok, "\(out)")
        if c.status == 2 || c.says != nil {
            #expect(sarif.stdout.contains("toolExecutionNotifications"))
        }
    }

    @Test("findings keep their lines and columns", arguments: [("CRLF line endings", "crlf.c"), ("lone CR line endings", "cr.c")])
    func lineEndings(_ name: String, _ file: String) throws {
        let dir = try CLI.scratch()
        try Self.cases.first { $0.name == name }!.make(dir)
        let run = try CLI.gilcheck([dir + "/" + file, "--no-cache"])
        #expect(run.stdout.contains("\(file):4:48:"), "\(run.stdout)")
        let sarif = try CLI.gilcheck([dir + "/" + file, "--no-cache", "--format", "sarif", "--source-root", dir])
        #expect(sarif.stdout.contains("\"startLine\" : 4") && sarif.stdout.contains("\"startColumn\" : 48"), "\(sarif.stdout)")
        let (ok, out) = try ReportFormatTests.validate(sarif.stdout, strict: true, sourceRoot: dir)
        #expect(ok, "\(out)")
    }

    @Test(.enabled(if: getuid() != 0, "root reads everything: the permission cannot be tested"))
    func unreadableFileIsAnInputError() throws {
        let dir = try CLI.scratch()
        try CLI.racyFile.write(toFile: dir + "/good.c", atomically: true, encoding: .utf8)
        try "int x;\n".write(toFile: dir + "/secret.c", atomically: true, encoding: .utf8)
        chmod(dir + "/secret.c", 0)
        let run = try CLI.gilcheck([dir, "--no-cache"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("secret.c: cannot be read"))
        #expect(run.stdout.contains("good.c:3:"))
    }
}
