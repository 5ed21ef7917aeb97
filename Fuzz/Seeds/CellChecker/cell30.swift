//| name: sweep
let data = mnist(train: trainSize, test: testSize)
let start = network(
  [784, 16, 16, 10], hidden: .relu, output: .softmax, cost: .crossEntropy,
  seed: seed)
let rates = [0.001, 0.01, 0.1, 1.0]
var histories: [TrainingHistory] = []
var labels: [String] = []
var rows = []
for r in rates {
  let copy = start.copy()
  let history = copy.train(
    on: data.train, epochs: epochs, batchSize: batchSize, learningRate: r,
    test: data.test, shuffleSeed: seed)
  histories.append(history)
  labels.append("rate \(r)")
  let last = epochs - 1
  rows.append(
    ["\(r)", history.trainCosts[last], history.testAccuracies[last]])
}
plot(histories, labels: labels, batches: true)
table(
  rows, columns: ["learning rate", "final training cost", "test accuracy"])
