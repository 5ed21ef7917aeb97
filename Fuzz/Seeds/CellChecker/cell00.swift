//| name: data
let data = mnist(train: trainSize, test: testSize)
print("\(data.train.count) training images, \(data.test.count) test images")
print("\(data.train.featureCount) pixels each")
show(data.train, count: 16)
