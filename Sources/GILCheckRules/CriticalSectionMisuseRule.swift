import GILCheckCore

/// Leaving a critical section without its END macro, and nesting critical sections to lock two
/// objects.
public struct CriticalSectionMisuseRule: Rule {
    public let id = "critical-section-misuse"
    public init() {}

    public func check(_ model: ConcurrencyModel) -> [Finding] {
        var findings: [Finding] = []
        for flow in model.flows {
            let function = flow.function.displayName
            for exit in flow.exits {
                // The innermost critical section of this frame that the exit leaves.
                let left = exit.guards.last { g in
                    guard g.kind == .criticalSection, g.frame == exit.frame else { return false }
                    switch exit.kind {
                    case .return: return true
                    case .break, .continue: return exit.loopDepth <= g.loopDepth
                    case .goto:
                        guard let label = exit.label, let target = flow.labels[label] else { return false }
                        return !target.contains { $0.id == g.id }
                    }
                }
                guard let section = left else { continue }
                let object = section.objects.joined(separator: "', '")
                let line = section.location.map { " opened at line \($0.line)" } ?? ""
                let message = "'\(exit.kind.rawValue)' leaves the critical section on '\(object)'\(line) in '\(function)' "
                    + "without \(section.api.hasSuffix("2") ? "Py_END_CRITICAL_SECTION2()" : "Py_END_CRITICAL_SECTION()"): "
                    + "the object stays locked, and the next thread that locks it waits forever. Fix: set a result "
                    + "variable and `goto done;` to a label placed before the END macro, or restructure to a single exit."
                findings.append(Finding(ruleID: id, severity: defaultLevel, message: message, location: exit.location,
                                        notes: section.location.map { [Finding.Note("the critical section on '\(object)' opens here", at: $0)] } ?? [],
                                        symbol: object, function: function))
            }
            for (inner, outer) in flow.nestedCriticalSections {
                guard let location = inner.location else { continue }
                let innerObject = inner.objects.joined(separator: "', '"), outerObject = outer.objects.joined(separator: "', '")
                let line = outer.location.map { " (line \($0.line))" } ?? ""
                let message = "nested critical section on '\(innerObject)' inside the one on '\(outerObject)'\(line) in "
                    + "'\(function)': the inner one may suspend the outer, so the two objects are not locked together. "
                    + "Fix: Py_BEGIN_CRITICAL_SECTION2(\(outer.objects.first ?? "a"), \(inner.objects.first ?? "b")) ... "
                    + "Py_END_CRITICAL_SECTION2() (CPython 3.13+) locks both at once."
                findings.append(Finding(ruleID: id, severity: defaultLevel, message: message, location: location,
                                        notes: outer.location.map { [Finding.Note("the outer critical section on '\(outerObject)' opens here", at: $0)] } ?? [],
                                        symbol: innerObject, function: function))
            }
        }
        return findings
    }
}
