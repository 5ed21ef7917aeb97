let a = [1, 2
print(b)
let n = network([2, 3], seed: "x")
