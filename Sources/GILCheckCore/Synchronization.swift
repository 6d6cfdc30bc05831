/// The C and C++ APIs that take and release locks, access memory atomically, or write through
/// their arguments: the vocabulary the flow walker (`FunctionFlow`) understands.
public enum Synchronization {
    /// Calls that take a lock given as argument 0 (or the receiver, for C++ `m.lock()`).
    static let acquire: Set<String> = [
        "PyMutex_Lock", "_PyMutex_Lock", "PyThread_acquire_lock", "PyThread_acquire_lock_timed",
        "pthread_mutex_lock", "pthread_rwlock_wrlock", "pthread_spin_lock",
        "mtx_lock", "EnterCriticalSection", "AcquireSRWLockExclusive",
    ]
    /// Calls that take a lock in shared (read) mode: other readers run at the same time, so it
    /// protects reads, not writes.
    static let acquireShared: Set<String> = ["pthread_rwlock_rdlock", "AcquireSRWLockShared"]
    static let release: Set<String> = [
        "PyMutex_Unlock", "_PyMutex_Unlock", "PyThread_release_lock", "pthread_mutex_unlock",
        "pthread_rwlock_unlock", "pthread_spin_unlock", "mtx_unlock", "LeaveCriticalSection",
        "ReleaseSRWLockExclusive", "ReleaseSRWLockShared",
    ]
    /// C++ member functions that lock their receiver (`std::mutex::lock`, `nb::ft_mutex::lock`).
    static let memberAcquire: Set<String> = ["lock"]
    static let memberAcquireShared: Set<String> = ["lock_shared"]
    static let memberRelease: Set<String> = ["unlock", "unlock_shared"]

    /// Critical-section openers: the function the 3.13 macros expand to (objects after the
    /// `PyCriticalSection *` argument) and the macro names themselves (objects from argument 0),
    /// seen as calls when older headers leave them undeclared.
    static let criticalSectionBegin: [String: (firstObject: Int, count: Int)] = [
        "PyCriticalSection_Begin": (1, 1), "PyCriticalSection2_Begin": (1, 2),
        "Py_BEGIN_CRITICAL_SECTION": (0, 1), "Py_BEGIN_CRITICAL_SECTION2": (0, 2),
    ]
    /// Critical sections on a mutex rather than an object (3.14): a plain lock.
    static let criticalSectionMutexBegin: [String: Int] = [
        "PyCriticalSection_BeginMutex": 1, "PyCriticalSection2_BeginMutex": 1,
        "Py_BEGIN_CRITICAL_SECTION_MUTEX": 0, "Py_BEGIN_CRITICAL_SECTION2_MUTEX": 0,
    ]
    static let criticalSectionEnd: Set<String> = [
        "PyCriticalSection_End", "PyCriticalSection2_End", "Py_END_CRITICAL_SECTION", "Py_END_CRITICAL_SECTION2",
    ]

    /// Run-once APIs: the callback at the given argument runs once, under the API's own lock.
    public static let onceCallbacks: [String: Int] = [
        "pthread_once": 1, "call_once": 1, "InitOnceExecuteOnce": 1, "_PyOnceFlag_CallOnce": 1,
    ]

    /// C++ RAII lock holders: a local of such a type holds a lock until the end of its block.
    static let scopedLockTypes = ["lock_guard", "unique_lock", "scoped_lock", "ft_lock_guard", "ft_object_guard", "ft_object2_guard"]
    static let scopedSharedLockTypes = ["shared_lock"]
    /// pybind11's `py::scoped_critical_section cs(obj)`: a critical section on its arguments.
    static let scopedCriticalSectionTypes = ["scoped_critical_section"]

    /// Whether a type's spelling mentions one of `names` (every local declaration asks).
    static func type(_ spelling: String, mentionsAnyOf names: [String]) -> Bool {
        names.contains { spelling.containsBytes($0) }
    }

    /// Whether a call accesses memory atomically (its pointer arguments are not plain accesses).
    static func isAtomicCall(_ name: String) -> Bool {
        name.hasPrefix("atomic_") || name.hasPrefix("__atomic_") || name.hasPrefix("__sync_")
            || name.hasPrefix("_Py_atomic_") || name.hasPrefix("Interlocked") || name.hasPrefix("_Interlocked")
            || name.hasPrefix("FT_ATOMIC_") || name.hasPrefix("std::atomic_")
    }

    /// Calls that write through a pointer argument: the index of the first written argument, and
    /// whether every later argument is written too (`PyArg_ParseTuple(args, "ii", &a, &b)`).
    static let writesThroughArguments: [String: (first: Int, variadic: Bool)] = [
        "memcpy": (0, false), "memmove": (0, false), "memset": (0, false), "strcpy": (0, false),
        "strncpy": (0, false), "strcat": (0, false), "strncat": (0, false), "sprintf": (0, false),
        "snprintf": (0, false), "vsprintf": (0, false), "vsnprintf": (0, false), "PyOS_snprintf": (0, false),
        "PyOS_vsnprintf": (0, false), "wcscpy": (0, false), "wcsncpy": (0, false), "strftime": (0, false),
        "sscanf": (2, true), "PyArg_ParseTuple": (2, true), "PyArg_Parse": (2, true),
        "PyArg_ParseTupleAndKeywords": (4, true), "PyArg_UnpackTuple": (4, true),
    ]

    /// Reference-setting macros that assign their first argument (3.13 expands them through a
    /// temporary pointer, so the assignment is not visible in the AST).
    public static let assigningMacros: Set<String> = ["Py_CLEAR", "Py_SETREF", "Py_XSETREF"]

    /// Functions that return a module's state struct.
    static func returnsModuleState(_ name: String) -> Bool {
        name == "PyModule_GetState" || name == "PyType_GetModuleState" || name == "_PyModule_GetState"
            || name.lowercased().contains("state")
    }
}
