/// Which variadic arguments of PyArg_ParseTuple and friends are written: the format string says.
/// `"O!"` takes a type object (read) and then the output; `"O&"` a converter and its output;
/// `"es"` an encoding and then the output. Everything else is an output.
enum ArgumentFormat {
    /// For each variadic argument, whether the call writes through it; nil when the format is
    /// not a string literal.
    static func writtenArguments(format literal: String) -> [Bool]? {
        guard literal.hasPrefix("\""), literal.hasSuffix("\""), literal.count >= 2 else { return nil }
        let format = Array(literal.dropFirst().dropLast())
        var written: [Bool] = []
        var i = 0
        while i < format.count {
            let c = format[i]
            i += 1
            switch c {
            case ":", ";": return written
            case "|", "$", "(", ")", " ": continue
            case "e":
                // es, et, es#, et#: encoding (read), buffer (written), length (written).
                guard i < format.count else { return written }
                i += 1
                written += [false, true]
                if i < format.count, format[i] == "#" { written.append(true); i += 1 }
            case "O":
                if i < format.count, format[i] == "!" || format[i] == "&" {
                    i += 1
                    written += [false, true]
                } else {
                    written.append(true)
                }
            default:
                written.append(true)
                if i < format.count, format[i] == "*" { i += 1 }
                if i < format.count, format[i] == "#" { written.append(true); i += 1 }
            }
        }
        return written
    }
}
