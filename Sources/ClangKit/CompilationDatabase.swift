import CClang

/// A `compile_commands.json`, loaded through libclang.
public final class CompilationDatabase {
    public struct Command: Sendable, Hashable {
        public var directory: String
        public var file: String
        public var arguments: [String]
    }

    public enum LoadError: Error, Sendable { case cannotLoad(directory: String) }

    let raw: CXCompilationDatabase

    /// Loads the database from the directory that holds `compile_commands.json`.
    public init(directory: String) throws {
        var error = CXCompilationDatabase_NoError
        guard let db = clang_CompilationDatabase_fromDirectory(directory, &error),
              error == CXCompilationDatabase_NoError
        else { throw LoadError.cannotLoad(directory: directory) }
        raw = db
    }

    deinit { clang_CompilationDatabase_dispose(raw) }

    public var allCommands: [Command] {
        guard let commands = clang_CompilationDatabase_getAllCompileCommands(raw) else { return [] }
        defer { clang_CompileCommands_dispose(commands) }
        let n = clang_CompileCommands_getSize(commands)
        return (0..<n).map { i in
            let c = clang_CompileCommands_getCommand(commands, i)
            let argc = clang_CompileCommand_getNumArgs(c)
            let args = (0..<argc).map { takeString(clang_CompileCommand_getArg(c, $0)) }
            return Command(
                directory: takeString(clang_CompileCommand_getDirectory(c)),
                file: takeString(clang_CompileCommand_getFilename(c)),
                arguments: args)
        }
    }
}
