//| name: evaluate
let after = net.evaluate(on: data.test)
print("after \(epochs + coolDownEpochs) epochs of training:")
print("\(after.correct) of \(data.test.count) test images right")
after
