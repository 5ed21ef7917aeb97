// swift-tools-version: 6.1
import PackageDescription

/// Settings every Swift target shares: Swift 6 mode plus the upcoming features we hold ourselves to.
let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny")
]

/// Our own modules compile optimised in debug builds too, so `make lesson` and `make test` share
/// one build (dependencies such as swift-syntax stay unoptimised: they are built once, quickly).
let ownSettings: [SwiftSetting] =
  strictSettings + [.unsafeFlags(["-O"], .when(configuration: .debug))]

/// The cell language's compiled code reads and writes class properties (session variables,
/// frames, the run control) in every step; their dynamic exclusivity checks cost about as much as
/// the step itself, so the interpreter, like the engine, goes without them.
let interpreterSettings: [SwiftSetting] =
  ownSettings + [
    .unsafeFlags(["-enforce-exclusivity=unchecked"]),
    .unsafeFlags(["-wmo", "-num-threads", "2"], .when(configuration: .debug)),
  ]

/// The engine runs optimised even in debug builds, so the test suite trains real networks in
/// seconds rather than minutes; and whole-module, as release builds are, so calls between its
/// files (activations, the propagator, the kernels' shared types) are inlined: file by file, as
/// debug builds otherwise compile, epochs take about a tenth longer and the engine's modules
/// take more compiler time (26 s against 20 s of processor time, cold). `-num-threads` keeps one
/// object file per source file, the layout SwiftPM links (and a single-output whole-module job
/// clashes with the index store SwiftPM enables in debug builds).
let engineSettings: [SwiftSetting] =
  strictSettings + [
    .unsafeFlags(
      ["-O", "-wmo", "-num-threads", "2", "-enforce-exclusivity=unchecked"],
      .when(configuration: .debug))
  ]

/// The binary runs on any x86-64 with SSE4.2 (x86-64-v2); the kernels are also compiled for
/// AVX2 (x86-64-v3) and AVX-512 (x86-64-v4), and the engine picks the widest the processor
/// supports at start-up. On other architectures the three compilations are the same code.
func kernelSettings(level: String) -> [SwiftSetting] {
  #if arch(x86_64)
    return engineSettings + [.unsafeFlags(["-Xcc", "-march=\(level)"])]
  #else
    return engineSettings
  #endif
}

let package = Package(
  name: "Nudge",
  // macOS 15: the Synchronization module's Mutex and Atomic (the preview, the cache, Ctrl-C).
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "nudge", targets: ["nudge"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/swiftlang/swift-syntax", exact: "603.0.1"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
  ],
  targets: [
    // System libraries: Debian's libcmark-dev and zlib1g-dev (Homebrew's cmark and the SDK's zlib
    // on macOS).
    .systemLibrary(
      name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]),
    .systemLibrary(
      name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

    // The neural-network engine: depends on nothing of ours but its kernels.
    .target(
      name: "NeuralNetwork",
      dependencies: [
        "CZlib", "CPUFeatures", "KernelInterface", "EngineKernels", "EngineKernelsAVX2",
        "EngineKernelsAVX512",
      ],
      swiftSettings: engineSettings, linkerSettings: [.linkedLibrary("m")]),
    // The kernels' shared types, and one compilation of the kernel source per instruction set
    // (EngineKernelsAVX2/AVX512 link to EngineKernels/Kernels.swift).
    .target(name: "KernelInterface", swiftSettings: engineSettings),
    .target(
      name: "EngineKernels", dependencies: ["KernelInterface"],
      swiftSettings: kernelSettings(level: "x86-64-v2")),
    .target(
      name: "EngineKernelsAVX2", dependencies: ["KernelInterface"],
      swiftSettings: kernelSettings(level: "x86-64-v3")),
    .target(
      name: "EngineKernelsAVX512", dependencies: ["KernelInterface"],
      swiftSettings: kernelSettings(level: "x86-64-v4")),
    // CPUID and XGETBV, to choose the kernels at run time.
    .target(name: "CPUFeatures"),
    // SVG charts from plain numbers: knows nothing of networks.
    .target(name: "Plot", dependencies: ["CZlib"], swiftSettings: ownSettings),
    // TeX math to MathML Core: depends on nothing of ours.
    .target(name: "Math", swiftSettings: ownSettings),
    // Markdown notebooks parsed with cmark into immutable documents.
    .target(
      name: "Notebook", dependencies: ["CCmark", "Yams", "Math"], swiftSettings: ownSettings),
    // The self-contained HTML report.
    .target(
      name: "Report",
      dependencies: [
        "Notebook", "Plot", "CCmark", "Math",
        .product(name: "SwiftIDEUtils", package: "swift-syntax"),
        .product(name: "SwiftParser", package: "swift-syntax"),
        .product(name: "SwiftSyntax", package: "swift-syntax"),
      ],
      swiftSettings: ownSettings),
    // Cells parsed by swift-syntax and evaluated against the engine.
    .target(
      name: "Directives",
      dependencies: [
        "Notebook", "NeuralNetwork", "Plot",
        .product(name: "SwiftSyntax", package: "swift-syntax"),
        .product(name: "SwiftParser", package: "swift-syntax"),
        .product(name: "SwiftDiagnostics", package: "swift-syntax"),
        .product(name: "SwiftParserDiagnostics", package: "swift-syntax"),
      ],
      swiftSettings: interpreterSettings),
    // Run records, the output layout, the cell cache and diffs.
    .target(
      name: "Runs", dependencies: ["Notebook", "Directives", "Report", "Plot"],
      swiftSettings: ownSettings
    ),
    // `nudge preview`: the report served over HTTP, updated live as the notebook is saved.
    .target(
      name: "Preview",
      dependencies: ["Plot", "Report", "Runs", .product(name: "FlyingFox", package: "FlyingFox")],
      swiftSettings: ownSettings),
    // The command line.
    .executableTarget(
      name: "nudge",
      dependencies: [
        "Notebook", "Report", "Directives", "Runs", "NeuralNetwork", "Plot", "Preview",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: ownSettings),

    .testTarget(
      name: "NeuralNetworkTests", dependencies: ["NeuralNetwork", "KernelInterface", "CZlib"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "PlotTests", dependencies: ["Plot"], exclude: ["__Snapshots__"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "MathTests", dependencies: ["Math"],
      swiftSettings: strictSettings),
    .testTarget(name: "NotebookTests", dependencies: ["Notebook"], swiftSettings: strictSettings),
    .testTarget(
      name: "ReportTests", dependencies: ["Report", "Notebook"], swiftSettings: strictSettings),
    .testTarget(
      name: "DirectivesTests", dependencies: ["Directives", "Notebook", "NeuralNetwork"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "RunsTests", dependencies: ["Runs", "Notebook", "Directives", "Report"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "PreviewTests", dependencies: ["Preview", "Runs"], swiftSettings: strictSettings),
    .testTarget(name: "NudgeCLITests", dependencies: ["nudge"], swiftSettings: strictSettings),
  ]
)

// libFuzzer targets, declared only when scripts/fuzz builds them (NUDGE_FUZZ=1, with its own
// scratch path and sanitizer flags): libFuzzer supplies `main`, so ordinary builds leave them out.
if Context.environment["NUDGE_FUZZ"] != nil {
  let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
    ("NotebookParser", ["Notebook", "Report"]),
    ("CellChecker", ["Directives", "Notebook"]),
    ("CellEvaluator", ["Directives", "Notebook"]),
    ("IDXReader", ["NeuralNetwork"]),
    ("GzipReader", ["NeuralNetwork"]),
    ("SafetensorsReader", ["NeuralNetwork"]),
  ]
  for target in fuzzTargets {
    package.targets.append(
      .executableTarget(
        name: "fuzz-\(target.name)", dependencies: target.dependencies, path: "Fuzz/\(target.name)",
        swiftSettings: strictSettings + [.unsafeFlags(["-parse-as-library"])]))
  }
}
