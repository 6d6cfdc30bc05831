import Foundation
import Testing
import GILCheckCore
import GILCheckRules

enum Repository {
    /// The checkout this test file is in.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
}

/// The Python headers a test parses against.
enum HeaderConfiguration: CustomTestStringConvertible, Sendable, Hashable {
    case embedded
    case installed(String)

    var testDescription: String {
        switch self {
        case .embedded: "embedded model"
        case .installed(let dir): "headers \(dir)"
        }
    }

    /// The embedded model, the headers discovery finds, the default interpreter's (any
    /// version: older headers must give the same results), and any listed in
    /// GILCHECK_TEST_PYTHON_INCLUDES (colon-separated), e.g. a second CPython version.
    static let all: [HeaderConfiguration] = {
        var dirs: [String] = []
        let discovered = PythonHeaders.discover()
        if discovered.source != .embedded { dirs.append(discovered.includeDirectory) }
        if let installed = PythonHeaders.defaultInterpreterHeaders(), !dirs.contains(installed.includeDirectory) {
            dirs.append(installed.includeDirectory)
        }
        let extra = ProcessInfo.processInfo.environment["GILCHECK_TEST_PYTHON_INCLUDES"] ?? ""
        for dir in extra.split(separator: ":").map(String.init)
        where !dirs.contains(dir) && FileManager.default.fileExists(atPath: dir + "/Python.h") {
            dirs.append(dir)
        }
        return [.embedded] + dirs.map { .installed($0) }
    }()
}

enum Analysis {
    static func options(_ paths: [String], headers: HeaderConfiguration, arguments: [String] = [], jobs: Int = 1) -> Engine.Options {
        var options = Engine.Options(paths: paths)
        options.extraArguments = arguments
        options.jobs = jobs
        switch headers {
        case .embedded: options.forceEmbeddedHeaders = true
        case .installed(let dir): options.pythonInclude = dir
        }
        return options
    }

    static func run(_ paths: [String], headers: HeaderConfiguration, arguments: [String] = [],
                    rules: [any Rule] = AllRules.rules, projectRules: [any ProjectRule] = AllRules.projectRules) -> Engine.Result {
        Engine(rules: rules, projectRules: projectRules).run(options(paths, headers: headers, arguments: arguments))
    }
}
