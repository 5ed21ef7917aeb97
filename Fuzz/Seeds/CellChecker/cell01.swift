//| name: network
let net = network(
  [784, 16, 16, 10], hidden: activation, output: .softmax,
  cost: .crossEntropy, seed: seed)
var rows = []
for layer in 1..<net.sizes.count {
  let inputs = net.sizes[layer - 1]
  let neurons = net.sizes[layer]
  let weights = inputs * neurons
  rows.append(
    ["layer \(layer)", inputs, neurons, weights, neurons, weights + neurons])
}
print("weights and biases in all: \(net.parameterCount)")
table(
  rows, columns: ["layer", "inputs", "neurons", "weights", "biases", "knobs"])
