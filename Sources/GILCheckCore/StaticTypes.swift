/// Types of static data that is not shared mutable state in the sense of a data race: CPython's
/// own definition tables and static type objects (c-analyzer's `_OTHER_SUPPORTED_TYPES`), and
/// synchronization objects, which exist to be written by many threads.
public enum StaticTypes {
    public static let pythonTables: Set<String> = [
        "PyTypeObject", "_typeobject", "PyModuleDef", "PyMethodDef", "PyMemberDef", "PyGetSetDef",
        "PyType_Spec", "PyType_Slot", "PyModuleDef_Slot", "PyNumberMethods", "PySequenceMethods",
        "PyMappingMethods", "PyAsyncMethods", "PyBufferProcs", "PyStructSequence_Desc",
        "PyStructSequence_Field", "_PyArg_Parser", "_Py_Identifier", "PyHeapTypeObject",
        "PyModuleDef_Base",
    ]

    public static let synchronization: Set<String> = [
        "PyMutex", "PyThread_type_lock", "Py_tss_t", "pthread_mutex_t", "pthread_rwlock_t",
        "pthread_spinlock_t", "pthread_once_t", "pthread_cond_t", "pthread_key_t", "mtx_t", "once_flag",
        "cnd_t", "tss_t", "CRITICAL_SECTION", "SRWLOCK", "INIT_ONCE", "CONDITION_VARIABLE",
        "mutex", "std::mutex", "recursive_mutex", "std::recursive_mutex", "shared_mutex", "std::shared_mutex",
        "timed_mutex", "std::timed_mutex", "std::once_flag", "condition_variable", "std::condition_variable",
        "ft_mutex", "nanobind::ft_mutex", "PyCriticalSection", "_PyOnceFlag",
    ]

    /// Whether writes to a variable of this type are exempt from shared-state rules.
    public static func isExempt(_ type: TypeFact) -> Bool {
        if type.isAtomic { return true }
        let names = [type.baseName, type.canonicalBaseName]
        return names.contains { pythonTables.contains($0) || synchronization.contains($0) }
    }
}
