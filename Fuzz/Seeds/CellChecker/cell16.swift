//| name: features
weightImages(net, layer: 1)
