import Foundation

/// A `compile_commands.json`, read by gilcheck itself rather than by libclang, because it comes
/// with the code under analysis and must be treated as hostile: entries may lack fields, point
/// outside the project, or carry flags that load code into the parser. What cannot be used is
/// skipped with a warning; nothing it names is ever executed.
public struct CompileCommands: Sendable {
    /// Canonical file path to the sanitized arguments it is parsed with.
    public var arguments: [String: [String]] = [:]
    public var warnings: [InputError] = []

    /// Loads `path` (the file, or the directory that holds it). Files outside `sourceRoot` are
    /// skipped: a database from a pull request must not make gilcheck read the rest of the disk.
    public static func load(_ path: String, sourceRoot: String) -> Result<CompileCommands, InputError> {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            return .failure(InputError(path: path, message: "compile_commands.json not found"))
        }
        let file = isDir.boolValue ? (path as NSString).appendingPathComponent("compile_commands.json") : path
        guard let data = FileManager.default.contents(atPath: file),
              let entries = (try? JSONSerialization.jsonObject(with: data)) as? [Any] else {
            return .failure(InputError(path: file, message: "not a readable compile_commands.json (expected a JSON array)"))
        }
        let base = (Engine.canonicalPath(file) as NSString).deletingLastPathComponent
        let root = Engine.canonicalPath(sourceRoot)
        var db = CompileCommands()
        var outside = 0
        var refused: Set<String> = []
        for (n, raw) in entries.enumerated() {
            let entry = raw as? [String: Any] ?? [:]
            let problem: String?
            if raw as? [String: Any] == nil { problem = "is not an object" }
            else if !(entry["file"] is String) { problem = "has no \"file\"" }
            else if !(entry["directory"] is String) { problem = "has no \"directory\"" }
            else if !(entry["arguments"] is [String]) && !(entry["command"] is String) { problem = "has neither \"arguments\" nor \"command\"" }
            else { problem = nil }
            if let problem {
                db.warnings.append(InputError(path: file, message: "entry \(n + 1) \(problem); skipped"))
                continue
            }
            // A relative directory is taken relative to the database.
            var directory = entry["directory"] as! String
            if !directory.hasPrefix("/") { directory = base + "/" + directory }
            directory = Engine.canonicalPath(directory)
            let name = entry["file"] as! String
            let source = Engine.canonicalPath(name.hasPrefix("/") ? name : directory + "/" + name)
            guard source == root || source.hasPrefix(root + "/") else { outside += 1; continue }
            let argv = entry["arguments"] as? [String] ?? ShellWords.split(entry["command"] as! String)
            let sanitized = CompileArguments.fromDatabase(argv, directory: directory, file: name, root: root)
            refused.formUnion(sanitized.refused)
            db.arguments[source] = sanitized.arguments
        }
        if outside > 0 {
            db.warnings.append(InputError(path: file, message: "\(outside) entr\(outside == 1 ? "y names a file" : "ies name files") outside the source root; skipped"))
        }
        if !refused.isEmpty {
            db.warnings.append(InputError(path: file, message: "refused flags that would load or run code or read files outside the source root: "
                + refused.sorted().joined(separator: ", ") + "; they were not passed to the parser"))
        }
        return .success(db)
    }
}

/// Splits a shell command line as `sh` would, without running anything: quotes and backslashes,
/// no expansions.
enum ShellWords {
    static func split(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var chars = Substring(line)
        while let c = chars.popFirst() {
            if let q = quote {
                if c == q { quote = nil; continue }
                if q == "\"", c == "\\", let next = chars.first, "\"\\$`".contains(next) { current.append(chars.removeFirst()); continue }
                current.append(c)
            } else if c == "'" || c == "\"" {
                quote = c
                inWord = true
            } else if c == "\\" {
                if let next = chars.popFirst() { current.append(next) }
                inWord = true
            } else if c == " " || c == "\t" || c == "\n" {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(c)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
