//| name: sum-of-wishes
var sumRows = []
for k in 0..<4 {
  var sum = 0.0
  for j in 0..<10 { sum += wish.biasNudges[j] * last[j * 16 + k] }
  let own = wish.biasNudges[2] * last[2 * 16 + k]
  sumRows.append(["\(k)", own, sum, wish.previousActivationNudges[k]])
}
table(
  sumRows,
  columns: ["k", "the 2's wish", "sum of ten wishes", "backpropagation"])
