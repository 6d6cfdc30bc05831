/// How a file's facts cross from a worker process and sit in the cache: `BinaryCoding`, with
/// every type below writing its fields in declaration order.
enum FactsCoding {
    /// Leads every message, so a cache entry of another format or a stray byte stream is
    /// refused rather than misread.
    static let magic: [UInt8] = Array("GCF1".utf8)

    static func encode(_ value: some BinaryCodable) throws -> [UInt8] {
        var writer = BinaryWriter(leading: magic)
        try value.write(to: &writer)
        return writer.bytes
    }

    static func decode<T: BinaryCodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        guard bytes.starts(with: magic) else { throw BinaryCodingError.malformed("not a facts message") }
        var reader = BinaryReader(bytes, from: magic.count)
        let value = try T(from: &reader)
        guard reader.isAtEnd else { throw BinaryCodingError.malformed("trailing bytes") }
        return value
    }
}

// MARK: Worker answers and cache entries

extension FileOutcome: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws {
        switch self {
        case .analyzed(let file): writer.writeTag(0); try file.write(to: &writer)
        case .failed(let error): writer.writeTag(1); try error.write(to: &writer)
        }
    }

    init(from reader: inout BinaryReader) throws {
        switch try reader.readTag() {
        case 0: self = .analyzed(try reader.read())
        case 1: self = .failed(try reader.read())
        case let tag: throw BinaryCodingError.malformed("FileOutcome \(tag)")
        }
    }
}

extension AnalyzedFile: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws {
        try writer.write(facts)
        try writer.write(parseErrors)
        try writer.write(included)
        try writer.write(usedPrecompiledHeader)
        try writer.write(blankedDataTables)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(facts: try reader.read(), parseErrors: try reader.read(), included: try reader.read(),
                  usedPrecompiledHeader: try reader.read(), blankedDataTables: try reader.read())
    }
}

extension InputError: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws {
        try writer.write(path)
        try writer.write(message)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(path: try reader.read(), message: try reader.read())
    }
}

extension ResultCache.Entry: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws {
        try writer.write(key)
        try writer.write(included)
        try writer.write(file)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(key: try reader.read(), included: try reader.read(), file: try reader.read())
    }
}

// MARK: Facts

extension UnitFacts: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws {
        try writer.write(mainFile)
        try writer.write(language)
        try writer.write(variables)
        try writer.write(functions)
        try writer.write(functionReferences)
        try writer.write(diagnostics)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(mainFile: try reader.read(), language: try reader.read(), variables: try reader.read(),
                  functions: try reader.read(), functionReferences: try reader.read(), diagnostics: try reader.read())
    }
}

extension Language: BinaryCodable {}
extension ParseDiagnostic.Severity: BinaryCodable {}

extension SourceLocation: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws {
        try writer.write(file)
        try writer.write(line)
        try writer.write(column)
        try writer.write(offset)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(file: try reader.read(), line: try reader.read(), column: try reader.read(), offset: try reader.read())
    }
}

extension ParseDiagnostic: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws {
        try writer.write(severity)
        try writer.write(message)
        try writer.write(location)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(severity: try reader.read(), message: try reader.read(), location: try reader.read())
    }
}

extension VariableFact.Scope: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws {
        switch self {
        case .file: writer.writeTag(0)
        case .global: writer.writeTag(1)
        case .local(let function): writer.writeTag(2); try writer.write(function)
        case .classMember: writer.writeTag(3)
        }
    }

    init(from reader: inout BinaryReader) throws {
        switch try reader.readTag() {
        case 0: self = .file
        case 1: self = .global
        case 2: self = .local(function: try reader.read())
        case 3: self = .classMember
        case let tag: throw BinaryCodingError.malformed("VariableFact.Scope \(tag)")
        }
    }
}

extension VariableFact: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws {
        try writer.write(usr)
        try writer.write(name)
        try writer.write(location)
        try writer.write(scope)
        try writer.write(type)
        try writer.write(isThreadLocal)
        try writer.write(initializer)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(usr: try reader.read(), name: try reader.read(), location: try reader.read(), scope: try reader.read(),
                  type: try reader.read(), isThreadLocal: try reader.read(), initializer: try reader.read())
    }
}

extension TypeFact: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws {
        try writer.write(spelling)
        try writer.write(baseName)
        try writer.write(canonicalBaseName)
        try writer.write(isConstAllLevels)
        try writer.write(isAtomic)
        try writer.write(isArray)
        try writer.write(isPointer)
        try writer.write(isInvalid)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(spelling: try reader.read(), baseName: try reader.read(), canonicalBaseName: try reader.read(),
                  isConstAllLevels: try reader.read(), isAtomic: try reader.read(), isArray: try reader.read(),
                  isPointer: try reader.read(), isInvalid: try reader.read())
    }
}

extension Parameter: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws {
        try writer.write(name)
        try writer.write(usr)
        try writer.write(typeSpelling)
        try writer.write(isPythonObject)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(name: try reader.read(), usr: try reader.read(), typeSpelling: try reader.read(),
                  isPythonObject: try reader.read())
    }
}

extension FunctionFact: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws {
        try writer.write(usr)
        try writer.write(name)
        try writer.write(displayName)
        try writer.write(location)
        try writer.write(hasExternalLinkage)
        try writer.write(parameters)
        try writer.write(body)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(usr: try reader.read(), name: try reader.read(), displayName: try reader.read(),
                  location: try reader.read(), hasExternalLinkage: try reader.read(), parameters: try reader.read(),
                  body: try reader.read())
    }
}

extension FunctionReference.Context: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws {
        switch self {
        case .variableInitializer(let variable, let typeName, let slot):
            writer.writeTag(0)
            try writer.write(variable)
            try writer.write(typeName)
            try writer.write(slot)
        case .callArgument(let callee, let index, let inFunction):
            writer.writeTag(1)
            try writer.write(callee)
            try writer.write(index)
            try writer.write(inFunction)
        case .otherUse(let inFunction):
            writer.writeTag(2)
            try writer.write(inFunction)
        }
    }

    init(from reader: inout BinaryReader) throws {
        switch try reader.readTag() {
        case 0: self = .variableInitializer(variable: try reader.read(), typeName: try reader.read(), slot: try reader.read())
        case 1: self = .callArgument(callee: try reader.read(), index: try reader.read(), inFunction: try reader.read())
        case 2: self = .otherUse(inFunction: try reader.read())
        case let tag: throw BinaryCodingError.malformed("FunctionReference.Context \(tag)")
        }
    }
}

extension FunctionReference: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws {
        try writer.write(function)
        try writer.write(name)
        try writer.write(context)
        try writer.write(location)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(function: try reader.read(), name: try reader.read(), context: try reader.read(), location: try reader.read())
    }
}

extension SlotKey: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws {
        switch self {
        case .number(let n): writer.writeTag(0); try writer.write(n)
        case .field(let name): writer.writeTag(1); try writer.write(name)
        }
    }

    init(from reader: inout BinaryReader) throws {
        switch try reader.readTag() {
        case 0: self = .number(try reader.read())
        case 1: self = .field(try reader.read())
        case let tag: throw BinaryCodingError.malformed("SlotKey \(tag)")
        }
    }
}

// MARK: Bodies

extension NameRef.Kind: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws {
        switch self {
        case .staticVariable: writer.writeTag(0)
        case .localVariable: writer.writeTag(1)
        case .parameter(let index): writer.writeTag(2); try writer.write(index)
        case .function: writer.writeTag(3)
        case .enumConstant: writer.writeTag(4)
        case .unresolved: writer.writeTag(5)
        case .other: writer.writeTag(6)
        }
    }

    init(from reader: inout BinaryReader) throws {
        switch try reader.readTag() {
        case 0: self = .staticVariable
        case 1: self = .localVariable
        case 2: self = .parameter(index: try reader.read())
        case 3: self = .function
        case 4: self = .enumConstant
        case 5: self = .unresolved
        case 6: self = .other
        case let tag: throw BinaryCodingError.malformed("NameRef.Kind \(tag)")
        }
    }
}

extension NameRef: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws {
        try writer.write(name)
        try writer.write(usr)
        try writer.write(kind)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(name: try reader.read(), usr: try reader.read(), kind: try reader.read())
    }
}

extension Call: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws {
        try writer.write(name)
        try writer.write(usr)
        try writer.write(receiver)
        try writer.write(arguments)
        try writer.write(resultTarget)
    }

    init(from reader: inout BinaryReader) throws {
        let name: String = try reader.read(), usr: String = try reader.read()
        let receiver: Expr? = try reader.read(), arguments: [Expr] = try reader.read()
        // Read before `self` exists: a throw after `self.init` would leave a half-made value.
        let resultTarget: ResultTarget? = try reader.read()
        self.init(name: name, usr: usr, receiver: receiver, arguments: arguments)
        self.resultTarget = resultTarget
    }
}

extension ResultTarget: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws {
        try writer.write(typeSpelling)
        try writer.write(isPythonObject)
        try writer.write(variable)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(typeSpelling: try reader.read(), isPythonObject: try reader.read(), variable: try reader.read())
    }
}

extension Expr: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws {
        try writer.nested { writer in
            try writer.write(kind)
            try writer.write(location)
            try writer.write(isPointer)
            try writer.write(isAtomic)
        }
    }

    init(from reader: inout BinaryReader) throws {
        self = try reader.nested { reader in
            Expr(try reader.read(), at: try reader.read(), isPointer: try reader.read(), isAtomic: try reader.read())
        }
    }
}

extension Expr.Kind: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws {
        switch self {
        case .name(let ref): writer.writeTag(0); try writer.write(ref)
        case .member(let base, let field, let arrow):
            writer.writeTag(1); try writer.write(base); try writer.write(field); try writer.write(arrow)
        case .subscript(let base, let index): writer.writeTag(2); try writer.write(base); try writer.write(index)
        case .call(let call): writer.writeTag(3); try writer.write(call)
        case .unary(let op, let operand, let postfix):
            writer.writeTag(4); try writer.write(op); try writer.write(operand); try writer.write(postfix)
        case .binary(let op, let lhs, let rhs):
            writer.writeTag(5); try writer.write(op); try writer.write(lhs); try writer.write(rhs)
        case .assign(let op, let target, let value):
            writer.writeTag(6); try writer.write(op); try writer.write(target); try writer.write(value)
        case .conditional(let condition, let then, let otherwise):
            writer.writeTag(7); try writer.write(condition); try writer.write(then); try writer.write(otherwise)
        case .null: writer.writeTag(8)
        case .integer(let value): writer.writeTag(9); try writer.write(value)
        case .string(let value): writer.writeTag(10); try writer.write(value)
        case .this: writer.writeTag(11)
        case .initList(let items): writer.writeTag(12); try writer.write(items)
        case .designated(let field, let value): writer.writeTag(13); try writer.write(field); try writer.write(value)
        case .lambda(let body): writer.writeTag(14); try writer.write(body)
        case .other(let items): writer.writeTag(15); try writer.write(items)
        }
    }

    init(from reader: inout BinaryReader) throws {
        switch try reader.readTag() {
        case 0: self = .name(try reader.read())
        case 1: self = .member(base: try reader.read(), field: try reader.read(), arrow: try reader.read())
        case 2: self = .subscript(base: try reader.read(), index: try reader.read())
        case 3: self = .call(try reader.read())
        case 4: self = .unary(op: try reader.read(), operand: try reader.read(), postfix: try reader.read())
        case 5: self = .binary(op: try reader.read(), lhs: try reader.read(), rhs: try reader.read())
        case 6: self = .assign(op: try reader.read(), target: try reader.read(), value: try reader.read())
        case 7: self = .conditional(condition: try reader.read(), then: try reader.read(), else: try reader.read())
        case 8: self = .null
        case 9: self = .integer(try reader.read())
        case 10: self = .string(try reader.read())
        case 11: self = .this
        case 12: self = .initList(try reader.read())
        case 13: self = .designated(field: try reader.read(), value: try reader.read())
        case 14: self = .lambda(body: try reader.read())
        case 15: self = .other(try reader.read())
        case let tag: throw BinaryCodingError.malformed("Expr.Kind \(tag)")
        }
    }
}

extension Stmt: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws {
        try writer.nested { writer in
            try writer.write(kind)
            try writer.write(location)
        }
    }

    init(from reader: inout BinaryReader) throws {
        self = try reader.nested { reader in Stmt(try reader.read(), at: try reader.read()) }
    }
}

extension Stmt.Kind: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws {
        switch self {
        case .block(let items): writer.writeTag(0); try writer.write(items)
        case .expr(let expr): writer.writeTag(1); try writer.write(expr)
        case .declaration(let declarations): writer.writeTag(2); try writer.write(declarations)
        case .if(let condition, let then, let otherwise):
            writer.writeTag(3); try writer.write(condition); try writer.write(then); try writer.write(otherwise)
        case .loop(let header, let body): writer.writeTag(4); try writer.write(header); try writer.write(body)
        case .switch(let condition, let body): writer.writeTag(5); try writer.write(condition); try writer.write(body)
        case .return(let value): writer.writeTag(6); try writer.write(value)
        case .goto(let label): writer.writeTag(7); try writer.write(label)
        case .label(let name, let body): writer.writeTag(8); try writer.write(name); try writer.write(body)
        case .break: writer.writeTag(9)
        case .continue: writer.writeTag(10)
        case .marker(let name, let arguments): writer.writeTag(11); try writer.write(name); try writer.write(arguments)
        case .other(let items): writer.writeTag(12); try writer.write(items)
        }
    }

    init(from reader: inout BinaryReader) throws {
        switch try reader.readTag() {
        case 0: self = .block(try reader.read())
        case 1: self = .expr(try reader.read())
        case 2: self = .declaration(try reader.read())
        case 3: self = .if(condition: try reader.read(), then: try reader.read(), else: try reader.read())
        case 4: self = .loop(header: try reader.read(), body: try reader.read())
        case 5: self = .switch(condition: try reader.read(), body: try reader.read())
        case 6: self = .return(try reader.read())
        case 7: self = .goto(label: try reader.read())
        case 8: self = .label(name: try reader.read(), body: try reader.read())
        case 9: self = .break
        case 10: self = .continue
        case 11: self = .marker(name: try reader.read(), arguments: try reader.read())
        case 12: self = .other(try reader.read())
        case let tag: throw BinaryCodingError.malformed("Stmt.Kind \(tag)")
        }
    }
}

extension LocalDeclaration: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws {
        try writer.write(name)
        try writer.write(usr)
        try writer.write(typeSpelling)
        try writer.write(isStatic)
        try writer.write(initializer)
        try writer.write(location)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(name: try reader.read(), usr: try reader.read(), typeSpelling: try reader.read(),
                  isStatic: try reader.read(), initializer: try reader.read(), location: try reader.read())
    }
}
