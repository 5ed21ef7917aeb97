//| name: border
var border = [0.0, 0.0]
var centre = [0.0, 0.0]
var borderCount = 0
var centreCount = 0
let weightSets = [untrained.weights(layer: 1), net.weights(layer: 1)]
for pixel in 0..<784 {
  let row = pixel / 28
  let column = pixel % 28
  let isBorder = row < 3 || row > 24 || column < 3 || column > 24
  for neuron in 0..<16 {
    for phase in 0..<2 {
      let w = weightSets[phase][neuron * 784 + pixel]
      if isBorder { border[phase] += w * w } else { centre[phase] += w * w }
    }
    if isBorder { borderCount += 1 } else { centreCount += 1 }
  }
}
table(
  [
    ["outer 3 pixels", sqrt(border[0] / Double(borderCount)),
     sqrt(border[1] / Double(borderCount))],
    ["the rest", sqrt(centre[0] / Double(centreCount)),
     sqrt(centre[1] / Double(centreCount))],
  ],
  columns: ["pixels", "weights' RMS before", "weights' RMS after"])
