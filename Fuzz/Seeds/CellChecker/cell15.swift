//| name: spread
var spreads: [Double] = []
for weights in [untrained.weights(layer: 1), net.weights(layer: 1)] {
  var sumOfSquares = 0.0
  for w in weights { sumOfSquares += w * w }
  spreads.append(sqrt(sumOfSquares / Double(weights.count)))
}
print("root-mean-square of the first layer's weights, before and after:")
metric("weights_rms_before", spreads[0])
metric("weights_rms_after", spreads[1])
