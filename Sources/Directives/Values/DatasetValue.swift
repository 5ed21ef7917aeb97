import NeuralNetwork

/// A data set and the recipe that made it, so a session snapshot stores the recipe (a few bytes)
/// rather than the pixels (188 MB for MNIST's training set), and restoring reloads the files.
package struct DatasetValue: Sendable {
  package var data: Dataset
  package var origin: DatasetOrigin

  package init(data: Dataset, origin: DatasetOrigin) {
    self.data = data
    self.origin = origin
  }

  /// The examples in `range`, remembering where they came from.
  func subset(_ range: Range<Int>) -> DatasetValue {
    DatasetValue(
      data: data.subset(range),
      origin: .subset(origin, lower: range.lowerBound, upper: range.upperBound))
  }
}

/// A training/test pair and the recipe that loaded it.
package struct DataSplitValue: Sendable {
  package var split: DataSplit
  package var source: DigitSource

  var train: DatasetValue { DatasetValue(data: split.train, origin: .digits(source, part: .train)) }
  var test: DatasetValue { DatasetValue(data: split.test, origin: .digits(source, part: .test)) }
}

/// MNIST or Fashion-MNIST: where, and how many examples of each part.
package struct DigitSource: Codable, Hashable, Sendable {
  package enum Kind: String, Codable, Sendable { case mnist, fashionMNIST }
  package var kind: Kind
  package var directory: String
  package var train: Int
  package var test: Int

  func load() throws -> DataSplit {
    switch kind {
    case .mnist: try MNIST.load(from: directory, train: train, test: test)
    case .fashionMNIST: try FashionMNIST.load(from: directory, train: train, test: test)
    }
  }
}

/// How a data set was made.
package indirect enum DatasetOrigin: Codable, Hashable, Sendable {
  package enum Part: String, Codable, Sendable { case train, test }

  case digits(DigitSource, part: Part)
  case idx(images: String, labels: String)
  case subset(DatasetOrigin, lower: Int, upper: Int)

  /// Rebuilds the data set, loading each digit source at most once per `loaded`.
  func load(_ loaded: inout [DigitSource: DataSplit]) throws -> Dataset {
    switch self {
    case .digits(let source, let part):
      let split = try loaded[source] ?? source.load()
      loaded[source] = split
      return part == .train ? split.train : split.test
    case .idx(let images, let labels):
      return try IDX.loadDataset(images: images, labels: labels)
    case .subset(let base, let lower, let upper):
      return try base.load(&loaded).subset(lower..<upper)
    }
  }
}

extension DigitSource {
  /// Throws unless the files are where a cell may read them: the bundled MNIST inside the
  /// sandbox, Fashion-MNIST in its Debian folder (as `fashionMNIST()` reads it).
  func checkSandbox(_ access: FileAccess) throws {
    switch kind {
    case .mnist: try access.checkRestored(directory)
    case .fashionMNIST:
      guard directory == FashionMNIST.debianDirectory else {
        throw SnapshotError(
          "refusing to restore Fashion-MNIST from \(directory): it is read from \(FashionMNIST.debianDirectory) only"
        )
      }
    }
  }
}

extension DatasetOrigin {
  /// Throws unless every file the recipe reads is inside the sandbox (a saved state is data,
  /// and an edited one must not read elsewhere).
  func checkSandbox(_ access: FileAccess) throws {
    switch self {
    case .digits(let source, _): try source.checkSandbox(access)
    case .idx(let images, let labels):
      try access.checkRestored(images)
      try access.checkRestored(labels)
    case .subset(let base, _, _): try base.checkSandbox(access)
    }
  }
}

extension FileAccess {
  /// Throws unless `path`, as a saved state names it (absolute, resolved when saved), is still
  /// one a cell may read.
  func checkRestored(_ path: String) throws {
    let resolved: String
    do {
      resolved = try readable(path, at: Position(line: 0, column: 0))
    } catch {
      throw SnapshotError("the saved state reads \(path): \(error.message)")
    }
    guard resolved == path else {
      throw SnapshotError(
        "the saved state reads \(path), which now resolves to \(resolved); the cell is recomputed")
    }
  }
}
