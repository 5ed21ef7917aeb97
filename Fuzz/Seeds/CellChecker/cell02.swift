//| name: two
var twoIndex = -1
for i in 0..<data.train.count {
  if twoIndex < 0 {
    if data.train[i].label == 2 { twoIndex = i }
  }
}
let two = data.train[twoIndex]
print("the first 2 is training image number \(twoIndex)")
two
