for i in 0..<100 {
  let g = { (x: Int) in x + i }
  print(g(1))
}
