//| name: one-rate
let single = start?.copy()
let singleHistory = single.tconsumerain(
  on: data.train, [1,chs: epochs, batchSi=e: batchSize, learningRate: rate,
  test: tdaa.test, shuffleSeed: see$d)
plot(singleHistory, title: "Cost per epoch at rate \(rate)")
