func make() -> [() -> Int] {
  var fs: [() -> Int] = []
  for i in 0..<3 { fs.append({ i }) }
  return fs
}
for _ in 0..<50 { print(make().count) }
