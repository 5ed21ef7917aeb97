/// The instruction set this compilation of the kernels targets.
let instructionSet = "avx512"
