// libclang, loaded when ClangKit first calls one of its functions, instead of linked.
//
// Loading libclang costs a process about 20 ms before main (relocating libLLVM, registering its
// thousands of options). The worker processes that parse need it; the parent of a run, which
// reads, hashes, runs the rules and reports, and which is all there is of a run answered from
// the cache, does not. Each function ClangKit calls has a forwarder below that resolves it on
// first use; calling another libclang function needs a line here (the link fails without one).
#define CINDEX_NO_EXPORTS  // the forwarders stay inside gilcheck
#include "shim.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#ifndef GILCHECK_LLVM_LIB_DIR
#error "Package.swift defines GILCHECK_LLVM_LIB_DIR, the directory of the libclang gilcheck is built against"
#endif

static const char *const candidates[] = {
#ifdef __APPLE__
    GILCHECK_LLVM_LIB_DIR "/libclang.dylib",
#else
    GILCHECK_LLVM_LIB_DIR "/libclang.so.1",  // the runtime package's name (libclang1-N)
    GILCHECK_LLVM_LIB_DIR "/libclang.so",    // the development package's
#endif
};

const char *gilcheck_libclang_directory(void) { return GILCHECK_LLVM_LIB_DIR; }

const char *gilcheck_libclang_path(void) {
    for (size_t i = 0; i < sizeof candidates / sizeof *candidates; i++) {
        if (access(candidates[i], R_OK) == 0) return candidates[i];
    }
    return NULL;
}

static void *library;
static pthread_once_t loaded = PTHREAD_ONCE_INIT;

static void load(void) {
    const char *path = gilcheck_libclang_path();
    library = path ? dlopen(path, RTLD_NOW | RTLD_LOCAL) : NULL;
    if (!library) {
        fprintf(stderr, "gilcheck: error: cannot load libclang: %s\n",
                path ? dlerror() : "no libclang.so.1 in " GILCHECK_LLVM_LIB_DIR " (Debian/Ubuntu: install libclang-dev)");
        exit(2);
    }
}

static void *resolve(const char *name) {
    pthread_once(&loaded, load);
    void *function = dlsym(library, name);
    if (!function) {
        fprintf(stderr, "gilcheck: error: the libclang in " GILCHECK_LLVM_LIB_DIR " has no %s\n", name);
        exit(2);
    }
    return function;
}

#define FUNCTION(name, params)                                      \
    static void *name##_address;                                    \
    void *f = __atomic_load_n(&name##_address, __ATOMIC_ACQUIRE);   \
    if (!f) {                                                       \
        f = resolve(#name);                                         \
        __atomic_store_n(&name##_address, f, __ATOMIC_RELEASE);     \
    }
#define FORWARD(result, name, params, args) \
    __attribute__((visibility("hidden"))) result name params { FUNCTION(name, params) return ((result(*) params)f) args; }
#define FORWARD_VOID(name, params, args) \
    __attribute__((visibility("hidden"))) void name params { FUNCTION(name, params) ((void(*) params)f) args; }

FORWARD(CXEvalResult, clang_Cursor_Evaluate, (CXCursor C), (C))
FORWARD(CXCursor, clang_Cursor_getArgument, (CXCursor C, unsigned i), (C, i))
FORWARD(int, clang_Cursor_getNumArguments, (CXCursor C), (C))
FORWARD(enum CX_StorageClass, clang_Cursor_getStorageClass, (CXCursor C), (C))
FORWARD(int, clang_Cursor_isNull, (CXCursor cursor), (cursor))
FORWARD_VOID(clang_EvalResult_dispose, (CXEvalResult E), (E))
FORWARD(long long, clang_EvalResult_getAsLongLong, (CXEvalResult E), (E))
FORWARD(CXEvalResultKind, clang_EvalResult_getKind, (CXEvalResult E), (E))
FORWARD(int, clang_Location_isInSystemHeader, (CXSourceLocation location), (location))
FORWARD(CXType, clang_Type_getValueType, (CXType CT), (CT))
FORWARD(CXIndex, clang_createIndex, (int excludeDeclarationsFromPCH, int displayDiagnostics),
        (excludeDeclarationsFromPCH, displayDiagnostics))
FORWARD_VOID(clang_disposeDiagnostic, (CXDiagnostic Diagnostic), (Diagnostic))
FORWARD_VOID(clang_disposeIndex, (CXIndex index), (index))
FORWARD_VOID(clang_disposeString, (CXString string), (string))
FORWARD_VOID(clang_disposeTokens, (CXTranslationUnit TU, CXToken *Tokens, unsigned NumTokens), (TU, Tokens, NumTokens))
FORWARD_VOID(clang_disposeTranslationUnit, (CXTranslationUnit TU), (TU))
FORWARD(unsigned, clang_equalCursors, (CXCursor A, CXCursor B), (A, B))
FORWARD(CXType, clang_getArrayElementType, (CXType T), (T))
FORWARD(const char *, clang_getCString, (CXString string), (string))
FORWARD(CXType, clang_getCanonicalType, (CXType T), (T))
FORWARD(CXString, clang_getClangVersion, (void), ())
FORWARD(CXSourceRange, clang_getCursorExtent, (CXCursor C), (C))
FORWARD(enum CXCursorKind, clang_getCursorKind, (CXCursor C), (C))
FORWARD(enum CXLinkageKind, clang_getCursorLinkage, (CXCursor cursor), (cursor))
FORWARD(CXSourceLocation, clang_getCursorLocation, (CXCursor C), (C))
FORWARD(CXCursor, clang_getCursorReferenced, (CXCursor C), (C))
FORWARD(CXCursor, clang_getCursorSemanticParent, (CXCursor cursor), (cursor))
FORWARD(CXString, clang_getCursorSpelling, (CXCursor C), (C))
FORWARD(enum CXTLSKind, clang_getCursorTLSKind, (CXCursor cursor), (cursor))
FORWARD(CXType, clang_getCursorType, (CXCursor C), (C))
FORWARD(CXString, clang_getCursorUSR, (CXCursor C), (C))
FORWARD(CXDiagnostic, clang_getDiagnostic, (CXTranslationUnit Unit, unsigned Index), (Unit, Index))
FORWARD(CXSourceLocation, clang_getDiagnosticLocation, (CXDiagnostic D), (D))
FORWARD(enum CXDiagnosticSeverity, clang_getDiagnosticSeverity, (CXDiagnostic D), (D))
FORWARD(CXString, clang_getDiagnosticSpelling, (CXDiagnostic D), (D))
FORWARD_VOID(clang_getExpansionLocation,
             (CXSourceLocation location, CXFile *file, unsigned *line, unsigned *column, unsigned *offset),
             (location, file, line, column, offset))
FORWARD(CXFile, clang_getFile, (CXTranslationUnit tu, const char *file_name), (tu, file_name))
FORWARD_VOID(clang_getFileLocation,
             (CXSourceLocation location, CXFile *file, unsigned *line, unsigned *column, unsigned *offset),
             (location, file, line, column, offset))
FORWARD(const char *, clang_getFileContents, (CXTranslationUnit tu, CXFile file, size_t *size), (tu, file, size))
FORWARD(CXString, clang_getFileName, (CXFile SFile), (SFile))
FORWARD_VOID(clang_getInclusions, (CXTranslationUnit tu, CXInclusionVisitor visitor, CXClientData client_data),
             (tu, visitor, client_data))
FORWARD(CXSourceLocation, clang_getLocationForOffset, (CXTranslationUnit tu, CXFile file, unsigned offset),
        (tu, file, offset))
FORWARD(unsigned, clang_getNumDiagnostics, (CXTranslationUnit Unit), (Unit))
FORWARD(CXType, clang_getPointeeType, (CXType T), (T))
FORWARD(CXSourceRange, clang_getRange, (CXSourceLocation begin, CXSourceLocation end), (begin, end))
FORWARD(CXSourceLocation, clang_getRangeEnd, (CXSourceRange range), (range))
FORWARD(CXSourceLocation, clang_getRangeStart, (CXSourceRange range), (range))
FORWARD_VOID(clang_getSpellingLocation,
             (CXSourceLocation location, CXFile *file, unsigned *line, unsigned *column, unsigned *offset),
             (location, file, line, column, offset))
FORWARD(CXTokenKind, clang_getTokenKind, (CXToken T), (T))
FORWARD(CXSourceLocation, clang_getTokenLocation, (CXTranslationUnit TU, CXToken T), (TU, T))
FORWARD(CXString, clang_getTokenSpelling, (CXTranslationUnit TU, CXToken T), (TU, T))
FORWARD(CXCursor, clang_getTranslationUnitCursor, (CXTranslationUnit TU), (TU))
FORWARD(CXCursor, clang_getTypeDeclaration, (CXType T), (T))
FORWARD(CXString, clang_getTypeSpelling, (CXType CT), (CT))
FORWARD(unsigned, clang_hashCursor, (CXCursor C), (C))
FORWARD(unsigned, clang_isConstQualifiedType, (CXType T), (T))
FORWARD(unsigned, clang_isCursorDefinition, (CXCursor C), (C))
FORWARD(unsigned, clang_isInvalidDeclaration, (CXCursor C), (C))
FORWARD(enum CXErrorCode, clang_parseTranslationUnit2,
        (CXIndex CIdx, const char *source_filename, const char *const *command_line_args, int num_command_line_args,
         struct CXUnsavedFile *unsaved_files, unsigned num_unsaved_files, unsigned options, CXTranslationUnit *out_TU),
        (CIdx, source_filename, command_line_args, num_command_line_args, unsaved_files, num_unsaved_files, options,
         out_TU))
FORWARD(int, clang_saveTranslationUnit, (CXTranslationUnit TU, const char *FileName, unsigned options),
        (TU, FileName, options))
FORWARD_VOID(clang_tokenize, (CXTranslationUnit TU, CXSourceRange Range, CXToken **Tokens, unsigned *NumTokens),
             (TU, Range, Tokens, NumTokens))
FORWARD(unsigned, clang_visitChildren, (CXCursor parent, CXCursorVisitor visitor, CXClientData client_data),
        (parent, visitor, client_data))
#if CINDEX_VERSION_MINOR >= 64
FORWARD(enum CXBinaryOperatorKind, clang_getCursorBinaryOperatorKind, (CXCursor cursor), (cursor))
FORWARD(CXString, clang_getBinaryOperatorKindSpelling, (enum CXBinaryOperatorKind kind), (kind))
#endif
