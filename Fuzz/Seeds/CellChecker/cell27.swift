//| name: broken
let brokenNet = network(
  [784, 16, 16, 10], hidden: .sigmoid, output: .sigmoid,
  cost: .brokenQuadratic, seed: seed)
let brokenCheck = brokenNet.gradientCheck(
  on: data.train, samples: 10, epsilon: 1e-5)
brokenCheck
