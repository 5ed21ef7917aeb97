//| name: broken-accuracy
let goodAccuracy = goodHistory.testAccuracies[epochs - 1]
let brokenAccuracy = brokenHistory.testAccuracies[epochs - 1]
print("test accuracy with the correct gradient: \(goodAccuracy)")
print("test accuracy with the broken gradient:  \(brokenAccuracy)")
