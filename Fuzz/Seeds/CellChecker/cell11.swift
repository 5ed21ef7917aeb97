//| name: cool-down
let coolDown = net.train(
  on: data.train, epochs: coolDownEpochs, batchSize: batchSize,
  learningRate: rate / 10, test: data.test)
var coolRows = []
let lastFast = history.testAccuracies[epochs - 1]
coolRows.append(["epoch \(epochs) at rate \(rate)", lastFast])
for record in coolDown.epochs {
  let name = "epoch \(epochs + record.epoch) at rate \(rate / 10)"
  coolRows.append([name, record.testAccuracy])
}
table(coolRows, columns: ["after", "test accuracy"])
