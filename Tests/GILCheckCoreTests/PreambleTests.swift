@testable import GILCheckCore
import Testing

/// Which file tops a shared precompiled header may stand in for.
struct PreambleTests {
    static func detect(_ text: String, local: [String] = ["/src"], existing: Set<String> = []) -> SourcePreamble? {
        SourcePreamble.detect(in: Array(text.utf8), localDirectories: local, exists: { existing.contains($0) })
    }

    @Test func definesAndSystemHeadersBeforePythonH() {
        let p = Self.detect("""
            /* A module. // not a comment end
               still the comment */
            #define PY_SSIZE_T_CLEAN   // clean sizes
            #define Py_LIMITED_API 0x030d0000
            #define GREETING "http://example.org" /* a string that holds // */
            #include <stdint.h>
            #include "Python.h"
            #include "local.h"
            int x;
            """)
        #expect(p?.directives == ["#define PY_SSIZE_T_CLEAN", "#define Py_LIMITED_API 0x030d0000",
                                  "#define GREETING \"http://example.org\"", "#include <stdint.h>", "#include <Python.h>"])
    }

    @Test func macrosSpanningLinesAreJoined() {
        let p = Self.detect("#define TWO \\\r\n  2\r\n#include <Python.h>\r\n")
        #expect(p?.directives == ["#define TWO    2", "#include <Python.h>"])
    }

    @Test("no shared preamble", arguments: [
        "#ifdef _WIN32\n#define X 1\n#endif\n#include <Python.h>\n",   // conditional
        "#include \"module.h\"\n#include <Python.h>\n",                   // a project header first
        "int early;\n#include <Python.h>\n",                              // code first
        "#pragma once\n#include <Python.h>\n",                            // anything else
        "#define C 'x'\n#include <Python.h>\n",                           // character literal
        "#include <stdio.h>\nint main(void) { return 0; }\n",             // no Python.h
        "",
    ])
    func rejected(_ text: String) {
        #expect(Self.detect(text) == nil)
    }

    @Test func headersOfTheProjectStayOut() {
        // <config.h> found in a project directory is the project's, and so is a Python.h there.
        #expect(Self.detect("#include <config.h>\n#include <Python.h>\n", existing: ["/src/config.h"]) == nil)
        #expect(Self.detect("#include \"Python.h\"\n", existing: ["/src/Python.h"]) == nil)
        #expect(Self.detect("#include \"Python.h\"\n", existing: ["/usr/include/python3.13/Python.h"]) != nil)
    }
}
