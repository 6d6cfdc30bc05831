// libclang's C API, as seen by ClangKit (the only module that imports it). gilcheck does not
// link libclang: loader.c loads it when one of its functions is first called (see there why).
#ifndef GILCHECK_CCLANG_SHIM_H
#define GILCHECK_CCLANG_SHIM_H
#include <clang-c/Index.h>
#include <stdlib.h>  // defines __GLIBC__ where the C library is glibc
#ifdef __GLIBC__
#include <malloc.h>
#endif

// Returns memory freed by disposed translation units to the system once more than `keep` bytes
// of it are free. glibc keeps freed memory for reuse: up to that much, the next unit reuses it
// instead of faulting fresh pages in (those faults cost 5-10% of a parse).
static inline void gilcheck_release_freed_memory(size_t keep) {
#ifdef __GLIBC__
#if __GLIBC_PREREQ(2, 33)
    if (mallinfo2().fordblks <= keep) return;
#endif
    malloc_trim(0);
#endif
}

// The spelling of a binary operator ("=", "==", "+=", ...), or NULL where this libclang has no
// API for it (before LLVM 17); ClangKit then reads the operator from the tokens.
static inline const char *gilcheck_binary_operator_spelling(CXCursor cursor) {
#if CINDEX_VERSION_MINOR >= 64
    enum CXBinaryOperatorKind kind = clang_getCursorBinaryOperatorKind(cursor);
    if (kind == CXBinaryOperator_Invalid) return 0;
    CXString s = clang_getBinaryOperatorKindSpelling(kind);
    static _Thread_local char buffer[8];
    const char *text = clang_getCString(s);
    int i = 0;
    for (; text && text[i] && i < 7; i++) buffer[i] = text[i];
    buffer[i] = 0;
    clang_disposeString(s);
    return buffer;
#else
    (void)cursor;
    return 0;
#endif
}

// The libclang library gilcheck loads (the first of the build's candidates that exists), or
// NULL when there is none. Loads nothing.
const char *gilcheck_libclang_path(void);
// The directory gilcheck looks for libclang in: that of the LLVM it was built against.
const char *gilcheck_libclang_directory(void);
#endif
