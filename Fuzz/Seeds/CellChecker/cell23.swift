//| name: relu
let reluNet = network(
  [784, 16, 16, 10], hidden: .relu, output: .softmax, cost: .crossEntropy,
  seed: seed)
let reluCheck = reluNet.gradientCheck(
  on: data.train, samples: 10, epsilon: 1e-5)
var rows = []
for layer in reluCheck.layers {
  rows.append(
    [layer.name, layer.checked, layer.skippedAtKinks, layer.maxRelativeError])
}
table(
  rows,
  columns: ["parameters", "checked", "skipped at a kink", "max relative error"])
