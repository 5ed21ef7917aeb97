// swift-tools-version: 6.1
import PackageDescription

/// Settings every Swift target shares: Swift 6 mode plus the upcoming features we hold ourselves to.
let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny")
]

/// Release builds of the engine target the building machine's CPU: on x86-64 the default target
/// emits SSE only, while AVX-512/AVX2 makes the kernels about twice as fast (W3). A release
/// binary therefore runs on machines of the kind that built it (as CI builds and runs).
#if arch(x86_64)
  let hostCPUFlags = ["-Xcc", "-march=native"]
#else
  let hostCPUFlags: [String] = []
#endif

/// The engine's kernels run optimised even in debug builds, so the test suite trains real
/// networks in seconds rather than minutes.
let engineSettings: [SwiftSetting] =
  strictSettings + [
    .unsafeFlags(["-O", "-enforce-exclusivity=unchecked"], .when(configuration: .debug)),
    .unsafeFlags(hostCPUFlags, .when(configuration: .release)),
  ]

let package = Package(
  name: "Nudge",
  platforms: [.macOS(.v14)],
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
    // System libraries from Debian: libcmark-dev and zlib1g-dev.
    .systemLibrary(
      name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
    .systemLibrary(
      name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

    // The neural-network engine: depends on nothing of ours.
    .target(
      name: "NeuralNetwork", dependencies: ["CZlib"], swiftSettings: engineSettings,
      linkerSettings: [.linkedLibrary("m")]),
    // SVG charts from plain numbers: knows nothing of networks.
    .target(name: "Plot", dependencies: ["CZlib"], swiftSettings: strictSettings),
    // Markdown notebooks parsed with cmark into immutable documents.
    .target(
      name: "Notebook", dependencies: ["CCmark", "Yams"], swiftSettings: strictSettings),
    // The self-contained HTML report.
    .target(
      name: "Report", dependencies: ["Notebook", "CCmark"], swiftSettings: strictSettings),
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
      swiftSettings: strictSettings),
    // Run records, the output layout, the cell cache and diffs.
    .target(
      name: "Runs", dependencies: ["Notebook", "Directives", "Report", "Plot"], swiftSettings: strictSettings
    ),
    // `nudge preview`: the report served over HTTP, updated live as the notebook is saved.
    .target(
      name: "Preview",
      dependencies: ["Report", "Runs", .product(name: "FlyingFox", package: "FlyingFox")],
      swiftSettings: strictSettings),
    // The command line.
    .executableTarget(
      name: "nudge",
      dependencies: [
        "Notebook", "Report", "Directives", "Runs", "NeuralNetwork", "Plot", "Preview",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strictSettings),

    .testTarget(name: "NeuralNetworkTests", dependencies: ["NeuralNetwork"], swiftSettings: strictSettings),
    .testTarget(
      name: "PlotTests", dependencies: ["Plot"], exclude: ["__Snapshots__"], swiftSettings: strictSettings),
    .testTarget(name: "NotebookTests", dependencies: ["Notebook"], swiftSettings: strictSettings),
    .testTarget(
      name: "ReportTests", dependencies: ["Report", "Notebook"], swiftSettings: strictSettings),
    .testTarget(
      name: "DirectivesTests", dependencies: ["Directives", "Notebook", "NeuralNetwork"],
      swiftSettings: strictSettings),
    .testTarget(name: "RunsTests", dependencies: ["Runs", "Notebook", "Directives"], swiftSettings: strictSettings),
    .testTarget(name: "PreviewTests", dependencies: ["Preview", "Runs"], swiftSettings: strictSettings),
    .testTarget(name: "NudgeCLITests", dependencies: ["nudge"], swiftSettings: strictSettings),
  ]
)
