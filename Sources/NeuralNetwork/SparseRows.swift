import KernelInterface

/// The nonzero entries of a data set's rows (compressed sparse rows): MNIST is about 19% ink,
/// so the first layer visits a fifth of the pixels.
///
/// Values are stored as one-byte codes into a table of at most 256 distinct values (MNIST's
/// pixels are the 255 fractions k/255), so the sparse copy of MNIST's training set takes 27 MB
/// beside the dense pixels. Data with more distinct values, or denser data, stays dense.
final class SparseRows: @unchecked Sendable {
  /// Example e's entries are `offsets[e]..<offsets[e + 1]`.
  let offsets: UnsafeMutablePointer<Int>
  let indices: UnsafeMutablePointer<UInt16>
  let codes: UnsafeMutablePointer<UInt8>
  /// The value of each code.
  let table: UnsafeMutablePointer<Float>
  /// The most nonzero entries of any one example.
  let widestRow: Int

  /// The entries as the kernels see them.
  var entries: SparseEntries {
    SparseEntries(offsets: offsets, indices: indices, codes: codes, table: table)
  }

  /// The value of entry i.
  @inline(__always) func value(_ i: Int) -> Float { table[Int(codes[i])] }

  /// Reads one word of every cache line of the given examples' entries, all examples' reads
  /// independent of each other, so their memory misses overlap instead of each example waiting
  /// for its own. Shuffled mini-batches visit examples scattered over the whole data set; the
  /// training loop's kernels then find the entries in cache. Returns a value to keep the reads.
  func prefetch(examples: UnsafePointer<Int32>, rowCount: Int) -> UInt {
    var sink: UInt = 0
    for r in 0..<rowCount {
      let example = Int(examples[r])
      let start = offsets[example]
      let end = offsets[example + 1]
      var i = start
      while i < end {  // 32 two-byte indices per 64-byte line
        sink &+= UInt(indices[i])
        i += 32
      }
      i = start
      while i < end {  // 64 one-byte codes per line
        sink &+= UInt(codes[i])
        i += 64
      }
    }
    return sink
  }

  /// The sparse form of `data`, or nil when it would not pay or does not fit (density above
  /// `maximumDensity`, more than 65,536 features, more than 256 distinct values).
  init?(_ data: Dataset, maximumDensity: Double = 0.5) {
    guard data.featureCount <= Int(UInt16.max) + 1, data.count > 0 else { return nil }
    // Codes: k/255 for byte images (checked exactly), else a table of the values present.
    let fractions = (0..<256).map { Float($0) / 255 }
    var nonzero = 0
    var widest = 0
    var byteFractions = true
    data.pixels.withUnsafeBufferPointer { pixels in
      for e in 0..<data.count {
        let row = e * data.featureCount
        var count = 0
        for k in 0..<data.featureCount where pixels[row + k] != 0 {
          count += 1
          let scaled = pixels[row + k] * 255
          if byteFractions
            && !(scaled >= 0 && scaled <= 255
              && fractions[Int(scaled.rounded())] == pixels[row + k])
          {
            byteFractions = false
          }
        }
        nonzero += count
        widest = max(widest, count)
      }
    }
    guard Double(nonzero) <= maximumDensity * Double(data.pixels.count) else { return nil }
    var table = fractions
    var lookup: [UInt32: UInt8]? = nil
    if !byteFractions {
      table = []
      var codes: [UInt32: UInt8] = [:]
      for value in data.pixels where value != 0 && codes[value.bitPattern] == nil {
        guard table.count < 256 else { return nil }
        codes[value.bitPattern] = UInt8(table.count)
        table.append(value)
      }
      lookup = codes
    }
    offsets = .allocate(capacity: data.count + 1)
    indices = .allocate(capacity: max(nonzero, 1))
    codes = .allocate(capacity: max(nonzero, 1))
    self.table = .allocate(capacity: 256)
    self.table.initialize(repeating: 0, count: 256)
    for (code, value) in table.enumerated() { self.table[code] = value }
    widestRow = widest
    var next = 0
    data.pixels.withUnsafeBufferPointer { pixels in
      for e in 0..<data.count {
        offsets[e] = next
        let row = e * data.featureCount
        for k in 0..<data.featureCount where pixels[row + k] != 0 {
          let value = pixels[row + k]
          indices[next] = UInt16(k)
          codes[next] = lookup.map { $0[value.bitPattern] ?? 0 } ?? UInt8((value * 255).rounded())
          next += 1
        }
      }
    }
    offsets[data.count] = next
  }

  deinit {
    offsets.deallocate()
    indices.deallocate()
    codes.deallocate()
    table.deallocate()
  }
}
