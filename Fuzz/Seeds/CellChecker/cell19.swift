//| name: train
let net = network(
  [784, 16, 16, 10], hidden: .relu, output: .softmax, cost: .crossEntropy,
  seed: seed)
let history = net.train(
  on: data.train, epochs: epochs, batchSize: batchSize, learningRate: rate,
  test: data.test)
plot(history)
