/// Scratch space for sorting a mini-batch's sparse entries by input.
package final class InputBuckets: @unchecked Sendable {
  /// Entry range of input k: `starts[k]..<starts[k + 1]`.
  package let starts: UnsafeMutablePointer<Int32>
  package let cursors: UnsafeMutablePointer<Int32>
  /// Each entry's row in the batch and its value.
  package let rows: UnsafeMutablePointer<Int32>
  package let values: UnsafeMutablePointer<Float>

  /// Sorts the batch's nonzero entries by input (a stable counting sort: rows stay in order).
  package func fill(
    from input: SparseEntries, examples: UnsafePointer<Int32>, rowCount: Int, inputCount: Int
  ) {
    starts.update(repeating: 0, count: inputCount + 1)
    for r in 0..<rowCount {
      let example = Int(examples[r])
      for i in input.offsets[example]..<input.offsets[example + 1] {
        starts[Int(input.indices[i]) + 1] += 1
      }
    }
    for k in 0..<inputCount { starts[k + 1] += starts[k] }
    cursors.update(from: starts, count: inputCount)
    for r in 0..<rowCount {
      let example = Int(examples[r])
      for i in input.offsets[example]..<input.offsets[example + 1] {
        let k = Int(input.indices[i])
        let slot = Int(cursors[k])
        cursors[k] += 1
        rows[slot] = Int32(r)
        values[slot] = input.value(i)
      }
    }
  }

  package init(inputCount: Int, capacity: Int) {
    starts = .allocate(capacity: inputCount + 1)
    cursors = .allocate(capacity: inputCount + 1)
    rows = .allocate(capacity: max(capacity, 1))
    values = .allocate(capacity: max(capacity, 1))
  }

  deinit {
    starts.deallocate()
    cursors.deallocate()
    rows.deallocate()
    values.deallocate()
  }
}
