//| name: gradcheck
let check = net.gradientCheck(on: data.train, samples: 10, epsilon: 1e-5)
check
