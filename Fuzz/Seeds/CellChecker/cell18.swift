//| name: data
let data = fashionMNIST(train: trainSize, test: testSize)
print("\(data.train.count) training images, \(data.test.count) test images")
show(data.train, count: 16)
