import Foundation

/// The MNIST handwritten digits from a folder holding the four original IDX files (gzip or plain).
package enum MNIST {
  /// The four file names of the original distribution, without `.gz`.
  static let fileNames = (
    trainImages: "train-images-idx3-ubyte", trainLabels: "train-labels-idx1-ubyte",
    testImages: "t10k-images-idx3-ubyte", testLabels: "t10k-labels-idx1-ubyte"
  )

  /// The first `train` training and `test` test examples, in the files' order.
  ///
  /// - Throws: `NeuralNetworkError` for missing or bad files and for counts outside 1...available.
  package static func load(from directory: String, train: Int = 60000, test: Int = 10000) throws
    -> DataSplit
  {
    try DigitFolder.load(
      name: "MNIST", directory: directory, train: train, test: test,
      hint: "expected the four MNIST IDX files (the project keeps them in notebooks/data/mnist/)")
  }
}

/// Zalando's Fashion-MNIST, as Debian's `dataset-fashion-mnist` package installs it.
package enum FashionMNIST {
  package static let debianDirectory = "/usr/share/datasets/fashion-mnist"

  /// The first `train` training and `test` test examples; same file names and layout as MNIST.
  package static func load(
    from directory: String = debianDirectory, train: Int = 60000, test: Int = 10000
  )
    throws -> DataSplit
  {
    try DigitFolder.load(
      name: "Fashion-MNIST", directory: directory, train: train, test: test,
      hint:
        "install it with `sudo apt-get install dataset-fashion-mnist` (Debian package dataset-fashion-mnist)"
    )
  }
}

/// A folder with MNIST-style file names, shared by MNIST and Fashion-MNIST.
enum DigitFolder {
  static func load(name: String, directory: String, train: Int, test: Int, hint: String) throws
    -> DataSplit
  {
    for (label, value) in [("train", train), ("test", test)] where value < 1 {
      throw NeuralNetworkError.invalidArgument(
        name: "\(label) count", value: "\(value)", reason: "must be 1 or more")
    }
    let names = MNIST.fileNames
    let paths = try [names.trainImages, names.trainLabels, names.testImages, names.testLabels].map {
      try locate($0, in: directory, name: name, hint: hint)
    }
    let trainSet = try IDX.loadDataset(images: paths[0], labels: paths[1], limit: train)
    let testSet = try IDX.loadDataset(images: paths[2], labels: paths[3], limit: test)
    for (label, requested, available) in [
      ("train", train, trainSet.count), ("test", test, testSet.count),
    ]
    where requested > available {
      throw NeuralNetworkError.invalidArgument(
        name: "\(label) count", value: "\(requested)",
        reason: "\(name) has only \(available) \(label) examples")
    }
    return DataSplit(train: trainSet, test: testSet)
  }

  /// The path of `file` or `file.gz` in `directory`.
  static func locate(_ file: String, in directory: String, name: String, hint: String) throws
    -> String
  {
    let base = (directory as NSString).appendingPathComponent(file)
    for candidate in [base + ".gz", base] where FileManager.default.fileExists(atPath: candidate) {
      return candidate
    }
    throw NeuralNetworkError.datasetMissing(
      name: name, directory: directory, hint: "no \(file)(.gz); \(hint)")
  }
}
