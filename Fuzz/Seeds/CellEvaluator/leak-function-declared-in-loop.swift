for i in 0..<1000 {
  func f(x: Int) -> Int {
    return x
  }
}
