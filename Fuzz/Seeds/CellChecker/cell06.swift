//| name: three-ways
let biasNudge = wish.biasNudges[2]
print("desired change of the 2's activation: \(wish.desiredChanges[2])")
print("its bias nudge: \(biasNudge)")
let slope = outputs[2] * (1 - outputs[2])
print("desired change × σ′(z) = desired change × a(1 − a): \(wish.desiredChanges[2] * slope)")
let last = lesson.weights(layer: 3)
var wayRows = []
for k in 0..<16 {
  let w = last[2 * 16 + k]
  let a = wish.previousActivations[k]
  wayRows.append(
    ["\(k)", a, wish.weightNudges[2 * 16 + k], w, biasNudge * w])
}
table(
  wayRows,
  columns: [
    "k", "activation a′ₖ", "weight nudge", "weight w₂ₖ", "wish for a′ₖ",
  ])
