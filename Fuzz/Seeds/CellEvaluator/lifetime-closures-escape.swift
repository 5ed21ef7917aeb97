var fs: [() -> Int] = []
for i in 0..<5 {
  func f() -> Int { i * 10 }
  fs.append(f)
  let g = { f() + 1 }
  fs.append(g)
}
print(fs.map { $0() })
func counter() -> () -> Int {
  var n = 0
  func next() -> Int { n += 1; return n }
  return next
}
let c = counter()
print(c(), c(), c())
func fact(_ n: Int) -> Int {
  func go(_ k: Int, _ acc: Int) -> Int { k < 2 ? acc : go(k - 1, acc * k) }
  return go(n, 1)
}
print(fact(10))
for _ in 0..<10 {
  var k = 3
  var h = { k * 2 }
  h = { k * 3 }
  k = 4
  print(h())
}
struct Box { var x: Int
  func scaled(_ s: Int) -> Int { let m = { self.x * s }; return m() }
}
print(Box(x: 2).scaled(3))
func evenOdd(_ n: Int) -> Bool {
  func isEven(_ k: Int) -> Bool { k == 0 ? true : isOdd(k - 1) }
  func isOdd(_ k: Int) -> Bool { k == 0 ? false : isEven(k - 1) }
  return isEven(n)
}
print(evenOdd(10), evenOdd(7))
