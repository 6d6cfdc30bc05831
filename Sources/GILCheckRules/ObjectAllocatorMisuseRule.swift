import GILCheckCore

/// PyObject_Malloc and friends for memory that is not a Python object: on free-threaded
/// CPython the object allocator is reserved for Python objects.
public struct ObjectAllocatorMisuseRule: Rule {
    public let id = "object-allocator-misuse"
    public init() {}

    static let replacements = ["PyObject_Malloc": "PyMem_Malloc", "PyObject_Calloc": "PyMem_Calloc", "PyObject_Realloc": "PyMem_Realloc"]

    public func check(_ model: ConcurrencyModel) -> [Finding] {
        var findings: [Finding] = []
        for flow in model.flows where !model.allocatorFunctions.contains(flow.function.usr) {
            for call in flow.calls {
                guard let replacement = Self.replacements[call.call.name], let target = call.call.resultTarget,
                      !target.isPythonObject else { continue }
                let what = target.variable.map { "'\($0)'" } ?? "the result (\(target.typeSpelling))"
                let message = "\(call.call.name) allocates from the Python object allocator in '\(flow.function.displayName)', "
                    + "but \(what) is not a Python object (\(target.typeSpelling)); on free-threaded CPython only Python "
                    + "objects may use that allocator, and the runtime relies on it. Fix: \(replacement) (and PyMem_Free "
                    + "to release it), available in every CPython 3."
                findings.append(Finding(ruleID: id, severity: defaultLevel, message: message, location: call.location,
                                        symbol: target.variable ?? call.call.name, function: flow.function.displayName))
            }
        }
        return findings
    }
}
