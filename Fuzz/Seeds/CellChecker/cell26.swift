//| name: epsilon
var epsilonRows = []
for exponent in [1, 3, 5, 7, 9, 11] {
  let epsilon = pow(10.0, -Double(exponent))
  let result = sigmoidNet.gradientCheck(
    on: data.train, samples: 10, epsilon: epsilon)
  epsilonRows.append(["1e-\(exponent)", result.maxRelativeError])
}
table(epsilonRows, columns: ["ε", "max relative error (sigmoid network)"])
