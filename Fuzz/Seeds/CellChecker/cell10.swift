//| name: train
let history = net.train(
  on: data.train, epochs: epochs, batchSize: batchSize, learningRate: rate,
  test: data.test)
plot(history, batches: true)
