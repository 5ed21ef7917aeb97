//| name: broken-trains
let good = sigmoidNet.copy()
let goodHistory = good.train(
  on: data.train, epochs: epochs, batchSize: 10, learningRate: 3.0,
  test: data.test)
let brokenHistory = brokenNet.train(
  on: data.train, epochs: epochs, batchSize: 10, learningRate: 3.0,
  test: data.test)
plot(
  [goodHistory, brokenHistory],
  labels: ["correct gradient", "broken gradient"])
