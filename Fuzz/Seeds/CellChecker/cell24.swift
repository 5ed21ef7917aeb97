//| name: relu-large-epsilon
let coarse = reluNet.gradientCheck(on: data.train, samples: 10, epsilon: 0.1)
var skipped = 0
for layer in coarse.layers { skipped += layer.skippedAtKinks }
print("with ε = 0.1, \(skipped) draws crossed a kink")
metric("kinks_at_0.1", Double(skipped))
