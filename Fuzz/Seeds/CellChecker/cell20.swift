//| name: evaluate
let result = net.evaluate(on: data.test)
print("\(result.correct) of \(data.test.count) test images right")
result
