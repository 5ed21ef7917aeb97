//| name: untrained
let untrained = net.copy()
let before = untrained.evaluate(on: data.test)
print("untrained test accuracy: \(before.accuracy)")
