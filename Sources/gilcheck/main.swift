import ArgumentParser
import Foundation
import GILCheckCore

// Exit codes: 0 no finding at or above --fail-on; 1 findings; 2 usage, configuration or input error.
/// Everything after the first `--` goes to the compiler, untouched by the argument parser.
enum CompilerPassthrough {
    nonisolated(unsafe) static var arguments: [String] = []
}

var arguments = Array(CommandLine.arguments.dropFirst())
// A parsing worker of a parent gilcheck (see WorkerPool); not a command for users.
if arguments == ["__worker"] { Foundation.exit(WorkerPool.serve()) }

if let separator = arguments.firstIndex(of: "--") {
    CompilerPassthrough.arguments = Array(arguments[(separator + 1)...])
    arguments = Array(arguments[..<separator])
}

do {
    var command = try GILCheck.parseAsRoot(arguments)
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    if GILCheck.exitCode(for: error) == .success {
        print(GILCheck.fullMessage(for: error))
        Foundation.exit(0)
    }
    FileHandle.standardError.write(Data(
        "gilcheck: error: \(GILCheck.message(for: error))\nRun 'gilcheck --help' for usage.\n".utf8))
    Foundation.exit(2)
}
