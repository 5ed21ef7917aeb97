//| name: too-large
var ones = 0
for i in 0..<data.test.count {
  if data.test[i].label == 1 { ones += 1 }
}
print("ln 10, the cost of giving every digit probability 1/10: \(log(10.0))")
print("share of 1s in the test set: \(Double(ones) / Double(data.test.count))")
