//| name: average-cost
let sampleSize = min(1000, data.train.count)
var total = 0.0
for i in 0..<sampleSize {
  let a = lesson.feedforward(data.train[i])
  let label = data.train[i].label
  for digit in 0..<10 {
    let desired = digit == label ? 1.0 : 0.0
    total += (a[digit] - desired) * (a[digit] - desired)
  }
}
print("average cost over \(sampleSize) examples:")
metric("average_cost", total / Double(sampleSize))
