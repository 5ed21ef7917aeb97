import Foundation

/// The engine's random numbers: xoshiro256** seeded through SplitMix64.
///
/// The same seed gives the same sequence on every platform and Swift version (the standard
/// library's generators and `shuffle` promise neither), so a seed fixes a network's initial
/// weights and every epoch's shuffle. Normal deviates come from the Box-Muller transform.
package struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable, Codable {
  private var state: State
  private var spareGaussian: Double?

  package init(seed: UInt64) {
    var splitMix = seed
    func nextSplitMix() -> UInt64 {
      splitMix &+= 0x9E37_79B9_7F4A_7C15
      var z = splitMix
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    state = State(s0: nextSplitMix(), s1: nextSplitMix(), s2: nextSplitMix(), s3: nextSplitMix())
  }

  package mutating func next() -> UInt64 {
    let result = rotateLeft(state.s1 &* 5, 7) &* 9
    let shifted = state.s1 << 17
    state.s2 ^= state.s0
    state.s3 ^= state.s1
    state.s1 ^= state.s2
    state.s0 ^= state.s3
    state.s2 ^= shifted
    state.s3 = rotateLeft(state.s3, 45)
    return result
  }

  /// A uniform Double in [0, 1) with 53 random bits.
  package mutating func nextUnitDouble() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// A uniform integer in 0..<bound (Lemire's unbiased multiply-and-reject).
  package mutating func nextInt(below bound: Int) -> Int {
    precondition(bound > 0, "bound must be positive")
    let range = UInt64(bound)
    var product = next().multipliedFullWidth(by: range)
    if product.low < range {
      let threshold = (0 &- range) % range
      while product.low < threshold {
        product = next().multipliedFullWidth(by: range)
      }
    }
    return Int(product.high)
  }

  /// A standard normal deviate N(0, 1) (Box-Muller; the second deviate of each pair is kept).
  package mutating func nextGaussian() -> Double {
    if let spare = spareGaussian {
      spareGaussian = nil
      return spare
    }
    var u1 = nextUnitDouble()
    while u1 == 0 { u1 = nextUnitDouble() }
    let u2 = nextUnitDouble()
    let radius = (-2 * log(u1)).squareRoot()
    let angle = 2 * Double.pi * u2
    spareGaussian = radius * sin(angle)
    return radius * cos(angle)
  }

  /// Fisher-Yates shuffle with this generator, the same on every platform.
  package mutating func shuffle<T>(_ elements: inout [T]) {
    guard elements.count > 1 else { return }
    for i in stride(from: elements.count - 1, to: 0, by: -1) {
      let j = nextInt(below: i + 1)
      if i != j { elements.swapAt(i, j) }
    }
  }

  private struct State: Hashable, Codable {
    var s0, s1, s2, s3: UInt64
  }

  private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
  }
}
