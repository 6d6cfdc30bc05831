import Foundation
@testable import GILCheckCore
import Testing

/// compile_commands.json comes with the code under analysis: nothing it says may load code,
/// and nothing wrong in it may stop the run.
struct CompileCommandsTests {
    static func project(_ database: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ccdb-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/src", withIntermediateDirectories: true)
        try "int x;\n".write(toFile: dir + "/src/a.c", atomically: true, encoding: .utf8)
        try database.replacingOccurrences(of: "$ROOT", with: dir).write(toFile: dir + "/compile_commands.json", atomically: true, encoding: .utf8)
        return dir
    }

    static func load(_ dir: String) -> Result<CompileCommands, InputError> {
        CompileCommands.load(dir, sourceRoot: dir)
    }

    @Test("unusable databases are input errors", arguments: ["", "{", "{\"file\": \"a.c\"}", "\u{0}\u{1}garbage", "[1, 2"])
    func malformed(_ text: String) throws {
        let dir = try Self.project(text)
        guard case .failure(let error) = Self.load(dir) else { Issue.record("accepted \(text.debugDescription)"); return }
        #expect(error.message.contains("compile_commands.json"))
    }

    @Test func badEntriesAreSkippedWithAWarning() throws {
        let dir = try Self.project("""
            [1, {"file": "src/a.c"}, {"directory": "$ROOT"}, {"directory": "$ROOT", "file": "src/a.c"},
             {"directory": "src", "file": "a.c", "arguments": ["cc", "-DREL=1", "-c", "a.c"]}]
            """)
        guard case .success(let db) = Self.load(dir) else { Issue.record("rejected"); return }
        let messages = db.warnings.map(\.message)
        #expect(messages.contains("entry 1 is not an object; skipped"))
        #expect(messages.contains("entry 2 has no \"directory\"; skipped"))
        #expect(messages.contains("entry 3 has no \"file\"; skipped"))
        #expect(messages.contains("entry 4 has neither \"arguments\" nor \"command\"; skipped"))
        // A relative directory is relative to the database.
        #expect(db.arguments[Engine.canonicalPath(dir + "/src/a.c")] == ["-DREL=1"])
    }

    @Test func entriesOutsideTheRootAreSkippedWithoutNamingThem() throws {
        let dir = try Self.project("""
            [{"directory": "/etc", "file": "passwd.c", "arguments": ["cc", "passwd.c"]},
             {"directory": "$ROOT", "file": "../outside.c", "arguments": ["cc", "../outside.c"]},
             {"directory": "$ROOT/src", "file": "a.c", "arguments": ["cc", "a.c"]}]
            """)
        guard case .success(let db) = Self.load(dir) else { Issue.record("rejected"); return }
        #expect(db.arguments.keys.sorted() == [Engine.canonicalPath(dir + "/src/a.c")])
        #expect(db.warnings.map(\.message) == ["2 entries name files outside the source root; skipped"])
    }

    @Test func flagsThatLoadCodeAreRefused() throws {
        // A response file outside the project's source root, of this test alone.
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("rsp-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try "-DFROM_RSP=1 -fplugin=/tmp/evil-in-rsp.so\n".write(toFile: outside + "/outside.rsp", atomically: true, encoding: .utf8)
        let dir = try Self.project("""
            [{"directory": "$ROOT/src", "file": "a.c", "arguments": ["cc", "-Iinc", "-DOK=1", "-fplugin=/tmp/evil.so", "-fpass-plugin=/tmp/p.so",
              "-Xclang", "-load", "-Xclang", "/tmp/evil.so", "-Xclang", "-plugin", "-Xclang", "evil", "-Xclang", "-add-plugin",
              "-Xclang", "evil2", "-Xclang", "-plugin-arg-evil", "-Xclang", "x", "--config", "/tmp/evil.cfg", "--config=/tmp/e.cfg",
              "-B", "/tmp/bin", "-B/tmp/bin", "-specs=/tmp/evil.specs", "--specs=/tmp/e.specs", "-fcrash-diagnostics-dir=/tmp/x",
              "@\(outside)/outside.rsp", "@inside.rsp", "-funsigned-char", "-c", "a.c"]}]
            """)
        try "-DFROM_INSIDE=1 '-DQUOTED=a b' -fplugin=/tmp/x.so\n".write(toFile: dir + "/src/inside.rsp", atomically: true, encoding: .utf8)
        guard case .success(let db) = Self.load(dir) else { Issue.record("rejected"); return }
        let args = try #require(db.arguments[Engine.canonicalPath(dir + "/src/a.c")])
        #expect(args == ["-I\(dir)/src/inc", "-DOK=1", "-DFROM_INSIDE=1", "-DQUOTED=a b", "-funsigned-char"])
        for word in args { #expect(!word.contains("evil") && !word.contains("plugin")) }
        let warning = try #require(db.warnings.first?.message)
        for flag in ["-fplugin", "-fpass-plugin", "-Xclang -load", "-Xclang -plugin", "-Xclang -add-plugin", "-Xclang -plugin-arg-evil",
                     "--config", "-B", "-specs", "--specs", "@file outside the source root"] {
            #expect(warning.contains(flag), "\(flag) not reported: \(warning)")
        }
        #expect(!warning.contains("/tmp/"), "a refused flag value leaked into the message")
    }

    @Test func commandStringsAreSplitLikeAShellWithoutRunningOne() {
        #expect(ShellWords.split(#"cc -DA="x y" '-DB=$(rm -rf /)' -DC=a\ b `id` -c f.c"#)
                == ["cc", "-DA=x y", "-DB=$(rm -rf /)", "-DC=a b", "`id`", "-c", "f.c"])
    }
}
