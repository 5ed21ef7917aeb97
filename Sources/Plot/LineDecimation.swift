/// Keeps long lines (thousands of mini-batches) small: within each pixel column only the
/// lowest and highest points survive, which draws the same envelope with far fewer points.
enum LineDecimation {
  /// Consecutive runs of drawable points, split where a value could not be drawn.
  static func runs(of points: [(Double, Double)?]) -> [[(Double, Double)]] {
    var runs: [[(Double, Double)]] = []
    var current: [(Double, Double)] = []
    for point in points {
      if let point {
        current.append(point)
      } else if !current.isEmpty {
        runs.append(current)
        current = []
      }
    }
    if !current.isEmpty { runs.append(current) }
    return runs
  }

  static func decimated(_ run: [(Double, Double)]) -> [(Double, Double)] {
    guard run.count > 600 else { return run }
    var result: [(Double, Double)] = []
    var column = Int.min
    var low = run[0]
    var high = run[0]
    var lowIndex = 0
    var highIndex = 0
    func flush() {
      if lowIndex == highIndex {
        result.append(low)
      } else if lowIndex < highIndex {
        result.append(low)
        result.append(high)
      } else {
        result.append(high)
        result.append(low)
      }
    }
    for (index, point) in run.enumerated() {
      let pointColumn = Int(max(-1e9, min(1e9, point.0)).rounded(.down))
      if pointColumn != column {
        if column != Int.min { flush() }
        column = pointColumn
        (low, high, lowIndex, highIndex) = (point, point, index, index)
      } else {
        // SVG y grows downwards: the lowest value has the largest y.
        if point.1 > low.1 { (low, lowIndex) = (point, index) }
        if point.1 < high.1 { (high, highIndex) = (point, index) }
      }
    }
    flush()
    return result
  }
}
