import Foundation
import TOMLKit

/// Settings from `[tool.gilcheck]` in the project's pyproject.toml (the nearest one above the
/// first path, or `--config FILE`). Command-line flags win over it.
///
///     [tool.gilcheck]
///     select = ["static-mutable-state", "lazy-static-init"]
///     ignore = ["mt-unsafe-libc-call"]
///     exclude = ["tests/*", "vendor/**"]
///     python-include = "/usr/include/python3.13"
///     defines = ["NDEBUG", "USE_FAST_PATH=1"]
///     flags = ["-Iinclude"]
///     init-functions = ["setup_tables"]
///     lock-functions = [["cache_lock", "cache_unlock"]]
///     fail-on = "error"
///     jobs = 4
///
///     [tool.gilcheck.levels]
///     module-gil-declaration = "error"
public struct Configuration: Sendable, Equatable {
    public var file: String?
    public var select: [String]?
    public var ignore: [String]?
    public var levels: [String: Severity] = [:]
    public var exclude: [String] = []
    public var pythonInclude: String?
    public var defines: [String] = []
    public var flags: [String] = []
    public var initFunctions: [String] = []
    /// Project functions or macros that take and release a lock: (acquire, release).
    public var lockFunctions: [LockPair] = []
    public var failOn: String?
    public var jobs: Int?
    /// `[project] requires-python`, as written.
    public var requiresPython: String?

    public struct LockPair: Sendable, Equatable, Hashable {
        public var acquire: String
        public var release: String
    }

    public init() {}

    /// A configuration problem, located in the file.
    public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
        public var file: String
        public var line: Int?
        public var message: String
        public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
    }

    static let keys: Set<String> = [
        "select", "ignore", "levels", "exclude", "python-include", "defines", "flags", "init-functions",
        "lock-functions", "lock-macros", "fail-on", "jobs",
    ]

    /// The nearest pyproject.toml at or above `path`.
    public static func nearest(from path: String) -> String? {
        var dir = Engine.canonicalPath(path)
        var isDir: ObjCBool = false
        if !FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) || !isDir.boolValue {
            dir = (dir as NSString).deletingLastPathComponent
        }
        while true {
            let candidate = dir + "/pyproject.toml"
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            if dir == "/" || dir.isEmpty { return nil }
            dir = (dir as NSString).deletingLastPathComponent
        }
    }

    /// Reads `[tool.gilcheck]` (and `[project] requires-python`) from a pyproject.toml.
    public static func load(_ path: String, knownRules: Set<String>) throws -> Configuration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(file: path, line: nil, message: "cannot be read")
        }
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.components(separatedBy: "\n")
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(file: path, line: error.source.begin.line, message: "not valid TOML: \(error.description)")
        } catch {
            throw ConfigurationError(file: path, line: nil, message: "not valid TOML")
        }
        var config = Configuration()
        config.file = path
        config.requiresPython = root["project"]?["requires-python"]?.string
        guard let table = root["tool"]?["gilcheck"]?.table else { return config }

        func line(of key: String, in section: String = "tool.gilcheck") -> Int? {
            var inSection = false
            for (i, l) in lines.enumerated() {
                let t = l.trimmingCharacters(in: .whitespaces)
                if t.hasPrefix("[") { inSection = t == "[\(section)]"; continue }
                if inSection, t.hasPrefix(key), t.dropFirst(key.count).trimmingCharacters(in: .whitespaces).hasPrefix("=") { return i + 1 }
            }
            return nil
        }
        func fail(_ key: String, _ message: String, section: String = "tool.gilcheck") -> ConfigurationError {
            ConfigurationError(file: path, line: line(of: key, in: section), message: message)
        }
        func strings(_ key: String) throws -> [String]? {
            guard let value = table[key] else { return nil }
            guard let array = value.array, let items = Optional(array.compactMap { $0.string }), items.count == array.count else {
                throw fail(key, "'\(key)' in [tool.gilcheck] must be an array of strings")
            }
            return items
        }
        func rules(_ key: String) throws -> [String]? {
            guard let ids = try strings(key) else { return nil }
            for id in ids where !knownRules.contains(id) {
                throw fail(key, "unknown rule '\(id)' in '\(key)'; 'gilcheck rules' lists them")
            }
            return ids
        }

        for key in table.keys where !keys.contains(key) {
            throw fail(key, "unknown key '\(key)' in [tool.gilcheck]; known keys: \(keys.sorted().joined(separator: ", "))")
        }
        config.select = try rules("select")
        config.ignore = try rules("ignore")
        config.exclude = try strings("exclude") ?? []
        config.defines = try strings("defines") ?? []
        config.flags = try strings("flags") ?? []
        config.initFunctions = try strings("init-functions") ?? []
        if let value = table["python-include"] {
            guard let dir = value.string else { throw fail("python-include", "'python-include' in [tool.gilcheck] must be a string") }
            let base = (path as NSString).deletingLastPathComponent
            config.pythonInclude = dir.hasPrefix("/") || base.isEmpty ? dir : (base as NSString).appendingPathComponent(dir)
        }
        if let value = table["fail-on"] {
            guard let level = value.string, ["error", "warning", "note", "never"].contains(level) else {
                throw fail("fail-on", "'fail-on' in [tool.gilcheck] must be one of \"error\", \"warning\", \"note\", \"never\"")
            }
            config.failOn = level
        }
        if let value = table["jobs"] {
            guard let n = value.int, n >= 1 else { throw fail("jobs", "'jobs' in [tool.gilcheck] must be a whole number of at least 1") }
            config.jobs = n
        }
        for key in ["lock-functions", "lock-macros"] {
            guard let value = table[key] else { continue }
            let message = "'\(key)' in [tool.gilcheck] must be an array of [acquire, release] name pairs"
            guard let pairs = value.array else { throw fail(key, message) }
            for pair in pairs {
                guard let names = pair.array?.compactMap({ $0.string }), names.count == 2, pair.array?.count == 2 else { throw fail(key, message) }
                config.lockFunctions.append(LockPair(acquire: names[0], release: names[1]))
            }
        }
        if let value = table["levels"] {
            guard let levels = value.table else { throw fail("levels", "'levels' in [tool.gilcheck] must be a table of rule = level") }
            for key in levels.keys {
                guard knownRules.contains(key) else {
                    throw fail(key, "unknown rule '\(key)' in [tool.gilcheck.levels]", section: "tool.gilcheck.levels")
                }
                guard let name = levels[key]?.string, let level = Severity(rawValue: name) else {
                    throw fail(key, "level of '\(key)' must be \"error\", \"warning\" or \"note\"", section: "tool.gilcheck.levels")
                }
                config.levels[key] = level
            }
        }
        return config
    }

    /// Whether a file is excluded: a glob matches its path relative to the configuration's
    /// directory (`*` stays within a directory, `**` crosses them).
    public func excludes(_ path: String) -> Bool {
        guard !exclude.isEmpty, let file else { return false }
        let base = (Engine.canonicalPath(file) as NSString).deletingLastPathComponent
        let full = Engine.canonicalPath(path)
        let relative = full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : full
        return exclude.contains { Self.glob($0, matches: relative) }
    }

    static func glob(_ pattern: String, matches path: String) -> Bool {
        var regex = "^"
        var chars = Array(pattern)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            switch c {
            case "*":
                if chars.first == "*" {
                    chars = chars.dropFirst()
                    if chars.first == "/" { chars = chars.dropFirst(); regex += "(.*/)?" } else { regex += ".*" }
                } else {
                    regex += "[^/]*"
                }
            case "?": regex += "[^/]"
            default: regex += NSRegularExpression.escapedPattern(for: String(c))
            }
        }
        regex += "$"
        return path.range(of: regex, options: .regularExpression) != nil
    }
}
