//| name: guesses
show(data.test, count: 24, net: net)
weightImages(net, layer: 1)
