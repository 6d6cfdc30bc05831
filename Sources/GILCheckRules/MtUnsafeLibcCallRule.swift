import GILCheckCore

/// C library functions that keep hidden static state, called from code that runs in several
/// threads at once.
public struct MtUnsafeLibcCallRule: Rule {
    public let id = "mt-unsafe-libc-call"
    public init() {}

    /// Function, and the thread-safe way to do the same.
    static let unsafe: [String: String] = [
        "strtok": "strtok_r (POSIX; strtok_s on Windows)",
        "localtime": "localtime_r (POSIX; localtime_s on Windows)",
        "gmtime": "gmtime_r (POSIX; gmtime_s on Windows)",
        "ctime": "ctime_r, or strftime on a struct from localtime_r",
        "asctime": "asctime_r, or strftime",
        "rand": "rand_r, or a generator whose state lives in the caller or in thread-local storage",
        "srand": "a generator whose state lives in the caller or in thread-local storage",
        "drand48": "erand48 with caller-owned state", "lrand48": "nrand48 with caller-owned state",
        "mrand48": "jrand48 with caller-owned state", "srand48": "caller-owned state with erand48/nrand48",
        "getenv": "reading the variable once at module init (the environment can change under it)",
        "setenv": "not modifying the process environment from extension code (no thread-safe way exists)",
        "unsetenv": "not modifying the process environment from extension code",
        "putenv": "not modifying the process environment from extension code",
        "setlocale": "uselocale with a locale_t (a per-thread locale)",
        "localeconv": "nl_langinfo_l / localeconv_l with a locale_t",
        "strerror": "strerror_r",
        "strsignal": "sigdescr_np or a table of your own",
        "getpwnam": "getpwnam_r", "getpwuid": "getpwuid_r", "getgrnam": "getgrnam_r", "getgrgid": "getgrgid_r",
        "getpwent": "getpwent_r", "getgrent": "getgrent_r",
        "tmpnam": "mkstemp", "tempnam": "mkstemp",
        "mbrlen": "mbrlen with your own mbstate_t (pass a non-NULL state)",
        "ttyname": "ttyname_r", "ptsname": "ptsname_r", "ecvt": "snprintf", "fcvt": "snprintf", "gcvt": "snprintf",
        "crypt": "crypt_r", "hcreate": "hcreate_r", "hsearch": "hsearch_r", "hdestroy": "hdestroy_r",
        "lgamma": "lgamma_r", "lgammaf": "lgammaf_r",
    ]

    public func check(_ model: ConcurrencyModel) -> [Finding] {
        var findings: [Finding] = []
        for flow in model.flows where model.role(of: flow.function) == .concurrent {
            for call in flow.calls where call.call.receiver == nil {
                guard call.call.usr.isEmpty || call.call.usr.hasPrefix("c:@F@"),
                      !call.guards.contains(where: \.excludesOthers) else { continue }
                // readdir is safe per directory stream; only a stream shared through a static is not.
                if call.call.name == "readdir", let dir = call.call.arguments.first.flatMap(AccessPath.init), dir.staticUSR != nil {
                    findings.append(Finding(
                        ruleID: id, severity: defaultLevel,
                        message: "readdir on '\(dir.text)', a directory stream shared through a static, in '\(flow.function.displayName)': "
                            + "concurrent calls on one stream race. Fix: open a DIR* per call (opendir/readdir/closedir), "
                            + "or hold a `static PyMutex` (CPython 3.13+) around the loop.",
                        location: call.location, symbol: dir.text, function: flow.function.displayName))
                    continue
                }
                guard let fix = Self.unsafe[call.call.name] else { continue }
                let name = call.call.name
                let message = "\(name) in '\(flow.function.displayName)' uses hidden static state in the C library, and this "
                    + "code can run in several threads at once under free-threading: concurrent calls overwrite each other's "
                    + "results. Fix: \(fix); or, where there is no alternative, hold a `static PyMutex` (CPython 3.13+) "
                    + "around the call and the use of its result."
                findings.append(Finding(ruleID: id, severity: defaultLevel, message: message, location: call.location,
                                        symbol: name, function: flow.function.displayName))
            }
        }
        return findings
    }
}
