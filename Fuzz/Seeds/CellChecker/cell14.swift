//| name: histograms
histogram(untrained, layer: 1, title: "Layer 1 before training")
histogram(net, layer: 1, title: "Layer 1 after training")
