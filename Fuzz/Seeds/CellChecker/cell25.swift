//| name: epsilon-exp
var expRows = []
for exponent in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] {
  let epsilon = pow(10.0, -Double(exponent))
  let slope = (exp(1 + epsilon) - exp(1 - epsilon)) / (2 * epsilon)
  expRows.append(["1e-\(exponent)", abs(slope - exp(1)) / exp(1)])
}
table(expRows, columns: ["ε", "relative error of the slope of eˣ"])
