// swift-tools-version:6.0
import Foundation
import PackageDescription

/// Where libclang lives. `LLVM_PREFIX` wins; otherwise the newest `/usr/lib/llvm-N` that ships
/// `include/clang-c/Index.h` (Debian/Ubuntu `libclang-dev`). Never the Swift toolchain's own lib
/// directory: it carries a libclang.so without headers.
func llvmPrefix() -> String {
    if let prefix = ProcessInfo.processInfo.environment["LLVM_PREFIX"], !prefix.isEmpty { return prefix }
    let fm = FileManager.default
    let candidates = ((try? fm.contentsOfDirectory(atPath: "/usr/lib")) ?? [])
        .filter { $0.hasPrefix("llvm-") }
        .compactMap { name -> (Int, String)? in
            guard let major = Int(name.dropFirst(5)) else { return nil }
            let prefix = "/usr/lib/\(name)"
            return fm.fileExists(atPath: "\(prefix)/include/clang-c/Index.h") ? (major, prefix) : nil
        }
        .sorted { $0.0 > $1.0 }
    return candidates.first?.1 ?? "/usr/lib/llvm-14"
}

let llvm = llvmPrefix()
let clangHeaders: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-I\(llvm)/include"])]
/// libclang is loaded at run time, from this build's LLVM (Sources/CClang/loader.c).
let clangLoading: [CSetting] = [.unsafeFlags(["-I\(llvm)/include", "-DGILCHECK_LLVM_LIB_DIR=\"\(llvm)/lib\""])]

let package = Package(
    name: "gilcheck",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gilcheck", targets: ["gilcheck"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .target(name: "CClang", path: "Sources/CClang", cSettings: clangLoading,
                linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        .target(name: "ClangKit", dependencies: ["CClang"], swiftSettings: clangHeaders),
        .target(
            name: "GILCheckCore", dependencies: ["ClangKit", .product(name: "TOMLKit", package: "TOMLKit")],
            exclude: ["EmbeddedHeaders", "CompatHeaders"], swiftSettings: clangHeaders),
        .target(name: "GILCheckRules", dependencies: ["GILCheckCore"], swiftSettings: clangHeaders),
        .target(name: "GILCheckReport", dependencies: ["GILCheckCore", "GILCheckRules"], swiftSettings: clangHeaders),
        .executableTarget(
            name: "gilcheck",
            dependencies: [
                "GILCheckCore", "GILCheckRules", "GILCheckReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: clangHeaders),
        .testTarget(name: "ClangKitTests", dependencies: ["ClangKit"], swiftSettings: clangHeaders),
        .testTarget(name: "GILCheckCoreTests", dependencies: ["GILCheckCore"], swiftSettings: clangHeaders),
        .testTarget(
            name: "GILCheckRulesTests", dependencies: ["GILCheckCore", "GILCheckRules", "GILCheckReport"],
            swiftSettings: clangHeaders),
        .testTarget(name: "GILCheckCLITests", dependencies: ["gilcheck"]),
    ]
)
