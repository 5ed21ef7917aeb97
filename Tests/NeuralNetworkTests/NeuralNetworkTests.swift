// Tests of NeuralNetwork; they arrive with the issue that builds it.
