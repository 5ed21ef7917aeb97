//| name: one-rate
let single = start.copy()
let singleHistory = single.train(
  on: data.train, epochs: epochs, batchSize: batchSize, learningRate: rate,
  test: data.test, shuffleSeed: seed)
plot(singleHistory, title: "Cost per epoch at rate \(rate)")
