import Foundation

/// Which Python headers a run parses against, and how they were found (design.md §3).
public struct PythonHeaders: Sendable, Equatable, Codable {
    public enum Source: Sendable, Equatable, Codable {
        case compileCommands           // flags from compile_commands.json decide
        case explicit                  // --python-include
        case discovered(executable: String)
        case embedded                  // gilcheck's built-in model of the C API
    }
    public var source: Source
    /// The include directory; for the embedded model, a virtual path served from memory.
    public var includeDirectory: String
    /// "3.13", when known.
    public var version: String?

    /// Where gilcheck's files served from memory seem to live (they are not on disk).
    public static let virtualRoot = "/gilcheck-embedded/"
    public static let embeddedDirectory = virtualRoot + "include"
    public static let embedded = PythonHeaders(source: .embedded, includeDirectory: embeddedDirectory, version: EmbeddedPythonModel.version)

    /// A human description for summaries and SARIF notifications.
    public var description: String {
        switch source {
        case .embedded: "gilcheck's embedded model of the CPython \(version ?? "") C API (no Python 3.13+ headers found)"
        case .compileCommands: "Python headers from compile_commands.json"
        case .explicit: "CPython \(version ?? "?") headers at \(includeDirectory) (--python-include)"
        case .discovered(let exe): "CPython \(version ?? "?") headers at \(includeDirectory) (from \(exe))"
        }
    }

    /// Compiler arguments that make `#include <Python.h>` resolve to these headers. Passed as a
    /// system directory so their declarations are not analyzed and their warnings are silent.
    public var arguments: [String] {
        var args = source == .compileCommands ? [] : ["-isystem", includeDirectory]
        if needsCompatibilityHeader { args += ["-include", Self.compatibilityHeaderPath] }
        return args
    }

    /// Files served from memory for these headers: the embedded model, or the 3.13 names that
    /// older headers lack.
    public var unsavedFiles: [(path: String, contents: String)] {
        if source == .embedded {
            return EmbeddedPythonModel.files.sorted { $0.key < $1.key }.map { (Self.embeddedDirectory + "/" + $0.key, $0.value) }
        }
        return needsCompatibilityHeader ? [(Self.compatibilityHeaderPath, EmbeddedPythonModel.compatibilityHeader)] : []
    }

    /// A caution for headers older than 3.13, which cannot show code written for the
    /// free-threaded build behind version checks.
    public var versionCaution: String? {
        guard needsCompatibilityHeader, let version else { return nil }
        return "the Python headers are \(version), older than the first free-threaded CPython (3.13): code behind "
            + "`#if PY_VERSION_HEX >= 0x030D0000` is not analyzed; pass --python-include with 3.13+ headers, or --embedded-headers"
    }

    static let compatibilityHeaderPath = virtualRoot + "compat/gilcheck_compat_pre313.h"

    /// Headers older than 3.13 lack the free-threading names (PyMutex, critical sections,
    /// Py_mod_gil) that code uses under `#ifdef Py_GIL_DISABLED`; gilcheck declares them first.
    var needsCompatibilityHeader: Bool {
        source != .embedded && source != .compileCommands && version != nil && !isFreeThreadingCapable
    }

    /// Reads `PY_VERSION` from `patchlevel.h`, e.g. "3.11".
    static func version(ofIncludeDirectory dir: String) -> String? {
        guard let text = try? String(contentsOfFile: dir + "/patchlevel.h", encoding: .utf8) else { return nil }
        var major: String?, minor: String?
        for line in text.split(whereSeparator: \.isNewline) {
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts.count >= 3, parts[0] == "#define" else { continue }
            if parts[1] == "PY_MAJOR_VERSION" { major = String(parts[2]) }
            if parts[1] == "PY_MINOR_VERSION" { minor = String(parts[2]) }
        }
        guard let major, let minor else { return nil }
        return "\(major).\(minor)"
    }

    public static func explicit(_ dir: String) -> PythonHeaders {
        PythonHeaders(source: .explicit, includeDirectory: dir, version: version(ofIncludeDirectory: dir))
    }

    /// Search order: the newest `python3.X` (X >= 13) on PATH whose include directory has
    /// `Python.h`; then the default `python3`'s, when it is 3.13 or newer; then the embedded
    /// model. Older headers are used only when named (`--python-include`, compile_commands.json):
    /// the free-threaded build starts at 3.13, and older headers hide the code written for it
    /// behind version checks, so the embedded 3.13 model is the better default.
    public static func discover(environment: [String: String] = ProcessInfo.processInfo.environment) -> PythonHeaders {
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        let dirs = path.split(separator: ":").map(String.init)
        var candidates: [String] = []
        for minor in stride(from: 20, through: 13, by: -1) {
            let name = "python3.\(minor)"
            if dirs.contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }) {
                candidates.append(name)
            }
        }
        candidates.append("python3")
        for exe in candidates {
            guard let include = includeDirectory(of: exe, path: path),
                  FileManager.default.fileExists(atPath: include + "/Python.h") else { continue }
            let headers = PythonHeaders(source: .discovered(executable: exe), includeDirectory: include,
                                        version: version(ofIncludeDirectory: include))
            if headers.isFreeThreadingCapable { return headers }
        }
        return .embedded
    }

    /// 3.13 or newer: the versions with a free-threaded build.
    var isFreeThreadingCapable: Bool {
        guard let version, let minor = Int(version.split(separator: ".").last ?? ""), version.hasPrefix("3.") else { return false }
        return minor >= 13
    }

    /// The default interpreter's include directory, whatever its version (tests use it).
    public static func defaultInterpreterHeaders() -> PythonHeaders? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let include = includeDirectory(of: "python3", path: path),
              FileManager.default.fileExists(atPath: include + "/Python.h") else { return nil }
        return PythonHeaders(source: .discovered(executable: "python3"), includeDirectory: include,
                             version: version(ofIncludeDirectory: include))
    }

    /// Asks an interpreter for its include directory (it may be a shim that fails: that is a no).
    private static func includeDirectory(of executable: String, path: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable, "-c", "import sysconfig; print(sysconfig.get_paths()['include'])"]
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = path
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
