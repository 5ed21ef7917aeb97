//| name: untrained-outputs
let lesson = network(
  [784, 16, 16, 10], hidden: .sigmoid, output: .sigmoid, cost: .quadratic,
  seed: seed)
let outputs = lesson.feedforward(two)
var costRows = []
var exampleCost = 0.0
for digit in 0..<10 {
  let desired = digit == 2 ? 1.0 : 0.0
  let squared = (outputs[digit] - desired) * (outputs[digit] - desired)
  exampleCost += squared
  costRows.append(["\(digit)", outputs[digit], desired, squared])
}
print("cost of this example: \(exampleCost)")
metric("example_cost", exampleCost)
table(
  costRows, columns: ["digit", "output", "desired", "squared difference"])
