/// Labelled examples: `count` rows of `featureCount` values (pixels scaled to [0, 1]) and a class each.
///
/// A value type with immutable storage; subsets copy the rows they keep.
package struct Dataset: Sendable {
  /// One example: its features (pixels) and its class.
  package struct Example: Sendable, Hashable {
    package var pixels: [Float]
    package var label: Int

    package init(pixels: [Float], label: Int) {
      self.pixels = pixels
      self.label = label
    }
  }

  package let count: Int
  package let featureCount: Int
  /// Image geometry when the features are a picture (28 × 28 for MNIST), else nil.
  package let imageWidth: Int?
  package let imageHeight: Int?
  /// The number of classes; every label is below it.
  package let classCount: Int
  /// Row-major features, `count × featureCount` values.
  package let pixels: [Float]
  package let labels: [UInt8]

  /// Checks the shapes and labels and builds the data set.
  ///
  /// - Throws: `NeuralNetworkError.invalidDataset` when the arrays disagree or a label is out of range.
  package init(
    pixels: [Float], labels: [UInt8], featureCount: Int, classCount: Int = 10,
    imageWidth: Int? = nil, imageHeight: Int? = nil
  ) throws {
    guard featureCount > 0 else {
      throw NeuralNetworkError.invalidDataset("feature count \(featureCount) must be 1 or more")
    }
    guard classCount > 0, classCount <= 256 else {
      throw NeuralNetworkError.invalidDataset("class count \(classCount) must be between 1 and 256")
    }
    guard pixels.count == labels.count * featureCount else {
      throw NeuralNetworkError.invalidDataset(
        "\(pixels.count) feature values do not make \(labels.count) rows of \(featureCount)")
    }
    if let width = imageWidth, let height = imageHeight, width * height != featureCount {
      throw NeuralNetworkError.invalidDataset(
        "a \(width) × \(height) image has \(width * height) pixels, not \(featureCount)")
    }
    if let bad = labels.firstIndex(where: { Int($0) >= classCount }) {
      throw NeuralNetworkError.invalidDataset(
        "label \(labels[bad]) of example \(bad) is not below the class count \(classCount)")
    }
    self.init(
      unchecked: pixels, labels: labels, featureCount: featureCount, classCount: classCount,
      imageWidth: imageWidth, imageHeight: imageHeight)
  }

  private init(
    unchecked pixels: [Float], labels: [UInt8], featureCount: Int, classCount: Int,
    imageWidth: Int?, imageHeight: Int?
  ) {
    self.count = labels.count
    self.featureCount = featureCount
    self.classCount = classCount
    self.imageWidth = imageWidth
    self.imageHeight = imageHeight
    self.pixels = pixels
    self.labels = labels
  }

  /// The example at `index` (0-based; traps when out of range, like an array).
  package subscript(index: Int) -> Example {
    precondition(index >= 0 && index < count, "example \(index) is outside 0..<\(count)")
    let start = index * featureCount
    return Example(pixels: Array(pixels[start..<start + featureCount]), label: Int(labels[index]))
  }

  /// The examples in `range`, clamped to the data set.
  package func subset(_ range: Range<Int>) -> Dataset {
    let lower = min(max(range.lowerBound, 0), count)
    let upper = min(max(range.upperBound, lower), count)
    return Dataset(
      unchecked: Array(pixels[lower * featureCount..<upper * featureCount]),
      labels: Array(labels[lower..<upper]), featureCount: featureCount, classCount: classCount,
      imageWidth: imageWidth, imageHeight: imageHeight)
  }

  /// The first `n` examples (all of them when `n` is larger).
  package func prefix(_ n: Int) -> Dataset {
    subset(0..<max(0, n))
  }

  /// The first `trainCount` examples for training, the rest for testing.
  package func split(trainCount: Int) throws -> DataSplit {
    guard trainCount > 0, trainCount < count else {
      throw NeuralNetworkError.invalidArgument(
        name: "train count", value: "\(trainCount)",
        reason: "must leave both parts non-empty (the data set has \(count) examples)")
    }
    return DataSplit(train: subset(0..<trainCount), test: subset(trainCount..<count))
  }

  /// The mean and standard deviation of all pixel values (MNIST's training set: 0.1307, 0.3081).
  package var pixelStatistics: (mean: Double, standardDeviation: Double) {
    guard !pixels.isEmpty else { return (0, 0) }
    var sum = 0.0
    var squares = 0.0
    pixels.withUnsafeBufferPointer { values in
      for value in values {
        sum += Double(value)
        squares += Double(value) * Double(value)
      }
    }
    let mean = sum / Double(pixels.count)
    return (mean, max(squares / Double(pixels.count) - mean * mean, 0).squareRoot())
  }

  /// How many examples of each class, indexed by label.
  package var classCounts: [Int] {
    var counts = [Int](repeating: 0, count: classCount)
    for label in labels { counts[Int(label)] += 1 }
    return counts
  }
}

/// A training set and the test set it is judged on.
package struct DataSplit: Sendable {
  package var train: Dataset
  package var test: Dataset

  package init(train: Dataset, test: Dataset) {
    self.train = train
    self.test = test
  }
}

/// One labelled example (`Dataset.Example`), by its short name.
package typealias Example = Dataset.Example
