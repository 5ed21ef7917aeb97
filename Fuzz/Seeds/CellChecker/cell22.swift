//| name: data
let data = mnist(train: trainSize, test: 1000)
let sigmoidNet = network(
  [784, 16, 16, 10], hidden: .sigmoid, output: .sigmoid, cost: .quadratic,
  seed: seed)
let sigmoidCheck = sigmoidNet.gradientCheck(
  on: data.train, samples: 10, epsilon: 1e-5)
sigmoidCheck
